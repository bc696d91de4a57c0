// Loading policy/regions: all packs valid; a bad file stops loading with the file name and field path.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_REGION_PACK_DIR, findRegionPack, loadRegionPacks } from '../../src/config/load-region-packs.ts';

const dirs: string[] = [];
function tempDirWith(files: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'packs-'));
  dirs.push(dir);
  copyFileSync(join(DEFAULT_REGION_PACK_DIR, 'national.json'), join(dir, 'national.json'));
  for (const [name, body] of Object.entries(files)) writeFileSync(join(dir, name), typeof body === 'string' ? body : JSON.stringify(body));
  return dir;
}
const zhanjiang = (): Record<string, unknown> => JSON.parse(readFileSync(join(DEFAULT_REGION_PACK_DIR, 'zhanjiang-2021.json'), 'utf8'));
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('loadRegionPacks', () => {
  it('loads the six repository packs', () => {
    expect(loadRegionPacks().map((p) => p.code)).toEqual(['anshan-2022', 'harbin-2010', 'national', 'wenzhou-2022', 'zhanjiang-2021', 'zhejiang-2025']);
  });

  it('a wrong type names the file and the field: quota.jobs: expected number', () => {
    const bad = { ...zhanjiang(), code: 'x', quota: { ...(zhanjiang().quota as object), jobs: '3' } };
    expect(() => loadRegionPacks(tempDirWith({ 'x.json': bad }))).toThrow(/x\.json: quota\.jobs: expected number/);
  });

  it('a missing field is named with its path', () => {
    const rest: Record<string, unknown> = { ...zhanjiang(), code: 'y' };
    delete rest.hotline;
    expect(() => loadRegionPacks(tempDirWith({ 'y.json': rest }))).toThrow(/y\.json: hotline: expected object/);
  });

  it('a clause in the old seed-file form, or citing a document the pack does not list, stops loading', () => {
    const seedFile = { ...zhanjiang(), code: 's', quota: { ...(zhanjiang().quota as object), source: '002_5d9333e2ff362513.txt §四(三)' } };
    expect(() => loadRegionPacks(tempDirWith({ 's.json': seedFile }))).toThrow(/s\.json: quota\.source: expected a clause reference/);
    const undeclared = { ...zhanjiang(), code: 'u', sources: ['zhanjiang-2021', 'anshan-2022'] };
    expect(() => loadRegionPacks(tempDirWith({ 'u.json': undeclared }))).toThrow(/u\.json: followUp\.firstContact\.source: cites "wenzhou-2022", which the pack's sources do not list/);
    const ruleAsDefault = { ...zhanjiang(), code: 'r', followUp: { ...(zhanjiang().followUp as object), monthly: { everyMonths: 1, source: 'decision:MONTHLY_FOLLOW_UP_EVERYWHERE', basis: 'seed' } } };
    expect(() => loadRegionPacks(tempDirWith({ 'r.json': ruleAsDefault }))).toThrow(/r\.json: followUp\.monthly\.basis: cites decision:MONTHLY_FOLLOW_UP_EVERYWHERE, so the basis is "product_default"/);
  });

  it('bad JSON names the file', () => {
    expect(() => loadRegionPacks(tempDirWith({ 'z.json': '{ nope' }))).toThrow(/z\.json: /);
  });

  it('the code must match the file name', () => {
    expect(() => loadRegionPacks(tempDirWith({ 'other.json': zhanjiang() }))).toThrow(/other\.json: code: expected "other"/);
  });

  it('finds a pack by code or by a unique prefix', () => {
    const packs = loadRegionPacks();
    expect(findRegionPack(packs, 'zhanjiang')?.code).toBe('zhanjiang-2021');
    expect(findRegionPack(packs, 'wenzhou-2022')?.code).toBe('wenzhou-2022');
    expect(findRegionPack(packs, 'beijing')).toBeUndefined();
  });
});
