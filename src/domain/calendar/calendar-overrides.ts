// Schema of the working-day override table (policy/calendar-overrides.json). A bureau transcribes next year's
// State Council notice (国务院办公厅关于YYYY年部分节假日安排的通知) here without waiting for a release.
import { z } from 'zod';
import { isValidPlainDate, weekdayOf } from '../dates/plain-date.ts';

const PlainDateSchema = z.string().refine(isValidPlainDate, { message: 'must be a real calendar date YYYY-MM-DD' });

/** One year as published in one notice: every holiday date and every make-up working day (调休上班日). */
export const CalendarYearOverrideSchema = z.strictObject({
  source: z.string().trim().min(1, 'must cite the notice, e.g. 国办发明电〔2026〕N号'),
  /** Date of issue printed under the notice's signature (YYYY-MM-DD); written by `calendar import`. */
  sourceDate: PlainDateSchema.optional(),
  holidays: z.array(PlainDateSchema),
  workdays: z.array(PlainDateSchema),
});

export type CalendarYearOverride = z.infer<typeof CalendarYearOverrideSchema>;

/**
 * The override table. Checks that every date lies in its year's key, that no date is both a holiday and a
 * working day, and that make-up working days fall on a Saturday or Sunday (SPEC §3.2).
 */
export const CalendarOverridesSchema = z
  .strictObject({
    $comment: z.string().optional(),
    years: z.record(z.string().regex(/^\d{4}$/, 'year keys must be four digits'), CalendarYearOverrideSchema),
  })
  .superRefine((value, ctx) => {
    for (const [year, entry] of Object.entries(value.years)) {
      for (const list of ['holidays', 'workdays'] as const) {
        entry[list].forEach((date, index) => {
          if (!date.startsWith(`${year}-`)) {
            ctx.addIssue({ code: 'custom', path: ['years', year, list, index], message: `date ${date} is not in year ${year}` });
          }
        });
      }
      const holidays = new Set(entry.holidays);
      entry.workdays.forEach((date, index) => {
        if (holidays.has(date)) {
          ctx.addIssue({ code: 'custom', path: ['years', year, 'workdays', index], message: `${date} is listed both as holiday and as working day` });
        }
        const weekday = weekdayOf(date);
        if (weekday !== 0 && weekday !== 6) {
          ctx.addIssue({ code: 'custom', path: ['years', year, 'workdays', index], message: `make-up working day ${date} is not a Saturday or Sunday` });
        }
      });
    }
  });

export type CalendarOverrides = z.infer<typeof CalendarOverridesSchema>;
