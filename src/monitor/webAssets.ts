/**
 * The built-in dashboard's static files: the page, its script and style (./web), and uPlot from node_modules
 * (no CDN). Read once at start-up.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface WebAsset {
  contentType: string;
  body: string;
}

const webDir = join(dirname(fileURLToPath(import.meta.url)), 'web');
const uplotDir = join(dirname(createRequire(import.meta.url).resolve('uplot/package.json')), 'dist');

/** Files under /assets/ by name. */
export function loadWebAssets(): Map<string, WebAsset> {
  const js = 'text/javascript; charset=utf-8';
  const css = 'text/css; charset=utf-8';
  return new Map([
    ['uPlot.iife.min.js', { contentType: js, body: readFileSync(join(uplotDir, 'uPlot.iife.min.js'), 'utf8') }],
    ['uPlot.min.css', { contentType: css, body: readFileSync(join(uplotDir, 'uPlot.min.css'), 'utf8') }],
    ['dashboard.js', { contentType: js, body: readFileSync(join(webDir, 'dashboard.js'), 'utf8') }],
    ['dashboard.css', { contentType: css, body: readFileSync(join(webDir, 'dashboard.css'), 'utf8') }],
  ]);
}

/** The page, with the refresh interval filled in. */
export function dashboardPage(refreshMs: number): string {
  return readFileSync(join(webDir, 'index.html'), 'utf8').replace('__REFRESH_MS__', String(Math.round(refreshMs)));
}
