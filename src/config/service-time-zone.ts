// The service runs on Beijing time (UTC+8, no daylight saving), whatever the server's own time zone.

const OFFSET_MS = 8 * 3_600_000;

/** The calendar date (YYYY-MM-DD) in China at an instant. */
export function serviceDateOf(at: Date): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant a China calendar day ends (24:00 Beijing time), for "by the end of that day" deadlines. */
export function endOfServiceDay(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) + 24 * 3_600_000 - OFFSET_MS);
}

/** Minutes since midnight in China at an instant (0–1439), for office hours. */
export function serviceMinuteOf(at: Date): number {
  const shifted = new Date(at.getTime() + OFFSET_MS);
  return shifted.getUTCHours() * 60 + shifted.getUTCMinutes();
}
