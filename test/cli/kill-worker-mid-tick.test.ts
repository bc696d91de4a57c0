// Two real `jiuyebang outreach tick` processes deliver the same due first contacts from one database, by SMS through
// a loopback fake of Tencent Cloud's SMS API (one fake per worker, both recording into one list). Once both are
// sending, worker A is killed with SIGKILL the moment its 15th message reaches its fake (the provider has it, A never
// hears back); B finishes; A is started again at the next tick and takes over what A left. Every person's number
// reaches the provider exactly once: nothing twice, nothing lost. The message A died sending is not sent again (SMS
// cannot tell a resend): its task ends `unconfirmed`, uncounted in the ledger; every other task is `sent`.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { loadWorkCalendar } from '../../src/config/load-calendar-overrides.ts';
import { loadRegionPacks } from '../../src/config/load-region-packs.ts';
import { openDatabase } from '../../src/persistence/database.ts';
import { createPiiCipher } from '../../src/persistence/pii-cipher.ts';
import { createRepositories } from '../../src/persistence/repositories.ts';
import { planOutreach } from '../../src/scheduler/plan-outreach.ts';
import { startFakeTencentSms, TENCENT_TEST_KEY, type TencentBehaviour } from '../channels/sms/fake-tencent-sms.ts';
import type { LoopbackServer } from '../channels/sms/loopback-server.ts';
import { migratedDatabase, type DatabaseProvider } from '../support/temp-database.ts';

const PEOPLE = 120;
const KILL_AT = 15;
const PII_KEY = randomBytes(32).toString('base64');
const phoneOf = (i: number) => `139${String(i).padStart(8, '0')}`;
const children: ChildProcess[] = [];
afterAll(() => children.forEach((c) => c.kill('SIGKILL')));

/** People registered Monday 2026-03-02 08:00 Beijing, reachable by SMS only; first contacts planned for Tuesday. */
async function cityIn(url: string): Promise<void> {
  const database = openDatabase(url);
  await database.ready;
  try {
    const db = database.prisma;
    const cipher = createPiiCipher(Buffer.from(PII_KEY, 'base64'));
    const registeredAt = new Date('2026-03-02T00:00:00.000Z');
    const ids = Array.from({ length: PEOPLE }, (_, i) => i);
    await db.jobSeeker.createMany({ data: ids.map((i) => ({ id: `p${i}`, regionCode: '440802', locale: 'zh-CN', consentAt: registeredAt, phoneEnc: cipher.encrypt(phoneOf(i)) })) });
    await db.registration.createMany({ data: ids.map((i) => ({ id: `r${i}`, jobSeekerId: `p${i}`, regionCode: '440802', status: 'registered', registeredAt, reason: 'lost_job', followUpPreference: 'monthly' })) });
    const policy = { packs: loadRegionPacks(), calendar: loadWorkCalendar(), horizonDays: 35, refillDays: 18, sendFrom: '09:00' };
    await planOutreach(createRepositories(db, cipher, '440800').outreach, policy, new Date('2026-03-02T13:00:00.000Z'));
  } finally {
    await database.close();
  }
}

interface Worker { child: ChildProcess; out: string[]; done: Promise<{ code: number | null; signal: NodeJS.Signals | null }> }

function tick(url: string, fake: LoopbackServer, now: string): Worker {
  const env = {
    ...process.env, DATABASE_URL: url, PII_KEY, LOG_LEVEL: 'error', SCHEDULER_ENABLED: 'false',
    SMS_PROVIDER: 'tencent', SMS_ENDPOINT: fake.url, SMS_SECRET_ID: TENCENT_TEST_KEY.secretId, SMS_SECRET_KEY: TENCENT_TEST_KEY.secretKey,
    // A held answer must not time out (a timed-out send is retried later, which is not what this test is about), and
    // the per-number gap must not hide a resend (it would only put it off by 30 s).
    SMS_TIMEOUT_SECONDS: '90', SMS_NUMBER_MIN_GAP_SECONDS: '1', SMS_SDK_APP_ID: '1400006666', SMS_SIGN_NAME: '湛江就业', SMS_TEMPLATE_ID: '449739', SMS_NOTICE_TEMPLATES: '{"first_contact":{"id":"1111111","params":["topic"]}}',
  };
  const child = spawn(process.execPath, ['bin/jiuyebang.mjs', 'outreach', 'tick', '--now', now], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  const out: string[] = [];
  child.stdout?.on('data', (c: Buffer) => out.push(c.toString()));
  child.stderr?.on('data', (c: Buffer) => out.push(c.toString()));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return { child, out, done };
}

const phonesAt = (fake: LoopbackServer) => fake.requests.map((r) => String(JSON.parse(r.body).PhoneNumberSet[0]).replace('+86', ''));

function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  return Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`timed out: ${what}`)), ms))]);
}

