// A personal WeChat on wechaty-puppet-mock for channel tests: the office account, a job seeker, everything the
// office account sends (as the puppet carries it), and messages of each kind a contact can send.
import { randomUUID } from 'node:crypto';
import { types } from 'wechaty';
import { PuppetMock, mock } from 'wechaty-puppet-mock';
import { waitUntil } from './console-api.ts';

export type MockContact = ReturnType<mock.Mocker['createContact']>;
export type MockRoom = ReturnType<mock.Mocker['createRoom']>;

/** One message the office account sent: to a contact (listenerId) or into a group (roomId). */
export interface SentByOffice {
  listenerId: string | undefined;
  roomId: string | undefined;
  type: types.Message;
  text: string;
}

export interface MockWechat {
  mocker: mock.Mocker;
  puppet: PuppetMock;
  me: MockContact;
  seeker: MockContact;
  /** Every message the office account sent, in order. */
  sent: SentByOffice[];
  /** The texts the office account sent the seeker in their private chat. */
  received(): string[];
  /** What the bot answers one text from the seeker (all of it, once it stops arriving). */
  say(text: string, to?: MockContact | MockRoom): Promise<string>;
  /**
   * A message of a kind ContactMock.say cannot make (it takes text or a FileBox, and maps a FileBox to Image,
   * Video, Audio or Unknown only): built the way say() builds one, through the mocker's MessageMock.
   */
  sendKind(type: types.Message, from?: MockContact): void;
  /** Waits until `ms` pass with nothing new sent, and returns what was sent meanwhile. */
  settle(ms?: number): Promise<SentByOffice[]>;
}

export function createMockWechat(names: { office?: string; seeker?: string } = {}): MockWechat {
  const mocker = new mock.Mocker();
  const puppet = new PuppetMock({ mocker });
  const me = mocker.createContact({ name: names.office ?? '就业帮服务号' });
  const seeker = mocker.createContact({ name: names.seeker ?? '张三' });
  const sent: SentByOffice[] = [];
  puppet.on('message', ({ messageId }) => {
    const payload = mocker.messagePayload(messageId);
    if (payload.talkerId !== me.id) return;
    sent.push({ listenerId: 'listenerId' in payload ? payload.listenerId : undefined, roomId: 'roomId' in payload ? payload.roomId : undefined, type: payload.type, text: payload.text ?? '' });
  });
  const received = () => sent.filter((m) => m.listenerId === seeker.id && !m.roomId && m.type === types.Message.Text).map((m) => m.text);

  async function settle(ms = 300): Promise<SentByOffice[]> {
    const before = sent.length;
    let seen = sent.length;
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, ms));
      if (sent.length === seen) return sent.slice(before);
      seen = sent.length;
    }
  }

  return {
    mocker, puppet, me, seeker, sent, received, settle,
    async say(text, to = me) {
      const before = sent.length;
      seeker.say(text).to(to);
      await waitUntil(async () => sent.length, (n) => n > before);
      await settle();
      return sent.slice(before).filter((m) => m.type === types.Message.Text).map((m) => m.text).join('\n');
    },
    sendKind(type, from = seeker) {
      const message = mocker.MessageMock.create({ id: randomUUID(), talkerId: from.id, listenerId: me.id, timestamp: Date.now(), type, text: '' });
      puppet.emit('message', { messageId: message.id });
    },
  };
}
