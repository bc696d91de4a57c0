import Database from 'better-sqlite3';
const db = new Database(process.argv[2]);
const now = '2026-03-02T01:30:00.000+00:00';
const due = `(("status" = 'pending' AND "dueAt" <= '${now}' AND ("availableAt" IS NULL OR "availableAt" <= '${now}')) OR ("status" = 'sending' AND "lockedUntil" < '${now}'))`;
for (const sql of [`SELECT "id" FROM "OutreachTask" WHERE ${due} ORDER BY "dueAt" LIMIT 200`, `SELECT COUNT(*) FROM "OutreachTask" WHERE ${due}`]) {
  console.log(sql.slice(0, 60)); console.log(db.prepare('EXPLAIN QUERY PLAN ' + sql).all().map(r => r.detail).join('\n'));
}
