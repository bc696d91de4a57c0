// The approved SMS templates notices go out in (SMS in mainland China carries only registered templates): one
// template per notice kind, each with its named parameters in the template's order. Configured as JSON in
// SMS_NOTICE_TEMPLATES, e.g. {"check_in":{"id":"1234567","params":["topic","link"]}}. Parameters never carry
// personal numbers: `topic` (事项, e.g. 定期回访), `link` (the short link to web chat), `days` (how long it works).
import { z } from 'zod';

/** Notice kinds: outreach task kinds, the `quota` family (any quota_* kind), a caseworker's reply, a generic notice. */
export const SMS_NOTICE_KINDS = ['first_contact', 'check_in', 'quota', 'quota_policy', 'quota_guidance', 'quota_jobs', 'quota_training', 'caseworker_reply', 'new_message'] as const;
export type SmsNoticeKind = (typeof SMS_NOTICE_KINDS)[number];

export const SMS_TEMPLATE_PARAMS = ['topic', 'link', 'days'] as const;
export type SmsTemplateParam = (typeof SMS_TEMPLATE_PARAMS)[number];

export interface SmsNoticeTemplate {
  /** Tencent TemplateId, or Alibaba TemplateCode (SMS_...). */
  id: string;
  /** In the template's order: Tencent {1}, {2}, ...; Alibaba ${topic}, ${link}, ... by name. */
  params: readonly SmsTemplateParam[];
}

export type SmsNoticeTemplates = Partial<Record<SmsNoticeKind, SmsNoticeTemplate>>;

const templateSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9_]{1,40}$/, 'a template id is letters, digits or "_"'),
  params: z.array(z.enum(SMS_TEMPLATE_PARAMS)).max(SMS_TEMPLATE_PARAMS.length).refine((p) => new Set(p).size === p.length, 'a parameter appears twice'),
});

export const smsNoticeTemplatesSchema = z.partialRecord(z.enum(SMS_NOTICE_KINDS), templateSchema);

/** The env variable's text as templates; a bad value is a zod issue (start-up stops naming the variable). */
export const smsNoticeTemplatesEnv = z
  .string()
  .max(8000)
  .transform((text, ctx): unknown => {
    try {
      return JSON.parse(text);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be JSON such as {"check_in":{"id":"1234567","params":["topic","link"]}}' });
      return z.NEVER;
    }
  })
  .pipe(smsNoticeTemplatesSchema);

/**
 * The template a notice goes out in: its own; for quota_* kinds the `quota` family's; else the generic
 * `new_message` one. Null when none is configured: SMS cannot carry that notice.
 */
export function noticeTemplateFor(templates: SmsNoticeTemplates, notice: string): SmsNoticeTemplate | null {
  const own = SMS_NOTICE_KINDS.find((k) => k === notice);
  if (own && templates[own]) return templates[own];
  if (notice.startsWith('quota_') && templates.quota) return templates.quota;
  return templates.new_message ?? null;
}
