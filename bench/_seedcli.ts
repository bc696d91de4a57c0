import { loadConfig } from '../src/config/app-config.ts';
import { runSeedCommand } from '../src/cli/seed/seed-command.ts';
const config = loadConfig({ DATABASE_URL: `file:/tmp/h5seed/c${Date.now()}.db`, PII_KEY_FILE: '/tmp/h5seed/k', LOG_LEVEL: 'silent' });
const mem = () => { const m = process.memoryUsage(); return `rss ${Math.round(m.rss / 1e6)} heap ${Math.round(m.heapUsed / 1e6)}/${Math.round(m.heapTotal / 1e6)} ext ${Math.round(m.external / 1e6)} ab ${Math.round(m.arrayBuffers / 1e6)}`; };
console.log('before', mem());
const t = performance.now();
await runSeedCommand(['demo', '--people', process.env.N ?? '100000'], { out: (s) => console.log(s), err: (s) => console.log(s, ((performance.now() - t) / 1000).toFixed(1), 's', mem()) }, config, false);
