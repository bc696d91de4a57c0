// What outreach needs from the content catalogue, as a port: the person's matching facts and the items of one kind
// in force for their region. src/persistence/catalogue-repository.ts implements it.
import type { CatalogItemInput } from '../domain/catalogue/catalog-row.ts';

/** A catalogue item as a message shows it, with the fields matching reads (the stored row without its file key). */
export type CatalogOffer = Omit<CatalogItemInput, 'key' | 'kind'> & { kind: string };

/** What the registration form and the caseworkers' decisions say about a person, for matching. */
export interface CatalogPersonFacts {
  regionCode: string;
  /** From the ID number; null when there is none or it cannot be read. */
  birthDate: string | null;
  reason: string;
  hardshipConfirmed: boolean;
  hardshipCategories: string[];
  /** Skills, wanted work, wanted training: the person's own words. */
  interests: string[];
  wantsTraining: boolean;
  wantsBusiness: boolean;
  /** Catalogue items already sent to the person. */
  alreadySent: string[];
}

export interface CatalogueDesk {
  /** The person's facts and the items of `kind` in force at `now` for their region; null when the person is unknown. */
  offersFor(jobSeekerId: string, kind: string, now: Date): Promise<{ person: CatalogPersonFacts; items: CatalogOffer[] } | null>;
}
