// What a caseworker is told when a decision changed nothing (HTTP status and a Chinese message): the item is
// gone or in another region, someone decided it first, or the request does not fit it.
import type { Response } from 'express';
import type { DecisionRefusal } from './decision-desk.ts';

const STATUS_WORDS: Readonly<Record<string, string>> = {
  pending_review: '待审核', registered: '已登记', rejected: '未通过', withdrawn: '已注销', closed: '已结束',
};

export function sendDecisionRefusal(res: Response, refusal: DecisionRefusal): void {
  switch (refusal.reason) {
    case 'not_found':
      return void res.status(404).json({ error: 'not_found', message: '找不到该事项，或它不属于您所在的地区。' });
    case 'already_decided': {
      const who = refusal.by ? `已由${refusal.by}处理` : '已经处理过';
      const status = refusal.status ? `（当前状态：${STATUS_WORDS[refusal.status] ?? '已处理'}）` : '';
      return void res.status(409).json({ error: 'already_decided', message: `该事项${who}${status}，您的操作未生效，请刷新后查看。` });
    }
    case 'unknown_category':
      return void res.status(400).json({ error: 'unknown_category', message: '该预审结果中没有这个类别。' });
    case 'not_registered': {
      const status = refusal.status ? `（当前状态：${STATUS_WORDS[refusal.status] ?? '其他'}）` : '';
      return void res.status(409).json({ error: 'not_registered', message: `该人员目前不是已登记失业状态${status}，不能注销，您的操作未生效。` });
    }
  }
}
