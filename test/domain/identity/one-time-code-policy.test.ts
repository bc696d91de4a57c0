// The one-time code's rules as a table: when a code may be sent, when it expires, tries left and the cool-down.
import { describe, expect, it } from 'vitest';
import { afterWrongCode, codeExpiresAt, decideCodeSend, parseOneTimeCode } from '../../../src/domain/identity/one-time-code-policy.ts';

const T = new Date('2025-03-11T02:00:00.000Z');
const ago = (seconds: number) => new Date(T.getTime() - seconds * 1000);

describe('sending a code', () => {
  it.each([
    ['nothing sent before', [], null, { allowed: true }],
    ['last one 59 s ago', [ago(59)], null, { allowed: false, reason: 'too_soon', retryAt: new Date(T.getTime() + 1000) }],
    ['last one 60 s ago', [ago(60)], null, { allowed: true }],
    ['5 in the last hour', [ago(100), ago(900), ago(1800), ago(2700), ago(3500)], null, { allowed: false, reason: 'too_many', retryAt: new Date(T.getTime() + 100_000) }],
    ['4 in the last hour and one older', [ago(100), ago(900), ago(1800), ago(2700), ago(3700)], null, { allowed: true }],
    ['cooling down', [], new Date(T.getTime() + 60_000), { allowed: false, reason: 'cooling_down', retryAt: new Date(T.getTime() + 60_000) }],
    ['cool-down over', [], T, { allowed: true }],
  ] as const)('%s', (_name, sent, lockedUntil, expected) => {
    expect(decideCodeSend(T, sent, lockedUntil)).toEqual(expected);
  });
});

describe('a code', () => {
  it('lives 10 minutes', () => {
    expect(codeExpiresAt(T)).toEqual(new Date('2025-03-11T02:10:00.000Z'));
  });

  it.each([
    [1, 4, null],
    [4, 1, null],
    [5, 0, new Date('2025-03-11T02:30:00.000Z')],
  ])('after wrong try %i: %i left, locked until %s', (attempts, left, lockedUntil) => {
    expect(afterWrongCode(attempts, T)).toEqual({ left, lockedUntil });
  });

  it.each([
    ['123456', '123456'],
    ['123 456', '123456'],
    ['１２３４５６', '123456'],
    ['12345', null],
    ['1234567', null],
    ['12345a', null],
  ])('typed %s reads as %s', (typed, code) => {
    expect(parseOneTimeCode(typed)).toBe(code);
  });
});
