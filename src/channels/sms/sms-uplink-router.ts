// POST /channels/sms/<secret>/tencent and /channels/sms/<secret>/aliyun: the providers' inbound SMS callbacks;
// POST /channels/sms/<secret>/tencent/report and .../aliyun/report: their status reports (状态回执), recorded as
// delivery receipts (a failed one reopens the outreach task it belongs to).
// The secret in the path is the only proof the providers allow (neither signs these callbacks), compared in
// constant time; a wrong one is a 404. Bodies are capped and checked by zod (400 in the provider's own shape),
// callers are rate-limited per IP, and each message is handled once (sms-uplink-handler.ts).
import { createHash, timingSafeEqual } from 'node:crypto';
import express from 'express';
import type { Response, Router } from 'express';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import type { DeliveryReceipts } from '../../conversation/ports.ts';
import { refuseDeepJson } from '../../http/json-depth.ts';
import { limitPerAddress } from '../../http/retry-after.ts';
import { receiveUplink, type SmsUplinkDeps } from './sms-uplink-handler.ts';
import { parseAliyunReports, parseTencentReports, type ReportParse } from './sms-report-payloads.ts';
import { SMS_CHANNEL_ID } from './sms-channel.ts';
import { parseAliyunUplink, parseTencentUplink, type UplinkParse } from './sms-uplink-payloads.ts';

export interface SmsUplinkRouterDeps extends SmsUplinkDeps {
  secret: string;
  receipts: DeliveryReceipts;
  limiter?: RateLimiterAbstract;
  logger: { warn(obj: object, msg?: string): void; error(obj: object, msg?: string): void };
}

interface Provider {
  parse(body: unknown): UplinkParse;
  parseReports(body: unknown): ReportParse;
  ok(res: Response): void;
  bad(res: Response, status: number): void;
}

const PROVIDERS: Readonly<Record<string, Provider>> = {
  // Tencent: {"result":0,"errmsg":"OK"}; any other result is a failure.
  tencent: { parse: parseTencentUplink, parseReports: parseTencentReports, ok: (res) => void res.json({ result: 0, errmsg: 'OK' }), bad: (res, status) => void res.status(status).json({ result: 1, errmsg: 'bad request' }) },
  // Alibaba: HTTP 200 with a numeric code; non-200 makes it push again (1, 5, 10 minutes later).
  aliyun: { parse: parseAliyunUplink, parseReports: parseAliyunReports, ok: (res) => void res.json({ code: 0, msg: '接收成功' }), bad: (res, status) => void res.status(status).json({ code: 1, msg: 'bad request' }) },
};

const digest = (s: string) => createHash('sha256').update(s).digest();

export function createSmsUplinkRouter(deps: SmsUplinkRouterDeps): Router {
  const expected = digest(deps.secret);
  const router = express.Router();
  router.use(limitPerAddress(deps.limiter, (res) => void res.json({ error: 'too_many_requests' })));
  const json = express.json({ limit: '64kb', verify: refuseDeepJson, type: () => true });
  /** The provider named in the path, once the secret matches; otherwise 404 and null. */
  const providerOf = (params: Record<string, unknown>, res: Response): { name: string; provider: Provider } | null => {
    const given = typeof params.secret === 'string' ? params.secret : '';
    const name = typeof params.provider === 'string' ? params.provider : '';
    const provider = Object.hasOwn(PROVIDERS, name) ? PROVIDERS[name] : undefined;
    if (!timingSafeEqual(digest(given), expected) || !provider) {
      res.status(404).json({ error: 'not_found' });
      return null;
    }
    return { name, provider };
  };
  router.post('/:secret/:provider/report', json, async (req, res) => {
    const found = providerOf(req.params, res);
    if (!found) return;
    const parsed = found.provider.parseReports(req.body);
    if (!parsed.ok) {
      deps.logger.warn({ sms: { provider: found.name } }, 'SMS status report refused: not the provider\'s payload');
      found.provider.bad(res, 400);
      return;
    }
    let unrecorded = 0;
    for (const report of parsed.reports) {
      try {
        await deps.receipts.record({ channel: SMS_CHANNEL_ID, providerMessageId: report.providerMessageId, delivered: report.delivered, reason: report.code, at: deps.clock() });
      } catch (err) {
        unrecorded += 1;
        deps.logger.error({ err, sms: { provider: found.name, id: report.providerMessageId } }, 'SMS status report could not be recorded');
      }
    }
    // Recording a receipt twice changes nothing, so a failure asks the provider to push the batch again.
    if (unrecorded > 0) found.provider.bad(res, 503);
    else found.provider.ok(res);
  });
  router.post('/:secret/:provider', json, async (req, res) => {
    const found = providerOf(req.params, res);
    if (!found) return;
    const { name, provider } = found;
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
