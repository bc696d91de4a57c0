// Demo data for a first look (`serve --demo` only): a caseworker, a supervisor and an administrator for the
// whole region, and a caseworker of one district, printed at start-up; removed again when the service starts
// without --demo, since their password is public.
import { hashPassword, verifyPassword } from './password-hash.ts';
import type { AccountStore } from './account-store.ts';
import type { CaseworkerRole } from './session-auth.ts';
import type { Logger } from '../logging/logger.ts';

export const DEMO_CASEWORKER = { username: 'demo', password: 'jiuyebang-demo', displayName: '演示工作人员' } as const;

interface DemoAccount {
  username: string;
  displayName: string;
  role: CaseworkerRole;
  /** true: scoped to the region's first district (the code ending in 02) instead of the whole region. */
  district: boolean;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { username: DEMO_CASEWORKER.username, displayName: DEMO_CASEWORKER.displayName, role: 'caseworker', district: false },
  { username: 'demo-supervisor', displayName: '演示科长', role: 'supervisor', district: false },
  { username: 'demo-admin', displayName: '演示管理员', role: 'administrator', district: false },
  { username: 'demo-district', displayName: '演示区级工作人员', role: 'caseworker', district: true },
];

type DemoRepos = { caseworkers: Pick<AccountStore, 'ensure' | 'findByUsername' | 'remove'> };

/** A city code's first district (440800 → 440802); a district code is its own. */
export function demoDistrictOf(regionCode: string): string {
  return regionCode.endsWith('00') ? `${regionCode.slice(0, 4)}02` : regionCode;
}

export async function loadDemoData(repos: DemoRepos, regionCode: string, logger: Logger): Promise<void> {
  const passwordHash = await hashPassword(DEMO_CASEWORKER.password);
  for (const account of DEMO_ACCOUNTS) {
    const districts = account.district ? [demoDistrictOf(regionCode)] : [];
    const created = await repos.caseworkers.ensure({ username: account.username, displayName: account.displayName, role: account.role, regionCode, districts, passwordHash });
    logger.info({ created, region: regionCode, role: account.role, districts }, `demo ${account.role}: username "${account.username}", password "${DEMO_CASEWORKER.password}" (/console or POST /api/caseworker/login)`);
  }
}

/** Without --demo the public demo logins must not work: drop each demo account that still has the demo password. */
export async function removeDemoData(repos: DemoRepos, logger: Logger): Promise<void> {
  for (const account of DEMO_ACCOUNTS) {
    const demo = await repos.caseworkers.findByUsername(account.username);
    if (!demo || !(await verifyPassword(DEMO_CASEWORKER.password, demo.passwordHash))) continue;
    await repos.caseworkers.remove(demo.id);
    logger.info({ username: account.username }, 'demo account removed: the service runs without --demo');
  }
}
