// /channels/wecom/callback: URL verification (GET) and encrypted callbacks (POST) of the WeCom app. A body is
// capped before parsing; a forged signature or another corp's message is 401; a good one is stored once by
// its key and acknowledged at once with an empty 200 (WeCom's three retries then find it already accepted).
import express from 'express';
import type { Router } from 'express';
import { z } from 'zod';
import type { CallbackCrypto } from '../tencent/callback-crypto.ts';
import { envelopeSchema, messageKeyOf, parseCallbackXml, wecomCallbackSchema } from '../tencent/callback-xml.ts';
import type { InboxRunner } from '../tencent/inbox-runner.ts';

const signed = z.object({ msg_signature: z.string().regex(/^[0-9a-fA-F]{40}$/), timestamp: z.string().regex(/^\d{1,12}$/), nonce: z.string().min(1).max(64) });
const verification = signed.extend({ echostr: z.string().min(1).max(4096) });

export interface TencentCallbackLogger {
  warn(obj: object, msg?: string): void;
}

export const CALLBACK_BODY_LIMIT = '64kb';

export function createWecomCallbackRouter(deps: { crypto: CallbackCrypto; runner: InboxRunner; logger: TencentCallbackLogger }): Router {
  const router = express.Router();
  const refuse = (res: express.Response, status: number, why: string) => {
    deps.logger.warn({ channel: 'wecom', status, why }, 'wecom callback refused');
    res.status(status).type('text/plain').send(status === 401 ? 'signature mismatch' : 'bad request');
  };

  router.get('/callback', (req, res) => {
    const query = verification.safeParse(req.query);
    if (!query.success) return refuse(res, 400, 'verification query');
    const { msg_signature, timestamp, nonce, echostr } = query.data;
    if (!deps.crypto.verify(msg_signature, timestamp, nonce, echostr)) return refuse(res, 401, 'signature');
    const plain = deps.crypto.open(echostr);
    if (plain === null) return refuse(res, 401, 'echostr does not decrypt for this corp');
    res.status(200).type('text/plain').send(plain);
  });

  router.post('/callback', express.text({ type: () => true, limit: CALLBACK_BODY_LIMIT }), async (req, res) => {
    const query = signed.safeParse(req.query);
    if (!query.success) return refuse(res, 400, 'callback query');
    const envelope = envelopeSchema.safeParse(parseCallbackXml(typeof req.body === 'string' ? req.body : ''));
    if (!envelope.success) return refuse(res, 400, 'malformed envelope');
    const { msg_signature, timestamp, nonce } = query.data;
    if (!deps.crypto.verify(msg_signature, timestamp, nonce, envelope.data.Encrypt)) return refuse(res, 401, 'signature');
    const plain = deps.crypto.open(envelope.data.Encrypt);
    if (plain === null) return refuse(res, 401, 'does not decrypt for this corp');
    const message = wecomCallbackSchema.safeParse(parseCallbackXml(plain));
    if (!message.success) return refuse(res, 400, 'malformed message');
    const fresh = await deps.runner.accept(`wecom:${messageKeyOf(message.data)}`, plain);
    if (!fresh) deps.logger.warn({ channel: 'wecom', key: messageKeyOf(message.data) }, 'wecom retry or replay ignored');
    res.status(200).type('text/plain').send('');
  });

  return router;
}
