// `jiuyebang wecom link <caseworker-username> <wecom-userid>`: lets a WeCom member act as that caseworker
// (claim, reply, close from WeCom). Run on a migrated database (serve or `db migrate` first). Audited; one member per caseworker, a new link replaces the old one.
import type { AppConfig } from '../config/app-config.ts';
import { openDatabase } from '../persistence/database.ts';
import { createAuditRepository } from '../persistence/audit-repository.ts';
import { createWecomMemberRepository } from '../persistence/wecom-member-repository.ts';

const USAGE = 'usage: jiuyebang wecom link <caseworker-username> <wecom-userid>';

export async function runWecomCommand(argv: string[], io: { out(s: string): void; err(s: string): void }, config: Pick<AppConfig, 'DATABASE_URL'>): Promise<number> {
  const [verb, username, userId, ...extra] = argv;
  if (verb !== 'link' || !username || !userId || extra.length > 0 || !/^[A-Za-z0-9_.@-]{1,64}$/.test(userId)) {
    io.err(USAGE);
    return 2;
  }
  const database = openDatabase(config.DATABASE_URL);
  try {
    await database.ready;
    const linked = await createWecomMemberRepository(database.prisma).link(userId, username);
    if (!linked) {
      io.err(`no caseworker named "${username}"`);
      return 1;
    }
    await createAuditRepository(database.prisma).record({ actor: 'cli', action: 'wecom.member_linked', subjectType: 'caseworker', subjectId: username, details: { wecomUserId: userId } });
    io.out(`WeCom member ${userId} now acts as caseworker ${username}`);
    return 0;
  } finally {
    await database.close();
  }
}
