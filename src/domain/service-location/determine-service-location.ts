// The office responsible for a person (服务地, R1.2): registered unemployed → latest valid registration in the
// province; hardship → place of recognition; graduates → place of origin unless they ask to move.
import { compareDates } from '../dates/plain-date.ts';

const W = 'wenzhou-2022';
export const SERVICE_LOCATION_SOURCES = {
  unemployed: `${W}#一(一)`,
  hardship: `${W}#一(二)`,
  graduate: `${W}#一(三)`,
} as const;

export interface RegistrationRecord { place: string; province: string; registeredOn: string; valid: boolean }

export type ServiceLocationInput =
  | { group: 'unemployed'; province: string; registrations: readonly RegistrationRecord[] }
  | { group: 'hardship'; recognitionPlace: string }
  | { group: 'graduate'; originPlace: string; requestedPlace?: string };

export type ServiceLocation =
  | { status: 'found'; place: string; reason: string; source: string; supersededPlaces: string[] }
  | { status: 'none'; reason: 'NO_VALID_REGISTRATION'; source: string };

/**
 * W 一(一): the latest valid registration in the province is the service location; re-registering elsewhere
 * moves it there and the earlier ones are to be cancelled (listed in `supersededPlaces` for a caseworker).
 * W 一(二): hardship → 认定地. W 一(三): graduates → 生源地, or the place they ask for.
 * @productDecision SERVICE_LOCATION_ALL_REGIONS
 */
export function determineServiceLocation(input: ServiceLocationInput): ServiceLocation {
  switch (input.group) {
    case 'hardship':
      return { status: 'found', place: input.recognitionPlace, reason: 'PLACE_OF_RECOGNITION', source: SERVICE_LOCATION_SOURCES.hardship, supersededPlaces: [] };
    case 'graduate':
      return input.requestedPlace !== undefined && input.requestedPlace !== input.originPlace
        ? { status: 'found', place: input.requestedPlace, reason: 'MOVED_AT_OWN_REQUEST', source: SERVICE_LOCATION_SOURCES.graduate, supersededPlaces: [input.originPlace] }
        : { status: 'found', place: input.originPlace, reason: 'PLACE_OF_ORIGIN', source: SERVICE_LOCATION_SOURCES.graduate, supersededPlaces: [] };
    case 'unemployed': {
      const inProvince = input.registrations
        .filter((r) => r.valid && r.province === input.province)
        .sort((a, b) => compareDates(b.registeredOn, a.registeredOn));
      const [latest, ...older] = inProvince;
      if (latest === undefined) return { status: 'none', reason: 'NO_VALID_REGISTRATION', source: SERVICE_LOCATION_SOURCES.unemployed };
      return {
        status: 'found',
        place: latest.place,
        reason: 'LATEST_VALID_REGISTRATION',
        source: SERVICE_LOCATION_SOURCES.unemployed,
        supersededPlaces: older.map((r) => r.place).filter((p) => p !== latest.place),
      };
    }
  }
}
