// GET /api/caseworker/channels/status: the login state of channels that need one (personal WeChat through
// wechaty: starting / scan_required / logged_in / logged_out), for supervisors and administrators; the login
// QR code's content only for administrators, and only while a scan is required (whoever scans owns the account).
import express from 'express';
import type { Router } from 'express';
import { caseworkerOf, requireCaseworker, requireRole, type SessionFinder } from './session-auth.ts';

export const WECHATY_LOGIN_STATES = ['starting', 'scan_required', 'logged_in', 'logged_out'] as const;
export type WechatyLogin = { state: (typeof WECHATY_LOGIN_STATES)[number]; qrcode: string | null };

/** The port the personal WeChat channel provides (src/main.ts wires it); null when that channel is off. */
export interface ChannelLogins {
  wechaty(): WechatyLogin | null;
}

export function createChannelStatusRouter(deps: { sessions: SessionFinder; logins: ChannelLogins; now: () => Date }): Router {
  const router = express.Router();
  router.get('/channels/status', requireCaseworker(deps.sessions, deps.now), requireRole('supervisor', 'administrator'), (_req, res) => {
    const login = deps.logins.wechaty();
    const admin = caseworkerOf(res).role === 'administrator';
    const qrcode = admin && login?.state === 'scan_required' ? login.qrcode : null;
    res.json({ wechaty: login ? { state: login.state, ...(qrcode ? { qrcode } : {}) } : null });
  });
  return router;
}
