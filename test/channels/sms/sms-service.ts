// The whole service set up for SMS tests: a known PII key, a public address, notice templates, the inbound
// secret, a fixed office-hours clock; and a second connection to its database to seed a person with a number
// on file and to issue short links, as the SMS channel does when a notice goes out.
import { randomBytes } from 'node:crypto';
import { openDatabase, type Database } from '../../../src/persistence/database.ts';
import { createDemoRegistrants } from '../../../src/persistence/demo-registrants.ts';
import { createPiiCipher, type PiiCipher } from '../../../src/persistence/pii-cipher.ts';
import { createSmsShortLinkRepository } from '../../../src/persistence/sms-short-link-repository.ts';
import type { RunningService } from '../../../src/main.ts';
import { officeHoursClock, startTestService, tempServiceConfig } from '../../support/test-service.ts';

export const UPLINK_SECRET = 'uplink-secret-for-tests-0123456789';
export const PERSON = { id: 'sms-person-1', phone: '13812345678', registeredOn: '2026-02-10' };

export interface SmsService {
  service: RunningService;
  database: Database;
  cipher: PiiCipher;
  now: () => Date;
  /** A short link for the person, as a notice carries it; `days` from now until it expires. */
  issueLink(days?: number): Promise<string>;
  close(): Promise<void>;
}

export async function startSmsService(overrides: Record<string, string> = {}): Promise<SmsService> {
  const key = randomBytes(32);
  const now = officeHoursClock();
  const config = tempServiceConfig({
    PII_KEY: key.toString('base64'), PUBLIC_BASE_URL: 'https://jiuye.example.gov.cn', SMS_UPLINK_SECRET: UPLINK_SECRET,
    SMS_NOTICE_TEMPLATES: JSON.stringify({ new_message: { id: '7654321', params: ['topic', 'link'] } }), ...overrides,
  });
  const service = await startTestService(config, { now });
  const database = openDatabase(config.DATABASE_URL);
  await database.ready;
  const cipher = createPiiCipher(key);
  const demo = createDemoRegistrants(database.prisma, cipher, config.DATABASE_URL);
  await demo.insert([{
    id: PERSON.id, name: '王小明', idNumber: '440802199001011234', phone: PERSON.phone, district: '440802', registeredOn: PERSON.registeredOn,
    reason: 'contract_ended', hardship: false, hardshipFamily: false, refused: false, channel: 'wechat-oa', locale: 'zh-CN',
  }], now());
  await demo.close();
  const links = createSmsShortLinkRepository(database.prisma);
  return {
    service, database, cipher, now,
    async issueLink(days = 7) {
      const at = now();
      const { token } = await links.issue(PERSON.id, at, new Date(at.getTime() + days * 86_400_000));
      return token;
    },
    async close() {
      await database.close();
      await service.stop();
    },
  };
}
