// The access token two instances share through the database (both providers), against the loopback fakes:
// WeCom's gettoken is asked once for both, and when the Official Account's token is rejected (40001) on both
// at once, one forced stable_token refresh serves both (the fake, like the plain token API, invalidates the
// previous token with each one it issues, so a second refresh would break the first instance's sends).
import { createWechatOaApi } from '../../../src/channels/wechat-oa/wechat-oa-api.ts';
import { createWecomApi } from '../../../src/channels/wecom/wecom-api.ts';
import { createAccessTokenRepository } from '../../../src/persistence/access-token-repository.ts';
import { openDatabase } from '../../../src/persistence/database.ts';
import { createPiiCipher } from '../../../src/persistence/pii-cipher.ts';
import { describe, expect, test as it } from '../../support/fixtures.ts';
import { startFakeWecom } from '../wecom/fake-wecom-api.ts';
import { startFakeOa } from '../wechat-oa/fake-wechat-oa-api.ts';

const cipher = createPiiCipher(Buffer.alloc(32, 7));
const T0 = new Date('2026-05-01T02:00:00Z');

describe.each(['sqlite', 'postgres'] as const)('access tokens shared on %s', (provider) => {
  it.override({ provider });

  async function twoStores(url: string, onFinished: (fn: () => Promise<void>) => void) {
    const handles = [openDatabase(url), openDatabase(url)] as const;
    await Promise.all(handles.map((h) => h.ready));
    onFinished(async () => void (await Promise.all(handles.map((h) => h.close()))));
    return { handles, stores: handles.map((h) => createAccessTokenRepository(h.prisma, cipher)) };
  }

  it('two WeCom API clients on one database ask gettoken once between them; the row holds neither secret nor token in clear', async ({ databaseUrl, onTestFinished }) => {
    const fake = await startFakeWecom('wwcorp', 'the-app-secret');
    onTestFinished(() => fake.close());
    const { handles, stores } = await twoStores(databaseUrl, onTestFinished);
    const settings = { corpId: 'wwcorp', secret: 'the-app-secret', agentId: 7, apiBase: fake.url };
    const [one, two] = stores.map((store) => createWecomApi(settings, { sharedTokens: store, now: () => T0 }));
    if (!one || !two) throw new Error('two clients expected');
    await Promise.all([one.sendText('u1', '一'), two.sendText('u2', '二'), one.sendText('u3', '三'), two.sendText('u4', '四')]);
    await two.sendText('u5', '五');
    expect(fake.tokenCalls()).toBe(1);
    expect(fake.sent.map((s) => s.text?.content).sort()).toEqual(['一', '三', '二', '五', '四'].sort());
    const rows = await handles[0].prisma.apiAccessToken.findMany();
    expect(rows).toHaveLength(1);
    const stored = JSON.stringify(rows);
    expect(stored).not.toContain('token-1');
    expect(stored).not.toContain('the-app-secret');
    expect(stored).not.toContain('wwcorp');
  });

  it('a refused secret is recorded and thrown each time, without the next caller waiting out the failed claim', async ({ databaseUrl, onTestFinished }) => {
    const fake = await startFakeWecom('wwcorp', 'right');
    onTestFinished(() => fake.close());
    const { stores } = await twoStores(databaseUrl, onTestFinished);
    const errors: number[] = [];
    const [one, two] = stores.map((store) => createWecomApi({ corpId: 'wwcorp', secret: 'wrong', agentId: 7, apiBase: fake.url }, { sharedTokens: store, now: () => T0, onError: (f) => void errors.push(f.errcode) }));
    if (!one || !two) throw new Error('two clients expected');
    await expect(one.sendText('u1', '一')).rejects.toMatchObject({ errcode: 40013 });
    // The claim lasts 10 s on this frozen clock; the failed fetch gave it up, so this is refused at once too.
    await expect(two.sendText('u1', '二')).rejects.toMatchObject({ errcode: 40013 });
    expect(errors).toEqual([40013, 40013]);
    expect(fake.sent).toEqual([]);
  });

  it('a token rejected (40001) on both instances at once is refreshed once, with force_refresh, and both sends go out', async ({ databaseUrl, onTestFinished }) => {
    const fake = await startFakeOa('wxapp', 'oa-secret');
    onTestFinished(() => fake.close());
    const { stores } = await twoStores(databaseUrl, onTestFinished);
    const errors: number[] = [];
    const [one, two] = stores.map((store) =>
      createWechatOaApi({ appId: 'wxapp', appSecret: 'oa-secret', apiBase: fake.url }, { sharedTokens: store, now: () => T0, onError: (f) => void errors.push(f.errcode) }));
    if (!one || !two) throw new Error('two clients expected');
    await one.sendText('o1', '早上好');
    await two.sendText('o2', '早上好');
    expect(fake.tokenRequests).toEqual([{ force_refresh: false }]);

    fake.expireTokens();
    await Promise.all([one.sendText('o1', '请补充材料'), two.sendText('o2', '请补充材料')]);
    expect(fake.tokenRequests).toEqual([{ force_refresh: false }, { force_refresh: true }]);
    expect(errors).toEqual([40001, 40001]);
    // Afterwards both keep using the one new token.
    await Promise.all([one.sendText('o1', '好的'), two.sendText('o2', '好的')]);
    expect(fake.tokenRequests).toHaveLength(2);
    expect(fake.texts.map((t) => `${t.touser}:${t.text.content}`).sort()).toEqual(['o1:早上好', 'o1:请补充材料', 'o1:好的', 'o2:早上好', 'o2:请补充材料', 'o2:好的'].sort());
  });
});
