// SMS as an outbound channel: the address is a mainland mobile number (or, for a notice, the person's number on
// file), the message a registered template: a one-time code, or a notice with its parameters and a short link
// to web chat. Every send is counted against the provider's per-number limits first (shared by all instances).
import type { AuditLog, OutboundChannel, OutboundTemplate, SendOutcome } from '../../conversation/ports.ts';
import { parseMobileNumber } from '../../domain/contact/mobile-number.ts';
import type { SmsDriver, SmsParam } from './sms-driver.ts';
import { noticeTemplateFor, type SmsNoticeTemplates } from './sms-notice-templates.ts';
import { SMS_CHANNEL_ID } from './sms-capabilities.ts';
import type { ShortLinkStore, SmsNumberLimiter, SmsPhoneBook } from './sms-ports.ts';

export { SMS_CHANNEL_ID };
export { smsDriverFromSettings, type SmsSettings } from './sms-settings.ts';

export interface SmsShortLinks {
  store: ShortLinkStore;
  /** The public address of this service, e.g. https://jiuye.example.gov.cn (links are <base>/s/<token>). */
  baseUrl: string;
  days: number;
}

export interface SmsChannelOptions {
  notices?: SmsNoticeTemplates;
  limiter?: SmsNumberLimiter;
  phoneBook?: Pick<SmsPhoneBook, 'phoneOf'>;
  links?: SmsShortLinks;
  audit?: AuditLog;
  clock?: () => Date;
}

type Prepared = { ok: true; send: (phone: string) => Promise<SendOutcome> } | { ok: false; code: string };

export function createSmsChannel(driver: SmsDriver, options: SmsChannelOptions = {}): OutboundChannel & { readonly provider: string } {
  const clock = options.clock ?? (() => new Date());

  async function phoneFor(address: string, template: OutboundTemplate): Promise<string | null> {
    const phone = parseMobileNumber(address);
    if (phone.valid) return phone.normalized;
    if (template.kind !== 'notice' || !options.phoneBook) return null;
    const onFile = await options.phoneBook.phoneOf(template.jobSeekerId);
    const parsed = onFile ? parseMobileNumber(onFile) : null;
    return parsed?.valid ? parsed.normalized : null;
  }

  function prepare(template: OutboundTemplate): Prepared {
    if (template.kind === 'one_time_code') return { ok: true, send: (phone) => driver.sendCode(phone, template.params) };
    const chosen = noticeTemplateFor(options.notices ?? {}, template.notice);
    if (!chosen) return { ok: false, code: 'no_template_for_kind' };
    const links = options.links;
    if (chosen.params.includes('link') && !links) return { ok: false, code: 'no_short_link' };
    return {
      ok: true,
      send: async (phone) => {
        const now = clock();
        const params: SmsParam[] = [];
        for (const name of chosen.params) {
          if (name === 'topic') params.push({ name, value: template.topic });
          if (name === 'days') params.push({ name, value: String(links?.days ?? 0) });
          if (name === 'link' && links) {
            const link = await links.store.issue(template.jobSeekerId, now, new Date(now.getTime() + links.days * 86_400_000));
            await options.audit?.record({ actor: 'sms', action: 'sms.shortLinkIssued', subjectType: 'job_seeker', subjectId: template.jobSeekerId, details: { linkId: link.linkId, notice: template.notice } });
            params.push({ name, value: `${links.baseUrl.replace(/\/+$/, '')}/s/${link.token}` });
          }
        }
        return driver.sendTemplate(phone, chosen.id, params);
      },
    };
  }

  return {
    channel: SMS_CHANNEL_ID,
    provider: driver.provider,
    // Always deliverable, so it is tried last: a text costs money and carries only registered templates.
    async reachability() {
      return { canSendNow: true, reason: 'last_resort' };
    },
    templatesOnly: true,
    async send(address, message) {
      // SMS in mainland China carries only approved templates: a message without one cannot go by SMS.
      if (!message.template) return { ok: false, retryable: false, code: 'no_template' };
      const prepared = prepare(message.template);
      if (!prepared.ok) return { ok: false, retryable: false, code: prepared.code };
      const phone = await phoneFor(address, message.template);
      if (!phone) return { ok: false, retryable: false, code: 'invalid_address' };
      const reservation = options.limiter ? await options.limiter.reserve(phone, clock()) : null;
      if (reservation && !reservation.ok) return { ok: false, retryable: true, code: `number_limit_${reservation.reason}`, retryAt: reservation.retryAt };
      const outcome = await prepared.send(phone);
      // A message refused for good did not reach the number: it does not count. A timeout may have, so it does.
      if (!outcome.ok && !outcome.retryable && reservation?.ok) await options.limiter?.release(reservation.id);
      return outcome;
    },
  };
}
