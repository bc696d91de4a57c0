// Many rows bound as ONE JSON parameter and read back as a table by the database (SQLite jsonb_each, PostgreSQL
// json_array_elements): a batch of bulk writes costs one bound value instead of one per cell, which is where
// Prisma's driver adapters spent most of the planner's time (mapping and binding each value).
import { Prisma } from './generated/sqlite/client.ts';

export type SqlDialect = 'sqlite' | 'postgres';
export type JsonColumnType = 'text' | 'timestamp' | 'boolean' | 'integer';
export type JsonCell = string | number | boolean | Date | null;

/** Which database a Prisma client talks to (both generated clients share one model API and type). */
export function dialectOf(db: object): SqlDialect {
  return Reflect.get(db, '_activeProvider') === 'postgresql' ? 'postgres' : 'sqlite';
}

const PG_CAST: Readonly<Record<JsonColumnType, string>> = { text: '', timestamp: '::timestamp(3)', boolean: '::boolean', integer: '::integer' };

/** A cell as the column stores it: SQLite keeps what Prisma's adapter writes (ISO text with +00:00, booleans 0/1). */
function encodeDate(dialect: SqlDialect, value: Date): string {
  return dialect === 'sqlite' ? value.toISOString().replace('Z', '+00:00') : value.toISOString();
}

/** One cell as the column stores it (for statements that bind cells themselves). */
export function encodeCell(dialect: SqlDialect, cell: JsonCell): string | number | null {
  if (cell instanceof Date) return encodeDate(dialect, cell);
  if (typeof cell === 'boolean') return cell ? 1 : 0;
  return cell;
}

/** The rows as JSON text; planned rows share their Date objects, so each one is formatted once. */
function encodeRows(dialect: SqlDialect, rows: readonly (readonly JsonCell[])[]): string {
  const dates = new Map<Date, string>();
  const encoded = rows.map((row) => row.map((cell) => {
    if (cell instanceof Date) {
      let text = dates.get(cell);
      if (text === undefined) {
        text = encodeDate(dialect, cell);
        dates.set(cell, text);
      }
      return text;
    }
    return typeof cell === 'boolean' && dialect === 'sqlite' ? (cell ? 1 : 0) : cell;
  }));
  return JSON.stringify(encoded);
}

/**
 * `(SELECT ... ) AS <alias>` with one column per entry of `columns`, one row per entry of `rows` (cells in the
 * columns' order). Column names are code constants, never input; values only travel inside the bound JSON.
 */
export function jsonRows(dialect: SqlDialect, alias: string, columns: readonly (readonly [name: string, type: JsonColumnType])[], rows: readonly (readonly JsonCell[])[]): Prisma.Sql {
  const json = encodeRows(dialect, rows);
  if (dialect === 'sqlite') {
    const select = columns.map(([name], i) => `j.value ->> ${i} AS "${name}"`).join(', ');
    return Prisma.sql`(SELECT ${Prisma.raw(select)} FROM jsonb_each(${json}) AS j) AS ${Prisma.raw(alias)}`;
  }
  const select = columns.map(([name, type], i) => `(j.value ->> ${i})${PG_CAST[type]} AS "${name}"`).join(', ');
  return Prisma.sql`(SELECT ${Prisma.raw(select)} FROM json_array_elements(${json}::json) AS j(value)) AS ${Prisma.raw(alias)}`;
}
