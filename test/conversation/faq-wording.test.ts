// Every statement and list item an FAQ answer can hold has words in both languages, so a pack that uses a new
// code never shows a raw key to a person.
import { describe, expect, it } from 'vitest';
import { createLocalizer, readLocaleResources } from '../../src/conversation/localizer.ts';
import { LOCALES } from '../../src/conversation/locales.ts';
import { BENEFIT_CODES, CHANNEL_CODES, PAPER_CODES } from '../../src/domain/faq/faq-facts.ts';
import { answerFaq, FAQ_TOPICS } from '../../src/domain/faq/answer-faq.ts';
import { DEREGISTRATION_GROUND_CODES } from '../../src/domain/deregistration/deregistration-ground.ts';
import { REGISTRATION_PLACES } from '../../src/domain/regions/region-pack.ts';
import { HARDSHIP_FLAG_FIELDS } from '../../src/domain/hardship/hardship-profile.ts';
import { loadRegionPacks } from '../../src/config/load-region-packs.ts';

const localizer = createLocalizer(readLocaleResources());
const FIXED_LINES = ['CONDITIONS', 'PLACE', 'PLACES', 'MIGRANT_PLACES', 'JOB_SEEKER', 'PAPERS', 'CREDIT_PROMISE', 'FIRST_CONTACT', 'MONTHLY', 'EVERY_MONTHS', 'ON_REFUSAL', 'QUOTA', 'CATEGORIES', 'CATEGORIES_ELSEWHERE', 'REQUIRES_REGISTRATION', 'NOTICE_EXEMPT', 'NOTICE_REQUIRED', 'GROUNDS', 'NEVER_SOLE_GROUND', 'HOTLINE'];
const keys = [
  ...FIXED_LINES.map((c) => `faq.line.${c}`),
  ...BENEFIT_CODES.map((c) => `faq.line.BENEFIT_${c}`),
  ...CHANNEL_CODES.map((c) => `faq.line.CHANNEL_${c}`),
  ...PAPER_CODES.map((c) => `faq.list.paper.${c}`),
  ...REGISTRATION_PLACES.map((c) => `faq.list.place.${c}`),
  ...DEREGISTRATION_GROUND_CODES.map((c) => `faq.list.ground.${c}`),
  ...HARDSHIP_FLAG_FIELDS.map((c) => `faq.list.flag.${c}`),
  ...FAQ_TOPICS.flatMap((t) => [`faq.title.${t}`, `faq.topic.${t}`]),
];

describe('FAQ wording', () => {
  it.each(LOCALES)('%s has words for every statement, list item and topic', (locale) => {
    const missing = keys.filter((k) => localizer.t(locale, k) === k || localizer.t(locale, k) === '');
    expect(missing).toEqual([]);
  });

  it('every statement the bundled packs produce is one of those', () => {
    const produced = loadRegionPacks().flatMap((pack) => FAQ_TOPICS.flatMap((topic) => answerFaq(pack, topic).map((s) => `faq.line.${s.code}`)));
    expect(produced.filter((k) => !keys.includes(k))).toEqual([]);
  });
});
