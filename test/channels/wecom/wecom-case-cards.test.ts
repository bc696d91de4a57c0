// New cases reach caseworkers in WeCom by district, on the running service against the fake qyapi: three linked
// members (one for the whole city, one for 赤坎区 440802, one for 霞山区 440803) each get the 认领 card of a new
// case only when their districts cover the case's district, and each card once.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runWecomCommand } from '../../../src/cli/wecom-command.ts';
import type { RunningService } from '../../../src/main.ts';
import { openDatabase, type Database } from '../../../src/persistence/database.ts';
import { addCaseworker } from '../../support/console-api.ts';
import { startTestService, tempServiceConfig } from '../../support/test-service.ts';
import { startFakeWecom, type FakeWecom } from './fake-wecom-api.ts';

const CORP = 'ww1436e0e65a779aee';
/** How often the service looks for new cases (start-tencent-channels' default), with room to spare. */
const POLL_MS = 2000;
let fake: FakeWecom;
let service: RunningService;
let db: Database;

/** A new 转人工 case filed in `regionCode`, as the engine files it. */
async function fileCase(regionCode: string): Promise<string> {
  const id = randomUUID();
  await db.prisma.handoffCase.create({ data: { id, conversationKey: `webchat:${id}`, regionCode, reason: 'user_request', kind: 'handoff' } });
  return id;
}

/** The WeCom members who were sent the claim card of `caseId`. */
const cardRecipients = (caseId: string) =>
  fake.sent.filter((m) => m.msgtype === 'template_card' && m.template_card?.button_list.some((b) => b.key === `claim:${caseId}`)).map((m) => m.touser).sort();

async function waitForCards(caseId: string, count: number): Promise<void> {
  const end = Date.now() + 15_000;
  while (cardRecipients(caseId).length < count) {
    if (Date.now() > end) throw new Error(`expected ${count} cards for ${caseId}, got ${JSON.stringify(cardRecipients(caseId))}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  // Another poll or two: nobody else gets one late, nobody gets a second.
  await new Promise((r) => setTimeout(r, POLL_MS * 2));
}

beforeAll(async () => {
  fake = await startFakeWecom(CORP, 'app-secret');
  const config = tempServiceConfig({
    WECOM_CORP_ID: CORP, WECOM_TOKEN: 'hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo', WECOM_AES_KEY: '6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt',
    WECOM_AGENT_ID: '1000002', WECOM_SECRET: 'app-secret', WECOM_API_BASE: fake.url,
  });
  service = await startTestService(config);
  await addCaseworker(config, { username: 'xiashan', password: 'pw-xiashan-123', displayName: '霞山区工作人员', regionCode: '440800', districts: ['440803'] });
  const io = { out: () => undefined, err: () => undefined };
  // demo covers the whole city (440800); demo-district covers 440802 only.
  for (const [username, userId] of [['demo', 'CityWorker'], ['demo-district', 'ChikanWorker'], ['xiashan', 'XiashanWorker']] as const) {
    expect(await runWecomCommand(['link', username, userId], io, config)).toBe(0);
  }
  db = openDatabase(config.DATABASE_URL);
  await db.ready;
}, 60_000);

afterAll(async () => {
  await db?.close();
  await service?.stop();
  await fake?.close();
});

describe('WeCom case cards by district', () => {
  it('sends a new 赤坎区 case to the city-wide and the 赤坎区 caseworker, not to the 霞山区 one', async () => {
    const caseId = await fileCase('440802');
    await waitForCards(caseId, 2);
    expect(cardRecipients(caseId)).toEqual(['ChikanWorker', 'CityWorker']);
  });

  it('sends a new 霞山区 case to the city-wide and the 霞山区 caseworker, not to the 赤坎区 one', async () => {
    const caseId = await fileCase('440803');
    await waitForCards(caseId, 2);
    expect(cardRecipients(caseId)).toEqual(['CityWorker', 'XiashanWorker']);
  });

  it('sends a case filed for the whole city only to the city-wide caseworker', async () => {
    const caseId = await fileCase('440800');
    await waitForCards(caseId, 1);
    expect(cardRecipients(caseId)).toEqual(['CityWorker']);
  });
});
