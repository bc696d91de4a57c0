// Puts words on replies: locale text, buttons where the channel has them, numbered lines where it has not.
import { trimTrailing } from './trim-trailing.ts';
import type { Locale } from './locales.ts';
import type { Localizer } from './localizer.ts';
import type { Reply } from './reply.ts';
import type { Choice, OutboundMessage } from './turn-types.ts';

/** A choice as offered, with the locale key of its title so the title is understood in either language. */
export interface OfferedChoice extends Choice {
  label?: string;
}

/**
 * Words for each reply in `locale`. Choices go out as buttons when the channel has them and there are at
 * most `maxButtons` of them; a longer list (e.g. the 15 fields of "edit a field") becomes numbered lines,
 * which fit a phone screen where a strip or stack of 15 buttons does not.
 */
export function renderReplies(replies: readonly Reply[], locale: Locale, localizer: Localizer, buttons: boolean, maxButtons = Number.POSITIVE_INFINITY): { messages: OutboundMessage[]; offered: OfferedChoice[] } {
  let offered: OfferedChoice[] = [];
  const messages = replies.map((r) => {
    const text = localizer.t(locale, r.key, r.params);
    const choices = (r.choices ?? []).map((c) => ({ title: localizer.t(locale, c.label), value: c.value }));
    if (choices.length > 0) offered = (r.choices ?? []).map((c, i) => ({ ...choices[i], title: choices[i]?.title ?? '', value: c.value, label: c.label }));
    if (choices.length === 0 || (buttons && choices.length <= maxButtons)) return { text, choices, locale };
    return { text: [text, ...numberedLines(choices), localizer.t(locale, hintKey(r, buttons))].join('\n'), choices: [], locale };
  });
  return { messages, offered };
}

/**
 * Choices as lines "1. title", numbered in the order they were offered: `resolveChoice` reads a typed "1" back
 * as the first of them, whoever numbered them (this renderer, or a channel's for choices that reach it whole).
 */
export function numberedLines(choices: readonly Pick<Choice, 'title'>[]): string[] {
  return choices.map((c, i) => `${i + 1}. ${c.title}`);
}

/** A list too long for buttons also takes the choice's name; a channel without buttons asks for the number. */
function hintKey(r: Reply, buttons: boolean): string {
  if (r.acceptsText) return 'engine.replyWithNumberOrText';
  return buttons ? 'engine.replyWithNumberOrName' : 'engine.replyWithNumber';
}

/**
 * What a typed answer means when choices were offered: "2" is the second choice, a button title or one of
 * its synonyms (in either language, trailing punctuation ignored) is its value; anything else is passed on
 * unchanged for the step to judge.
 */
export function resolveChoice(input: string, offered: readonly OfferedChoice[], alternateTitles: (choice: OfferedChoice) => string[]): string {
  const trimmed = input.normalize('NFKC').trim();
  if (/^\d{1,2}$/.test(trimmed)) {
    const picked = offered[Number(trimmed) - 1];
    if (picked) return picked.value;
  }
  const lowered = trimmed.toLowerCase();
  const bare = trimTrailing(lowered, ' \t\n\r\u00a0\u3000。.!！,，~～');
  for (const choice of offered) {
    if (choice.value.toLowerCase() === lowered) return choice.value;
    if ([choice.title, ...alternateTitles(choice)].some((t) => [lowered, bare].includes(t.normalize('NFKC').trim().toLowerCase()))) return choice.value;
  }
  return input;
}
