// WeCom's send API against the fake qyapi: one token for many sends, a 45009 retried with the given backoff and
// given up after the last pause (thrown, every answer recorded), a wrong secret recorded and thrown.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TencentApiError } from '../../../src/channels/tencent/tencent-api.ts';
import { createWecomApi } from '../../../src/channels/wecom/wecom-api.ts';
import { startFakeWecom, type FakeWecom } from './fake-wecom-api.ts';

let fake: FakeWecom;
beforeAll(async () => {
  fake = await startFakeWecom('wwcorp', 'right');
});
afterAll(async () => fake?.close());

describe('WeCom send API', () => {
  it('reuses one token, retries 45009 after each pause, then gives up with the error recorded', async () => {
    const errors: number[] = [];
    const pauses: number[] = [];
    const api = createWecomApi({ corpId: 'wwcorp', secret: 'right', agentId: 7, apiBase: fake.url }, { backoffMs: [10, 20], sleep: async (ms) => void pauses.push(ms), onError: (f) => void errors.push(f.errcode) });
    await api.sendText('u1', '一');
    await api.sendText('u1', '二');
    expect(fake.tokenCalls()).toBe(1);
    fake.failNext(45009);
    await api.sendText('u1', '三');
    expect(pauses).toEqual([10]);
    fake.failNext(45009, 45009, 45009);
    await expect(api.sendText('u1', '四')).rejects.toMatchObject({ errcode: 45009, retryable: true });
    expect(pauses).toEqual([10, 10, 20]);
    expect(errors).toEqual([45009, 45009, 45009, 45009]);
    expect(fake.sent.map((s) => s.text?.content)).toEqual(['一', '二', '三']);
    expect(fake.sent[0]).toMatchObject({ touser: 'u1', agentid: 7, msgtype: 'text' });
  });

  it('records and throws when the secret is refused', async () => {
    const errors: number[] = [];
    const api = createWecomApi({ corpId: 'wwcorp', secret: 'wrong', agentId: 7, apiBase: fake.url }, { onError: (f) => void errors.push(f.errcode) });
    const failure = await api.sendText('u1', 'x').catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(TencentApiError);
    expect(errors).toEqual([40013]);
  });
});
