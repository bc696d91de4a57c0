// JSON stored as text (SQLite has no JSON type here): read back through a zod schema, and a row that
// does not parse gives the fallback instead of failing the request that reads it.
import type { z } from 'zod';

export function readJsonColumn<T>(schema: z.ZodType<T>, text: string, fallback: T): T {
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : fallback;
  } catch {
    return fallback;
  }
}
