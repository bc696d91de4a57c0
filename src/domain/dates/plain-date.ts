// Pure calendar arithmetic on plain 'YYYY-MM-DD' dates and 'YYYY-MM' months. Integer maths only (days since
// 1970-01-01 via the proleptic Gregorian civil-day algorithm), so no result depends on the process time zone.

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_PATTERN = /^(\d{4})-(\d{2})$/;

/** A plain date split into its integer fields (month 1–12). */
export interface DateParts { year: number; month: number; day: number }

/** Gregorian leap-year rule. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in a month (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** True iff `s` is exactly 'YYYY-MM-DD' and names a real calendar day (leap years included). */
export function isValidPlainDate(s: string): boolean {
  const m = DATE_PATTERN.exec(s);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** True iff `s` is exactly 'YYYY-MM' with a month 01–12. */
export function isValidYearMonth(s: string): boolean {
  const m = MONTH_PATTERN.exec(s);
  if (!m) return false;
  const month = Number(m[2]);
  return month >= 1 && month <= 12;
}

/** Splits a plain date; throws RangeError on anything that is not a real 'YYYY-MM-DD' day. */
export function parsePlainDate(s: string): DateParts {
  if (!isValidPlainDate(s)) throw new RangeError(`not a plain date (YYYY-MM-DD): ${JSON.stringify(s)}`);
  return { year: Number(s.slice(0, 4)), month: Number(s.slice(5, 7)), day: Number(s.slice(8, 10)) };
}

/** Formats integer fields as 'YYYY-MM-DD' (no validation beyond padding). */
export function formatPlainDate(p: DateParts): string {
  return `${pad(p.year, 4)}-${pad(p.month, 2)}-${pad(p.day, 2)}`;
}

/** Days since 1970-01-01 (H. Hinnant's days_from_civil). */
export function toEpochDay(d: string): number {
  const { year, month, day } = parsePlainDate(d);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Inverse of toEpochDay (H. Hinnant's civil_from_days). */
export function fromEpochDay(n: number): string {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return formatPlainDate({ year, month, day });
}

/** The date `n` calendar days after `d` (n may be negative). */
export function addDays(d: string, n: number): string {
  return fromEpochDay(toEpochDay(d) + n);
}

/** Signed number of calendar days from `a` to `b`. */
export function daysBetween(a: string, b: string): number {
  return toEpochDay(b) - toEpochDay(a);
}

/**
 * Adds calendar months keeping the day number, or the last day of the target month when it has no such day
 * (民法典 art. 201 style month counting: 01-31 + 1 month = 02-28/29).
 */
export function addMonthsClamped(d: string, n: number): string {
  const { year, month, day } = parsePlainDate(d);
  const index = year * 12 + (month - 1) + n;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return formatPlainDate({ year: y, month: m, day: Math.min(day, daysInMonth(y, m)) });
}

/** The last calendar day of the month of `d`. */
export function endOfMonth(d: string): string {
  const { year, month } = parsePlainDate(d);
  return formatPlainDate({ year, month, day: daysInMonth(year, month) });
}

/** -1, 0 or 1 as `a` is before, equal to or after `b` (both must be valid plain dates). */
export function compareDates(a: string, b: string): number {
  return Math.sign(toEpochDay(a) - toEpochDay(b));
}

/** Day of week, 0 = Sunday … 6 = Saturday. 1970-01-01 was a Thursday. */
export function weekdayOf(d: string): number {
  return (((toEpochDay(d) + 4) % 7) + 7) % 7;
}

/** The year of a plain date or year-month string. */
export function yearOf(d: string): number {
  return Number(d.slice(0, 4));
}

function monthIndex(ym: string): number {
  if (!isValidYearMonth(ym)) throw new RangeError(`not a year-month (YYYY-MM): ${JSON.stringify(ym)}`);
  return Number(ym.slice(0, 4)) * 12 + Number(ym.slice(5, 7)) - 1;
}

/** Signed number of whole months from month `aYM` to month `bYM` ('2025-01' → '2025-03' = 2). */
export function monthsBetween(aYM: string, bYM: string): number {
  return monthIndex(bYM) - monthIndex(aYM);
}

/** The month `n` months after `ym` ('YYYY-MM'). */
export function addMonthsToYearMonth(ym: string, n: number): string {
  const index = monthIndex(ym) + n;
  const y = Math.floor(index / 12);
  return `${pad(y, 4)}-${pad(index - y * 12 + 1, 2)}`;
}

/** The 'YYYY-MM' month of a plain date. */
export function yearMonthOf(d: string): string {
  return d.slice(0, 7);
}
