// Commands that work before any dialog step: help, cancel, back, human, language, restart, menu.
import { LOCALES, type Locale } from './locales.ts';
import type { Localizer } from './localizer.ts';

export const GLOBAL_COMMANDS = ['help', 'cancel', 'back', 'human', 'restart', 'menu', 'english', 'chinese'] as const;
export type GlobalCommand = (typeof GLOBAL_COMMANDS)[number];

/** Lower-cased, full-width folded, trimmed: how typed text is compared with keyword lists. */
export function normalizeInput(text: string): string {
  return text.normalize('NFKC').trim().replace(/\s+/g, ' ');
}

/** A command is recognised in either language, whatever the conversation's current language. */
export function detectGlobalCommand(text: string, localizer: Localizer): GlobalCommand | null {
  const raw = normalizeInput(text).toLowerCase();
  const said = [raw, raw.replace(/[。.!！?？]+$/u, '')].filter((s) => s.length > 0);
  if (said.length === 0) return null;
  for (const command of GLOBAL_COMMANDS) {
    for (const locale of LOCALES) {
      const words = localizer.list(locale, `commands.${command}`).map((w) => w.normalize('NFKC').toLowerCase());
      if (said.some((s) => words.includes(s))) return command;
    }
  }
  return null;
}

export function localeOfCommand(command: GlobalCommand): Locale | null {
  if (command === 'english') return 'en';
  if (command === 'chinese') return 'zh-CN';
  return null;
}
