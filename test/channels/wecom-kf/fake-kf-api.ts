// A fake qyapi for 微信客服 on loopback: customers' messages are served by kf/sync_msg from a numeric cursor,
// kf/send_msg is recorded, and each session keeps Tencent's service_state with its transition rules
// (0 → 1/2/3/4, 1 → 1/2/3/4, 2 → 2/3/4, 3 → 3/4, 4 → none; 3 needs a servicer), so an illegal change fails;
// kf/send_msg to a session a human holds (2, 3) is refused with 95018 (send msg session status invalid).
import { startLoopback, type LoopbackServer } from '../sms/loopback-server.ts';

export interface KfSent { touser: string; open_kfid: string; text: { content: string } }
export interface KfTrans { open_kfid: string; external_userid: string; service_state: number; servicer_userid?: string }

const ALLOWED: Record<number, number[]> = { 0: [1, 2, 3, 4], 1: [1, 2, 3, 4], 2: [2, 3, 4], 3: [3, 4], 4: [] };

export interface FakeKfApi {
  url: string;
  sent: KfSent[];
  /** Every kf/send_msg call, refused ones included. */
  sendCalls: number;
  trans: KfTrans[];
  /** Session states by `<open_kfid>|<external_userid>`. */
  states: Map<string, number>;
  /** Errcode kf/service_state/trans answers next (once), e.g. 95014 (servicer not on duty). */
  failNextTrans: number | null;
  /** A customer's text, served by the next kf/sync_msg; returns its msgid. */
  say(openKfId: string, externalUserId: string, content: string, sendTime: Date): string;
  /** A servicer's text from the WeCom client (origin 5), served by the next kf/sync_msg; returns its msgid. */
  servicerSays(openKfId: string, externalUserId: string, servicerUserId: string, content: string, sendTime: Date): string;
  /** A servicer changes the session in the WeCom client (session_status_change, origin 4): 1/2/4 to `servicer`, 3 ends it. */
  sessionChanges(openKfId: string, externalUserId: string, changeType: 1 | 2 | 3 | 4, servicerUserId: string | null, sendTime: Date): void;
  /** 微信客服 reports that a message it had accepted (msgid `failMsgId`) did not reach the customer (msg_send_fail, origin 4). */
  sendFails(openKfId: string, externalUserId: string, failMsgId: string, failType: number, sendTime: Date): void;
  sentTo(externalUserId: string): string[];
  close(): Promise<void>;
}

export async function startFakeKfApi(kfSecret: string): Promise<FakeKfApi> {
  const messages: unknown[] = [];
  const fake: Omit<FakeKfApi, 'url' | 'close'> = {
    sent: [], sendCalls: 0, trans: [], states: new Map(), failNextTrans: null,
    say(openKfId, externalUserId, content, sendTime) {
      const msgid = `msg${messages.length + 1}`;
      messages.push({ msgid, open_kfid: openKfId, external_userid: externalUserId, send_time: Math.floor(sendTime.getTime() / 1000), origin: 3, msgtype: 'text', text: { content } });
      const key = `${openKfId}|${externalUserId}`;
      // A message after an ended session (or the first one) starts a new one the API answers.
      if ((fake.states.get(key) ?? 4) === 4) fake.states.set(key, 1);
      return msgid;
    },
    servicerSays(openKfId, externalUserId, servicerUserId, content, sendTime) {
      const msgid = `msg${messages.length + 1}`;
      messages.push({ msgid, open_kfid: openKfId, external_userid: externalUserId, send_time: Math.floor(sendTime.getTime() / 1000), origin: 5, servicer_userid: servicerUserId, msgtype: 'text', text: { content } });
      return msgid;
    },
    sessionChanges(openKfId, externalUserId, changeType, servicerUserId, sendTime) {
      const event = { event_type: 'session_status_change', open_kfid: openKfId, external_userid: externalUserId, change_type: changeType, ...(servicerUserId ? { new_servicer_userid: servicerUserId } : {}), msg_code: 'mc' };
      messages.push({ msgid: `msg${messages.length + 1}`, open_kfid: openKfId, send_time: Math.floor(sendTime.getTime() / 1000), origin: 4, msgtype: 'event', event });
      fake.states.set(`${openKfId}|${externalUserId}`, changeType === 3 ? 4 : 3);
    },
    sendFails(openKfId, externalUserId, failMsgId, failType, sendTime) {
      const event = { event_type: 'msg_send_fail', open_kfid: openKfId, external_userid: externalUserId, fail_msgid: failMsgId, fail_type: failType };
      messages.push({ msgid: `msg${messages.length + 1}`, open_kfid: openKfId, send_time: Math.floor(sendTime.getTime() / 1000), origin: 4, msgtype: 'event', event });
    },
    sentTo: (externalUserId) => fake.sent.filter((s) => s.touser === externalUserId).map((s) => s.text.content),
  };
  const server: LoopbackServer = await startLoopback((request) => {
    const url = new URL(request.url, 'http://fake');
    const body = request.body ? JSON.parse(request.body) : {};
    if (url.pathname === '/cgi-bin/gettoken') return { status: 200, json: { errcode: 0, access_token: `tok-${url.searchParams.get('corpsecret')}`, expires_in: 7200 } };
    if (url.pathname.startsWith('/cgi-bin/kf/') && url.searchParams.get('access_token') !== `tok-${kfSecret}`) return { status: 200, json: { errcode: 40001, errmsg: 'wrong secret' } };
    if (url.pathname === '/cgi-bin/kf/sync_msg') {
      const from = Number(body.cursor || '0');
      return { status: 200, json: { errcode: 0, has_more: 0, msg_list: messages.slice(from), next_cursor: String(messages.length) } };
    }
    if (url.pathname === '/cgi-bin/kf/send_msg') {
      fake.sendCalls += 1;
      const state = fake.states.get(`${body.open_kfid}|${body.touser}`);
      if (state === 2 || state === 3) return { status: 200, json: { errcode: 95018, errmsg: 'send msg session status invalid' } };
      fake.sent.push(body);
      return { status: 200, json: { errcode: 0, msgid: `kf${fake.sent.length}` } };
    }
    const key = `${body.open_kfid}|${body.external_userid}`;
    if (url.pathname === '/cgi-bin/kf/service_state/get') {
      return { status: 200, json: { errcode: 0, service_state: fake.states.get(key) ?? 4, servicer_userid: '' } };
    }
    if (url.pathname === '/cgi-bin/kf/service_state/trans') {
      fake.trans.push(body);
      if (fake.failNextTrans !== null) {
        const errcode = fake.failNextTrans;
        fake.failNextTrans = null;
        return { status: 200, json: { errcode, errmsg: 'refused' } };
      }
      const from = fake.states.get(key) ?? 4;
      if (!ALLOWED[from]?.includes(body.service_state) || (body.service_state === 3 && !body.servicer_userid)) return { status: 200, json: { errcode: 95016, errmsg: 'invalid state transition' } };
      fake.states.set(key, body.service_state);
      return { status: 200, json: { errcode: 0, msg_code: 'mc1' } };
    }
    return { status: 200, json: { errcode: 0, msgid: 'app' } };
  });
  return Object.assign(fake, { url: server.url, close: () => server.close() });
}
