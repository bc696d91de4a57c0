// The content catalogue: imports a checked file in one transaction (new, changed and unchanged rows counted by
// content hash, so the same file twice writes nothing), and answers outreach with a person's facts and the items
// of one kind in force for their region.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Db } from './database.ts';
import type { PiiCipher } from './pii-cipher.ts';
import { readJsonColumn } from './json-column.ts';
import { auditRow } from './audit-repository.ts';
import { birthDateAndSexOf } from '../domain/identity/id-number.ts';
import type { CatalogItemInput } from '../domain/catalogue/catalog-row.ts';
import type { CatalogOffer, CatalogueDesk } from '../delivery/catalogue-port.ts';

export interface CatalogImportCounts { created: number; changed: number; unchanged: number }

const stringList = z.array(z.string());
const formFacts = z.object({
  skills: z.unknown().optional(), jobWanted: z.unknown().optional(),
  wantsTraining: z.unknown().optional(), wantsBusiness: z.unknown().optional(),
}).loose();

/** The hash of what an item says (not when it was imported): equal hashes mean an unchanged row. */
export function catalogContentHash(item: CatalogItemInput): string {
  const { effectiveFrom, expiresAt, startsAt, ...rest } = item;
  const canonical = JSON.stringify({ ...rest, effectiveFrom: effectiveFrom.toISOString(), expiresAt: expiresAt.toISOString(), startsAt: startsAt?.toISOString() ?? null });
  return createHash('sha256').update(canonical).digest('hex');
}

/** Every prefix of a region code (2103, 21030, 210302): the catalogue regions it lies in. */
function regionPrefixes(regionCode: string): string[] {
  return Array.from({ length: Math.max(0, regionCode.length - 1) }, (_, i) => regionCode.slice(0, i + 2));
}

function openBirthDate(cipher: PiiCipher, sealed: string | null): string | null {
  if (!sealed) return null;
  try {
    return birthDateAndSexOf(cipher.decrypt(sealed))?.birthDate ?? null;
  } catch {
    return null;
  }
}

/** Outreach's view of the catalogue (the PII cipher reads the birth date from the ID number, for age bands). */
export function createCatalogueDesk(db: Db, cipher: PiiCipher): CatalogueDesk {
  return {
    async offersFor(jobSeekerId, kind, now) {
      const person = await db.jobSeeker.findUnique({ where: { id: jobSeekerId }, select: { regionCode: true, idNumberEnc: true } });
      if (!person) return null;
      const registration = await db.registration.findFirst({ where: { jobSeekerId }, orderBy: { registeredAt: 'desc' }, select: { reason: true, details: true, hardshipConfirmedAt: true } });
      const cases = await db.handoffCase.findMany({ where: { jobSeekerId, kind: 'hardship_recognition' }, select: { id: true } });
      const confirmed = cases.length === 0 ? [] : await db.hardshipCategoryDecision.findMany({ where: { caseId: { in: cases.map((c) => c.id) }, outcome: 'confirmed' }, select: { category: true } });
      const sent = await db.catalogDelivery.findMany({ where: { jobSeekerId }, select: { itemId: true } });
      const form = readJsonColumn(formFacts, registration?.details ?? '{}', {});
      const words = [form.skills, form.jobWanted].filter((w): w is string => typeof w === 'string' && w.trim() !== '');
      const rows = await db.catalogItem.findMany({
        where: { kind, region: { in: regionPrefixes(person.regionCode) }, effectiveFrom: { lte: now }, expiresAt: { gt: now } },
        orderBy: { id: 'asc' },
      });
      const items = rows.map((r): CatalogOffer => ({
        id: r.id, kind: r.kind, region: r.region, district: r.district, title: r.title, summary: r.summary,
        targetGroups: readJsonColumn(stringList, r.targetGroups, []), minAge: r.minAge, maxAge: r.maxAge, keywords: readJsonColumn(stringList, r.keywords, []),
        effectiveFrom: r.effectiveFrom, expiresAt: r.expiresAt, link: r.link, place: r.place, startsAt: r.startsAt,
      }));
      return {
        person: {
          regionCode: person.regionCode, birthDate: openBirthDate(cipher, person.idNumberEnc), reason: registration?.reason ?? 'other',
          hardshipConfirmed: registration?.hardshipConfirmedAt != null, hardshipCategories: [...new Set(confirmed.map((c) => c.category))],
          interests: words, wantsTraining: form.wantsTraining === true, wantsBusiness: form.wantsBusiness === true, alreadySent: sent.map((s) => s.itemId),
        },
        items,
      };
    },
  };
}

/** Imports checked catalogue files. */
export function createCatalogueImporter(db: Db) {
  return {
    /** Writes the file's items in one transaction (all or nothing); `dryRun` counts without writing. */
    async importItems(items: readonly CatalogItemInput[], at: Date, options: { dryRun: boolean; file: string; onProgress?: (done: number) => void }): Promise<CatalogImportCounts> {
      return db.$transaction(async (tx) => {
        const counts: CatalogImportCounts = { created: 0, changed: 0, unchanged: 0 };
        const existing = new Map<string, string>();
        for (let i = 0; i < items.length; i += 500) {
          const found = await tx.catalogItem.findMany({ where: { id: { in: items.slice(i, i + 500).map((item) => item.id) } }, select: { id: true, contentHash: true } });
          for (const row of found) existing.set(row.id, row.contentHash);
        }
        let done = 0;
        for (const item of items) {
          const contentHash = catalogContentHash(item);
          const before = existing.get(item.id);
          const data = { ...item, targetGroups: JSON.stringify(item.targetGroups), keywords: JSON.stringify(item.keywords), contentHash, importedAt: at };
          if (before === contentHash) counts.unchanged += 1;
          else if (before === undefined) {
            counts.created += 1;
            if (!options.dryRun) await tx.catalogItem.create({ data });
          } else {
            counts.changed += 1;
            if (!options.dryRun) await tx.catalogItem.update({ where: { id: item.id }, data });
          }
          done += 1;
          options.onProgress?.(done);
        }
        if (!options.dryRun && counts.created + counts.changed > 0) {
          await tx.auditEvent.create({ data: { ...auditRow({ actor: 'cli', action: 'catalog.imported', subjectType: 'catalog_file', subjectId: options.file, details: { ...counts } }), at } });
        }
        return counts;
      }, { timeout: 120_000 });
    },
  };
}

export type CatalogueImporter = ReturnType<typeof createCatalogueImporter>;
