// Which catalogue item to send a person for one quota kind ("政策找人、岗位找人", Hubei notice; Z §三(二)): only
// items in force for the person's region or district, for a group and age they belong to, not sent to them before,
// and not yet over; then the closest fit first (their district, their group, their skills and wishes).

/** The groups a catalogue row may target, besides a region's hardship category codes (e.g. DISABLED). */
export const CATALOG_GROUPS = ['graduate', 'youth', 'hardship', 'veteran', 'land_requisitioned', 'released', 'wants_training', 'wants_business'] as const;

/** Ages of the Anshan notice's youth focus (16–24, 鞍山 §二). */
export const YOUTH_AGES = { min: 16, max: 24 } as const;

/** What matching knows about a person (from the registration form and the caseworker's decisions). */
export interface CatalogProfile {
  /** The person's region code (a district code such as 210302). */
  regionCode: string;
  ageYears: number | null;
  /** Groups the person belongs to (see catalogGroupsOf) and confirmed hardship category codes. */
  groups: readonly string[];
  /** What the person said they can do and want (skills, wanted work, training): free text. */
  interests: readonly string[];
  /** Items already sent to this person. */
  alreadySent: ReadonlySet<string>;
}

/** The fields matching reads from a catalogue item. */
export interface CatalogCandidate {
  id: string;
  kind: string;
  region: string;
  district: string | null;
  targetGroups: readonly string[];
  minAge: number | null;
  maxAge: number | null;
  keywords: readonly string[];
  effectiveFrom: Date;
  expiresAt: Date;
  startsAt: Date | null;
}

export interface CatalogMatch<T extends CatalogCandidate> { item: T; score: number }

export interface GroupFacts {
  reason: string;
  ageYears: number | null;
  hardshipConfirmed: boolean;
  hardshipCategories: readonly string[];
  wantsTraining: boolean;
  wantsBusiness: boolean;
}

/** The catalogue groups a person is in, from the registration reason, age, hardship and wishes. */
export function catalogGroupsOf(f: GroupFacts): string[] {
  const groups: string[] = [];
  if (f.reason === 'graduated') groups.push('graduate');
  if (f.reason === 'left_military') groups.push('veteran');
  if (f.reason === 'land_requisitioned') groups.push('land_requisitioned');
  if (f.reason === 'released') groups.push('released');
  if (f.ageYears !== null && f.ageYears >= YOUTH_AGES.min && f.ageYears <= YOUTH_AGES.max) groups.push('youth');
  if (f.hardshipConfirmed || f.hardshipCategories.length > 0) groups.push('hardship');
  if (f.wantsTraining) groups.push('wants_training');
  if (f.wantsBusiness) groups.push('wants_business');
  return [...groups, ...f.hardshipCategories];
}

const DISTRICT_POINTS = 100;
const GROUP_POINTS = 40;
const KEYWORD_POINTS = 10;
const MAX_KEYWORD_HITS = 3;

/** Whether the item may be sent to this person now (in force, in their area, for them, not sent before). */
export function isCatalogItemFor(profile: CatalogProfile, item: CatalogCandidate, now: Date): boolean {
  if (profile.alreadySent.has(item.id)) return false;
  if (now < item.effectiveFrom || now >= item.expiresAt) return false;
  if (item.startsAt !== null && item.startsAt <= now) return false;
  if (!profile.regionCode.startsWith(item.region)) return false;
  if (item.district !== null && !profile.regionCode.startsWith(item.district)) return false;
  if (item.targetGroups.length > 0 && !item.targetGroups.some((g) => profile.groups.includes(g))) return false;
  if (item.minAge !== null || item.maxAge !== null) {
    if (profile.ageYears === null) return false;
    if (item.minAge !== null && profile.ageYears < item.minAge) return false;
    if (item.maxAge !== null && profile.ageYears > item.maxAge) return false;
  }
  return true;
}

/** How well an item fits: its district over region-wide, a group it targets, words of the person's wishes. */
export function catalogScore(profile: CatalogProfile, item: CatalogCandidate): number {
  const said = profile.interests.join(' ').toLowerCase();
  const hits = item.keywords.filter((k) => said.includes(k.toLowerCase())).length;
  return (item.district !== null ? DISTRICT_POINTS : 0) + (item.targetGroups.length > 0 ? GROUP_POINTS : 0) + Math.min(hits, MAX_KEYWORD_HITS) * KEYWORD_POINTS;
}

/**
 * The best item for the person at `now`, or null when none may be sent. Ties go to the sooner event, then the
 * sooner expiry (what runs out first is offered first), then the id, so every worker picks the same one.
 */
export function matchCatalogItem<T extends CatalogCandidate>(profile: CatalogProfile, items: readonly T[], now: Date): CatalogMatch<T> | null {
  let best: CatalogMatch<T> | null = null;
  for (const item of items) {
    if (!isCatalogItemFor(profile, item, now)) continue;
    const candidate = { item, score: catalogScore(profile, item) };
    if (best === null || beats(candidate, best)) best = candidate;
  }
  return best;
}

function beats<T extends CatalogCandidate>(a: CatalogMatch<T>, b: CatalogMatch<T>): boolean {
  if (a.score !== b.score) return a.score > b.score;
  const aStart = a.item.startsAt?.getTime() ?? Infinity;
  const bStart = b.item.startsAt?.getTime() ?? Infinity;
  if (aStart !== bStart) return aStart < bStart;
  if (a.item.expiresAt.getTime() !== b.item.expiresAt.getTime()) return a.item.expiresAt < b.item.expiresAt;
  return a.item.id < b.item.id;
}
