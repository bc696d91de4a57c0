// policy/sources.json: every document a citation names, with title, issuer, date and 文号 (null, never invented).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadPolicySources } from '../../src/config/load-policy-sources.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
function fileWith(body: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'sources-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'sources.json'), JSON.stringify(body));
  return join(dir, 'sources.json');
}

describe('policy sources', () => {
  it('names the seed notices and the national documents with their 文号, or null where there is none', () => {
    const s = loadPolicySources();
    expect(s['wenzhou-2022']).toMatchObject({ docNumber: '温人社发〔2022〕37号', date: '2022-06-10', issuer: '温州市人力资源和社会保障局', title: '关于加强重点群体公共就业服务和公益性岗位开发的通知' });
    expect(s['harbin-2010']).toMatchObject({ docNumber: '哈人社发〔2010〕230号', date: '2010-09-25' });
    expect(s['zhanjiang-2021']).toMatchObject({ docNumber: null, date: '2021-01-20', title: '关于建立湛江市失业人员就业服务制度的通知' });
    expect(s['anshan-2022']).toMatchObject({ docNumber: null, date: '2022-12-30' });
    expect(s['employment-services-provisions']).toMatchObject({ kind: 'national_regulation', title: '就业服务与就业管理规定' });
    for (const [id, doc] of Object.entries(s)) expect(doc.shortName, id).not.toMatch(/\.txt|SPEC|§/u);
  });

  it('a document without its 文号 field, or with a made-up date, stops loading with the field named', () => {
    const doc = { title: 't', issuer: 'i', date: '2022-06-10', shortName: 's', kind: 'notice', inPolicyNotices: false };
    expect(() => loadPolicySources(fileWith({ x: doc }))).toThrow(/policy\/sources\.json: x\.docNumber: expected/);
    expect(() => loadPolicySources(fileWith({ x: { ...doc, docNumber: null, date: '10/06/2022' } }))).toThrow(/x\.date: expected YYYY, YYYY-MM or YYYY-MM-DD/);
    expect(() => loadPolicySources(fileWith({ X_1: { ...doc, docNumber: null } }))).toThrow(/policy\/sources\.json: X_1: /);
  });
});
