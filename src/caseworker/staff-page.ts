// The staff page at /console/staff: change my password; administrators manage accounts; supervisors search
// and export the audit log. Its own script and style from this host (no inline script: a strict CSP holds).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import express from 'express';
import type { Router } from 'express';

const asset = (name: string) => readFileSync(new URL(`./console-assets/${name}`, import.meta.url), 'utf8');

const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

export function createStaffPage(): Router {
  const script = asset('staff.js');
  const version = createHash('sha256').update(script).update(asset('console.css')).digest('hex').slice(0, 12);
  const html = asset('staff.html').replaceAll('__VERSION__', version);
  const router = express.Router();
  const common = { 'X-Content-Type-Options': 'nosniff' };
  router.get('/console/staff', (_req, res) => {
    res.set({ ...common, 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer', 'Content-Security-Policy': CSP }).send(html);
  });
  router.get('/console/staff.js', (_req, res) => {
    res.set({ ...common, 'Content-Type': 'application/javascript; charset=utf-8', 'Cache-Control': 'public, max-age=86400' }).send(script);
  });
  return router;
}
