// A quota message with content: the catalogue item that best fits the person (matchCatalogItem), worded short with
// its place and time or its link. No item in force for them: the caller falls back to the generic quota text.
import { serviceDateOf, serviceMinuteOf } from '../config/service-time-zone.ts';
import type { Localizer } from '../conversation/localizer.ts';
import type { Locale } from '../conversation/locales.ts';
import { ageInFullYears } from '../domain/identity/age.ts';
import { catalogGroupsOf, matchCatalogItem, type CatalogProfile } from '../domain/catalogue/match-catalog-item.ts';
import type { CatalogOffer, CatalogPersonFacts, CatalogueDesk } from './catalogue-port.ts';

function ageAt(birthDate: string | null, today: string): number | null {
  if (birthDate === null || birthDate > today) return null;
  return ageInFullYears(birthDate, today);
}

/** The matching profile of a person at `now`. */
export function catalogProfileOf(person: CatalogPersonFacts, now: Date): CatalogProfile {
  const ageYears = ageAt(person.birthDate, serviceDateOf(now));
  return {
    regionCode: person.regionCode,
    ageYears,
    groups: catalogGroupsOf({ ...person, ageYears }),
    interests: person.interests,
    alreadySent: new Set(person.alreadySent),
  };
}

/** The item to send for a quota kind, or null (none matches, or no catalogue is wired). */
export async function pickCatalogOffer(desk: CatalogueDesk | undefined, jobSeekerId: string, kind: string, now: Date): Promise<CatalogOffer | null> {
  if (!desk) return null;
  const found = await desk.offersFor(jobSeekerId, kind, now);
  if (!found) return null;
  return matchCatalogItem(catalogProfileOf(found.person, now), found.items, now)?.item ?? null;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The message for one item: kind and title, summary, then time and place, or the link; the clause it serves. */
export function catalogueText(localizer: Localizer, locale: Locale, offer: CatalogOffer, source: string): string {
  const lines = [
    localizer.t(locale, 'outreach.catalogue.title', { label: localizer.t(locale, `outreach.plan.kinds.quota_${offer.kind}`), title: offer.title }),
    offer.summary,
  ];
  if (offer.startsAt) {
    const minute = serviceMinuteOf(offer.startsAt);
    lines.push(localizer.t(locale, 'outreach.catalogue.when', { date: serviceDateOf(offer.startsAt), time: `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}` }));
  }
  if (offer.place) lines.push(localizer.t(locale, 'outreach.catalogue.place', { place: offer.place }));
  if (offer.link) lines.push(localizer.t(locale, 'outreach.catalogue.link', { link: offer.link }));
  lines.push(localizer.t(locale, 'outreach.catalogue.reply', { source }));
  return lines.join('\n');
}
