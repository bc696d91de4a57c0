// R1.2: the office responsible for a person, per group (W 一).
import { describe, expect, it } from 'vitest';
import { determineServiceLocation } from '../../../src/domain/service-location/determine-service-location.ts';

describe('determineServiceLocation', () => {
  it('W 一(一): the latest valid registration in the province counts; the earlier place is superseded', () => {
    const r = determineServiceLocation({
      group: 'unemployed',
      province: '33',
      registrations: [
        { place: '330302', province: '33', registeredOn: '2024-01-10', valid: true },
        { place: '330102', province: '33', registeredOn: '2025-03-01', valid: true },
        { place: '440802', province: '44', registeredOn: '2025-06-01', valid: true },
        { place: '330203', province: '33', registeredOn: '2025-05-01', valid: false },
      ],
    });
    expect(r).toEqual({ status: 'found', place: '330102', reason: 'LATEST_VALID_REGISTRATION', source: 'wenzhou-2022#一(一)', supersededPlaces: ['330302'] });
  });
  it('W 一(一): no valid registration → none', () => {
    expect(determineServiceLocation({ group: 'unemployed', province: '33', registrations: [] }).status).toBe('none');
  });
  it('W 一(二): hardship person → place of recognition', () => {
    expect(determineServiceLocation({ group: 'hardship', recognitionPlace: '330302' })).toMatchObject({ place: '330302', source: 'wenzhou-2022#一(二)' });
  });
  it('W 一(三): graduate → place of origin, or where they ask to be served', () => {
    expect(determineServiceLocation({ group: 'graduate', originPlace: '330302' })).toMatchObject({ place: '330302', reason: 'PLACE_OF_ORIGIN' });
    expect(determineServiceLocation({ group: 'graduate', originPlace: '330302', requestedPlace: '330102' })).toMatchObject({ place: '330102', reason: 'MOVED_AT_OWN_REQUEST', supersededPlaces: ['330302'] });
  });
});
