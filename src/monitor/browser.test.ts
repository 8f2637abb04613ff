/**
 * The built-in dashboard in a real browser (Debian's chromium through playwright-core) while rows are being
 * written: every panel must get data and paint coloured pixels, the page must pick up new rows, /metrics must grow
 * between two scrapes, and a screenshot is saved (to a temp dir; also to docs/dashboard.png when
 * ARBML_UPDATE_SCREENSHOT=1).
 *
 * The writer is `startWriter` below: until `arbml simulate` exists it writes synthetic rows through the store.
 * To test against the real runner, make startWriter spawn `arbml simulate --days 3 --database-url ... --metrics-port 0`
 * on the same database/schema and return a LedgerWriter whose stop() ends that process.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../store/openStore.ts';
import { openTestStore, testBackends, type TestStore } from '../store/testing.ts';
import { createDashboardServer } from './dashboardServer.ts';
import { parsePromText } from './promText.ts';
import { insertModelVersions, knownModelVersions } from './testing/knownLedger.ts';
import { startSyntheticLedgerWriter, type LedgerWriter } from './testing/liveLedgerWriter.ts';

const chromiumPath = '/usr/bin/chromium';
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
const panels = ['summary', 'slippage', 'rl', 'gas', 'profit', 'success', 'outcomes'];

async function startWriter(store: Store): Promise<LedgerWriter> {
  await insertModelVersions(store, knownModelVersions); // what the RL trainer writes to model_versions
  return startSyntheticLedgerWriter({ store, seed: 42, intervalMs: 300, rowsPerTick: 30 });
}

// PostgreSQL when available (the acceptance setup); the embedded database otherwise (same process, so it works).
const backend = testBackends().find((b) => b.name === 'postgres' && !b.skipReason) ?? testBackends()[0]!;
const skip = !existsSync(chromiumPath);
if (skip) console.warn(`skipping dashboard browser test: ${chromiumPath} not found (apt-get install chromium)`);

describe.skipIf(skip)(`dashboard in chromium while rows are written (${backend.name})`, () => {
  let t: TestStore;
  let writer: LedgerWriter;
  let app: FastifyInstance;
  let browser: Browser;
  let url: string;
  beforeAll(async () => {
    t = await openTestStore(backend, 'monitor_browser');
    writer = await startWriter(t.store);
    app = await createDashboardServer({ db: t.store.db, refreshMs: 800 });
    url = await app.listen({ port: 0, host: '127.0.0.1' });
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, timeout: 30_000 });
  });
  afterAll(async () => {
    await browser?.close();
    await writer?.stop();
    await app?.close();
    await t?.cleanup();
  });

  it('fills every panel, keeps refreshing, and saves a screenshot', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1050 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(url, { timeout: 20_000 });
    await page.waitForFunction(
      (keys) =>
        keys.every((k) => Number(document.querySelector(`[data-panel="${k}"]`)?.getAttribute('data-points')) > 0),
      panels,
      { timeout: 30_000, polling: 200 },
    );
    // Coloured (non-grey) pixels per chart: series are drawn in saturated colours, axes and grid in grey.
    const coloured = await page.evaluate(() =>
      [...document.querySelectorAll('figure.panel')].map((fig) => {
        const canvas = fig.querySelector('canvas');
        if (!canvas) return [fig.getAttribute('data-panel'), 0] as const;
        const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
        let n = 0;
        for (let i = 0; i < data.length; i += 4) {
          const max = Math.max(data[i]!, data[i + 1]!, data[i + 2]!);
          const min = Math.min(data[i]!, data[i + 1]!, data[i + 2]!);
          if (data[i + 3]! > 0 && max - min > 60) n++;
        }
        return [fig.getAttribute('data-panel'), n] as const;
      }),
    );
    expect(coloured.map(([k]) => k)).toEqual(panels.slice(1));
    for (const [key, n] of coloured) expect(n, `coloured pixels in ${key}`).toBeGreaterThan(30);

    const seen = Number(await page.getAttribute('[data-panel="summary"]', 'data-points'));
    await page.waitForFunction(
      (before) => Number(document.querySelector('[data-panel="summary"]')?.getAttribute('data-points')) > before,
      seen,
      { timeout: 15_000, polling: 200 },
    );
    expect(errors).toEqual([]);

    const shot = join(mkdtempSync(join(tmpdir(), 'arbml-dashboard-')), 'dashboard.png');
    await page.screenshot({ path: shot, fullPage: true });
    if (process.env.ARBML_UPDATE_SCREENSHOT === '1') {
      // The README's picture: let a few more minutes of market time arrive first.
      await page.waitForFunction(
        () => Number(document.querySelector('[data-panel="summary"]')?.getAttribute('data-points')) >= 1500,
        undefined,
        { timeout: 60_000, polling: 500 },
      );
      await page.waitForTimeout(1500);
      await page.screenshot({ path: 'docs/dashboard.png', fullPage: true });
    }
    expect(existsSync(shot)).toBe(true);
    console.info(`dashboard screenshot: ${shot}`);
  });

  it('/metrics ledger counts increase between two scrapes', async () => {
    const total = async () =>
      [...parsePromText(await (await fetch(`${url}/metrics`)).text())]
        .filter(([k]) => k.startsWith('arbml_ledger_opportunities{'))
        .reduce((a, [, v]) => a + v, 0);
    const first = await total();
    const deadline = Date.now() + 10_000;
    let second = first;
    while (second <= first && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
      second = await total();
    }
    expect(first).toBeGreaterThan(0);
    expect(second).toBeGreaterThan(first);
  });
});
