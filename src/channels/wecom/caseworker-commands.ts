// What a caseworker does from WeCom: the card's 认领 button claims the case (it becomes the one they answer),
// plain text is their reply to the person, 结束 [原因] closes it. Each calls the console's own case actions
// (same checks, same audit records, the person told in their own channel and language).
import type { TurnContext } from 'botbuilder';
import type { CaseActions } from '../../caseworker/case-actions.ts';
import type { CaseDesk } from '../../caseworker/case-desk.ts';
import { scopeOf } from '../../caseworker/region-scope.ts';
import type { WecomMembers } from '../tencent/tencent-ports.ts';

export interface WecomCommandsDeps {
  members: WecomMembers;
  actions: Pick<CaseActions, 'claim' | 'reply' | 'close'>;
  desk: Pick<CaseDesk, 'get'>;
  /** Chinese wording for caseworkers (locale keys under `wecom`). */
  t(key: string, params?: Record<string, string>): string;
}

const CLOSE = /^(结束|关闭|close)(?:\s+([\s\S]+))?$/i;
const HELP = /^(帮助|help|\?|？)$/i;
export const CLAIM_KEY_PREFIX = 'claim:';
const CASE_ID = /^[0-9a-f-]{36}$/;

export function createWecomCommands(deps: WecomCommandsDeps): (ctx: TurnContext) => Promise<void> {
  const say = (ctx: TurnContext, key: string, params?: Record<string, string>) => ctx.sendActivity({ type: 'message', text: deps.t(key, params) }).then(() => undefined);

  return async (ctx) => {
    const userId = ctx.activity.from?.id ?? '';
    const worker = await deps.members.find(userId);
    if (!worker) return say(ctx, 'wecom.notLinked', { userId });
    const prefix = scopeOf(worker);
    const ref = { id: worker.id, username: worker.username, displayName: worker.displayName };

    if (ctx.activity.type === 'event' && ctx.activity.name === 'wecom/card') {
      const key = typeof ctx.activity.value === 'string' ? ctx.activity.value : '';
      const caseId = key.startsWith(CLAIM_KEY_PREFIX) ? key.slice(CLAIM_KEY_PREFIX.length) : '';
      if (!CASE_ID.test(caseId)) return say(ctx, 'wecom.unknownButton');
      const result = await deps.actions.claim(prefix, caseId, ref);
      if (!result.ok) return say(ctx, `wecom.refused.${result.reason}`, { by: 'by' in result && result.by ? result.by : '' });
      await deps.members.setActiveCase(userId, caseId);
      const detail = await deps.desk.get(prefix, caseId);
      const said = (detail?.messages ?? []).filter((m) => m.direction === 'in').slice(-3).map((m) => `· ${m.text}`).join('\n');
      return say(ctx, 'wecom.claimed', { name: result.case.person.name ?? deps.t('wecom.unnamed'), reason: result.case.reason, said: said || deps.t('wecom.nothingSaid') });
    }
    if (ctx.activity.type !== 'message') return;
    const text = (ctx.activity.text ?? '').trim();
    if (text === '') return say(ctx, 'wecom.textOnly');
    if (HELP.test(text)) return say(ctx, 'wecom.help');
    if (!worker.activeCaseId) return say(ctx, 'wecom.noActiveCase');

    const close = CLOSE.exec(text);
    if (close) {
      const result = await deps.actions.close(prefix, worker.activeCaseId, ref, (close[2] ?? deps.t('wecom.defaultCloseReason')).slice(0, 500));
      await deps.members.setActiveCase(userId, null);
      if (!result.ok) return say(ctx, `wecom.refused.${result.reason}`, { by: 'by' in result && result.by ? result.by : '' });
      return say(ctx, 'wecom.closed');
    }
    const result = await deps.actions.reply(prefix, worker.activeCaseId, ref, text.slice(0, 2000));
    if (!result.ok) {
      if (result.reason === 'closed' || result.reason === 'not_found') await deps.members.setActiveCase(userId, null);
      return say(ctx, `wecom.refused.${result.reason}`, { by: 'by' in result && result.by ? result.by : '' });
    }
  };
}
