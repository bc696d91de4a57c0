// /channels/wechat-oa/callback: the Official Account's URL verification (GET, plain signature) and safe-mode
// callbacks (POST, msg_signature over the ciphertext, receive id = AppID). A good callback is stored once and
// answered at once with `success`; the reply follows through the customer-service API.
import express from 'express';
import type { Router } from 'express';
import { z } from 'zod';
import { plainSignature, sameHex, type CallbackCrypto } from '../tencent/callback-crypto.ts';
import { callbackMessageSchema, envelopeSchema, messageKeyOf, parseCallbackXml } from '../tencent/callback-xml.ts';
import type { InboxRunner } from '../tencent/inbox-runner.ts';
import { CALLBACK_BODY_LIMIT, type TencentCallbackLogger } from '../wecom/wecom-callback-router.ts';

const base = z.object({ signature: z.string().regex(/^[0-9a-fA-F]{40}$/), timestamp: z.string().regex(/^\d{1,12}$/), nonce: z.string().min(1).max(64) });
const verification = base.extend({ echostr: z.string().min(1).max(256) });
const safeMode = base.extend({ encrypt_type: z.literal('aes'), msg_signature: z.string().regex(/^[0-9a-fA-F]{40}$/) });

export function createWechatOaCallbackRouter(deps: { token: string; crypto: CallbackCrypto; runner: InboxRunner; logger: TencentCallbackLogger }): Router {
  const router = express.Router();
  const refuse = (res: express.Response, status: number, why: string) => {
    deps.logger.warn({ channel: 'wechat-oa', status, why }, 'wechat-oa callback refused');
    res.status(status).type('text/plain').send(status === 401 ? 'signature mismatch' : 'bad request');
  };
  const signedByToken = (q: z.infer<typeof base>) => sameHex(plainSignature(deps.token, q.timestamp, q.nonce), q.signature);

  router.get('/callback', (req, res) => {
    const query = verification.safeParse(req.query);
    if (!query.success) return refuse(res, 400, 'verification query');
    if (!signedByToken(query.data)) return refuse(res, 401, 'signature');
    res.status(200).type('text/plain').send(query.data.echostr);
  });

  router.post('/callback', express.text({ type: () => true, limit: CALLBACK_BODY_LIMIT }), async (req, res) => {
    const query = safeMode.safeParse(req.query);
    if (!query.success) return refuse(res, 400, 'callback query (safe mode required)');
    if (!signedByToken(query.data)) return refuse(res, 401, 'signature');
    const envelope = envelopeSchema.safeParse(parseCallbackXml(typeof req.body === 'string' ? req.body : ''));
    if (!envelope.success) return refuse(res, 400, 'malformed envelope');
    const { msg_signature, timestamp, nonce } = query.data;
    if (!deps.crypto.verify(msg_signature, timestamp, nonce, envelope.data.Encrypt)) return refuse(res, 401, 'msg_signature');
    const plain = deps.crypto.open(envelope.data.Encrypt);
    if (plain === null) return refuse(res, 401, 'does not decrypt for this AppID');
    const message = callbackMessageSchema.safeParse(parseCallbackXml(plain));
    if (!message.success) return refuse(res, 400, 'malformed message');
    const fresh = await deps.runner.accept(`wechat-oa:${messageKeyOf(message.data)}`, plain);
    if (!fresh) deps.logger.warn({ channel: 'wechat-oa', key: messageKeyOf(message.data) }, 'wechat-oa retry or replay ignored');
    res.status(200).type('text/plain').send('success');
  });

  return router;
}
