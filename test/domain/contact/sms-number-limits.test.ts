// The providers' per-number SMS limits as a table: sends so far → allowed, or why not and until when.
import { describe, expect, it } from 'vitest';
import { decideSmsNumberSend, DEFAULT_SMS_NUMBER_LIMITS } from '../../../src/domain/contact/sms-number-limits.ts';

const NOW = new Date('2026-03-03T02:00:00.000Z');
const ago = (seconds: number) => new Date(NOW.getTime() - seconds * 1000);
const at = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);

describe('decideSmsNumberSend (defaults: 30 s apart, 5 an hour, 10 a day)', () => {
  it.each([
    ['nothing sent yet', [], { allowed: true }],
    ['one 10 s ago: wait for 30 s after it', [ago(10)], { allowed: false, reason: 'min_gap', retryAt: at(20) }],
    ['one exactly 30 s ago', [ago(30)], { allowed: true }],
    ['five in the last hour: the oldest of them leaves the hour', [ago(60), ago(600), ago(1200), ago(1800), ago(3000)], { allowed: false, reason: 'per_hour', retryAt: at(600) }],
    ['four in the hour and one older', [ago(60), ago(600), ago(1200), ago(1800), ago(3700)], { allowed: true }],
    ['ten in the last 24 hours', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((h) => ago(h * 3600 + 60)), { allowed: false, reason: 'per_day', retryAt: at(14 * 3600 - 60) }],
    ['ten, one of them 25 hours ago', [1, 2, 3, 4, 5, 6, 7, 8, 9, 25].map((h) => ago(h * 3600 + 60)), { allowed: true }],
  ])('%s', (_name, sent, expected) => {
    expect(decideSmsNumberSend(NOW, sent, DEFAULT_SMS_NUMBER_LIMITS)).toEqual(expected);
  });

  it('order does not matter, and configured limits apply', () => {
    expect(decideSmsNumberSend(NOW, [ago(100), ago(5)], { minGapSeconds: 1, maxPerHour: 2, maxPerDay: 10 })).toEqual({ allowed: false, reason: 'per_hour', retryAt: at(3500) });
  });
});
