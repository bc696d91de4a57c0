// The providers' SMS status reports (状态回执) as zod schemas, each read into one shape: the id the provider gave
// when it accepted the message, whether it reached the phone, the provider's code, and when. Tencent Cloud pushes a
// JSON array of {sid, report_status: SUCCESS|FAIL, errmsg, description, user_receive_time, mobile, nationcode};
// Alibaba Cloud's SmsReport push is a JSON array of {biz_id, success, err_code, err_msg, report_time, phone_number}.
import { z } from 'zod';

export interface StatusReport {
  providerMessageId: string;
  delivered: boolean;
  /** The provider's code (DELIVRD, UNDELIV, MK:0001...), as it gave it. */
  code: string | null;
}

export type ReportParse = { ok: true; reports: StatusReport[] } | { ok: false };

const MAX_BATCH = 100;

const tencentReport = z.object({
  sid: z.string().min(1).max(128),
  report_status: z.enum(['SUCCESS', 'FAIL']),
  errmsg: z.string().max(100).optional(),
  description: z.string().max(200).optional(),
  user_receive_time: z.string().max(40).optional(),
  mobile: z.string().max(20).optional(),
  nationcode: z.string().max(6).optional(),
});

const aliyunReport = z.object({
  biz_id: z.string().min(1).max(128),
  success: z.union([z.boolean(), z.enum(['true', 'false'])]).transform((v) => v === true || v === 'true'),
  err_code: z.string().max(100).optional(),
  err_msg: z.string().max(200).optional(),
  report_time: z.string().max(40).optional(),
  phone_number: z.string().max(20).optional(),
});

export function parseTencentReports(body: unknown): ReportParse {
  const parsed = z.array(tencentReport).min(1).max(MAX_BATCH).safeParse(body);
  if (!parsed.success) return { ok: false };
  return {
    ok: true,
    reports: parsed.data.map((r) => ({ providerMessageId: r.sid, delivered: r.report_status === 'SUCCESS', code: r.errmsg ?? r.description ?? null })),
  };
}

export function parseAliyunReports(body: unknown): ReportParse {
  const parsed = z.array(aliyunReport).min(1).max(MAX_BATCH).safeParse(body);
  if (!parsed.success) return { ok: false };
  return {
    ok: true,
    reports: parsed.data.map((r) => ({ providerMessageId: r.biz_id, delivered: r.success, code: r.err_code ?? null })),
  };
}
