// The console's reviews and person pages (/console/reviews; person.js draws #person=<id>) and their files from this host, with
// the console's strict Content-Security-Policy (no inline script or style). Read once at start-up.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import express from 'express';
import type { Router } from 'express';

const asset = (name: string) => readFileSync(new URL(`./console-assets/${name}`, import.meta.url), 'utf8');
const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

export function createReviewsPage(): Router {
  const script = asset('reviews.js');
  const person = asset('person.js');
  const style = asset('reviews.css');
  const version = createHash('sha256').update(script).update(person).update(style).update(asset('console.css')).digest('hex').slice(0, 12);
  const html = asset('reviews.html').replaceAll('__VERSION__', version);
  const router = express.Router();
  const common = { 'X-Content-Type-Options': 'nosniff' };
  router.get('/console/reviews', (_req, res) => {
    res.set({ ...common, 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer', 'Content-Security-Policy': CSP }).send(html);
  });
  router.get('/console/reviews.js', (_req, res) => {
    res.set({ ...common, 'Content-Type': 'application/javascript; charset=utf-8', 'Cache-Control': 'public, max-age=86400' }).send(script);
  });
  router.get('/console/person.js', (_req, res) => {
    res.set({ ...common, 'Content-Type': 'application/javascript; charset=utf-8', 'Cache-Control': 'public, max-age=86400' }).send(person);
  });
  router.get('/console/reviews.css', (_req, res) => {
    res.set({ ...common, 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'public, max-age=86400' }).send(style);
  });
  return router;
}
