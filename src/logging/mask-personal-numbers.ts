// Masks anything shaped like a resident ID number or a mainland mobile number inside free text.

const ID18_PATTERN = /(?<![0-9A-Za-z])(\d{4})\d{10}(\d{3}[0-9Xx])(?![0-9A-Za-z])/g;
const ID15_PATTERN = /(?<![0-9])(\d{4})\d{9}(\d{2})(?![0-9])/g;
const MOBILE_PATTERN = /(?<![0-9])(1[3-9]\d)\d{4}(\d{4})(?![0-9])/g;

/** `330302199005151235` → `3303**********1235`; `13812345678` → `138****5678`. Full-width digits count too. */
export function maskPersonalNumbers(text: string): string {
  return foldFullWidthDigits(text)
    .replace(ID18_PATTERN, (_m, head: string, tail: string) => `${head}**********${tail.toUpperCase()}`)
    .replace(ID15_PATTERN, (_m, head: string, tail: string) => `${head}*********${tail}`)
    .replace(MOBILE_PATTERN, (_m, head: string, tail: string) => `${head}****${tail}`);
}

/** Full-width digits and X (as Chinese input methods type them) become ASCII, so they are masked too. */
function foldFullWidthDigits(text: string): string {
  return text.replace(/[\uFF10-\uFF19\uFF38\uFF58]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}
