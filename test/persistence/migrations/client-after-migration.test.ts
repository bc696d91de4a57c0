import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/persistence/database.ts';
import { applyMigrations } from '../../../src/persistence/migrations/apply-migrations.ts';
import { createPgDatabase, tempDir } from './fixtures/temp-databases.ts';

const dir = tempDir();
afterAll(() => dir.remove());

async function insertAndRead(url: string) {
  await applyMigrations(url);
  const db = openDatabase(url);
  try {
    await db.prisma.jobSeeker.create({ data: { id: 'js-1', regionCode: '310115', name: '张三', idNumberMask: '3101************35' } });
    return await db.prisma.jobSeeker.findUniqueOrThrow({ where: { id: 'js-1' } });
  } finally {
    await db.close();
  }
}

describe('the generated Prisma client on a migrated database', () => {
  it('stores and reads a job seeker (SQLite)', async () => {
    const row = await insertAndRead(`file:${join(dir.path, 'client.db')}`);
    expect(row).toMatchObject({ id: 'js-1', name: '张三', locale: 'zh-CN', regionCode: '310115' });
    expect(row.createdAt).toBeInstanceOf(Date);
  });

  it('stores and reads a job seeker (PostgreSQL)', async () => {
    const database = await createPgDatabase();
    try {
      const row = await insertAndRead(database.url);
      expect(row).toMatchObject({ id: 'js-1', name: '张三', locale: 'zh-CN' });
    } finally {
      await database.drop();
    }
  });
});
