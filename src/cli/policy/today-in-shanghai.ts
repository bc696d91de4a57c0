// The CLI's clock: today's date in China (Asia/Shanghai), read here at the edge and passed into the domain.

/** Today's date 'YYYY-MM-DD' in Asia/Shanghai, whatever the process time zone. */
export function todayInShanghai(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
