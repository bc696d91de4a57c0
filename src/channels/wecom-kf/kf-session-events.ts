// A servicer changing a 微信客服 session in the WeCom client (taking it from the pool, passing it on, ending it)
// arrives in kf/sync_msg as a session_status_change event (origin 4); it updates our record of the session state
// so a console reply is refused (or let through) by what is true now, not by what our handover last set.
import { z } from 'zod';
import { KF_SERVICE_STATE, type KfMessage } from './kf-api.ts';
import { kfCustomerId } from './wecom-kf-adapter.ts';

const sessionChange = z.object({
  event_type: z.literal('session_status_change'),
  open_kfid: z.string().min(1).max(128),
  external_userid: z.string().min(1).max(128),
  /** 1 taken from the pool, 2 passed to another servicer, 3 ended, 4 an ended or passed session taken again. */
  change_type: z.number().int(),
  new_servicer_userid: z.string().max(128).optional(),
});

/** The session state a kf event leaves, or null when the message is not a session change. */
export function sessionChangeOf(m: KfMessage): { customer: string; state: number | null; servicerUserId: string | null } | null {
  if (m.origin !== 4 || m.msgtype !== 'event') return null;
  const parsed = sessionChange.safeParse(m.event);
  if (!parsed.success) return null;
  const e = parsed.data;
  const customer = kfCustomerId(e.open_kfid, e.external_userid);
  if (e.change_type === 3) return { customer, state: KF_SERVICE_STATE.ended, servicerUserId: null };
  // With a new servicer the session is 人工接待; a change we cannot read leaves the state unknown (the API tells).
  return e.new_servicer_userid ? { customer, state: KF_SERVICE_STATE.human, servicerUserId: e.new_servicer_userid } : { customer, state: null, servicerUserId: null };
}
