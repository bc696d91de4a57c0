// answerFaq reads only the pack: each statement carries the clause it rests on, and a question the pack does
// not answer gets no statements (the conversation then says so). Checked against the bundled packs.
import { describe, expect, it } from 'vitest';
import { loadRegionPacks } from '../../../src/config/load-region-packs.ts';
import { answerFaq, FAQ_TOPICS, sharedClause, type FaqTopic } from '../../../src/domain/faq/answer-faq.ts';
import { selectRegionPack } from '../../../src/domain/regions/select-region-pack.ts';
import { regionPackSchema } from '../../../src/domain/regions/region-pack.ts';

const packs = loadRegionPacks();
const packFor = (code: string) => selectRegionPack(packs, code, '2025-03-11');
const codes = (region: string, topic: FaqTopic) => answerFaq(packFor(region), topic).map((s) => s.code);

describe('answerFaq', () => {
  it.each([
    ['440800', 'papers', ['PAPERS', 'CREDIT_PROMISE']],
    ['440800', 'quota', ['QUOTA']],
    ['440800', 'benefit', ['BENEFIT_WITH_REGISTRATION']],
    ['440800', 'where', ['CHANNEL_COUNTY_OFFICE_WINDOWS', 'HOTLINE']],
    ['440800', 'hardship', ['CATEGORIES_ELSEWHERE', 'REQUIRES_REGISTRATION']],
    ['440800', 'whoCanRegister', ['CONDITIONS', 'PLACES', 'JOB_SEEKER']],
    ['330302', 'papers', []],
    ['330302', 'benefit', []],
    ['330302', 'quota', []],
    ['330302', 'contactFrequency', ['FIRST_CONTACT', 'MONTHLY', 'ON_REFUSAL']],
    ['330302', 'deregistration', ['GROUNDS', 'NEVER_SOLE_GROUND']],
    ['330302', 'hardship', ['CATEGORIES', 'REQUIRES_REGISTRATION', 'NOTICE_EXEMPT']],
    ['230102', 'hardship', ['CATEGORIES', 'NOTICE_REQUIRED']],
    ['330100', 'hardship', ['CATEGORIES', 'REQUIRES_REGISTRATION']],
    ['230102', 'benefit', ['BENEFIT_LUMP_SUM_FOR_STARTUP']],
    ['230102', 'whoCanRegister', ['CONDITIONS', 'PLACE', 'JOB_SEEKER']],
    ['210302', 'whoCanRegister', ['CONDITIONS', 'PLACE', 'MIGRANT_PLACES', 'JOB_SEEKER']],
    ['210302', 'where', ['CHANNEL_PUBLIC_EMPLOYMENT_OFFICES', 'CHANNEL_NATIONAL_REGISTRATION_PLATFORM', 'CHANNEL_PROVINCIAL_PLATFORM', 'CHANNEL_COMMUNITY_SERVICE_CIRCLE_15_MIN', 'HOTLINE']],
    ['330100', 'where', []],
  ] as const)('region %s, %s → %j', (region, topic, expected) => {
    expect(codes(region, topic)).toEqual(expected);
  });

  it('every statement of every pack cites a clause', () => {
    for (const pack of packs) for (const topic of FAQ_TOPICS) for (const s of answerFaq(pack, topic)) expect(s.source, `${pack.code} ${topic} ${s.code}`).not.toBe('');
  });

  it('numbers come from the pack: the Zhanjiang quota and credit promise, the Wenzhou deregistration counts', () => {
    expect(answerFaq(packFor('440800'), 'quota')[0]?.numbers).toEqual({ policy: 2, guidance: 3, jobs: 3, training: 3 });
    expect(answerFaq(packFor('440800'), 'papers')[1]).toEqual({ code: 'CREDIT_PROMISE', source: 'zhanjiang-2021#五(一)', numbers: { workingDays: 7 } });
    const never = answerFaq(packFor('330302'), 'deregistration')[1];
    expect(never?.list).toEqual({ kind: 'ground', codes: ['REFUSED_SERVICES', 'NO_CONTACT'], counts: { REFUSED_SERVICES: 3, NO_CONTACT: 6 } });
    expect(never?.source).toBe('wenzhou-2022#二(三)1');
  });

  it('a pack without faq data answers papers, benefit and where with nothing rather than a guess', () => {
    const zhanjiang = packFor('440800');
    const { faq: _faq, ...rest } = zhanjiang;
    const bare = regionPackSchema.parse({ ...rest, hotline: null, followUp: { ...zhanjiang.followUp, creditPromise: null } });
    expect(answerFaq(bare, 'papers')).toEqual([]);
    expect(answerFaq(bare, 'benefit')).toEqual([]);
    expect(answerFaq(bare, 'where')).toEqual([]);
  });
});

describe('sharedClause', () => {
  it.each([
    [['zhanjiang-2021#二(一)1', 'zhanjiang-2021#二(一)10'], 'zhanjiang-2021#二(一)'],
    [['wenzhou-2022#二(三)1', 'wenzhou-2022#二(三)1'], 'wenzhou-2022#二(三)1'],
    [['zhanjiang-2021#二(一)1', 'wenzhou-2022#二(三)1'], 'zhanjiang-2021#二(一)1'],
  ])('%j → %s', (refs, expected) => {
    expect(sharedClause(refs)).toBe(expected);
  });
});
