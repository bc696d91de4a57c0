// The console's event stream lives no longer than its session, on the real service over HTTP: logout ends the
// stream at once (well before the periodic session check could), an administrator disabling the account ends a
// ticket stream and the ticket is refused afterwards, and a logout on another instance sharing the database (here:
// the session closed through a repository of its own, which tells this instance nothing) ends the stream at
// this instance's next session check.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/persistence/database.ts';
import { createPiiCipher } from '../../src/persistence/pii-cipher.ts';
import { createRepositories } from '../../src/persistence/repositories.ts';
import type { RunningService } from '../../src/main.ts';
import { addCaseworker, callApi, loginAs } from '../support/console-api.ts';
import { officeHoursClock, startTestService, tempServiceConfig } from '../support/test-service.ts';

const config = tempServiceConfig();
let service: RunningService;
let otherDb: Database;

beforeAll(async () => {
  service = await startTestService(config, { now: officeHoursClock() });
  otherDb = openDatabase(config.DATABASE_URL);
  await otherDb.ready;
  await addCaseworker(config, { username: 'zj-admin', password: 'pw-admin-123', displayName: '管理员', regionCode: '440800', role: 'administrator' });
  await addCaseworker(config, { username: 'zj-li', password: 'pw-li-1234', displayName: '李四', regionCode: '440800' });
});

afterAll(async () => {
  await otherDb?.close();
  await service?.stop();
});

interface OpenStream {
  status: number;
  /** Resolves with everything read once the server ends the stream, or null if it is still open after `withinMs`. */
  endsWithin(withinMs: number): Promise<string | null>;
  close(): void;
}

/** Opens an event stream and reads until its `ready` event. */
async function openStream(url: string, headers: Record<string, string> = {}): Promise<OpenStream> {
  const abort = new AbortController();
  const res = await fetch(url, { headers, signal: abort.signal });
  const reader = res.body?.getReader();
  const decoder = new TextDecoder();
  let text = '';
  if (res.status === 200 && reader) {
    while (!text.includes('event: ready')) {
      const chunk = await reader.read();
      if (chunk.done) break;
      text += decoder.decode(chunk.value);
    }
  }
  const rest = (async () => {
    for (;;) {
      const chunk = await reader?.read().catch(() => ({ done: true as const, value: undefined }));
      if (!chunk || chunk.done) return text;
      text += decoder.decode(chunk.value);
    }
  })();
  return {
    status: res.status,
    endsWithin: (withinMs) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), withinMs)));
      return Promise.race([rest, late]).finally(() => clearTimeout(timer));
    },
    close: () => abort.abort(),
  };
}

async function ticketFor(baseUrl: string, token: string): Promise<string> {
  const answer = await callApi(baseUrl, token, 'POST', '/events/ticket', {});
  expect(answer.status).toBe(200);
  return String(answer.body.ticket);
}

describe('console event stream and the session behind it', () => {
  it('ends at once when the caseworker logs out on this instance; the token then opens no stream', async () => {
    const token = await loginAs(service.url, 'zj-li', 'pw-li-1234');
    const stream = await openStream(`${service.url}/api/caseworker/events`, { authorization: `Bearer ${token}` });
    expect(stream.status).toBe(200);
    // Still open while the session lives.
    expect(await stream.endsWithin(300)).toBeNull();
    expect((await callApi(service.url, token, 'POST', '/logout', {})).status).toBe(200);
    // The periodic check runs every 2 s; ending within 1 s means the logout itself ended the stream.
    const text = await stream.endsWithin(1000);
    stream.close();
    expect(text).toContain('event: ended');
    expect((await fetch(`${service.url}/api/caseworker/events`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
  });

  it('ends a ticket stream when an administrator disables the account, and refuses the still-unexpired ticket after', async () => {
    const admin = await loginAs(service.url, 'zj-admin', 'pw-admin-123');
    const token = await loginAs(service.url, 'zj-li', 'pw-li-1234');
    const ticket = await ticketFor(service.url, token);
    const url = `${service.url}/api/caseworker/events?ticket=${encodeURIComponent(ticket)}`;
    const stream = await openStream(url);
    expect(stream.status).toBe(200);
    const accounts = await callApi(service.url, admin, 'GET', '/accounts');
    const li = (accounts.body.accounts as { id: string; username: string }[]).find((a) => a.username === 'zj-li');
    expect((await callApi(service.url, admin, 'POST', `/accounts/${li?.id}/disable`, {})).status).toBe(200);
    const text = await stream.endsWithin(1000);
    stream.close();
    expect(text).toContain('event: ended');
    // The EventSource reconnects with the same ticket (valid for a minute): the server no longer accepts it.
    const again = await fetch(url);
    expect(again.status).toBe(401);
    expect(await again.json()).toMatchObject({ message: '请先登录。' });
    await callApi(service.url, admin, 'POST', `/accounts/${li?.id}/enable`, {});
  });

  it('ends at the next session check when the session was logged out on another instance', async () => {
    const token = await loginAs(service.url, 'zj-li', 'pw-li-1234');
    const ticket = await ticketFor(service.url, token);
    const stream = await openStream(`${service.url}/api/caseworker/events?ticket=${encodeURIComponent(ticket)}`);
    expect(stream.status).toBe(200);
    // The other instance's account store ends the session in the shared database.
    await createRepositories(otherDb.prisma, createPiiCipher(randomBytes(32)), '440800').caseworkers.closeSession(token);
    const text = await stream.endsWithin(4000);
    stream.close();
    expect(text).toContain('event: ended');
  });
});
