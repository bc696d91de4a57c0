// pino JSON logger. ID and phone numbers are redacted by key and by pattern, wherever they appear.
import pino, { type Logger } from 'pino';
import { maskPersonalNumbers } from './mask-personal-numbers.ts';

export type { Logger };

const REDACT_KEYS = ['idNumber', 'phone', 'password', 'token', 'authorization', '*.idNumber', '*.phone', '*.password', '*.token', 'req.headers.authorization'];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'jiuyebang' },
      redact: { paths: REDACT_KEYS, censor: '[redacted]' },
      formatters: { log: (object) => maskDeep(object) },
      hooks: {
        logMethod(args, method) {
          for (let i = 0; i < args.length; i += 1) {
            const arg = args[i];
            if (typeof arg === 'string') args[i] = maskPersonalNumbers(arg);
          }
          method.apply(this, args);
        },
      },
    },
    destination,
  );
}

function maskDeep(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskValue(v)]));
}

function maskValue(v: unknown): unknown {
  if (typeof v === 'string') return maskPersonalNumbers(v);
  if (Array.isArray(v)) return v.map(maskValue);
  if (v && typeof v === 'object' && !(v instanceof Error)) return maskDeep(Object.fromEntries(Object.entries(v)));
  return v;
}
