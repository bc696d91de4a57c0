// One zod schema for every environment variable. A bad value stops start-up with one line naming it.
import { z } from 'zod';

const bool = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => v === 'true' || v === '1' || v === 'yes');
const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/** Each variable: its schema and the line the README's configuration table shows. */
export const ENV_SCHEMA = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000).describe('HTTP port of the service (web chat, caseworker API, health).'),
  HOST: z.string().min(1).default('0.0.0.0').describe('Interface to listen on.'),
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
  DEMO_DATA: bool.default(false).describe('Load the demo caseworker on start (npm start sets it).'),
  SCHEDULER_ENABLED: bool.default(true).describe('Run the outreach scheduler tick in this process.'),
  SCHEDULER_CRON: z.string().min(9).default('*/5 * * * *').describe('node-cron expression for the outreach tick.'),
  DIALOG_IDLE_HOURS: positiveInt(72).describe('A dialog left longer than this starts fresh (the user is told).'),
  SESSION_HOURS: positiveInt(12).describe('Caseworker login session lifetime.'),
  WEBCHAT_TOKEN_MINUTES: positiveInt(30).describe('Lifetime of a web chat (Direct Line) token.'),
  WEBCHAT_TURN_LEASE_SECONDS: positiveInt(30).describe('How long an instance holds a web chat turn it runs; turns left by a crashed instance are run after this.'),
});

export type AppConfig = z.infer<typeof ENV_SCHEMA>;

export class ConfigError extends Error {}

/** Parses the environment; throws ConfigError whose message is one line naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = ENV_SCHEMA.safeParse(present);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const name = String(issue?.path[0] ?? 'environment');
  const value = present[name];
  const shown = name === 'PII_KEY' || value === undefined ? '' : ` (got "${String(value).slice(0, 40)}")`;
  throw new ConfigError(`Configuration error: ${name} ${issue?.message ?? 'is invalid'}${shown}`);
}
