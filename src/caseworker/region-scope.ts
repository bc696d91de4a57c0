// A caseworker's region covers its own code and, for a city or province office, every code under it:
// 440800 (Zhanjiang city) covers 440802; 440802 (a district) covers only itself.

export function regionPrefixOf(code: string): string {
  return code.replace(/(00)+$/, '') || code;
}

export function isWithinRegion(caseworkerRegion: string, subjectRegion: string): boolean {
  return subjectRegion.startsWith(regionPrefixOf(caseworkerRegion));
}
