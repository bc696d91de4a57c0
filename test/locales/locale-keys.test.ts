// Every key exists in both languages, and every key a dialog or the engine names exists.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const read = (locale: string): Record<string, unknown> => JSON.parse(readFileSync(join('locales', `${locale}.json`), 'utf8'));

function leafKeys(value: unknown, prefix = ''): string[] {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    return Object.entries(value).flatMap(([k, v]) => leafKeys(v, prefix ? `${prefix}.${k}` : k));
  }
  return [prefix];
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? (e.name === 'generated' ? [] : sourceFiles(join(dir, e.name))) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

describe('locale files', () => {
  const zh = new Set(leafKeys(read('zh-CN')));
  const en = new Set(leafKeys(read('en')));

  it('have the same keys in zh-CN and en', () => {
    expect([...zh].filter((k) => !en.has(k))).toEqual([]);
    expect([...en].filter((k) => !zh.has(k))).toEqual([]);
  });

  it('contain every literal locale key used by dialogs and the engine', () => {
    const pattern = /['`]((?:engine|menu|handoff|registration|reasons|errors|hardship|status|followUp|jobSeeker|education|places|commands)\.[A-Za-z0-9_.]+)['`]/g;
    const used = new Set<string>();
    const actions = new Set<string>();
    for (const file of [...sourceFiles('dialogs'), ...sourceFiles('src/conversation')]) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(pattern)) used.add(match[1] ?? '');
      for (const match of text.matchAll(/(?:finish|action|precondition): '([^']+)'/g)) actions.add(match[1] ?? '');
    }
    // Action and precondition names (what a dialog finishes with or checks first, what the audit trail records) look like keys but are not.
    for (const action of actions) used.delete(action);
    const missing = [...used].filter((k) => !zh.has(k) && ![...zh].some((z) => z.startsWith(`${k}.`)));
    expect(missing).toEqual([]);
  });
});