// PostgreSQL too with TEST_KILL_TICK_POSTGRES=1: three service starts take about a minute per database on a slow machine.
const PROVIDERS: DatabaseProvider[] = process.env['TEST_KILL_TICK_POSTGRES'] === '1' ? ['sqlite', 'postgres'] : ['sqlite'];

describe.each(PROVIDERS)('two outreach workers on %s, one killed mid-tick', (provider) => {
  it('every due message reaches the provider exactly once', { timeout: 120_000 }, async () => {
    const made = await migratedDatabase(provider, 'jyb-kill-tick-');
    try {
      await cityIn(made.url);
      let sendingA!: () => void;
      let sendingB!: () => void;
      const bothSending = within(60_000, 'both workers sending', Promise.all([new Promise<void>((r) => (sendingA = r)), new Promise<void>((r) => (sendingB = r))]));
      bothSending.catch(() => undefined);
      let workerA: Worker | undefined;
      // Each worker's first message waits until the other's arrives too: the two ticks overlap for sure.
      const fakeA: LoopbackServer = await startFakeTencentSms(async (): Promise<TencentBehaviour> => {
        const n = fakeA.requests.length;
        if (n === 1) {
          sendingA();
          await bothSending;
        }
        if (n === KILL_AT && workerA) {
          workerA.child.kill('SIGKILL');
          await workerA.done;
        }
        return 'ok';
      });
      const fakeB: LoopbackServer = await startFakeTencentSms(async (): Promise<TencentBehaviour> => {
        if (fakeB.requests.length === 1) {
          sendingB();
          await bothSending;
        }
        return 'ok';
      });
      try {
        workerA = tick(made.url, fakeA, '2026-03-03T10:00:00+08:00');
        const workerB = tick(made.url, fakeB, '2026-03-03T10:00:00+08:00');
        expect(await within(90_000, 'worker A killed', workerA.done), workerA.out.join('')).toEqual({ code: null, signal: 'SIGKILL' });
        expect(fakeA.requests).toHaveLength(KILL_AT);
        const b = await within(60_000, 'worker B', workerB.done);
        expect(b, workerB.out.join('')).toEqual({ code: 0, signal: null });
        const bCounts = JSON.parse(workerB.out.join(''));
        expect(bCounts.sent).toBe(phonesAt(fakeB).length);

        // The next tick, ten minutes on (past the dead worker's lease): A again, through the same provider.
        const restarted = tick(made.url, fakeA, '2026-03-03T10:10:00+08:00');
        const again = await within(60_000, 'worker A restarted', restarted.done);
        expect(again, restarted.out.join('')).toEqual({ code: 0, signal: null });

        // At the provider: every person's number once, none twice, none missing.
        const phones = [...phonesAt(fakeA), ...phonesAt(fakeB)];
        const twice = phones.filter((p, i) => phones.indexOf(p) !== i);
        expect(twice).toEqual([]);
        expect(new Set(phones)).toEqual(new Set(Array.from({ length: PEOPLE }, (_, i) => phoneOf(i))));
        expect(phonesAt(fakeB).length).toBeGreaterThan(0);
        expect(JSON.parse(restarted.out.join(''))).toMatchObject({ unconfirmed: 1, sent: phonesAt(fakeA).length - KILL_AT });

        const database = openDatabase(made.url);
        try {
          const db = database.prisma;
          const firsts = await db.outreachTask.findMany({ where: { kind: 'first_contact' }, select: { jobSeekerId: true, status: true, lastError: true } });
          expect(firsts).toHaveLength(PEOPLE);
          // All sent but the one A died sending: its message is the last that reached A's fake before the kill.
          const notSent = firsts.filter((t) => t.status !== 'sent').map((t) => ({ phone: phoneOf(Number(t.jobSeekerId.slice(1))), status: t.status, lastError: t.lastError }));
          expect(notSent).toEqual([{ phone: phonesAt(fakeA)[KILL_AT - 1], status: 'unconfirmed', lastError: 'sms:send_unconfirmed' }]);
          expect(await db.contactRecord.count({ where: { kind: 'outreach_first_contact' } })).toBe(PEOPLE - 1);
          expect(await db.outreachTask.count({ where: { status: 'sending' } })).toBe(0);
        } finally {
          await database.close();
        }
      } finally {
        await fakeA.close();
        await fakeB.close();
      }
    } finally {
      await made.remove();
    }
  });
});
