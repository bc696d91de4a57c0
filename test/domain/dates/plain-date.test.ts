import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addDays, addMonthsClamped, addMonthsToYearMonth, compareDates, fromEpochDay, isValidPlainDate, monthsBetween,
  toEpochDay, weekdayOf,
} from '../../../src/domain/dates/plain-date.ts';

describe('plain dates', () => {
  it.each([
    ['2024-02-29', true], ['2025-02-29', false], ['2000-02-29', true], ['1900-02-29', false], ['2026-04-31', false],
    ['2026-13-01', false], ['2026-1-01', false], ['2026-01-01T00:00', false], ['', false], ['2026-12-31', true],
  ])('isValidPlainDate(%s) is %s', (s, ok) => {
    expect(isValidPlainDate(s)).toBe(ok);
  });

  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('1970-01-01', 0)).toBe('1970-01-01');
  });

  it('adds months keeping the day number or clamping to month end (民法典 art. 201 style)', () => {
    expect(addMonthsClamped('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonthsClamped('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonthsClamped('2026-03-15', 10)).toBe('2027-01-15');
    expect(addMonthsClamped('2026-03-31', -1)).toBe('2026-02-28');
  });

  it('knows weekdays (0 = Sunday)', () => {
    expect(weekdayOf('2026-02-12')).toBe(4);
    expect(weekdayOf('2026-02-14')).toBe(6);
    expect(weekdayOf('2026-01-04')).toBe(0);
    expect(weekdayOf('1970-01-01')).toBe(4);
  });

  it('compares dates and counts months between year-months', () => {
    expect(compareDates('2026-01-01', '2025-12-31')).toBe(1);
    expect(compareDates('2026-01-01', '2026-01-01')).toBe(0);
    expect(monthsBetween('2025-01', '2025-03')).toBe(2);
    expect(monthsBetween('2039-09', '2034-09')).toBe(-60);
    expect(addMonthsToYearMonth('1965-01', 721)).toBe('2025-02');
  });

  it('property: epoch-day conversion round-trips and agrees with UTC Date arithmetic', () => {
    fc.assert(fc.property(fc.integer({ min: -200000, max: 200000 }), (n) => {
      const d = fromEpochDay(n);
      expect(isValidPlainDate(d)).toBe(true);
      expect(toEpochDay(d)).toBe(n);
      expect(d).toBe(new Date(n * 86400000).toISOString().slice(0, 10));
    }));
  });
});
