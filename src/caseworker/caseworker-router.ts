// The caseworker API's own routes: login (a cookie for the console page, a Bearer token for scripts and
// WeCom), logout, who am I, change my password, registrations and web chat token revocation, every query
// scoped to the caller's districts in the repository.
import express from 'express';
import type { Response, Router } from 'express';
import { z } from 'zod';
import type { AccountStore, LoginRecord } from './account-store.ts';
import { newPasswordProblem, hashPassword, verifyPassword } from './password-hash.ts';
import type { RegistrationList, RegistrationListItem } from './registration-list.ts';
import { caseworkerOf, csrfTokenFor, requireCaseworker, sessionTokenOf, SESSION_COOKIE, SESSION_COOKIE_PATH, type CaseworkerSession } from './session-auth.ts';
import { coversWhole, narrowScope, scopeOf } from './region-scope.ts';
import type { AuditLog } from '../conversation/ports.ts';
import type { LoginGuard } from '../http/login-guard.ts';
import { refuseDeepJson } from '../http/json-depth.ts';
import { refuse } from '../http/retry-after.ts';

export interface CaseworkerRouterDeps {
  caseworkers: AccountStore;
  registrations: RegistrationList;
  /** Each registration's form fields, labelled (from the registration dialog's steps); absent: none listed. */
  registrationFields?: (registration: RegistrationListItem) => unknown[];
  audit: AuditLog;
  sessionHours: number;
  now?: () => Date;
  /** Attempts per IP and lockout per account; absent means unthrottled (unit tests of other rules). */
  loginGuard?: LoginGuard;
  /** The web chat tokens of this service's region, which a caseworker of that region may revoke. */
  webchatTokens?: WebchatTokenControl;
}

export interface WebchatTokenControl {
  regionCode: string;
  exists(conversationId: string): Promise<boolean>;
  revoke(conversationId: string, at: Date): Promise<number>;
}

/** `session: "cookie"` (the console page) sets an HttpOnly cookie and returns no token; the default returns a Bearer token. */
const LoginSchema = z.object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(256), session: z.enum(['cookie', 'token']).default('token') });
const PasswordChangeSchema = z.object({ currentPassword: z.string().min(1).max(256), newPassword: z.string().max(1000) });
const ListQuerySchema = z.object({ region: z.string().regex(/^\d{6}$/).optional(), status: z.string().max(32).optional() });

/** What a caseworker may know about their own account. */
export function accountView(worker: Pick<CaseworkerSession, 'username' | 'displayName' | 'regionCode' | 'role' | 'districts'>) {
  return { username: worker.username, displayName: worker.displayName, regionCode: worker.regionCode, role: worker.role, districts: worker.districts };
}

