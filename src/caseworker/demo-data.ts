// Demo data for a first look (`serve --demo` only): one caseworker in the service's region, printed at
// start-up; removed again when the service starts without --demo, since its password is public.
import { hashPassword, verifyPassword } from './password-hash.ts';
import type { Logger } from '../logging/logger.ts';
import type { CaseworkerAccounts as CaseworkerRepository } from './caseworker-accounts.ts';

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

/** Without --demo the public demo login must not work: drop the demo caseworker if it still has the demo password. */
export async function removeDemoData(repos: { caseworkers: CaseworkerRepository }, logger: Logger): Promise<void> {
  const demo = await repos.caseworkers.findByUsername(DEMO_CASEWORKER.username);
  if (!demo || !(await verifyPassword(DEMO_CASEWORKER.password, demo.passwordHash))) return;
  await repos.caseworkers.remove(demo.id);
  logger.info({ username: DEMO_CASEWORKER.username }, 'demo caseworker removed: the service runs without --demo');
}
