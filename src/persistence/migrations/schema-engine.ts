// Loads Prisma's schema engine compiled to WebAssembly (no native binary, no download: works on intranets)
// and opens one engine over a driver adapter. The .wasm is compiled once per process and shared.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as bg from '@prisma/schema-engine-wasm/schema_engine_bg';
import type { SchemaEngine } from '@prisma/schema-engine-wasm/schema_engine_bg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import { migrationAdapterFactory, type MigrationAdapterFactory } from './migration-adapter-factory.ts';

/** The engine version the committed migrations and tests were produced with (package.json pins it). */
export const SCHEMA_ENGINE_VERSION = '59be4fda12412a79eeb9c2ae727b6aa723593323';

let loading: Promise<void> | undefined;

/** Instantiates the schema engine wasm once; later calls reuse it. */
export function loadSchemaEngine(): Promise<void> {
  loading ??= instantiate().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

async function instantiate(): Promise<void> {
  const require = createRequire(import.meta.url);
  const wasmPath = join(dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg')), 'schema_engine_bg.wasm');
  const module = await WebAssembly.compile(await readFile(wasmPath));
  const instance = await WebAssembly.instantiate(module, { './schema_engine_bg.js': bg });
  bg.__wbg_set_wasm(instance.exports);
  const start = instance.exports['__wbindgen_start'];
  if (typeof start === 'function') start();
}

export interface OpenEngine {
  engine: SchemaEngine;
  /** Frees the engine and closes every connection it opened (shadow databases are dropped). */
  close(): Promise<void>;
}

/** Opens an engine for `schemaText` on the database at `databaseUrl` (`file:` or `postgres://`). */
export async function openSchemaEngine(databaseUrl: string, schemaText: string): Promise<OpenEngine> {
  await loadSchemaEngine();
  const factory: MigrationAdapterFactory = migrationAdapterFactory(databaseUrl);
  const logs: string[] = [];
  try {
    const engine = await bg.SchemaEngine.new(
      { datamodels: [['schema.prisma', schemaText]] },
      (line: string) => logs.push(line),
      bindMigrationAwareSqlAdapterFactory(factory),
    );
    return {
      engine,
      close: async () => {
        engine.free();
        await factory.disposeAll();
      },
    };
  } catch (error) {
    await factory.disposeAll();
    throw error;
  }
}
