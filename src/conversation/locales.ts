// The two languages the bot speaks; zh-CN is primary.
export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export function toLocale(value: string | undefined | null): Locale {
  return value && value.toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
}
