// One zod schema for every environment variable. A bad value stops start-up with one line naming it.
import { z } from 'zod';
import { missingTencentSettings, TENCENT_SECRETS, WECHAT_OA_ENV, WECOM_ENV } from './tencent-channel-config.ts';
import { smsNoticeTemplatesEnv } from '../channels/sms/sms-notice-templates.ts';

const bool = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => v === 'true' || v === '1' || v === 'yes');
/** `false`, `true`, a hop count, or proxy addresses/subnets: what express's "trust proxy" setting accepts. */
const trustProxy = z
  .string()
  .regex(/^(true|false|\d{1,2}|[0-9a-fA-F.:/]+(\s*,\s*[0-9a-fA-F.:/]+)*|loopback|linklocal|uniquelocal)$/, 'must be true, false, a hop count or comma-separated proxy addresses')
  .transform((v): boolean | number | string => (v === 'true' ? true : v === 'false' ? false : /^\d+$/.test(v) ? Number(v) : v));
const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);
const clockTime = (fallback: string) => z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'expected a time HH:MM' }).default(fallback);

/** What a real SMS provider needs (the app id only for Tencent). */
const SMS_SETTINGS: readonly ('SMS_SECRET_ID' | 'SMS_SECRET_KEY' | 'SMS_SIGN_NAME' | 'SMS_TEMPLATE_ID' | 'SMS_SDK_APP_ID')[] = ['SMS_SECRET_ID', 'SMS_SECRET_KEY', 'SMS_SIGN_NAME', 'SMS_TEMPLATE_ID', 'SMS_SDK_APP_ID'];

