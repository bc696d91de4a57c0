// Puts words on replies: locale text, buttons where the channel has them, numbered lines where it has not.
import type { Locale } from './locales.ts';
import type { Localizer } from './localizer.ts';
import type { Reply } from './reply.ts';
import type { Choice, OutboundMessage } from './turn-types.ts';

/** A choice as offered, with the locale key of its title so the title is understood in either language. */
export interface OfferedChoice extends Choice {
  label?: string;
}

export function renderReplies(replies: readonly Reply[], locale: Locale, localizer: Localizer, buttons: boolean): { messages: OutboundMessage[]; offered: OfferedChoice[] } {
  let offered: OfferedChoice[] = [];
  const messages = replies.map((r) => {
    const text = localizer.t(locale, r.key, r.params);
    const choices = (r.choices ?? []).map((c) => ({ title: localizer.t(locale, c.label), value: c.value }));
    if (choices.length > 0) offered = (r.choices ?? []).map((c, i) => ({ ...choices[i], title: choices[i]?.title ?? '', value: c.value, label: c.label }));
    if (buttons || choices.length === 0) return { text, choices };
    const lines = choices.map((c, i) => `${i + 1}. ${c.title}`);
    return { text: [text, ...lines, localizer.t(locale, r.acceptsText ? 'engine.replyWithNumberOrText' : 'engine.replyWithNumber')].join('\n'), choices: [] };
  });
  return { messages, offered };
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
  const bare = lowered.replace(/[\s。.!！,，~～]+$/u, '');
  for (const choice of offered) {
    if (choice.value.toLowerCase() === lowered) return choice.value;
    if ([choice.title, ...alternateTitles(choice)].some((t) => [lowered, bare].includes(t.normalize('NFKC').trim().toLowerCase()))) return choice.value;
  }
  return input;
}
