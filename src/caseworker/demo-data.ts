// Demo data for a first look: one caseworker in the service's region, printed at start-up.
import { hashPassword } from './password-hash.ts';
import type { Logger } from '../logging/logger.ts';
import type { CaseworkerRepository } from '../persistence/caseworker-repository.ts';

export const DEMO_CASEWORKER = { username: 'demo', password: 'jiuyebang-demo', displayName: '演示工作人员' } as const;

export async function loadDemoData(repos: { caseworkers: CaseworkerRepository }, regionCode: string, logger: Logger): Promise<void> {
  const created = await repos.caseworkers.ensure({
    username: DEMO_CASEWORKER.username,
    displayName: DEMO_CASEWORKER.displayName,
    regionCode,
    passwordHash: await hashPassword(DEMO_CASEWORKER.password),
  });
  logger.info({ created, region: regionCode }, `demo caseworker: username "${DEMO_CASEWORKER.username}", password "${DEMO_CASEWORKER.password}" (POST /api/caseworker/login)`);
}
