// `jiuyebang serve`: runs the service until SIGTERM or SIGINT, then shuts down gracefully (the turn in
// flight finishes, the database is closed). Returns -1: the process lives on while the server runs.
import type { AppConfig } from '../config/app-config.ts';
import { startService } from '../main.ts';

export async function runServeCommand(_argv: string[], config: AppConfig): Promise<number> {
  const service = await startService(config);
  const shutdown = (signal: string) => {
    service.logger.info({ signal }, 'shutting down');
    service.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        service.logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
  return -1;
}
