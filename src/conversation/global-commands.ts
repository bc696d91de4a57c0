// Commands that work before any dialog step: help, cancel, back, human, language, restart, menu.
import { LOCALES, type Locale } from './locales.ts';
import type { Localizer } from './localizer.ts';
import { trimTrailing } from './trim-trailing.ts';

export const GLOBAL_COMMANDS = ['help', 'cancel', 'back', 'human', 'restart', 'menu', 'english', 'chinese'] as const;
export type GlobalCommand = (typeof GLOBAL_COMMANDS)[number];

/** Lower-cased, full-width folded, trimmed: how typed text is compared with keyword lists. */
export function normalizeInput(text: string): string {
  return text.normalize('NFKC').trim().replace(/\s+/g, ' ');
}

/** A command is recognised in either language, whatever the conversation's current language. */
export function detectGlobalCommand(text: string, localizer: Localizer): GlobalCommand | null {
  const raw = normalizeInput(text).toLowerCase();
  const said = [raw, trimTrailing(raw, '。.!！?？')].filter((s) => s.length > 0);
  if (said.length === 0) return null;
  const table = commandTableOf(localizer);
  return said.map((s) => table.get(s)).find((c) => c !== undefined) ?? null;
}

const tables = new WeakMap<Localizer, Map<string, GlobalCommand>>();

/** Every command word of both languages, normalised, built once per localizer (first listed command wins). */
function commandTableOf(localizer: Localizer): Map<string, GlobalCommand> {
  const known = tables.get(localizer);
  if (known) return known;
  const table = new Map<string, GlobalCommand>();
  for (const command of GLOBAL_COMMANDS) {
    for (const locale of LOCALES) {
      for (const word of localizer.list(locale, `commands.${command}`)) {
        const normalized = word.normalize('NFKC').toLowerCase();
        if (!table.has(normalized)) table.set(normalized, command);
      }
    }
  }
  tables.set(localizer, table);
  return table;
}

export function localeOfCommand(command: GlobalCommand): Locale | null {
  if (command === 'english') return 'en';
  if (command === 'chinese') return 'zh-CN';
  return null;
}
