// One row of a catalogue file (`jiuyebang catalog import`), as zod checks it: the same columns in CSV and JSON.
// Dates are China calendar days; `startsAt` is Beijing wall-clock time ("2026-03-21 09:00"). Lists in CSV cells
// are separated by ";" (or "；", "|"); empty cells are absent. Texts are capped so a message stays short on a phone.
import { z } from 'zod';
import { isValidPlainDate } from '../dates/plain-date.ts';

export const CATALOG_KINDS = ['policy', 'guidance', 'jobs', 'training'] as const;
export type CatalogKind = (typeof CATALOG_KINDS)[number];

/** Every column, in the order the CSV header names them (README lists them). */
export const CATALOG_COLUMNS = ['key', 'kind', 'region', 'district', 'title', 'summary', 'targetGroups', 'minAge', 'maxAge', 'keywords', 'effectiveFrom', 'expiresOn', 'link', 'place', 'startsAt'] as const;
export type CatalogColumn = (typeof CATALOG_COLUMNS)[number];
export const REQUIRED_COLUMNS: readonly CatalogColumn[] = ['key', 'kind', 'region', 'title', 'summary', 'effectiveFrom', 'expiresOn'];

const blankToAbsent = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : typeof value === 'string' ? value.trim() : value);
const text = (max: number) => z.preprocess(blankToAbsent, z.string().min(1).max(max));
const optionalText = (max: number) => z.preprocess(blankToAbsent, z.string().min(1).max(max).optional());
const list = (item: z.ZodString, max: number) =>
  z.preprocess((value) => {
    const v = blankToAbsent(value);
    if (v === undefined) return [];
    return typeof v === 'string' ? v.split(/[;；|]/).map((s) => s.trim()).filter((s) => s !== '') : v;
  }, z.array(item).max(max));
const age = z.preprocess((value) => {
  const v = blankToAbsent(value);
  return typeof v === 'string' && /^\d{1,3}$/.test(v) ? Number(v) : v;
}, z.number().int().min(16).max(100).optional());
const plainDate = z.preprocess(blankToAbsent, z.string().refine(isValidPlainDate));
const BEIJING_TIME = /^(\d{4}-\d{2}-\d{2})[ T]([01]\d|2[0-3]):([0-5]\d)$/;

export const catalogRowSchema = z.strictObject({
  key: z.preprocess(blankToAbsent, z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/)),
  kind: z.preprocess(blankToAbsent, z.enum(CATALOG_KINDS)),
  region: z.preprocess(blankToAbsent, z.string().regex(/^\d{2,6}$/)),
  district: z.preprocess(blankToAbsent, z.string().regex(/^\d{6}$/).optional()),
  title: text(40),
  summary: text(120),
  targetGroups: list(z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,39}$/), 20),
  minAge: age,
  maxAge: age,
  keywords: list(z.string().min(1).max(20), 30),
  effectiveFrom: plainDate,
  expiresOn: plainDate,
  link: z.preprocess(blankToAbsent, z.url({ protocol: /^https?$/ }).max(300).optional()),
  place: optionalText(60),
  startsAt: z.preprocess(blankToAbsent, z.string().regex(BEIJING_TIME).refine((s) => isValidPlainDate(s.slice(0, 10))).optional()),
});
export type CatalogRow = z.infer<typeof catalogRowSchema>;

/** A checked row as stored: the days turned into instants (Beijing time), lists normalized. */
export interface CatalogItemInput {
  id: string;
  key: string;
  kind: CatalogKind;
  region: string;
  district: string | null;
  title: string;
  summary: string;
  targetGroups: string[];
  minAge: number | null;
  maxAge: number | null;
  keywords: string[];
  effectiveFrom: Date;
  expiresAt: Date;
  link: string | null;
  place: string | null;
  startsAt: Date | null;
}

/** A Beijing calendar day's first instant. */
export function beijingDayStart(date: string): Date {
  return new Date(`${date}T00:00:00+08:00`);
}

/** "2026-03-21 09:00" Beijing time as an instant. */
export function beijingTime(text: string): Date {
  return new Date(`${text.slice(0, 10)}T${text.slice(11, 16)}:00+08:00`);
}

export function toCatalogItem(row: CatalogRow): CatalogItemInput {
  return {
    id: `${row.region}:${row.key}`, key: row.key, kind: row.kind, region: row.region, district: row.district ?? null,
    title: row.title, summary: row.summary, targetGroups: [...new Set(row.targetGroups)], minAge: row.minAge ?? null, maxAge: row.maxAge ?? null,
    keywords: [...new Set(row.keywords)], effectiveFrom: beijingDayStart(row.effectiveFrom),
    // Valid through the whole of its last day.
    expiresAt: new Date(beijingDayStart(row.expiresOn).getTime() + 86_400_000),
    link: row.link ?? null, place: row.place ?? null, startsAt: row.startsAt ? beijingTime(row.startsAt) : null,
  };
}
