// POST /channels/sms/<secret>/tencent and /channels/sms/<secret>/aliyun: the providers' inbound SMS callbacks.
// The secret in the path is the only proof the providers allow (neither signs these callbacks), compared in
// constant time; a wrong one is a 404. Bodies are capped and checked by zod (400 in the provider's own shape),
// callers are rate-limited per IP, and each message is handled once (sms-uplink-handler.ts).
import { createHash, timingSafeEqual } from 'node:crypto';
import express from 'express';
import type { Response, Router } from 'express';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { refuseDeepJson } from '../../http/json-depth.ts';
import { limitPerAddress } from '../../http/retry-after.ts';
import { receiveUplink, type SmsUplinkDeps } from './sms-uplink-handler.ts';
import { parseAliyunUplink, parseTencentUplink, type UplinkParse } from './sms-uplink-payloads.ts';

export interface SmsUplinkRouterDeps extends SmsUplinkDeps {
  secret: string;
  limiter?: RateLimiterAbstract;
  logger: { warn(obj: object, msg?: string): void; error(obj: object, msg?: string): void };
}

interface Provider {
  parse(body: unknown): UplinkParse;
  ok(res: Response): void;
  bad(res: Response, status: number): void;
}

const PROVIDERS: Readonly<Record<string, Provider>> = {
  // Tencent: {"result":0,"errmsg":"OK"}; any other result is a failure.
  tencent: { parse: parseTencentUplink, ok: (res) => void res.json({ result: 0, errmsg: 'OK' }), bad: (res, status) => void res.status(status).json({ result: 1, errmsg: 'bad request' }) },
  // Alibaba: HTTP 200 with a numeric code; non-200 makes it push again (1, 5, 10 minutes later).
  aliyun: { parse: parseAliyunUplink, ok: (res) => void res.json({ code: 0, msg: '接收成功' }), bad: (res, status) => void res.status(status).json({ code: 1, msg: 'bad request' }) },
};

const digest = (s: string) => createHash('sha256').update(s).digest();

export function createSmsUplinkRouter(deps: SmsUplinkRouterDeps): Router {
  const expected = digest(deps.secret);
  const router = express.Router();
  router.use(limitPerAddress(deps.limiter, (res) => void res.json({ error: 'too_many_requests' })));
  router.post('/:secret/:provider', express.json({ limit: '64kb', verify: refuseDeepJson, type: () => true }), async (req, res) => {
    const given = typeof req.params.secret === 'string' ? req.params.secret : '';
    const provider = typeof req.params.provider === 'string' ? PROVIDERS[req.params.provider] : undefined;
    if (!timingSafeEqual(digest(given), expected) || !provider || typeof req.params.provider !== 'string') {
      res.status(404).json({ error: 'not_found' });
      return;
    }
    const name = req.params.provider;
    const parsed = provider.parse(req.body);
    if (!parsed.ok) {
      deps.logger.warn({ sms: { provider: name } }, 'inbound SMS callback refused: not the provider\'s payload');
      provider.bad(res, 400);
      return;
    }
    for (const message of parsed.messages) {
      try {
        await receiveUplink(deps, name, message);
      } catch (err) {
        // Already accepted once: a provider retry would be dropped as a duplicate, so answer OK and log it.
        deps.logger.error({ err, sms: { provider: name, id: message.providerMessageId } }, 'inbound SMS could not be handled');
      }
    }
    provider.ok(res);
  });
  return router;
}
