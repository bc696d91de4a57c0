// What a caseworker is told when an action on a case changed nothing (HTTP status and Chinese message).
import type { Response } from 'express';
import type { CaseRefusal } from './case-desk.ts';

export type ActionRefusal = CaseRefusal | { ok: false; reason: 'unreachable' | 'send_failed' | 'reply_in_wecom' };

export function sendRefusal(res: Response, refusal: ActionRefusal): void {
  switch (refusal.reason) {
    case 'not_found':
      return void res.status(404).json({ error: 'not_found', message: '找不到该事项，或它不属于您所在的地区。' });
    case 'closed':
      return void res.status(409).json({ error: 'closed', message: '该事项已经结束，您的操作未生效。' });
    case 'claimed_by_other':
      return void res.status(409).json({ error: 'claimed_by_other', message: `该事项已由${refusal.by ?? '其他工作人员'}认领，您的操作未生效。` });
    case 'not_claimed':
      return void res.status(409).json({ error: 'not_claimed', message: '请先认领该事项，再回复或处理。' });
    case 'unreachable':
      return void res.status(409).json({ error: 'unreachable', message: '此事项无法在线回复（没有可用的聊天渠道），请通过电话等方式联系当事人。' });
    case 'reply_in_wecom':
      return void res.status(409).json({ error: 'reply_in_wecom', message: '此对话已由企业微信客服接待，请在企业微信里回复。' });
    case 'send_failed':
      return void res.status(502).json({ error: 'send_failed', message: '消息没有发出去，请稍后重试。' });
  }
}

export function sendBadRequest(res: Response, message: string): void {
  res.status(400).json({ error: 'bad_request', message });
}
