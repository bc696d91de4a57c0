// The puppet is wechaty's own choice, from its environment variables: started from configuration alone (no bot
// handed in), with WECHATY_PUPPET=wechaty-puppet-service, WECHATY_PUPPET_SERVICE_ENDPOINT, _TOKEN and
// _NO_TLS_INSECURE_CLIENT, the service connects to a bureau's self-hosted puppet gateway. The gateway here is
// wechaty-puppet-service's PuppetServer on 127.0.0.1 wrapping the mock puppet: login, messages both ways and
// logout cross real gRPC, offline. Without WECHATY_PUPPET the channel is off.
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { types } from 'wechaty';
import { startTestService, tempServiceConfig } from '../../support/test-service.ts';
import { waitUntil } from '../../support/console-api.ts';
import { createMockWechat } from '../../support/mock-wechat.ts';
import type { RunningService } from '../../../src/main.ts';

/** wechaty-puppet-service's PuppetServer (src/server/puppet-server.ts), the self-hosted gateway. */
interface PuppetServer {
  start(): Promise<void>;
  stop(): Promise<void>;
}
type PuppetServerClass = new (options: { endpoint: string; puppet: unknown; token: string; tls: { disable: boolean } }) => PuppetServer;

/**
 * Loaded by a name the compiler does not follow: the package's typings redeclare `util.promisify` for the whole
 * program, which breaks other files' types (test/persistence/migrations/concurrent-apply.test.ts).
 */
async function loadPuppetServer(): Promise<PuppetServerClass> {
  const name = 'wechaty-puppet-service';
  const loaded = (await import(name)) as { PuppetServer: PuppetServerClass };
  return loaded.PuppetServer;
}

const wechat = createMockWechat({ seeker: '孙七' });
const { mocker, puppet, me } = wechat;
let gateway: PuppetServer;
let service: RunningService;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

async function health(of: RunningService): Promise<{ status?: string; channels?: Record<string, string> }> {
  return (await fetch(`${of.url}/healthz`)).json();
}

beforeAll(async () => {
  const endpoint = `127.0.0.1:${await freePort()}`;
  const token = `insecure_${randomUUID()}`;
  const PuppetServer = await loadPuppetServer();
  gateway = new PuppetServer({ endpoint, puppet, token, tls: { disable: true } });
  await gateway.start();
  // What a bureau puts in the environment: wechaty reads these itself; the service's configuration sees WECHATY_PUPPET.
  const env = { WECHATY_PUPPET: 'wechaty-puppet-service', WECHATY_PUPPET_SERVICE_ENDPOINT: endpoint, WECHATY_PUPPET_SERVICE_TOKEN: token, WECHATY_PUPPET_SERVICE_NO_TLS_INSECURE_CLIENT: 'true' };
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  service = await startTestService(tempServiceConfig({ ...env, WECHATY_NAME: `jyb-test-${process.pid}`, WECHATY_MIN_GAP_SECONDS: '0' }));
}, 60_000);

afterAll(async () => {
  await service?.stop();
  await gateway?.stop();
  vi.unstubAllEnvs();
});

describe('personal WeChat on the puppet wechaty picks from its environment (a local puppet gateway)', () => {
  it('shows the gateway account scan required, then logged in, on /healthz', async () => {
    mocker.scan('https://login.weixin.qq.com/l/gateway-qr', types.ScanStatus.Waiting);
    expect((await waitUntil(() => health(service), (h) => h.channels?.wechaty === 'scan_required')).channels).toEqual({ wechaty: 'scan_required' });
    mocker.login(me);
    expect((await waitUntil(() => health(service), (h) => h.channels?.wechaty === 'logged_in')).channels).toEqual({ wechaty: 'logged_in' });
  });

  it('answers a contact through the gateway', async () => {
    const menu = await wechat.say('你好');
    expect(menu).toContain('失业登记');
    expect(menu).toMatch(/^1[.、．]/m);
    expect(wechat.received().length).toBeGreaterThan(0);
  });

  it('shows logged_out when the gateway account is logged out', async () => {
    await puppet.logout();
    expect((await waitUntil(() => health(service), (h) => h.channels?.wechaty === 'logged_out')).channels).toEqual({ wechaty: 'logged_out' });
  });

  it('is off without WECHATY_PUPPET: no WeChat login state on /healthz', async () => {
    const plain = await startTestService(tempServiceConfig());
    try {
      const answer = await health(plain);
      expect(answer.status).toBeDefined();
      expect(answer.channels).toBeUndefined();
    } finally {
      await plain.stop();
    }
  });
});
