// The office hours are a local setting of the region pack: a default when a pack says nothing, validated when set.
import { describe, expect, it } from 'vitest';
import { DEFAULT_OFFICE_HOURS, regionPackSchema } from '../../../src/domain/regions/region-pack.ts';
import { pack } from './test-packs.ts';

describe('region pack office hours (local setting)', () => {
  const raw = (): Record<string, unknown> => {
    const { office: _office, ...rest } = pack('zhanjiang-2021');
    return rest;
  };

  it('a pack without office hours gets 08:30–12:00 and 14:30–17:30', () => {
    expect(regionPackSchema.parse(raw()).office.hours).toEqual(DEFAULT_OFFICE_HOURS);
  });

  it('a bureau may set its own hours; a period that ends before it starts or a bad time is refused', () => {
    expect(regionPackSchema.parse({ ...raw(), office: { hours: [{ from: '09:00', to: '17:00' }] } }).office.hours).toEqual([{ from: '09:00', to: '17:00' }]);
    expect(regionPackSchema.safeParse({ ...raw(), office: { hours: [{ from: '17:00', to: '09:00' }] } }).success).toBe(false);
    expect(regionPackSchema.safeParse({ ...raw(), office: { hours: [{ from: '8:30', to: '12:00' }] } }).success).toBe(false);
    expect(regionPackSchema.safeParse({ ...raw(), office: { hours: [] } }).success).toBe(false);
  });
});
