// The running service (composition root) with the demo's SMS log driver: it says at start-up that codes go to
// the log; a second web chat conversation giving an ID on file is offered a code, the code appears in the log
// (phone masked), and typed back it links the conversation so "my status" shows the record.
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { connect, type DirectlineTestClient } from '../support/directline-client.ts';
import { ask } from '../support/bot-conversation.ts';
import { tempServiceConfig } from '../support/test-service.ts';
import { loadPiiKey } from '../../src/config/load-pii-key.ts';
import { createLogger } from '../../src/logging/logger.ts';
import { startService, type RunningService } from '../../src/main.ts';
import { openDatabase } from '../../src/persistence/database.ts';
import { createPiiCipher } from '../../src/persistence/pii-cipher.ts';
import { createRepositories } from '../../src/persistence/repositories.ts';

const config = tempServiceConfig();
const ID = '330302199005151235';
const logs: string[] = [];
const logger = createLogger('info', new Writable({ write(chunk, _enc, done) { logs.push(String(chunk)); done(); } }));
let service: RunningService;
let client: DirectlineTestClient;

afterAll(async () => {
  client?.end();
  await service?.stop();
});

function loggedCode(): string {
  const line = logs.map((l) => JSON.parse(l) as { sms?: { code?: string; to?: string } }).filter((l) => l.sms?.code).at(-1);
  expect(line?.sms?.to).toBe('138****5678');
  return line?.sms?.code ?? '';
}

describe('identity proof over web chat, SMS_PROVIDER=log', () => {
  it('announces the log driver, offers the code after the ID step, and links with the logged code', async () => {
    service = await startService(config, { logger });
    expect(logs.join('')).toContain('SMS_PROVIDER=log: one-time codes are written to this log, not sent');
    const database = openDatabase(config.DATABASE_URL);
    const repos = createRepositories(database.prisma, createPiiCipher(loadPiiKey(config)), config.REGION);
    await repos.registrations.submit({
      submission: { name: '张三', idNumber: ID, phone: '13812345678', birthDate: '1990-05-15', sex: 'M', reason: 'lost_job' },
      locale: 'zh-CN', conversationKey: 'webchat:other', channel: 'webchat', userKey: 'someone-else', reference: '{}', at: new Date(),
    });
    await database.close();

    client = await connect(service.url);
    await ask(client, '失业登记');
    await ask(client, '同意');
    await ask(client, '李四');
    const offer = await ask(client, ID);
    expect(offer.texts.join('\n')).toContain('这个身份证号已经登记过了');
    expect(offer.texts.join('\n')).toContain('138****5678');
    expect(offer.buttons).toEqual(['发送验证码到登记手机', '请工作人员核实']);
    const asked = await ask(client, '发送验证码到登记手机');
    expect(asked.texts.join()).toContain('请输入短信里的 6 位数字');
    expect(logs.join('')).not.toContain('13812345678');
    const linked = await ask(client, loggedCode());
    expect(linked.texts.join()).toContain('身份已确认');
    const status = await ask(client, '我的进度');
    expect(status.texts[0]).toContain('登记状态：待审核');
  }, 120_000);
});
