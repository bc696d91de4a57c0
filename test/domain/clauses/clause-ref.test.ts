// Clause references: the grammar packs and code use (source#section, decision:ID@source#section), the section
// numbering of the notices, and finding a section in a notice's text. The real notices are checked in
// test/policy/policy-notice-clauses.test.ts; here a small text in the notices' style stands in for them.
import { describe, expect, it } from 'vitest';
import { findClauseInText, parseClauseRef, splitSection } from '../../../src/domain/clauses/clause-ref.ts';
import { collectClauseRefs, packCitationIssues } from '../../../src/domain/clauses/pack-citations.ts';
import { loadPolicySources } from '../../../src/config/load-policy-sources.ts';
import { PACKS, pack } from '../regions/test-packs.ts';

const NOTICE = [
  '关于某事的通知',
  '一、明确服务地',
  '(一)失业人员服务地为登记失业地。',
  '(二)就业困难人员服务地为认定地。',
  '二、落实服务',
  '(一)首次联系',
  '1. 5个工作日内主动联系。',
  '2. 1个月内主动联系。',
  '(二)定期联系',
  '第三条 援助对象',
  '(一)"4050"失业人员;',
].join('\n');

describe('clause references', () => {
  it('parses a section, a whole document, a decision and a decision that follows a clause', () => {
    expect(parseClauseRef('wenzhou-2022#二(一)1')).toEqual({ kind: 'source', source: 'wenzhou-2022', section: '二(一)1' });
    expect(parseClauseRef('harbin-2010#第三条(五)')).toEqual({ kind: 'source', source: 'harbin-2010', section: '第三条(五)' });
    expect(parseClauseRef('zhanjiang-2021')).toEqual({ kind: 'source', source: 'zhanjiang-2021', section: null });
    expect(parseClauseRef('decision:QUOTA_YEAR_ROLLING')).toEqual({ kind: 'decision', decision: 'QUOTA_YEAR_ROLLING', basedOn: null });
    expect(parseClauseRef('decision:FIRST_CONTACT_DEFAULT_FROM_WENZHOU@wenzhou-2022#二(一)1')).toEqual({
      kind: 'decision', decision: 'FIRST_CONTACT_DEFAULT_FROM_WENZHOU', basedOn: { source: 'wenzhou-2022', section: '二(一)1' },
    });
  });

  it.each([
    '000_aba3bb2308e92d1e.txt §二(一)1',
    'SPEC §1.8 (浙人社发〔2025〕59号, needs confirmation)',
    'Wenzhou notice section 2',
    'decision:NO_SUCH_DECISION',
    'decision:QUOTA_YEAR_ROLLING@',
    'wenzhou-2022#section 2',
    'wenzhou-2022#二(一)1#x',
    'Wenzhou-2022#二',
    '',
  ])('refuses %j', (s) => expect(parseClauseRef(s)).toBeNull());

  it('splits a section into the levels of the notice numbering', () => {
    expect(splitSection('三(一)1(2)')?.map((s) => [s.level, s.number])).toEqual([['part', '三'], ['item', '一'], ['point', '1'], ['subItem', '2']]);
    expect(splitSection('第六十三条')?.map((s) => [s.level, s.number])).toEqual([['article', '六十三']]);
    expect(splitSection('二(一)10')?.map((s) => s.number)).toEqual(['二', '一', '10']);
    expect(splitSection('§二')).toBeNull();
  });

  it.each(['一(二)', '二(一)2', '二(二)', '第三条(一)'])('finds %s in a notice', (section) => expect(findClauseInText(NOTICE, section)).toBe(true));
  it.each(['一(三)', '二(一)3', '三', '第三条(二)', '第四条'])('does not find %s in that notice', (section) => expect(findClauseInText(NOTICE, section)).toBe(false));

  it('every clause of every pack is a reference and rests on a document the pack lists', () => {
    const sources = loadPolicySources();
    for (const p of PACKS) expect(packCitationIssues(p, sources), p.code).toEqual([]);
    expect(PACKS.flatMap((p) => collectClauseRefs(p)).length).toBeGreaterThan(150);
  });

  it('a pack citing a document it does not list, or a product default citing a notice, is refused', () => {
    const sources = loadPolicySources();
    const z = pack('zhanjiang-2021');
    expect(packCitationIssues({ ...z, sources: ['zhanjiang-2021', 'anshan-2022'] }, sources)).toContain(
      'followUp.firstContact.source: cites "wenzhou-2022", which the pack\'s sources do not list',
    );
    const asRule = { ...z, followUp: { ...z.followUp, firstContact: { workingDays: 5, source: 'wenzhou-2022#二(一)1', basis: 'product_default' as const } } };
    expect(packCitationIssues(asRule, sources)).toContain('followUp.firstContact.source: a product default must cite a decision ("decision:<ID>")');
    expect(packCitationIssues({ ...z, sources: [...z.sources, 'nowhere-1999'] }, sources)).toContain('sources: "nowhere-1999" is not in policy/sources.json');
  });
});
