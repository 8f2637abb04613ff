/**
 * The backtest report: the table and targets in the HTML, escaping, a self-contained file (no external URL), and in
 * headless Chromium every chart drawn (coloured pixels on its canvas) or, with empty series, a "no data" notice;
 * a screenshot is saved (to docs/backtest-report.png when ARBML_UPDATE_SCREENSHOT=1).
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mlTargets } from './mlTargets.ts';
import { escapeHtml, renderBacktestReport, writeBacktestReport } from './renderBacktestReport.ts';
import { sampleBacktestResult } from './testing.ts';

const chromiumPath = '/usr/bin/chromium';
const args = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
const charts = ['chart-slippage', 'chart-rl', 'chart-gas', 'chart-profit'];

describe('renderBacktestReport', () => {
  const r = sampleBacktestResult(1);
  const html = renderBacktestReport(r);

  it('holds the decider table, the targets, and no external resource', () => {
    expect(html).toContain('<td>full ML</td><td>24,526</td>');
    expect(html).toContain(`<td>${r.deciders.ml.total_profit_eth.toFixed(4)}</td>`);
    expect(html).toContain('<td>hindsight oracle</td><td>16,253</td><td>-</td><td>100.0%</td><td>0.0%</td>');
    expect(mlTargets(r).map((t) => [t.name, t.met])).toEqual([
      ['success rate', true],
      ['false positives', true],
      ['avg profit per trade', false],
      ['slippage MAE', true],
      ['share of oracle profit', true],
    ]);
    expect(html).toContain('<td>0.10x</td><td class="missed">missed</td>');
    expect(html).not.toMatch(/(src|href)=["']https?:/);
    expect(html).toContain('uPlot');
  });

  it('escapes text and keeps the embedded JSON from closing its script', () => {
    expect(escapeHtml(`<a href="x">&'`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&#39;');
    const evil = { ...r, series: { ...r.series, rlCurves: [{ atMs: 0, curve: [] }] }, market: 'model' as const };
    const text = renderBacktestReport({ ...evil, seed: 7 });
    const json = text.slice(
      text.indexOf('id="report-data">'),
      text.indexOf('</script>', text.indexOf('id="report-data">')),
    );
    expect(json).not.toContain('</');
  });
});

const skip = !existsSync(chromiumPath);
if (skip) console.warn(`skipping report browser test: ${chromiumPath} not found (apt-get install chromium)`);

describe.skipIf(skip)('backtest report in chromium', () => {
  let browser: Browser;
  const dir = mkdtempSync(join(tmpdir(), 'arbml-report-'));
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: chromiumPath, args, timeout: 30_000 });
  });
  afterAll(async () => browser?.close());

  async function open(file: string) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1400 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`file://${file}`);
    await page.waitForFunction(
      () => (window as unknown as { __reportReady?: boolean }).__reportReady === true,
      undefined,
      { timeout: 15_000 },
    );
    return { page, errors };
  }

  it('draws every chart (coloured pixels on each canvas) and saves a screenshot', async () => {
    const file = join(dir, 'report.html');
    writeBacktestReport(file, sampleBacktestResult(2));
    const { page, errors } = await open(file);
    const coloured = await page.evaluate(
      (ids) =>
        ids.map((id) => {
          const canvas = document.querySelector(`#${id} canvas`) as HTMLCanvasElement | null;
          if (!canvas) return 0;
          const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
          let n = 0;
          for (let i = 0; i < data.length; i += 4)
            if (
              data[i + 3]! > 0 &&
              Math.max(data[i]!, data[i + 1]!, data[i + 2]!) - Math.min(data[i]!, data[i + 1]!, data[i + 2]!) > 60
            )
              n++;
          return n;
        }),
      charts,
    );
    charts.forEach((id, i) => expect(coloured[i], `coloured pixels in ${id}`).toBeGreaterThan(200));
    expect(errors).toEqual([]);
    const shot = join(dir, 'report.png');
    await page.screenshot({ path: shot, fullPage: true });
    if (process.env.ARBML_UPDATE_SCREENSHOT === '1')
      await page.screenshot({ path: 'docs/backtest-report.png', fullPage: true });
    expect(existsSync(shot)).toBe(true);
  }, 60_000);

  it('says "no data" for empty series instead of drawing a broken chart', async () => {
    const file = join(dir, 'empty.html');
    writeBacktestReport(file, sampleBacktestResult(3, { empty: true }));
    const { page, errors } = await open(file);
    const texts = await page.evaluate((ids) => ids.map((id) => document.getElementById(id)!.textContent), charts);
    expect(texts).toEqual(['no data', 'no data', 'no data', 'no data']);
    expect(errors).toEqual([]);
  }, 60_000);
});