/** Each variable: its schema and the line the README's configuration table shows. */
export const ENV_SCHEMA = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000).describe('HTTP port of the service (web chat, caseworker API, health).'),
  HOST: z.string().min(1).default('0.0.0.0').describe('Interface to listen on (`serve --demo` defaults to 127.0.0.1).'),
  TRUST_PROXY: trustProxy.default(false).describe('Express "trust proxy": false, true, a hop count or a comma-separated list of proxy addresses/subnets, so per-IP limits see the client behind the reverse proxy.'),
  DATABASE_URL: z
    .string()
    .regex(/^(file:|postgres(ql)?:\/\/)/, 'must start with file:, postgres:// or postgresql://')
    .default('file:./data/jiuyebang.db')
    .describe('SQLite file (embedded default) or a PostgreSQL URL.'),
  REGION: z.string().regex(/^\d{6}$/, 'must be a 6-digit administrative code such as 440800 (Zhanjiang)').default('440800').describe('Administrative code (GB/T 2260) of the office; picks the policy pack in policy/regions and scopes new registrations.'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info').describe('pino log level; ID and phone numbers are always redacted.'),
  PII_KEY: z
    .string()
    .regex(/^[A-Za-z0-9+/]{43}=$/, 'must be 32 bytes in base64 (openssl rand -base64 32)')
    .optional()
    .describe('Key that encrypts ID and phone numbers at rest. If unset, PII_KEY_FILE is used (created on first start).'),
  PII_KEY_FILE: z.string().min(1).default('./data/pii.key').describe('File holding the PII key when PII_KEY is unset; back it up, data cannot be read without it.'),
  CALENDAR_OVERRIDES_FILE: z.string().min(1).default('policy/calendar-overrides.json').describe('Holiday data a bureau adds from the State Council notice (`jiuyebang calendar import`); relative to the installation directory.'),
  DEMO_DATA: bool.default(false).describe('Load the demo caseworker on start (`serve --demo` and npm start set it).'),
  DEMO_ALLOW_PUBLIC: bool.default(false).describe('Allow the demo caseworker on a HOST other than loopback (its password is public: never in production).'),
  SCHEDULER_ENABLED: bool.default(true).describe('Run the outreach scheduler tick in this process.'),
  SCHEDULER_CRON: z.string().min(9).default('*/5 * * * *').describe('node-cron expression for the outreach tick.'),
  OUTREACH_SEND_FROM: clockTime('09:00').describe('Outreach messages go out from this time (Beijing) on working days; before it is quiet hours.'),
  OUTREACH_SEND_UNTIL: clockTime('20:00').describe('No outreach message at or after this time (Beijing); none on weekends or public holidays (work calendar).'),
  OUTREACH_HORIZON_DAYS: positiveInt(35).describe('How many days ahead outreach obligations are planned as rows.'),
  OUTREACH_LEASE_SECONDS: positiveInt(300).describe('How long a delivery worker holds the tasks it claimed; a crashed worker\'s tasks are taken over after this.'),
  OUTREACH_MAX_ATTEMPTS: positiveInt(6).describe('Sending attempts (with growing backoff) before a task is marked undeliverable.'),
  DIALOG_IDLE_HOURS: positiveInt(72).describe('A dialog left longer than this starts fresh (the user is told).'),
  SESSION_HOURS: positiveInt(12).describe('Caseworker login session lifetime.'),
  WEBCHAT_TOKEN_MINUTES: positiveInt(30).describe('Lifetime of a web chat (Direct Line) token.'),
  WEBCHAT_REFRESH_WINDOW_HOURS: positiveInt(72).describe('How long after expiry a web chat token may still be refreshed (a returning user resumes); later, a new conversation starts.'),
  LIMIT_WEBCHAT_TOKENS_PER_IP: positiveInt(60).describe('Web chat tokens (new conversations and refreshes) one IP address may get per minute.'),
  LIMIT_WEBCHAT_TOKENS_PER_CONVERSATION: positiveInt(20).describe('Token refreshes one web chat conversation may make per minute.'),
  LIMIT_WEBCHAT_POSTS_PER_IP: positiveInt(600).describe('Web chat messages one IP address may post per minute (many phones can share one address).'),
  LIMIT_WEBCHAT_POSTS_PER_CONVERSATION: positiveInt(60).describe('Messages one web chat conversation may post per minute.'),
  LIMIT_WEBCHAT_POLLS_PER_IP: positiveInt(6000).describe('Web chat polls (GET activities and other reads) one IP address may make per minute.'),
  LIMIT_WEBCHAT_POLLS_PER_CONVERSATION: positiveInt(600).describe('Polls one web chat conversation may make per minute.'),
  LIMIT_LOGINS_PER_IP: positiveInt(30).describe('Caseworker login attempts one IP address may make per minute.'),
  LIMIT_PAGES_PER_IP: positiveInt(60).describe('Opens of public link pages (the Official Account\'s 订阅通知 page) one IP address may make per minute.'),
  LOGIN_LOCKOUT_FAILURES: positiveInt(5).describe('Failed logins in a row (per account, within an hour) that lock the account.'),
  LOGIN_LOCKOUT_SECONDS: positiveInt(60).describe('First lockout of an account; each further lockout within a day doubles it.'),
  LOGIN_LOCKOUT_MAX_SECONDS: positiveInt(86_400).describe('Longest lockout of an account.'),
  WEBCHAT_TURN_LEASE_SECONDS: positiveInt(30).describe('How long an instance holds a web chat turn it runs; turns left by a crashed instance are run after this.'),
  SMS_PROVIDER: z.enum(['log', 'tencent', 'aliyun']).default('log').describe('Who sends SMS (one-time codes that prove who a person is): `tencent` (Tencent Cloud SMS), `aliyun` (Alibaba Cloud SMS), or `log` (demo: the code is written to the server log, nothing is sent).'),
  SMS_SECRET_ID: z.string().min(1).optional().describe('Tencent Cloud SecretId, or Alibaba Cloud AccessKey ID (use a sub-account allowed only to send SMS).'),
  SMS_SECRET_KEY: z.string().min(1).optional().describe('Tencent Cloud SecretKey, or Alibaba Cloud AccessKey secret. Never printed.'),
  SMS_SDK_APP_ID: z.string().regex(/^\d+$/, 'must be the numeric SmsSdkAppId (e.g. 1400006666)').optional().describe('Tencent Cloud only: the SMS application id (SmsSdkAppId).'),
  SMS_SIGN_NAME: z.string().min(1).optional().describe('Approved SMS signature (签名), e.g. the office name.'),
  SMS_TEMPLATE_ID: z.string().min(1).optional().describe('Approved one-time-code template: Tencent template id with {1} = code and {2} = minutes; Alibaba TemplateCode (SMS_...) with ${code}.'),
  SMS_REGION: z.string().regex(/^[a-z0-9-]+$/, 'must be a region id such as ap-guangzhou or cn-hangzhou').optional().describe('Provider region (default ap-guangzhou for Tencent, cn-hangzhou for Alibaba).'),
  SMS_ENDPOINT: z.string().regex(/^(https?:\/\/)?[A-Za-z0-9.-]+(:\d+)?\/?$/, 'must be a host or http(s)://host[:port]').optional().describe('Provider API host or URL when not the public default (an intranet gateway); http:// only for tests.'),
  SMS_TIMEOUT_SECONDS: positiveInt(5).describe('Give up on one SMS request after this many seconds (the person is told to try again later).'),
  SMS_NOTICE_TEMPLATES: smsNoticeTemplatesEnv.optional().describe('Approved notice templates as JSON, one per kind (first_contact, check_in, quota or quota_<kind>, caseworker_reply, new_message): {"check_in":{"id":"1234567","params":["topic","link"]}}. Parameters: topic (事项), link (short link to web chat), days (how long the link works); Tencent takes them in this order as {1},{2},...; Alibaba by name as ${topic}, ${link}. A kind without its own template uses new_message; without that, SMS does not carry it.'),
  SMS_NUMBER_MIN_GAP_SECONDS: positiveInt(30).describe('Least time between two SMS to one number (the provider\'s per-number limit; Tencent default 30 s), counted across all instances.'),
  SMS_NUMBER_MAX_PER_HOUR: positiveInt(5).describe('Most SMS to one number in any hour (Tencent default 5); a send over it is deferred.'),
  SMS_NUMBER_MAX_PER_DAY: positiveInt(10).describe('Most SMS to one number in any 24 hours (Tencent default 10 per day); a send over it is deferred.'),
  PUBLIC_BASE_URL: z.string().regex(/^https?:\/\/[A-Za-z0-9.-]+(:\d+)?(\/[A-Za-z0-9._~/-]*)?$/, 'must be http(s)://host[:port][/path]').optional().describe('Public address of this service as people reach it, e.g. https://jiuye.example.gov.cn: SMS short links are <address>/s/<token>. Unset: notices whose template has a link are not sent by SMS.'),
  SMS_LINK_DAYS: positiveInt(7).describe('How many days an SMS short link to web chat works (each opens once).'),
  SMS_UPLINK_SECRET: z.string().regex(/^[A-Za-z0-9_-]{24,128}$/, 'must be 24-128 letters, digits, "_" or "-"').optional().describe('Turns on inbound SMS (上行短信) and status reports: the provider calls /channels/sms/<secret>/tencent or /channels/sms/<secret>/aliyun (and .../report). Never printed.'),
  LIMIT_SHORT_LINKS_PER_IP: positiveInt(30).describe('SMS short links (/s/...) one IP address may open per minute.'),
  LIMIT_SMS_UPLINKS_PER_IP: positiveInt(600).describe('Inbound SMS callbacks one IP address may make per minute.'),
  WECHATY_PUPPET: z.string().regex(/^[@a-z0-9][a-z0-9@/._-]*$/, 'must be a puppet package name such as wechaty-puppet-service').optional().describe('Personal WeChat through wechaty (unofficial; see "WeChat channels"): the puppet package, read by wechaty itself with its WECHATY_PUPPET_SERVICE_* variables. Unset: the channel is off.'),
  WECHATY_NAME: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'must be letters, digits, "_" or "-"').default('jiuyebang').describe('wechaty session name: the login is kept in <name>.memory-card.json in the working directory.'),
  WECHATY_MIN_GAP_SECONDS: z.coerce.number().min(0).max(600).default(3).describe('Least time between two messages the WeChat account sends (WeChat blocks bursts).'),
  WECHATY_DAILY_CAP: positiveInt(300).describe('Most messages the WeChat account sends per day (Beijing date); beyond it sends are refused and logged.'),
  WECHATY_ANSWER_ROOMS: bool.default(false).describe('Answer in WeChat group chats too (off: a job seeker\'s details do not belong in a group).'),
  ...WECOM_ENV,
  ...WECHAT_OA_ENV,
}).superRefine((env, ctx) => {
  for (const issue of missingTencentSettings(env)) ctx.addIssue({ code: 'custom', path: [issue.name], message: issue.message });
  if (env.SMS_PROVIDER === 'log') return;
  for (const name of SMS_SETTINGS.filter((n) => n !== 'SMS_SDK_APP_ID' || env.SMS_PROVIDER === 'tencent')) {
    if (env[name] === undefined) ctx.addIssue({ code: 'custom', path: [name], message: `is required when SMS_PROVIDER=${env.SMS_PROVIDER}` });
  }
});

