// A file served with a versioned URL, long-lived immutable caching, and a gzip copy made once at start-up
// (node:zlib, in the background) and sent when the browser accepts gzip.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { Request, Response } from 'express';

const gzipAsync = promisify(gzip);

export interface StaticAsset {
  /** The URL to put in the page: the path plus a version that changes whenever the content does. */
  url: string;
  /** The path the router matches (without the version). */
  path: string;
  send(req: Request, res: Response): Promise<void>;
}

/** Reads `file` once; `version` defaults to a hash of its content. */
export function createStaticAsset(path: string, file: string, contentType: string, version?: string): StaticAsset {
  const content = readFileSync(file);
  const tag = version ?? createHash('sha256').update(content).digest('base64url').slice(0, 12);
  // Started now, awaited by the first request that wants it: start-up is not slowed and nothing blocks.
  const gzipped = gzipAsync(content, { level: 9 });
  gzipped.catch(() => undefined);
  return {
    url: `${path}?v=${encodeURIComponent(tag)}`,
    path,
    async send(req, res) {
      res.set({
        'Content-Type': contentType,
        'Cache-Control': 'public, max-age=31536000, immutable',
        Vary: 'Accept-Encoding',
        'X-Content-Type-Options': 'nosniff',
      });
      if (acceptsGzip(req.get('accept-encoding'))) {
        const body = await gzipped.catch(() => undefined);
        if (body) {
          res.set('Content-Encoding', 'gzip').send(body);
          return;
        }
      }
      res.send(content);
    },
  };
}

/** `gzip` listed and not refused with q=0. */
function acceptsGzip(header: string | undefined): boolean {
  return (header ?? '').split(',').some((part) => {
    const [coding, ...params] = part.trim().split(';');
    if (coding?.trim().toLowerCase() !== 'gzip' && coding?.trim() !== '*') return false;
    return !params.some((p) => /^\s*q\s*=\s*0(\.0*)?\s*$/.test(p));
  });
}