export function createCaseworkerRouter(deps: CaseworkerRouterDeps): Router {
  const now = deps.now ?? (() => new Date());
  const router = express.Router();
  router.use(express.json({ limit: '16kb', verify: refuseDeepJson }));

  router.post('/login', async (req, res) => {
    const body = LoginSchema.safeParse(req.body);
    if (!body.success) return void res.status(400).json({ error: 'bad_request', message: '请填写用户名和密码。' });
    const actor = `caseworker:${body.data.username}`;
    const admission = await deps.loginGuard?.admit(req.ip ?? 'unknown', body.data.username);
    if (admission && !admission.ok) {
      if (admission.reason === 'locked') await deps.audit.record({ actor, action: 'caseworker.login_refused_locked', subjectType: 'caseworker', details: { retryAfterSeconds: admission.retryAfterSeconds } });
      refuse(res, admission.retryAfterSeconds);
      return void res.json({ error: 'too_many_requests', message: admission.message });
    }
    const worker = await deps.caseworkers.findByUsername(body.data.username);
    const ok = worker ? await verifyPassword(body.data.password, worker.passwordHash) : await verifyPassword(body.data.password, DUMMY_HASH);
    if (!worker || !ok) {
      await deps.audit.record({ actor, action: 'caseworker.login_failed', subjectType: 'caseworker' });
      const lockout = await deps.loginGuard?.failed(body.data.username);
      if (!lockout) return void res.status(401).json({ error: 'invalid_credentials', message: '用户名或密码错误。' });
      await deps.audit.record({ actor, action: 'caseworker.login_locked', subjectType: 'caseworker', details: { lockedSeconds: lockout.seconds, lockoutNumber: lockout.lockoutNumber } });
      refuse(res, lockout.seconds);
      return void res.json({ error: 'too_many_requests', message: lockout.message });
    }
    if (worker.disabledAt) {
      await deps.audit.record({ actor, action: 'caseworker.login_refused_disabled', subjectType: 'caseworker', subjectId: worker.id });
      return void res.status(403).json({ error: 'account_disabled', message: '该账号已停用，请联系系统管理员。' });
    }
    await deps.loginGuard?.succeeded(body.data.username);
    const session = await deps.caseworkers.openSession(worker.id, deps.sessionHours, now());
    await deps.audit.record({ actor: `caseworker:${worker.username}`, action: 'caseworker.login', subjectType: 'caseworker', subjectId: worker.id, details: { session: body.data.session } });
    const answer = { expiresAt: session.expiresAt.toISOString(), caseworker: accountView(worker) };
    if (body.data.session === 'token') return void res.json({ token: session.token, ...answer });
    setSessionCookie(res, session.token, session.expiresAt.getTime() - now().getTime(), req.secure);
    res.json({ csrfToken: csrfTokenFor(session.token), ...answer });
  });

  const requireSession = requireCaseworker(deps.caseworkers, now);

  router.get('/session', requireSession, (req, res) => {
    const presented = sessionTokenOf(req);
    res.json({ caseworker: accountView(caseworkerOf(res)), ...(presented?.via === 'cookie' ? { csrfToken: csrfTokenFor(presented.token) } : {}) });
  });

  router.post('/logout', requireSession, async (req, res) => {
    const presented = sessionTokenOf(req);
    if (presented) await deps.caseworkers.closeSession(presented.token);
    await deps.audit.record({ actor: `caseworker:${caseworkerOf(res).username}`, action: 'caseworker.logout', subjectType: 'caseworker', subjectId: caseworkerOf(res).id });
    res.clearCookie(SESSION_COOKIE, { path: SESSION_COOKIE_PATH, httpOnly: true, sameSite: 'strict', secure: req.secure });
    res.json({ loggedOut: true });
  });

  /** A caseworker changes their own password; their other sessions end, this one goes on. */
  router.post('/password', requireSession, async (req, res) => {
    const me = caseworkerOf(res);
    const body = PasswordChangeSchema.safeParse(req.body);
    if (!body.success) return void res.status(400).json({ error: 'bad_request', field: 'currentPassword', message: '请填写当前密码和新密码。' });
    const account: LoginRecord | null = await deps.caseworkers.findById(me.id);
    if (!account || !(await verifyPassword(body.data.currentPassword, account.passwordHash))) {
      await deps.audit.record({ actor: `caseworker:${me.username}`, action: 'account.password_change_refused', subjectType: 'caseworker', subjectId: me.id });
      return void res.status(400).json({ error: 'wrong_password', field: 'currentPassword', message: '当前密码不正确。' });
    }
    const problem = newPasswordProblem(body.data.newPassword, me.username);
    if (problem) return void res.status(400).json({ error: 'weak_password', field: 'newPassword', message: problem });
    await deps.caseworkers.setPassword(me.id, await hashPassword(body.data.newPassword), `caseworker:${me.username}`, now(), sessionTokenOf(req)?.token);
    res.json({ changed: true });
  });

  router.get('/registrations', requireSession, async (req, res) => {
    const worker = caseworkerOf(res);
    const query = ListQuerySchema.safeParse(req.query);
    if (!query.success) return void res.status(400).json({ error: 'bad_request', message: '查询参数不正确。' });
    const region = query.data.region ?? worker.regionCode;
    const scope = narrowScope(scopeOf(worker), region);
    if (!scope) return void res.status(403).json({ error: 'forbidden_region', message: '无权查看其他地区的数据。' });
    const rows = (await deps.registrations.listInScope(scope)).filter((r) => (!query.data.status || r.status === query.data.status));
    await deps.audit.record({ actor: `caseworker:${worker.username}`, action: 'registrations.listed', subjectType: 'registration', details: { region, count: rows.length } });
    res.json({ region, registrations: rows.map((r) => ({ ...r, fields: deps.registrationFields?.(r) ?? [] })) });
  });

  router.post('/conversations/:id/revoke-webchat-token', requireSession, async (req, res) => {
    const worker = caseworkerOf(res);
    const id = z.string().min(1).max(100).safeParse(req.params.id);
    const control = deps.webchatTokens;
    // Web chat conversations belong to the service's region, not to a district: only staff of the whole region may cut them off.
    const known = control && id.success && coversWhole(scopeOf(worker), control.regionCode) && (await control.exists(id.data));
    if (!control || !id.success || !known) return void res.status(404).json({ error: 'not_found', message: '找不到该会话。' });
    const generation = await control.revoke(id.data, now());
    await deps.audit.record({ actor: `caseworker:${worker.username}`, action: 'webchat.token_revoked', subjectType: 'webchat_conversation', subjectId: id.data, details: { generation } });
    res.json({ conversationId: id.data, revoked: true });
  });

  return router;
}

/** The cookie lives as long as the session, counted from now (Max-Age), so a service clock that differs from the browser's cannot expire it early. */
function setSessionCookie(res: Response, token: string, lifetimeMs: number, secure: boolean): void {
  res.cookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure, path: SESSION_COOKIE_PATH, maxAge: Math.max(0, lifetimeMs) });
}

/** Verifying against a fixed hash when the user does not exist keeps the response time the same. */
const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';
