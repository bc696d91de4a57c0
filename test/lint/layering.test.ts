// The layering rules of eslint.config.js fail a forbidden import: ESLint's Node API lints small in-memory
// snippets as if they sat in each folder, and the allowed counterpart of each passes.
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const forbidden: [string, string, string, RegExp][] = [
  ['a channel importing a repository', 'src/channels/webchat/probe.ts', "import type { WebchatStore } from '../../persistence/webchat-store.ts';\nexport type P = WebchatStore;", /not on src\/persistence/],
  ['the scheduler importing a repository', 'src/scheduler/probe.ts', "import { createRegistrationRepository } from '../persistence/registration-repository.ts';\nexport const p = createRegistrationRepository;", /not on src\/persistence/],
  ['HTTP importing a repository', 'src/http/probe.ts', "import type { RateLimitStore } from '../persistence/rate-limit-store.ts';\nexport type P = RateLimitStore;", /not on src\/persistence/],
  ['the console importing a repository', 'src/caseworker/probe.ts', "import type { CaseworkerRepository } from '../persistence/caseworker-repository.ts';\nexport type P = CaseworkerRepository;", /not on src\/persistence/],
  ['the engine importing a repository', 'src/conversation/probe.ts', "import { createRepositories } from '../persistence/repositories.ts';\nexport const p = createRepositories;", /not on src\/persistence/],
  ['persistence importing a dialog action', 'src/persistence/probe.ts', "import type { DialogAction } from '../conversation/actions/action-types.ts';\nexport type P = DialogAction;", /Ports live with the ports/],
  ['the scheduler taking a port from an action', 'src/scheduler/probe.ts', "import { submitRegistration } from '../conversation/actions/submit-registration.ts';\nexport const p = submitRegistration;", /Ports live with the ports/],
  ['persistence importing a dialog', 'src/persistence/probe.ts', "import { DIALOGS } from '../../dialogs/index.ts';\nexport const p = DIALOGS;", /composition root/],
  ['the engine loading region packs', 'src/conversation/probe.ts', "import { loadRegionPacks } from '../config/load-region-packs.ts';\nexport const p = loadRegionPacks;", /loaded in the composition root/],
  ['a dialog loading the calendar', 'dialogs/probe.dialog.ts', "import { loadWorkCalendar } from '../src/config/load-calendar-overrides.ts';\nexport const p = loadWorkCalendar;", /loaded in the composition root/],
  ['the domain reading locale words', 'src/domain/registration/probe.ts', "import words from '../../../locales/zh-CN.json';\nexport const p = words;", /holds no wording/],
  ['the domain importing the engine', 'src/domain/registration/probe.ts', "import type { Slots } from '../../conversation/dialog-types.ts';\nexport type P = Slots;", /imports nothing outside src\/domain/],
  ['a channel importing Prisma', 'src/channels/webchat/probe.ts', "import { PrismaClient } from '@prisma/client';\nexport const p = PrismaClient;", /Only src\/persistence may import Prisma/],
];

const allowed: [string, string, string][] = [
  ['a channel importing its port', 'src/channels/webchat/probe.ts', "import type { WebchatStore } from './webchat-store-port.ts';\nexport type P = WebchatStore;"],
  ['persistence implementing an engine port', 'src/persistence/probe.ts', "import type { HardshipRequestDesk } from '../conversation/ports.ts';\nexport type P = HardshipRequestDesk;"],
  ['the scheduler using the intake port', 'src/scheduler/probe.ts', "import type { FirstContactPolicy } from '../conversation/registration-intake.ts';\nexport type P = FirstContactPolicy;"],
  ['the composition root wiring a repository', 'src/main-probe.ts', "import { createRepositories } from './persistence/repositories.ts';\nexport const p = createRepositories;"],
];

describe('layering lint rules', () => {
  it.each(forbidden)('%s fails', async (_what, filePath, code, message) => {
    const messages = await restrictedImports(filePath, code);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(message);
  }, 60_000);

  it.each(allowed)('%s passes', async (_what, filePath, code) => {
    expect(await restrictedImports(filePath, code)).toEqual([]);
  }, 60_000);
});
