// The console's pages and the files they load, from this host: each page's HTML with no inline script or style
// (a strict Content-Security-Policy holds), its scripts and styles cached a day under a content version. Files
// are read once at start-up. console-lang.js is the console's 中文/English switch, console-words.js the inbox's words.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import express from 'express';
import type { Router } from 'express';

const asset = (name: string) => readFileSync(new URL(`./console-assets/${name}`, import.meta.url), 'utf8');

/** A page needs nothing but its own files and API; the browser tests run under this policy. */
const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";
const NOSNIFF = { 'X-Content-Type-Options': 'nosniff' };
const TYPES = { js: 'application/javascript; charset=utf-8', css: 'text/css; charset=utf-8' } as const;

interface ConsolePage {
  path: string;
  html: string;
  /** Served at /console/<name>. */
  files: readonly string[];
  /** Shared files the page also loads (served by another page): they change its version too. */
  sharedFiles?: readonly string[];
}

function createPage(page: ConsolePage): Router {
  const files = page.files.map((name) => ({ name, body: asset(name), type: name.endsWith('.css') ? TYPES.css : TYPES.js }));
  const hash = createHash('sha256');
  for (const file of files) hash.update(file.body);
  for (const name of page.sharedFiles ?? []) hash.update(asset(name));
  const html = asset(page.html).replaceAll('__VERSION__', hash.digest('hex').slice(0, 12));
  const router = express.Router();
  router.get(page.path, (_req, res) => {
    res.set({ ...NOSNIFF, 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer', 'Content-Security-Policy': CSP }).send(html);
  });
  for (const file of files) {
    router.get(`/console/${file.name}`, (_req, res) => {
      res.set({ ...NOSNIFF, 'Content-Type': file.type, 'Cache-Control': 'public, max-age=86400' }).send(file.body);
    });
  }
  return router;
}

/** The inbox at /console. */
export function createConsolePage(): Router {
  return createPage({ path: '/console', html: 'console.html', files: ['console.js', 'console-lang.js', 'console-words.js', 'channel-status.js', 'console.css'] });
}

/** Reviews and decisions at /console/reviews; person.js draws one person's file (#person=<id>). */
export function createReviewsPage(): Router {
  return createPage({ path: '/console/reviews', html: 'reviews.html', files: ['reviews.js', 'person.js', 'reviews.css'], sharedFiles: ['console.css'] });
}

/** Accounts, my password and the audit log at /console/staff. */
export function createStaffPage(): Router {
  return createPage({ path: '/console/staff', html: 'staff.html', files: ['staff.js'], sharedFiles: ['console.css'] });
}
