// Holiday data handed to the domain as a plain validated object (read from the chinese-days package's shipped
// JSON outside the domain). Only the data are used: the package's date functions have a time-zone bug (SPEC §3.4).
import { z } from 'zod';
import { isValidPlainDate } from '../dates/plain-date.ts';

const PlainDateSchema = z.string().refine(isValidPlainDate, { message: 'must be a real calendar date YYYY-MM-DD' });

/** Statutory holiday dates, make-up working days and the years the data cover. */
export const HolidayDataSchema = z.strictObject({
  source: z.string().min(1),
  holidays: z.array(PlainDateSchema),
  workdays: z.array(PlainDateSchema),
  coveredYears: z.array(z.number().int()),
});

export type HolidayData = z.infer<typeof HolidayDataSchema>;

/** Shape of chinese-days' dist/chinese-days.json: `{ holidays: {date: "En,中,N"}, workdays: {…}, inLieuDays: {…} }`. */
const ChineseDaysJsonSchema = z.object({
  holidays: z.record(PlainDateSchema, z.string()),
  workdays: z.record(PlainDateSchema, z.string()),
});

/**
 * Converts the chinese-days JSON into HolidayData. A year counts as covered when it has at least one holiday
 * (every published notice has New Year's Day). Throws a ZodError if the JSON has another shape.
 */
export function holidayDataFromChineseDays(json: unknown, source: string): HolidayData {
  const parsed = ChineseDaysJsonSchema.parse(json);
  const holidays = Object.keys(parsed.holidays).sort();
  const coveredYears = [...new Set(holidays.map((d) => Number(d.slice(0, 4))))].sort((a, b) => a - b);
  return HolidayDataSchema.parse({ source, holidays, workdays: Object.keys(parsed.workdays).sort(), coveredYears });
}
