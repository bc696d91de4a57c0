// Administrators manage staff accounts of their own region: list, create (role and districts), disable or
// enable, reset a password. An account outside the administrator's districts is not found (404). Audited.
import express from 'express';
import type { Router } from 'express';
import { z } from 'zod';
import type { AccountRecord, AccountStore } from './account-store.ts';
import { hashPassword, newPasswordProblem } from './password-hash.ts';
import { isInScope, isWithinRegion, scopeOf } from './region-scope.ts';
import { CASEWORKER_ROLES, caseworkerOf, requireCaseworker, requireRole, type CaseworkerSession } from './session-auth.ts';
import type { AuditLog } from '../conversation/ports.ts';
import { refuseDeepJson } from '../http/json-depth.ts';

export interface AccountsRouterDeps {
  accounts: AccountStore;
  audit: AuditLog;
  now?: () => Date;
}

const AccountId = z.object({ id: z.string().uuid() });
const NewAccountBody = z.object({
  username: z.string().trim().regex(/^[a-z0-9][a-z0-9._-]{1,31}$/),
  displayName: z.string().trim().min(1).max(40),
  role: z.enum(CASEWORKER_ROLES),
  districts: z.array(z.string().regex(/^\d{6}$/)).max(20).default([]),
  password: z.string().max(1000),
});
const ResetBody = z.object({ password: z.string().max(1000) });

/** Why a new account's fields are not acceptable, per field, in Chinese. */
const FIELD_MESSAGES: Record<string, string> = {
  username: '用户名为 2–32 位小写字母、数字、点、横线或下划线。',
  displayName: '请填写姓名（不超过 40 字）。',
  role: '请选择角色：经办人员、科长或系统管理员。',
  districts: '辖区应为 6 位行政区划代码。',
  password: '请填写初始密码。',
};

export function accountJson(a: AccountRecord) {
  return { id: a.id, username: a.username, displayName: a.displayName, regionCode: a.regionCode, role: a.role, districts: a.districts, disabled: a.disabledAt !== null, createdAt: a.createdAt.toISOString() };
}

export function createAccountsRouter(deps: AccountsRouterDeps): Router {
  const now = deps.now ?? (() => new Date());
  const router = express.Router();
  router.use('/accounts', express.json({ limit: '16kb', verify: refuseDeepJson }), requireCaseworker(deps.accounts, now), requireRole('administrator'));
  const actor = (admin: CaseworkerSession) => `caseworker:${admin.username}`;

  /** The account if the administrator may manage it (same region, every district inside theirs). */
  async function manageable(admin: CaseworkerSession, id: string): Promise<AccountRecord | null> {
    const found = await deps.accounts.findById(id);
    if (!found || found.regionCode !== admin.regionCode) return null;
    const scope = scopeOf(admin);
    const codes = found.districts.length > 0 ? found.districts : [found.regionCode];
    return codes.every((code) => isInScope(scope, code)) ? found : null;
  }

  router.get('/accounts', async (_req, res) => {
    const admin = caseworkerOf(res);
    const accounts = await deps.accounts.list(admin.regionCode, scopeOf(admin));
    res.json({ accounts: accounts.map(accountJson) });
  });

  router.post('/accounts', async (req, res) => {
    const admin = caseworkerOf(res);
    const body = NewAccountBody.safeParse(req.body ?? {});
    if (!body.success) {
      const field = String(body.error.issues[0]?.path[0] ?? 'username');
      return void res.status(400).json({ error: 'bad_request', field, message: FIELD_MESSAGES[field] ?? '请求格式不正确。' });
    }
    const { districts, password, ...rest } = body.data;
    const scope = scopeOf(admin);
    const outside = districts.find((d) => !isWithinRegion(admin.regionCode, d) || !isInScope(scope, d));
    if (outside || (districts.length === 0 && admin.districts.length > 0)) {
      return void res.status(400).json({ error: 'bad_request', field: 'districts', message: '辖区须在您管理的地区之内。' });
    }
    const problem = newPasswordProblem(password, rest.username);
    if (problem) return void res.status(400).json({ error: 'weak_password', field: 'password', message: problem });
    const created = await deps.accounts.create({ ...rest, districts: [...new Set(districts)], regionCode: admin.regionCode, passwordHash: await hashPassword(password) }, actor(admin));
    if (!created) return void res.status(409).json({ error: 'username_taken', field: 'username', message: '该用户名已被使用。' });
    res.status(201).json({ account: accountJson(created) });
  });

  for (const [path, disabled] of [['disable', true], ['enable', false]] as const) {
    router.post(`/accounts/:id/${path}`, async (req, res) => {
      const admin = caseworkerOf(res);
      const params = AccountId.safeParse(req.params);
      const found = params.success ? await manageable(admin, params.data.id) : null;
      if (!found) return void res.status(404).json({ error: 'not_found', message: '找不到该账号。' });
      if (found.id === admin.id) return void res.status(409).json({ error: 'own_account', message: '不能停用或启用自己的账号。' });
      await deps.accounts.setDisabled(found.id, disabled, actor(admin), now());
      const after = await deps.accounts.findById(found.id);
      res.json({ account: after ? accountJson(after) : accountJson(found) });
    });
  }

  router.post('/accounts/:id/reset-password', async (req, res) => {
    const admin = caseworkerOf(res);
    const params = AccountId.safeParse(req.params);
    const found = params.success ? await manageable(admin, params.data.id) : null;
    if (!found) return void res.status(404).json({ error: 'not_found', message: '找不到该账号。' });
    if (found.id === admin.id) return void res.status(409).json({ error: 'own_account', message: '请在“修改我的密码”中修改自己的密码。' });
    const body = ResetBody.safeParse(req.body ?? {});
    const problem = body.success ? newPasswordProblem(body.data.password, found.username) : '请填写新密码。';
    if (!body.success || problem) return void res.status(400).json({ error: 'weak_password', field: 'password', message: problem });
    await deps.accounts.setPassword(found.id, await hashPassword(body.data.password), actor(admin), now());
    res.json({ account: accountJson(found), reset: true });
  });

  return router;
}
