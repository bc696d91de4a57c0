// Which catalogue item a person is sent: only items in force, in their area, for their group and age, not sent
// before; their district before region-wide, a targeted group before a general one, then their own words.
import { describe, expect, it } from 'vitest';
import { catalogGroupsOf, matchCatalogItem, type CatalogCandidate, type CatalogProfile } from '../../../src/domain/catalogue/match-catalog-item.ts';

const NOW = new Date('2026-03-10T02:00:00Z');
const item = (id: string, over: Partial<CatalogCandidate> = {}): CatalogCandidate => ({
  id, kind: 'jobs', region: '2103', district: null, targetGroups: [], minAge: null, maxAge: null, keywords: [],
  effectiveFrom: new Date('2026-01-01T00:00:00+08:00'), expiresAt: new Date('2026-07-01T00:00:00+08:00'), startsAt: null, ...over,
});
const person = (over: Partial<CatalogProfile> = {}): CatalogProfile => ({ regionCode: '210302', ageYears: 35, groups: [], interests: [], alreadySent: new Set(), ...over });

describe('matchCatalogItem', () => {
  it.each([
    ['nothing in the catalogue', person(), [], null],
    ['region-wide item', person(), [item('a')], 'a'],
    ['another region only', person(), [item('a', { region: '4408' })], null],
    ['another district of the region only', person(), [item('a', { district: '210303' })], null],
    ['own district before region-wide', person(), [item('a'), item('b', { district: '210302' })], 'b'],
    ['expired (ended yesterday)', person(), [item('a', { expiresAt: new Date('2026-03-10T00:00:00+08:00') })], null],
    ['valid through its last day', person(), [item('a', { expiresAt: new Date('2026-03-11T00:00:00+08:00') })], 'a'],
    ['not yet effective', person(), [item('a', { effectiveFrom: new Date('2026-03-11T00:00:00+08:00') })], null],
    ['an event that already took place', person(), [item('a', { startsAt: new Date('2026-03-09T09:00:00+08:00') })], null],
    ['already sent to this person', person({ alreadySent: new Set(['a']) }), [item('a'), item('b')], 'b'],
    ['everything already sent', person({ alreadySent: new Set(['a']) }), [item('a')], null],
    ['for graduates, person is not one', person(), [item('a', { targetGroups: ['graduate'] })], null],
    ['for graduates, person is one: before the general item', person({ groups: ['graduate'] }), [item('a'), item('b', { targetGroups: ['graduate', 'youth'] })], 'b'],
    ['for a hardship category the person has', person({ groups: ['hardship', 'DISABLED'] }), [item('a', { targetGroups: ['DISABLED'] })], 'a'],
    ['age band: too old', person({ ageYears: 45 }), [item('a', { maxAge: 35 })], null],
    ['age band: within', person({ ageYears: 45 }), [item('a', { minAge: 40, maxAge: 60 })], 'a'],
    ['age band, age unknown', person({ ageYears: null }), [item('a', { minAge: 40 })], null],
    ['skills and wishes: the item with their words first', person({ interests: ['会开叉车', '想做仓库管理'] }), [item('a', { keywords: ['电焊'] }), item('b', { keywords: ['叉车', '仓库'] })], 'b'],
    ['district still beats words', person({ interests: ['叉车'] }), [item('a', { keywords: ['叉车'] }), item('b', { district: '210302' })], 'b'],
    ['a tie: the sooner event', person(), [item('a', { startsAt: new Date('2026-03-28T09:00:00+08:00') }), item('b', { startsAt: new Date('2026-03-21T09:00:00+08:00') })], 'b'],
    ['a tie: the one that runs out first', person(), [item('a'), item('b', { expiresAt: new Date('2026-04-01T00:00:00+08:00') })], 'b'],
    ['a full tie: the smaller id', person(), [item('b'), item('a')], 'a'],
  ] as const)('%s', (_name, profile, items, expected) => {
    expect(matchCatalogItem(profile, items, NOW)?.item.id ?? null).toBe(expected);
  });
});

describe('catalogGroupsOf', () => {
  const base = { reason: 'lost_job', ageYears: 40, hardshipConfirmed: false, hardshipCategories: [], wantsTraining: false, wantsBusiness: false };
  it.each([
    ['nobody in particular', base, []],
    ['a graduate of 22 (youth 16–24, Anshan)', { ...base, reason: 'graduated', ageYears: 22 }, ['graduate', 'youth']],
    ['25 is no longer youth', { ...base, ageYears: 25 }, []],
    ['confirmed hardship with categories', { ...base, hardshipConfirmed: true, hardshipCategories: ['DISABLED'] }, ['hardship', 'DISABLED']],
    ['veteran who wants training and a business', { ...base, reason: 'left_military', wantsTraining: true, wantsBusiness: true }, ['veteran', 'wants_training', 'wants_business']],
  ] as const)('%s', (_name, facts, expected) => {
    expect(catalogGroupsOf({ ...facts, hardshipCategories: [...facts.hardshipCategories] })).toEqual(expected);
  });
});
