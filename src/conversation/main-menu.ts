// The welcome menu and the free-text phrases that open a dialog ("登记", "我要登记", "register").
import { trimTrailing } from './trim-trailing.ts';
import { LOCALES } from './locales.ts';
import type { Localizer } from './localizer.ts';
import { normalizeInput } from './global-commands.ts';
import { reply, type Reply } from './reply.ts';
import type { StepChoice } from './dialog-types.ts';

/** Menu entries: the dialog each starts and its button label. */
export const MENU_ENTRIES = [
  { dialog: 'registration', label: 'menu.buttons.registration' },
  { dialog: 'hardship', label: 'menu.buttons.hardship' },
  { dialog: 'status', label: 'menu.buttons.status' },
  { dialog: 'followUp', label: 'menu.buttons.followUp' },
] as const;

/**
 * Dialogs opened by their phrases only (no welcome-menu button): 联系方式, 撤回授权, 恢复授权. Exact phrases, so
 * "我不想撤回授权" opens nothing; each also asks to confirm with buttons before it changes anything.
 */
export const PHRASE_ENTRIES = [{ dialog: 'contactChannel' }, { dialog: 'withdrawConsent' }, { dialog: 'restoreConsent' }] as const;

const MENU_CHOICES: readonly StepChoice[] = [
  ...MENU_ENTRIES.map((e) => ({ value: `start:${e.dialog}`, label: e.label })),
  { value: 'human', label: 'menu.buttons.human' },
  { value: 'help', label: 'menu.buttons.help' },
];

export function welcomeMenu(key = 'menu.welcome'): Reply {
  return reply(key, undefined, MENU_CHOICES);
}

/**
 * The dialog a message asks for: a menu button value, or exactly a phrase listed under `menu.intents.<dialog>`.
 * Anything longer goes to the intent layer, so "我不想登记" or "找到工作了怎么注销登记" starts nothing.
 */
export function matchMenuIntent(text: string, localizer: Localizer): string | null {
  const said = normalizeInput(text).toLowerCase();
  if (said.startsWith('start:')) {
    const dialog = said.slice('start:'.length);
    return [...MENU_ENTRIES, ...PHRASE_ENTRIES].find((e) => e.dialog.toLowerCase() === dialog)?.dialog ?? null;
  }
  for (const entry of [...MENU_ENTRIES, ...PHRASE_ENTRIES]) {
    for (const locale of LOCALES) {
      const phrases = localizer.list(locale, `menu.intents.${entry.dialog}`);
      if (phrases.some((p) => said === p.toLowerCase() || said === trimTrailing(p.toLowerCase(), '。.!！'))) return entry.dialog;
    }
  }
  return null;
}
