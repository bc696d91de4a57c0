// Lint rules that enforce the arrows of ../shared/ARCHITECTURE.md: domain is pure, only persistence imports
// Prisma, only channels import botbuilder or wechaty, consumers depend on ports (not on src/persistence),
// persistence implements ports without importing dialog actions, and packs and calendars are loaded at the
// composition root. test/lint/layering.test.ts checks that each rule fails a forbidden import.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const prisma = { group: ['@prisma/*', 'prisma', '**/persistence/generated/**'], message: 'Only src/persistence may import Prisma.' };
const channelLibraries = { group: ['botbuilder', 'botbuilder-*', 'botframework-*', 'wechaty', 'wechaty-*'], message: 'Only src/channels may import botbuilder or wechaty.' };
const persistence = {
  group: ['**/persistence/**'],
  message: 'Depend on a port (an interface beside its consumer, e.g. src/conversation/ports.ts), not on src/persistence; src/main.ts wires the repository.',
};
const actions = { group: ['**/conversation/actions/**'], message: 'Ports live with the ports (src/conversation/ports.ts, registration-intake.ts), not inside a dialog action.' };
const dialogs = { group: ['**/dialogs/**'], message: 'Only the engine and the composition root (src/main.ts) know the dialogs.' };
const loaders = {
  group: ['**/config/load-region-packs*', '**/config/load-calendar-overrides*', '**/config/region-policy*'],
  message: 'Region packs and calendars are loaded in the composition root (src/main.ts, src/config/region-policy.ts) and handed to the engine.',
};
const domainIo = { group: ['node:*', 'fs', 'path', 'http', 'express', 'pino', 'i18next', 'node-cron'], message: 'src/domain is pure: no I/O.' };
const domainOutside = {
  group: ['**/persistence/**', '**/conversation/**', '**/channels/**', '**/http/**', '**/config/**', '**/scheduler/**', '**/delivery/**', '**/caseworker/**', '**/cli/**', '**/dialogs/**', '**/locales/**', '*.json'],
  message: 'src/domain imports nothing outside src/domain (and holds no wording: words are locale keys).',
};

/** One `no-restricted-imports` per folder: flat config replaces a rule's options, so each lists all its patterns. */
const restrict = (files, ...patterns) => ({ files, rules: { 'no-restricted-imports': ['error', { patterns }] } });

export const LAYERS = [
  restrict(['src/**/*.ts', 'dialogs/**/*.ts'], prisma, channelLibraries),
  restrict(['src/conversation/**/*.ts', 'dialogs/**/*.ts'], prisma, channelLibraries, persistence, loaders),
  restrict(['src/persistence/**/*.ts'], channelLibraries, actions, dialogs),
  restrict(['src/channels/**/*.ts'], prisma, persistence, actions, dialogs),
  restrict(['src/scheduler/**/*.ts', 'src/delivery/**/*.ts', 'src/http/**/*.ts', 'src/caseworker/**/*.ts'], prisma, channelLibraries, persistence, actions, dialogs),
  restrict(['src/domain/**/*.ts'], prisma, channelLibraries, domainIo, domainOutside),
];

export default tseslint.config(
  { ignores: ['node_modules/**', 'src/persistence/generated/**', 'data/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { languageOptions: { globals: { ...globals.node } } },
  // The chat page's own script runs in the browser, next to Web Chat's bundle (window.WebChat).
  { files: ['public/**/*.js'], languageOptions: { globals: { ...globals.browser, WebChat: 'readonly' } } },
  { rules: { '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }] } },
  { files: ['src/**/*.ts', 'dialogs/**/*.ts'], rules: { '@typescript-eslint/no-explicit-any': 'error' } },
  ...LAYERS,
  {
    files: ['src/**/*.ts', 'dialogs/**/*.ts'],
    rules: { '@typescript-eslint/consistent-type-assertions': ['error', { assertionStyle: 'never' }] },
  },
);
