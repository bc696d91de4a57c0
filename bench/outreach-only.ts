// `tsx bench/outreach-only.ts`: only the outreach figures of `npm run bench` (planning and delivery against their
// same-run floors), for quick runs; OUTREACH_BENCH_PEOPLE sets the registrants (default 20,000).
import { benchOutreachDelivery, benchOutreachPlanning, benchRawAutocommitInserts, benchRawTaskInserts } from './outreach.ts';

const people = Number(process.env.OUTREACH_BENCH_PEOPLE ?? 20_000);
const deliveries = Number(process.env.OUTREACH_BENCH_DELIVERIES ?? 5000);
const planning = await benchOutreachPlanning(people);
const rawInserts = await benchRawTaskInserts(planning.rows);
console.log(`planning ${people} registrants (${planning.rows} rows): ${planning.rowsPerSecond.toFixed(0)} rows/s | raw batched insert ${rawInserts.toFixed(0)} rows/s | ratio ${(planning.rowsPerSecond / rawInserts).toFixed(3)} | peak RSS ${planning.peakRssMb} MB`);
const delivery = await benchOutreachDelivery(deliveries);
const rawSends = await benchRawAutocommitInserts(deliveries);
console.log(`delivery ${deliveries}: ${delivery.toFixed(0)} msg/s | raw autocommit ${rawSends.toFixed(0)} msg/s | ratio ${(delivery / rawSends).toFixed(3)}`);
console.log(`peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