export type AppConfig = z.infer<typeof ENV_SCHEMA>;

export class ConfigError extends Error {}

/** Parses the environment; throws ConfigError whose message is one line naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = ENV_SCHEMA.safeParse(present);
  if (result.success) return refuseDemoInPublic(result.data);
  const issue = result.error.issues[0];
  const name = String(issue?.path[0] ?? 'environment');
  const value = present[name];
  const secret = name === 'PII_KEY' || name === 'SMS_SECRET_KEY' || name === 'SMS_UPLINK_SECRET' || TENCENT_SECRETS.some((n) => n === name);
  const shown = secret || value === undefined ? '' : ` (got "${String(value).slice(0, 40)}")`;
  throw new ConfigError(`Configuration error: ${name} ${issue?.message ?? 'is invalid'}${shown}`);
}

/** The demo caseworker's password is printed in the README: never let it listen on a public interface by accident. */
function refuseDemoInPublic(config: AppConfig): AppConfig {
  if (!config.DEMO_DATA || config.DEMO_ALLOW_PUBLIC || isLoopbackHost(config.HOST)) return config;
  throw new ConfigError(
    `Configuration error: DEMO_ALLOW_PUBLIC must be true to run the demo caseworker (--demo, public password) on HOST ${config.HOST}; use HOST=127.0.0.1 instead`,
  );
}

export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}
