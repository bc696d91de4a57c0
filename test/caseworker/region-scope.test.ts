// Which codes an account may see: its districts (a city code covers the districts under it), or its whole region.
import { describe, expect, it } from 'vitest';
import { coversWhole, isInScope, narrowScope, scopeOf } from '../../src/caseworker/region-scope.ts';

describe('access scope', () => {
  it.each([
    // account region, districts, subject code, visible
    ['440800', [], '440802', true],
    ['440800', [], '330302', false],
    ['440800', ['440802'], '440802', true],
    ['440800', ['440802'], '440803', false],
    ['440800', ['440802'], '440800', false],
    ['440800', ['440802', '440803'], '440803', true],
    ['440800', ['440800'], '440811', true],
    ['330000', [], '330302', true],
  ] as const)('region %s districts %j sees %s: %s', (regionCode, districts, subject, visible) => {
    expect(isInScope(scopeOf({ regionCode, districts: [...districts] }), subject)).toBe(visible);
  });

  it('narrows a scope to a filter, or refuses a filter outside it', () => {
    const city = scopeOf({ regionCode: '440800', districts: [] });
    const district = scopeOf({ regionCode: '440800', districts: ['440802'] });
    expect(narrowScope(city, '440803')).toEqual({ prefixes: ['440803'] });
    expect(narrowScope(district, '440800')).toEqual({ prefixes: ['440802'] });
    expect(narrowScope(district, '440803')).toBeNull();
    expect(narrowScope(city, '330300')).toBeNull();
  });

  it('knows whether a scope covers a whole region', () => {
    expect(coversWhole(scopeOf({ regionCode: '440800', districts: [] }), '440800')).toBe(true);
    expect(coversWhole(scopeOf({ regionCode: '440800', districts: ['440802'] }), '440800')).toBe(false);
  });
});
