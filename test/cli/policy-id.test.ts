import { describe, expect, it } from 'vitest';
import { runPolicy } from '../support/run-policy.ts';

const run = runPolicy;

describe('policy id', () => {
  it('a valid number prints normalized number, birth date, sex and region (GB 11643 vector 1)', async () => {
    const r = await run(['id', '--number', '11010519491231002X', '--today', '2026-11-22']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({ valid: true, normalized: '11010519491231002X', birthDate: '1949-12-31', sex: 'F', region: '110105' });
  });

  it('a legacy 15-digit number is printed upgraded (GB 11643 vector 14)', async () => {
    const r = await run(['id', '--number', '440524800101001', '--today', '2026-11-22']);
    expect(JSON.parse(r.out)).toEqual({ valid: true, normalized: '440524198001010013', birthDate: '1980-01-01', sex: 'M', region: '440524' });
  });

  it.each([
    ['wrong check character', '110105194912310021', 'checksum'],
    ['impossible date', '110105199902300015', 'date'],
    ['birth date in the future', '110105209912310010', 'future'],
    ['not 18 characters', '12345', 'format'],
  ])('an invalid number (%s) prints valid: false with the reason and exits 0', async (_rule, number, reason) => {
    const r = await run(['id', '--number', number, '--today', '2026-11-22']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({ valid: false, reason });
  });

  it('--today decides what "future" means', async () => {
    const r = await run(['id', '--number', '110105209912310010', '--today', '2100-01-01']);
    expect(JSON.parse(r.out)).toMatchObject({ valid: true, birthDate: '2099-12-31' });
  });

  it('without --today the real date in China is used', async () => {
    const r = await run(['id', '--number', '330302199005151235']);
    expect(JSON.parse(r.out)).toMatchObject({ valid: true, sex: 'M' });
  });

  it.each([
    ['missing --number', ['id']],
    ['a bad --today', ['id', '--number', '330302199005151235', '--today', '2026-02-30']],
    ['an unknown flag', ['id', '--number', '330302199005151235', '--verbose']],
    ['a stray positional argument', ['id', '330302199005151235']],
  ])('%s is a usage error: exit 2, one line on stderr', async (_rule, argv) => {
    const r = await run(argv);
    expect(r).toMatchObject({ code: 2, out: '' });
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });
});
