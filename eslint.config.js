// Lint rules that enforce the arrows of ../shared/ARCHITECTURE.md: domain is pure, only persistence
// imports Prisma, only channels import botbuilder or wechaty.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const prisma = { group: ['@prisma/*', 'prisma', '**/persistence/generated/**'], message: 'Only src/persistence may import Prisma.' };
const channels = { group: ['botbuilder', 'botbuilder-*', 'botframework-*', 'wechaty', 'wechaty-*'], message: 'Only src/channels may import botbuilder or wechaty.' };

export default tseslint.config(
  { ignores: ['node_modules/**', 'src/persistence/generated/**', 'data/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { languageOptions: { globals: { ...globals.node } } },
  // The chat page's own script runs in the browser, next to Web Chat's bundle (window.WebChat).
  { files: ['public/**/*.js'], languageOptions: { globals: { ...globals.browser, WebChat: 'readonly' } } },
  { rules: { '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }] } },
  {
    files: ['src/**/*.ts', 'dialogs/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-imports': ['error', { patterns: [prisma, channels] }],
    },
  },
  { files: ['src/persistence/**/*.ts'], rules: { 'no-restricted-imports': ['error', { patterns: [channels] }] } },
  { files: ['src/channels/**/*.ts'], rules: { 'no-restricted-imports': ['error', { patterns: [prisma] }] } },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [prisma, channels, { group: ['node:*', 'fs', 'path', 'http', 'express', 'pino', 'i18next', 'node-cron'], message: 'src/domain is pure: no I/O.' },
          { group: ['**/persistence/**', '**/conversation/**', '**/channels/**', '**/http/**', '**/config/**', '**/scheduler/**', '**/delivery/**', '**/caseworker/**', '**/cli/**', '**/dialogs/**'], message: 'src/domain imports nothing outside src/domain.' }],
      }],
    },
  },
  {
    files: ['src/**/*.ts', 'dialogs/**/*.ts'],
    rules: { '@typescript-eslint/consistent-type-assertions': ['error', { assertionStyle: 'never' }] },
  },
);
