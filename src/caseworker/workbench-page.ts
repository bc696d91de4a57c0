// The console's "today and reports" page at /console/today: work lists and monthly charts. Its script, style
// and ECharts are files from this host (versioned, gzip), so the app-wide strict CSP holds with no exception.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import express from 'express';
import type { Router } from 'express';
import { createStaticAsset } from '../http/static-asset.ts';

const assetPath = (name: string) => new URL(`./console-assets/${name}`, import.meta.url).pathname;

export function createWorkbenchPage(): Router {
  const echartsFile = createRequire(import.meta.url).resolve('echarts/dist/echarts.min.js');
  const echarts = createStaticAsset('/console/vendor/echarts.min.js', echartsFile, 'application/javascript; charset=utf-8');
  const script = createStaticAsset('/console/workbench.js', assetPath('workbench.js'), 'application/javascript; charset=utf-8');
  const style = createStaticAsset('/console/workbench.css', assetPath('workbench.css'), 'text/css; charset=utf-8');
  const html = readFileSync(assetPath('workbench.html'), 'utf8')
    .replaceAll('__ECHARTS__', echarts.url).replaceAll('__SCRIPT__', script.url).replaceAll('__STYLE__', style.url);
  const router = express.Router();
  router.get('/console/today', (_req, res) => {
    res.set({ 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' }).send(html);
  });
  for (const asset of [echarts, script, style]) router.get(asset.path, (req, res, next) => void asset.send(req, res).catch(next));
  return router;
}
