// Where a caseworker may look. A code covers itself and, for a city or province, every code under it:
// 440800 (Zhanjiang city) covers 440802; 440802 (a district) covers only itself. An account is scoped to
// one or more districts of its region; every repository query takes the resulting AccessScope.

export function regionPrefixOf(code: string): string {
  let end = code.length;
  while (end >= 2 && code.slice(end - 2, end) === '00') end -= 2;
  return code.slice(0, end) || code;
}

export function isWithinRegion(caseworkerRegion: string, subjectRegion: string): boolean {
  return subjectRegion.startsWith(regionPrefixOf(caseworkerRegion));
}

/** The code prefixes an account may see (one per district; never empty). */
export interface AccessScope {
  readonly prefixes: readonly string[];
}

/** An account's scope: its districts, or its whole region when it names none. */
export function scopeOf(account: { regionCode: string; districts: readonly string[] }): AccessScope {
  const codes = account.districts.length > 0 ? account.districts : [account.regionCode];
  return { prefixes: [...new Set(codes.map(regionPrefixOf))] };
}

export function isInScope(scope: AccessScope, subjectRegion: string): boolean {
  return scope.prefixes.some((prefix) => subjectRegion.startsWith(prefix));
}

/** The part of `scope` inside `code` (a filter a caseworker asked for); null when they do not overlap. */
export function narrowScope(scope: AccessScope, code: string): AccessScope | null {
  const wanted = regionPrefixOf(code);
  const prefixes = scope.prefixes.flatMap((p) => (p.startsWith(wanted) ? [p] : wanted.startsWith(p) ? [wanted] : []));
  return prefixes.length > 0 ? { prefixes: [...new Set(prefixes)] } : null;
}

/** Whether an account's scope covers the whole of `code` (e.g. the service's region). */
export function coversWhole(scope: AccessScope, code: string): boolean {
  const whole = regionPrefixOf(code);
  return scope.prefixes.some((p) => whole.startsWith(p));
}
