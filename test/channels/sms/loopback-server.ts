// A plain HTTP server on 127.0.0.1 for provider fakes: hands each request (method, path, query, headers, raw
// body) to a handler and sends its JSON answer (a handler may hold the answer back, e.g. while a test kills a client).
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeRequest {
  method: string;
  /** Path with the raw (still encoded) query string. */
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface FakeAnswer {
  status: number;
  json: unknown;
}

export interface LoopbackServer {
  url: string;
  requests: FakeRequest[];
  close(): Promise<void>;
}

export async function startLoopback(handle: (request: FakeRequest) => FakeAnswer | Promise<FakeAnswer>): Promise<LoopbackServer> {
  const requests: FakeRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const request = { method: req.method ?? '', url: req.url ?? '/', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      requests.push(request);
      const answer = await handle(request);
      // The client may be gone by now (killed while its request was held): there is nobody to answer.
      if (res.socket?.destroyed) return;
      res.writeHead(answer.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer.json));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export function header(request: FakeRequest, name: string): string {
  const value = request.headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(',') : (value ?? '');
}
