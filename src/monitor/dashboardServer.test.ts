import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore, testBackends, type TestStore } from '../store/testing.ts';
import { syntheticOpportunities } from '../store/syntheticOpportunities.ts';
import { createDashboardServer, type PanelsResponse } from './dashboardServer.ts';
import { parsePromText, seriesKey } from './promText.ts';
import { insertKnownLedger, knownStart } from './testing/knownLedger.ts';

for (const backend of testBackends()) {
  if (backend.skipReason) console.warn(`skipping dashboard routes on ${backend.name}: ${backend.skipReason}`);
  describe.skipIf(!!backend.skipReason)(`dashboard server on ${backend.name}`, () => {
    let t: TestStore;
    let app: FastifyInstance;
    beforeAll(async () => {
      t = await openTestStore(backend, 'monitor_dashboard');
      await insertKnownLedger(t.store);
      app = await createDashboardServer({ db: t.store.db, refreshMs: 1234 });
    });
    afterAll(async () => {
      await app?.close();
      await t?.cleanup();
    });

    it('serves the page and uPlot from node_modules', async () => {
      const page = await app.inject('/');
      expect(page.statusCode).toBe(200);
      expect(page.headers['content-type']).toContain('text/html');
      expect(page.body).toContain('data-refresh-ms="1234"');
      expect(page.body).toContain('/assets/uPlot.iife.min.js');
      const uplot = await app.inject('/assets/uPlot.iife.min.js');
      expect(uplot.statusCode).toBe(200);
      expect(uplot.body).toMatch(/var uPlot/);
      expect((await app.inject('/assets/nope.js')).statusCode).toBe(404);
    });

    it('/api/panels returns every panel over the ledger span', async () => {
      const res = await app.inject('/api/panels');
      expect(res.statusCode).toBe(200);
      const body = res.json<PanelsResponse>();
      expect(body.window).toEqual({
        from: new Date(knownStart).toISOString(),
        to: new Date(knownStart + 150_001).toISOString(),
        stepSeconds: 5,
      });
      expect(Object.keys(body.panels).sort()).toEqual([
        'gas',
        'outcomes',
        'profit',
        'rl',
        'slippage',
        'success',
        'summary',
      ]);
      expect(body.panels.summary).toMatchObject({ kind: 'summary', values: { opportunities: 4, executed: 3 } });
      expect(body.panels.slippage).toMatchObject({ predicted: [20, 10], actual: [17, 14] });
    });

    it('/api/gas honours from/to and buckets them', async () => {
      const from = new Date(knownStart).toISOString();
      const res = await app.inject(`/api/gas?from=${from}&to=${knownStart + 120_000}`);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.stepSeconds).toBe(5);
      expect(body.series).toEqual([
        { name: 'ethereum', values: [2, 3, null] },
        { name: 'polygon', values: [null, null, 10] },
      ]);
    });

    it('rejects a bad time with 400 naming the parameter', async () => {
      const res = await app.inject('/api/summary?from=yesterday');
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatch(/"from".*yesterday/);
      expect((await app.inject('/api/summary?last=-5')).statusCode).toBe(400);
    });

    it('an empty range gives empty panels, not an error', async () => {
      const res = await app.inject('/api/panels?from=2030-01-01T00:00:00Z&to=2030-01-02T00:00:00Z');
      const body = res.json<PanelsResponse>();
      expect(body.panels.summary).toMatchObject({ values: { opportunities: 0, executed: 0, success_rate: null } });
      expect(body.panels.gas).toMatchObject({ times: [], series: [] });
    });

    it('/metrics ledger gauges grow between two scrapes while rows are written', async () => {
      const scrape = async () => parsePromText((await app.inject('/metrics')).body);
      const first = await scrape();
      expect(first.get(seriesKey('arbml_ledger_opportunities', { chain: 'ethereum', outcome: 'success' }))).toBe(1);
      const more = syntheticOpportunities({ count: 50, seed: 3, idPrefix: 'more', startMs: knownStart + 200_000 });
      await t.store.insertOpportunities(more);
      const second = await scrape();
      const total = (s: Map<string, number>) =>
        [...s].filter(([k]) => k.startsWith('arbml_ledger_opportunities{')).reduce((a, [, v]) => a + v, 0);
      expect(total(first)).toBe(4);
      expect(total(second)).toBe(54);
      expect(second.get(seriesKey('arbml_dashboard_api_requests_total', { route: 'panels' }))).toBeGreaterThan(0);
    });
  });
}
