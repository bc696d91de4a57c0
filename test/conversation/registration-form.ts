// The registration form as tests walk it: a man of working age's answers (button values where a step has
// buttons), and the summary text the bot shows for them, built from locale keys.
import type { Locale } from '../../src/conversation/locales.ts';
import { checkCharacter } from '../../src/domain/identity/id-number.ts';
import type { EngineHarness } from '../support/engine-harness.ts';

/** Man, born 1990-05-15 (SPEC §4.5 #3). */
export const ID = '330302199005151235';
export const PHONE = '13812345678';
export const withCheck = (first17: string): string => first17 + checkCharacter(first17);

/** Every step of the unemployment path for a man, in order, with a good answer. */
export const FORM = [
  ['consent', 'agree'],
  ['name', '张三'],
  ['idNumber', ID],
  ['household', '湛江市赤坎区'],
  ['residence', 'same'],
  ['phone', PHONE],
  ['unemployedSince', '2025-03-01'],
  ['reason', 'lost_job'],
  ['education', 'senior'],
  ['skills', '电工证'],
  ['jobWanted', '仓管'],
  ['training', 'yes'],
  ['business', 'no'],
  ['followUp', 'monthly'],
  ['papers', 'yes'],
] as const;
export type FormStep = (typeof FORM)[number][0] | 'confirm';
export const FORM_STEPS: readonly FormStep[] = [...FORM.map(([step]) => step), 'confirm'];

/** Says "登记" and answers every step before `step` (all of them by default); `answers` replaces some. */
export async function fillForm(h: EngineHarness, options: { until?: FormStep; answers?: Partial<Record<FormStep, string>>; conversationId?: string; buttons?: boolean } = {}): Promise<void> {
  const say = { ...(options.conversationId ? { conversationId: options.conversationId } : {}), ...(options.buttons === false ? { buttons: false } : {}) };
  await h.say('登记', say);
  for (const [step, answer] of FORM) {
    if (step === options.until) return;
    await h.say(options.answers?.[step] ?? answer, say);
  }
}

/** The summary for the default answers, as `registration.confirm.ask` shows it. */
export function summaryText(h: EngineHarness, locale: Locale, lines: Partial<Record<string, string>> = {}): string {
  const t = (key: string) => h.t(locale, key);
  const values: [string, string][] = [
    ['kind', t('registration.title')],
    ['name', '张三'],
    ['idNumber', '3303************35'],
    ['household', '湛江市赤坎区'],
    ['residence', '湛江市赤坎区'],
    ['phone', '138****5678'],
    ['unemployedSince', '2025-03-01'],
    ['reason', t('reasons.lost_job')],
    // Asked of graduates only.
    ...(lines.hardshipFamily === undefined ? [] : [['hardshipFamily', lines.hardshipFamily] as [string, string]]),
    ['education', t('education.senior')],
    ['skills', '电工证'],
    ['jobWanted', '仓管'],
    ['training', t('registration.answer.yes')],
    ['business', t('registration.answer.no')],
    ['followUp', t('registration.followUp.monthly')],
    ['papers', t('registration.papers.yes')],
  ];
  const text = values.map(([field, value]) => `${t(`registration.summary.${field}`)}${lines[field] ?? value}`).join('\n');
  return h.t(locale, 'registration.confirm.ask', { lines: text });
}
