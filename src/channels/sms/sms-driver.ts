// What every SMS provider driver does: send one approved template (a one-time code, or a notice with named
// parameters) to one mainland mobile number, and say whether a failure is worth retrying. Drivers wrap the
// providers' official SDKs; nothing here knows a provider.
import type { SendOutcome } from '../../conversation/ports.ts';

export interface SmsCode {
  code: string;
  minutes: string;
}

export interface SmsDriver {
  /** `tencent`, `aliyun` or `log`: recorded with every send. */
  readonly provider: string;
  /** `phone`: 11 digits, mainland, already validated. */
  sendCode(phone: string, code: SmsCode): Promise<SendOutcome>;
  /** A notice template: `params` in the template's order (Tencent {1}, {2}, ...), by name for Alibaba (${name}). */
  sendTemplate(phone: string, templateId: string, params: readonly SmsParam[]): Promise<SendOutcome>;
}

export interface SmsParam {
  name: string;
  value: string;
}

/** An endpoint override as configured: a bare host (https) or a URL such as http://127.0.0.1:8080 (intranet proxy, tests). */
export function splitEndpoint(endpoint: string): { protocol: 'http' | 'https'; host: string } {
  const match = /^(https?):\/\/([^/]+)\/?$/i.exec(endpoint.trim());
  if (!match?.[1] || !match[2]) return { protocol: 'https', host: endpoint.trim() };
  return { protocol: match[1].toLowerCase() === 'http' ? 'http' : 'https', host: match[2] };
}

/** Provider error codes that mean "later may work" (limits, throttling, provider outages); anything else is final. */
export function isRetryableProviderCode(code: string): boolean {
  const providerLater = /^(LimitExceeded|RequestLimitExceeded|InternalError|ResourceUnavailable|Throttling|ServiceUnavailable|isv\.BUSINESS_LIMIT_CONTROL|isv\.DAY_LIMIT_CONTROL|network)/i;
  // Node's socket errors (ECONNREFUSED, ETIMEDOUT, ...) and the SDKs' timeouts: the provider was not reached.
  const unreachable = /^(E[A-Z_]+|UND_ERR_[A-Z_]+|.*Timeout.*)$/;
  return providerLater.test(code) || unreachable.test(code);
}

export function failure(code: string): SendOutcome {
  return { ok: false, retryable: isRetryableProviderCode(code), code };
}
