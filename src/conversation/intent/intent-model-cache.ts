// Trained intent models kept on disk by a hash of what they were trained from (examples, features, nlp.js
// version): a start with unchanged examples loads the model in milliseconds instead of training it again (one
// to two seconds of CPU per model). Any problem with the cache (missing, unreadable, not ours) means training.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface IntentModelCache {
  read(key: string): string | null;
  write(key: string, model: string): void;
}

/** Cache key of a model: the training input and the library that trains it; a change in either is a new model. */
export function intentModelKey(parts: readonly unknown[]): string {
  return createHash('sha256').update(JSON.stringify([nlpVersion(), ...parts])).digest('hex');
}

function nlpVersion(): string {
  try {
    const pkg: unknown = createRequire(import.meta.url)('@nlpjs/nlp/package.json');
    return typeof pkg === 'object' && pkg !== null && 'version' in pkg && typeof pkg.version === 'string' ? pkg.version : 'unknown';
  } catch {
    return 'unknown';
  }
}

/** A directory only this user may write (a model from elsewhere could change what the bot understands). */
export function directoryModelCache(dir = join(tmpdir(), `jiuyebang-intent-models-${process.getuid?.() ?? 'user'}`)): IntentModelCache {
  const usable = (): boolean => {
    try {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      const st = statSync(dir);
      return st.isDirectory() && (process.getuid === undefined || st.uid === process.getuid()) && (st.mode & 0o022) === 0;
    } catch {
      return false;
    }
  };
  const fileOf = (key: string) => join(dir, `${key}.json`);
  return {
    read(key) {
      if (!usable()) return null;
      try {
        return readFileSync(fileOf(key), 'utf8');
      } catch {
        return null;
      }
    },
    write(key, model) {
      if (!usable()) return;
      // Written whole and renamed into place, so a reader never sees half a model (two processes may race).
      const temp = `${fileOf(key)}.${process.pid}.${Date.now()}.tmp`;
      try {
        writeFileSync(temp, model, { mode: 0o600 });
        renameSync(temp, fileOf(key));
      } catch {
        // A full or read-only disk only means training next time.
      }
    },
  };
}
