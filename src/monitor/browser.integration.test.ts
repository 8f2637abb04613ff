/**
 * The built-in dashboard in a real browser (Debian's chromium through playwright-core) while rows are being
 * written: every panel must get data and paint coloured pixels, the page must pick up new rows, /metrics must grow
 * between two scrapes, and a screenshot is saved (to a temp dir; also to docs/dashboard.png when
 * ARBML_UPDATE_SCREENSHOT=1).
 *
 * With PostgreSQL (DATABASE_URL) the writer is a real `arbml simulate --days 3 --decider ml` child process on the
 * test's schema, paced so the page fills while it runs; its own /metrics counters are scraped too. Without a server
 * the embedded database cannot be shared with a child process, so a synthetic writer fills it in-process.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore, testBackends, type TestStore } from '../store/testing.ts';
import { createDashboardServer } from './dashboardServer.ts';
import { parsePromText } from './promText.ts';
import { insertModelVersions, knownModelVersions } from './testing/knownLedger.ts';
import { startSyntheticLedgerWriter, type LedgerWriter } from './testing/liveLedgerWriter.ts';
import { writeQuickModels } from './testing/quickModels.ts';
import { retrainRl } from '../train/retrainRl.ts';
import { startSimulateProcess, type SimulateProcess } from './testing/simulateProcess.ts';

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

/** Sums the series whose name starts with `prefix`, then scrapes again until the sum grows (10 s at most). */
async function twoScrapes(metricsUrl: string, prefix: string): Promise<[number, number]> {
  const total = async () =>
    [...parsePromText(await (await fetch(metricsUrl)).text())]
      .filter(([k]) => k.startsWith(prefix))
      .reduce((a, [, v]) => a + v, 0);
  const first = await total();
  const deadline = Date.now() + 10_000;
  let second = first;
  while (second <= first && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 250));
    second = await total();
  }
  return [first, second];
}

// PostgreSQL when available (the acceptance setup); the embedded database otherwise (same process, so it works).
const backend = testBackends().find((b) => b.name === 'postgres' && !b.skipReason) ?? testBackends()[0]!;

// For the README's picture (ARBML_UPDATE_SCREENSHOT=1): real RL versions in the registry, and the models of a real
// ledger when ARBML_SCREENSHOT_MODELS names a folder `arbml retrain` wrote; quick synthetic ones otherwise.
const screenshot = process.env.ARBML_UPDATE_SCREENSHOT === '1';

async function startWriter(t: TestStore): Promise<LedgerWriter & { child?: SimulateProcess }> {
  if (screenshot && backend.name === 'postgres') {
    for (let i = 0; i < 3; i++)
      await retrainRl({
        db: t.store.db,
        modelsDir: mkdtempSync(join(tmpdir(), 'arbml-rl-')),
        seed: 1,
        episodes: 3_000,
        trainDays: 1,
      });
  } else await insertModelVersions(t.store, knownModelVersions); // what the RL trainer writes to model_versions
  if (backend.name !== 'postgres')
    return startSyntheticLedgerWriter({ store: t.store, seed: 42, intervalMs: 300, rowsPerTick: 30 });
  const modelsDir = process.env.ARBML_SCREENSHOT_MODELS ?? mkdtempSync(join(tmpdir(), 'arbml-browser-models-'));
  if (!process.env.ARBML_SCREENSHOT_MODELS) await writeQuickModels(modelsDir);
  const child = startSimulateProcess({
    databaseUrl: backend.url!,
    schema: t.schema!,
    days: 3,
    seed: 1,
    flushRows: 300,
    paceMs: 400,
    modelsDir,
  });
  return {
    child,
    get rows() {
      return 0;
    },
    stop: async () => {
      await child.stop();
      return 0;
    },
  };
}
const skip = !existsSync(chromiumPath);
if (skip) console.warn(`skipping dashboard browser test: ${chromiumPath} not found (apt-get install chromium)`);

describe.skipIf(skip)(`dashboard in chromium while rows are written (${backend.name})`, () => {
  let t: TestStore;
  let writer: LedgerWriter & { child?: SimulateProcess };
  let app: FastifyInstance;
  let browser: Browser;
  let url: string;
  beforeAll(async () => {
    t = await openTestStore(backend, 'monitor_browser');
    writer = await startWriter(t);
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
    expect(existsSync(shot)).toBe(true);
    console.info(`dashboard screenshot: ${shot}`);
  });

  it('/metrics ledger counts increase between two scrapes', async () => {
    const [first, second] = await twoScrapes(`${url}/metrics`, 'arbml_ledger_opportunities{');
    expect(first).toBeGreaterThan(0);
    expect(second).toBeGreaterThan(first);
  });

  it.skipIf(backend.name !== 'postgres')(
    'the running arbml simulate serves /metrics whose counters increase between two scrapes',
    async () => {
      const child = writer.child!;
      const [first, second] = await twoScrapes(await child.metricsUrl(), 'arbml_opportunities_seen_total');
      expect(child.running, `simulate still running (stderr: ${child.stderr.slice(-500)})`).toBe(true);
      expect(first).toBeGreaterThan(0);
      expect(second).toBeGreaterThan(first);
    },
  );

  it.skipIf(!screenshot)(
    'saves the README screenshot once the run has written all its rows',
    async () => {
      const deadline = Date.now() + 120_000;
      while (writer.child?.running && Date.now() < deadline) await new Promise((r) => setTimeout(r, 500));
      const page = await browser.newPage({ viewport: { width: 1400, height: 1050 } });
      await page.goto(url, { timeout: 20_000 });
      await page.waitForFunction(
        () => Number(document.querySelector('[data-panel="summary"]')?.getAttribute('data-points')) > 0,
        undefined,
        { timeout: 30_000 },
      );
      await page.waitForTimeout(2_000);
      await page.screenshot({ path: 'docs/dashboard.png', fullPage: true });
    },
    180_000,
  );
});
