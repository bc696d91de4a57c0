// The SMS channel's HTTP side, built once the engine exists: the short-link pages (/s) and, when a secret is
// configured, the providers' inbound SMS callbacks (/channels/sms), each with its own per-IP limit.
import type { Router } from 'express';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { createShortLinkRouter, type ShortLinkRouterDeps } from '../webchat/short-link-router.ts';
import { createSmsUplinkRouter, type SmsUplinkRouterDeps } from './sms-uplink-router.ts';

export interface SmsRoutesDeps {
  shortLinks: Omit<ShortLinkRouterDeps, 'limiter'>;
  /** Without a secret there is no callback address: inbound SMS are off. */
  uplink: Omit<SmsUplinkRouterDeps, 'limiter' | 'secret'> & { secret: string | undefined };
  limits: { shortLinksPerIp: number; uplinksPerIp: number };
  limiter(spec: { name: string; points: number; durationSeconds: number }): Promise<RateLimiterAbstract>;
}

export async function createSmsRoutes(deps: SmsRoutesDeps): Promise<{ shortLinks: Router; channels: Record<string, Router> }> {
  const perMinute = (name: string, points: number) => deps.limiter({ name, points, durationSeconds: 60 });
  const shortLinks = createShortLinkRouter({ ...deps.shortLinks, limiter: await perMinute('sms-links-ip', deps.limits.shortLinksPerIp) });
  const { secret, ...uplink } = deps.uplink;
  if (!secret) return { shortLinks, channels: {} };
  return { shortLinks, channels: { sms: createSmsUplinkRouter({ ...uplink, secret, limiter: await perMinute('sms-uplink-ip', deps.limits.uplinksPerIp) }) } };
}
