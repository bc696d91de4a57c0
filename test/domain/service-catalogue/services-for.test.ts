// R1.6.1–R1.6.3: which services a registered person is offered, by level and by type, each with its Zhanjiang clause.
import { describe, expect, it } from 'vitest';
import { parseClauseRef } from '../../../src/domain/clauses/clause-ref.ts';
import { SERVICE_CATALOGUE, servicesFor } from '../../../src/domain/service-catalogue/services-for.ts';

const BASIC = ['REGISTRATION', 'INFORMATION', 'POLICY_APPLICATION', 'CASE_HANDLING'];
const WORK = ['JOB_SEARCH_COACHING', 'JOB_MATCHING', 'APPLICATION_FOLLOW_UP'];
const TRAINING = ['TRAINING_OFFERS', 'TRAINING_SUBSIDY'];
const BUSINESS = ['STARTUP_TRAINING', 'STARTUP_ADVICE', 'STARTUP_FINANCE', 'STARTUP_GUARANTEED_LOAN'];

describe('servicesFor (R1.6.1–R1.6.3, Z §三)', () => {
  it.each([
    ['nothing wished, not hardship', { wishes: [], eligibleForUnemploymentInsurance: false, hardship: 'no' }, BASIC],
    ['wants a job', { wishes: ['work'], eligibleForUnemploymentInsurance: false, hardship: 'no' }, [...BASIC, ...WORK]],
    ['wants training, on unemployment insurance', { wishes: ['training'], eligibleForUnemploymentInsurance: true, hardship: 'no' }, [...BASIC, ...TRAINING, 'UNEMPLOYMENT_INSURANCE_WITH_REGISTRATION']],
    ['wants to start a business', { wishes: ['business'], eligibleForUnemploymentInsurance: false, hardship: 'no' }, [...BASIC, ...BUSINESS]],
    ['recognised hardship person wanting a job', { wishes: ['work'], eligibleForUnemploymentInsurance: false, hardship: 'recognised' }, [...BASIC, 'ONE_PERSON_ONE_PLAN', 'PUBLIC_WELFARE_POST', ...WORK]],
    ['may qualify as hardship person', { wishes: [], eligibleForUnemploymentInsurance: false, hardship: 'may_qualify' }, [...BASIC, 'HARDSHIP_APPLICATION_GUIDANCE']],
    ['everything, wishes repeated', { wishes: ['business', 'work', 'training', 'work'], eligibleForUnemploymentInsurance: true, hardship: 'recognised' }, [...BASIC, 'ONE_PERSON_ONE_PLAN', 'PUBLIC_WELFARE_POST', ...WORK, ...TRAINING, ...BUSINESS, 'UNEMPLOYMENT_INSURANCE_WITH_REGISTRATION']],
  ] as const)('%s', (_name, input, expected) => {
    const r = servicesFor({ ...input, wishes: [...input.wishes] });
    expect(r.services.map((s) => s.code)).toEqual(expected);
    expect(r.productDecisions).toEqual(['SERVICE_CATALOGUE_ALL_REGIONS']);
  });

  it('marks levels, the last-resort post and the conditional loan', () => {
    const r = servicesFor({ wishes: ['business'], eligibleForUnemploymentInsurance: false, hardship: 'recognised' });
    const by = new Map(r.services.map((s) => [s.code, s]));
    expect(by.get('REGISTRATION')).toMatchObject({ level: 'basic', lastResort: false, source: 'zhanjiang-2021#三(一)1(1)' });
    expect(by.get('PUBLIC_WELFARE_POST')).toMatchObject({ level: 'special', lastResort: true, source: 'zhanjiang-2021#三(一)2(2)' });
    expect(by.get('STARTUP_GUARANTEED_LOAN')).toMatchObject({ level: 'by_type', conditional: true, source: 'zhanjiang-2021#三(二)(3)' });
  });

  it.each([
    [{ wishes: ['travel'], eligibleForUnemploymentInsurance: false, hardship: 'no' }],
    [{ wishes: [], eligibleForUnemploymentInsurance: 'yes', hardship: 'no' }],
    [{ wishes: [], eligibleForUnemploymentInsurance: false, hardship: true }],
  ])('rejects malformed %j', (input) => {
    // @ts-expect-error malformed on purpose: data entering from outside is parsed, not trusted
    expect(() => servicesFor(input)).toThrow();
  });

  // That each section exists in the Zhanjiang notice is checked in test/policy/policy-notice-clauses.test.ts.
  it.each(Object.entries(SERVICE_CATALOGUE))('%s cites a section of the Zhanjiang notice', (_code, { source }) => {
    expect(parseClauseRef(source)).toMatchObject({ kind: 'source', source: 'zhanjiang-2021' });
  });
});
