// Logs never carry a full ID or mobile number, whether in the message, a field or a nested object.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logging/logger.ts';
import { maskPersonalNumbers } from '../../src/logging/mask-personal-numbers.ts';

function capture(): { lines: string[]; stream: Writable } {
  const lines: string[] = [];
  const stream = new Writable({ write(chunk, _enc, done) { lines.push(String(chunk)); done(); } });
  return { lines, stream };
}

describe('log redaction', () => {
  it('masks ID and phone numbers in free text', () => {
    expect(maskPersonalNumbers('身份证 330302199005151235，手机 13812345678')).toBe('身份证 3303************35，手机 138****5678');
    expect(maskPersonalNumbers('11010519491231002x')).toBe('1101************2X');
  });

  it("keeps the service's own ids (UUIDs) whole, even where their digits across a dash read as an ID number", () => {
    // A case id whose audit record was masked this way no longer matched its case (caught by the kf handover test).
    const caseId = '464b9150-1565-4f64-b929-532731974635';
    expect(maskPersonalNumbers(`case ${caseId}`)).toBe(`case ${caseId}`);
    expect(maskPersonalNumbers(`身份证 330302199005151235 case ${caseId.toUpperCase()} 手机 13812345678`)).toBe(`身份证 3303************35 case ${caseId.toUpperCase()} 手机 138****5678`);
    // Not a UUID: the 15 digits are masked as before.
    expect(maskPersonalNumbers('b929-532731974635')).toBe('b9295*********35');
  });

  it('redacts numbers in messages, fields and nested objects of pino JSON lines', () => {
    const { lines, stream } = capture();
    const logger = createLogger('info', stream);
    logger.info({ idNumber: '330302199005151235', user: { phone: '13812345678', note: 'id 330302199005151235' } }, 'got 13812345678');
    const out = lines.join('');
    expect(out).not.toContain('330302199005151235');
    expect(out).not.toContain('13812345678');
    expect(out).toContain('138****5678');
  });
});
