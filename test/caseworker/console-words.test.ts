// The inbox page's word table: every word in both languages, and every data-t / data-said / w('...') the page
// and its script name exists, so no raw key reaches a caseworker in either language.
import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';

const asset = (name: string) => readFileSync(new URL(`../../src/caseworker/console-assets/${name}`, import.meta.url), 'utf8');

type Table = { [key: string]: string | Table };
function loadWords(): { zh: Table; en: Table } {
  const window: { jiuyebangConsoleWords?: { zh: Table; en: Table } } = {};
  runInNewContext(asset('console-words.js'), { window });
  if (!window.jiuyebangConsoleWords) throw new Error('console-words.js set no table');
  return window.jiuyebangConsoleWords;
}
function paths(table: Table, prefix = ''): string[] {
  return Object.entries(table).flatMap(([key, value]) => (typeof value === 'string' ? [prefix + key] : paths(value, `${prefix}${key}.`)));
}
const lookup = (table: Table, key: string): unknown => key.split('.').reduce<unknown>((at, part) => (at && typeof at === 'object' ? Reflect.get(at, part) : undefined), table);

describe('console inbox words', () => {
  const words = loadWords();

  it('has every word in Chinese and in English, and no Chinese in the English table', () => {
    expect(paths(words.en).sort()).toEqual(paths(words.zh).sort());
    for (const key of paths(words.en)) expect(String(lookup(words.en, key)), key).not.toMatch(/[\u4e00-\u9fff]/);
    for (const key of paths(words.zh)) expect(String(lookup(words.zh, key)).length, key).toBeGreaterThan(0);
  });

  it('knows every key the page and its script use', () => {
    const html = asset('console.html');
    const script = asset('console.js');
    const used = new Set<string>([
      ...[...html.matchAll(/data-(?:t|t-placeholder|t-label|said)="([^"]+)"/g)].map((m) => m[1]!),
      ...[...script.matchAll(/\bw\('([A-Za-z][A-Za-z.]*[A-Za-z])'[,)]/g)].map((m) => m[1]!),
      ...[...script.matchAll(/logout\('([A-Za-z]+)'\)/g)].map((m) => m[1]!),
      // The word a field error or a said line shows: the last quoted argument of fieldError(...) / L.say(...).
      ...script.split('\n').filter((line) => /fieldError\(|L\.say\(/.test(line)).flatMap((line) => [...line.matchAll(/[?:,]\s*'([A-Za-z]+)'/g)].map((m) => m[1]!)),
    ]);
    for (const key of ['needUsername', 'needPassword', 'needReply', 'needReason', 'needTarget', 'needNote', 'liveOn', 'liveLost', 'resume', 'wait', 'expired']) expect([...used], key).toContain(key);
    // Keys the script builds from data (status, kind, dialog, channel) are checked through their sub-tables.
    for (const status of ['new', 'claimed', 'waiting', 'closed']) used.add(`status.${status}`);
    for (const kind of ['handoff', 'hardship_recognition', 'deregistration_fact', 'identity_link', 'civil_affairs_referral', 'other']) used.add(`kind.${kind}`);
    expect(used.size).toBeGreaterThan(40);
    for (const key of used) {
      expect(typeof lookup(words.zh, key), key).toBe('string');
      expect(typeof lookup(words.en, key), key).toBe('string');
    }
  });
});
