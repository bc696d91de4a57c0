// A small bounded load generator for loopback HTTP: N requests, C at a time, keep-alive, stops after a time limit.
import http from 'node:http';

export interface LoadResult {
  requests: number;
  seconds: number;
  perSecond: number;
  errors: number;
}

export async function runLoad(options: { url: string; total: number; concurrency: number; maxSeconds: number; body: (i: number) => { path: string; headers?: Record<string, string>; payload: string } }): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.concurrency });
  const base = new URL(options.url);
  let next = 0;
  let done = 0;
  let errors = 0;
  const started = process.hrtime.bigint();
  const deadline = Date.now() + options.maxSeconds * 1000;
  const one = (i: number) =>
    new Promise<void>((resolve) => {
      const { path, headers, payload } = options.body(i);
      const req = http.request({ host: base.hostname, port: base.port, path, method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), ...headers } }, (res) => {
        res.resume();
        res.on('end', () => {
          if ((res.statusCode ?? 500) >= 400) errors += 1;
          resolve();
        });
      });
      req.on('error', () => {
        errors += 1;
        resolve();
      });
      req.end(payload);
    });
  const worker = async () => {
    while (next < options.total && Date.now() < deadline) {
      const i = next;
      next += 1;
      await one(i);
      done += 1;
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  agent.destroy();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { requests: done, seconds, perSecond: done / seconds, errors };
}
