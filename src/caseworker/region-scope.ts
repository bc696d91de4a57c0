// A caseworker's region covers its own code and, for a city or province office, every code under it:
// 440800 (Zhanjiang city) covers 440802; 440802 (a district) covers only itself.

export function regionPrefixOf(code: string): string {
  let end = code.length;
  while (end >= 2 && code.slice(end - 2, end) === '00') end -= 2;
  return code.slice(0, end) || code;
}

export function isWithinRegion(caseworkerRegion: string, subjectRegion: string): boolean {
  return subjectRegion.startsWith(regionPrefixOf(caseworkerRegion));
}
