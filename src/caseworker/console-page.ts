// The caseworker console page at /console and its scripts and style as files from this host (no inline
// script or style, so a strict Content-Security-Policy can apply). The files are read once at start-up.
// console-lang.js is the console's 中文/English switch (remembered in the browser); console-words.js the
// inbox page's words in both languages.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import express from 'express';
import type { Router } from 'express';

const asset = (name: string) => readFileSync(new URL(`./console-assets/${name}`, import.meta.url), 'utf8');

/** The page needs nothing but its own files and API; the browser test runs under this policy. */
const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

export function createConsolePage(): Router {
  const script = asset('console.js');
  const langScript = asset('console-lang.js');
  const words = asset('console-words.js');
  const style = asset('console.css');
  const version = createHash('sha256').update(script).update(langScript).update(words).update(style).digest('hex').slice(0, 12);
  const html = asset('console.html').replaceAll('__VERSION__', version);
  const router = express.Router();
  const common = { 'X-Content-Type-Options': 'nosniff' };

  router.get('/console', (_req, res) => {
    res.set({ ...common, 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer', 'Content-Security-Policy': CSP }).send(html);
  });
  const javascript = { ...common, 'Content-Type': 'application/javascript; charset=utf-8', 'Cache-Control': 'public, max-age=86400' };
  router.get('/console/console.js', (_req, res) => { res.set(javascript).send(script); });
  router.get('/console/console-lang.js', (_req, res) => { res.set(javascript).send(langScript); });
  router.get('/console/console-words.js', (_req, res) => { res.set(javascript).send(words); });
  router.get('/console/console.css', (_req, res) => {
    res.set({ ...common, 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'public, max-age=86400' }).send(style);
  });
  return router;
}
