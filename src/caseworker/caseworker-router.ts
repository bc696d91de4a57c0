// The caseworker API: login, then today's work, every query scoped to the caseworker's region.
import express from 'express';
import type { Router } from 'express';
import { z } from 'zod';
import { verifyPassword } from './password-hash.ts';
import { caseworkerOf, requireCaseworker } from './session-auth.ts';
import { isWithinRegion, regionPrefixOf } from './region-scope.ts';
import type { CaseworkerAccounts as CaseworkerRepository } from './caseworker-accounts.ts';
import type { RegistrationList, RegistrationListItem } from '../conversation/registration-intake.ts';
import type { AuditLog } from '../conversation/ports.ts';
import type { LoginGuard } from '../http/login-guard.ts';
import { refuseDeepJson } from '../http/json-depth.ts';
import { refuse } from '../http/retry-after.ts';

export interface CaseworkerRouterDeps {
  caseworkers: CaseworkerRepository;
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

const LoginSchema = z.object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(256) });
const ListQuerySchema = z.object({ region: z.string().regex(/^\d{6}$/).optional(), status: z.string().max(32).optional() });

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
    await deps.loginGuard?.succeeded(body.data.username);
    const session = await deps.caseworkers.openSession(worker.id, deps.sessionHours, now());
    await deps.audit.record({ actor: `caseworker:${worker.username}`, action: 'caseworker.login', subjectType: 'caseworker', subjectId: worker.id });
    res.json({ token: session.token, expiresAt: session.expiresAt.toISOString(), caseworker: { username: worker.username, displayName: worker.displayName, regionCode: worker.regionCode } });
  });

  const requireSession = requireCaseworker(deps.caseworkers, now);

  router.get('/registrations', requireSession, async (req, res) => {
    const worker = caseworkerOf(res);
    const query = ListQuerySchema.safeParse(req.query);
    if (!query.success) return void res.status(400).json({ error: 'bad_request', message: '查询参数不正确。' });
    const region = query.data.region ?? worker.regionCode;
    if (!isWithinRegion(worker.regionCode, region)) return void res.status(403).json({ error: 'forbidden_region', message: '无权查看其他地区的数据。' });
    const rows = (await deps.registrations.listForRegion(regionPrefixOf(region))).filter((r) => (!query.data.status || r.status === query.data.status));
    await deps.audit.record({ actor: `caseworker:${worker.username}`, action: 'registrations.listed', subjectType: 'registration', details: { region, count: rows.length } });
    res.json({ region, registrations: rows.map((r) => ({ ...r, fields: deps.registrationFields?.(r) ?? [] })) });
  });

  router.post('/conversations/:id/revoke-webchat-token', requireSession, async (req, res) => {
    const worker = caseworkerOf(res);
    const id = z.string().min(1).max(100).safeParse(req.params.id);
    const control = deps.webchatTokens;
    const known = control && id.success && isWithinRegion(worker.regionCode, control.regionCode) && (await control.exists(id.data));
    if (!control || !id.success || !known) return void res.status(404).json({ error: 'not_found', message: '找不到该会话。' });
    const generation = await control.revoke(id.data, now());
    await deps.audit.record({ actor: `caseworker:${worker.username}`, action: 'webchat.token_revoked', subjectType: 'webchat_conversation', subjectId: id.data, details: { generation } });
    res.json({ conversationId: id.data, revoked: true });
  });

  return router;
}

/** Verifying against a fixed hash when the user does not exist keeps the response time the same. */
const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';
