import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore, testBackends, type TestStore } from '../../store/testing.ts';
import { insertKnownLedger, knownStart } from '../testing/knownLedger.ts';
import { chooseStep, resolveWindow } from './dashboardWindow.ts';
import { runPanel, type PanelData, type SeriesPanelData } from './runPanel.ts';

const minute = (n: number) => (knownStart + n * 60_000) / 1000;

function series(data: PanelData): SeriesPanelData {
  if (data.kind !== 'series') throw new Error(`expected series, got ${data.kind}`);
  return data;
}

function valuesOf(data: PanelData): Record<string, (number | null)[]> {
  return Object.fromEntries(series(data).series.map((s) => [s.name, s.values]));
}

for (const backend of testBackends()) {
  if (backend.skipReason) console.warn(`skipping runPanel on ${backend.name}: ${backend.skipReason}`);
  describe.skipIf(!!backend.skipReason)(`runPanel on ${backend.name}`, () => {
    let t: TestStore;
    beforeAll(async () => {
      t = await openTestStore(backend, 'monitor_panels');
      await insertKnownLedger(t.store);
    });
    afterAll(async () => t?.cleanup());

    const panel = async (key: Parameters<typeof runPanel>[0]['key']) => {
      const window = await resolveWindow(t.store.db, { maxBuckets: 3 });
      return runPanel({ db: t.store.db, key, window });
    };

    it('spans the ledger by default with a round step', async () => {
      const w = (await resolveWindow(t.store.db, { maxBuckets: 3 }))!;
      expect(w.from.getTime()).toBe(knownStart);
      expect(w.to.getTime()).toBe(knownStart + 150_001);
      expect(w.stepSeconds).toBe(60);
      const last = (await resolveWindow(t.store.db, { lastSeconds: 60 }))!;
      expect(last.from.getTime()).toBe(knownStart + 90_001);
    });

    it('gas forecast MAE per chain and minute', async () => {
      const d = series(await panel('gas'));
      expect(d.times).toEqual([minute(0), minute(1), minute(2)]);
      expect(valuesOf(d)).toEqual({ ethereum: [2.5, null, null], polygon: [null, 10, 0] });
    });

    it('success rate = executed and profitable / executed', async () => {
      expect(valuesOf(await panel('success'))).toEqual({ ethereum: [0.5, null], polygon: [null, 1] });
    });

    it('cumulative profit per decider', async () => {
      const d = series(await panel('profit'));
      expect(d.times).toEqual([minute(0), minute(2)]);
      const v = valuesOf(d);
      expect(v.heuristic).toEqual([0.1, null]);
      expect(v.ml![0]).toBeCloseTo(-0.02, 12);
      expect(v.ml![1]).toBeCloseTo(0.03, 12);
    });

    it('outcome counts per minute', async () => {
      expect(valuesOf(await panel('outcomes'))).toEqual({
        reverted: [1, null, null],
        skipped: [null, 1, null],
        success: [1, null, 1],
      });
    });

    it('slippage scatter holds executed trades with both values, newest first', async () => {
      expect(await panel('slippage')).toEqual({
        kind: 'scatter',
        predicted: [20, 10],
        actual: [17, 14],
        decider: ['ml', 'heuristic'],
      });
    });

    it('RL reward per version from avg_reward, eval.rl.avg_profit_eth or the last curve point', async () => {
      const d = series(await panel('rl'));
      expect(d.times).toEqual(['2024-02-01', '2024-02-08', '2024-02-15'].map((s) => Date.parse(s) / 1000));
      expect(valuesOf(d)).toEqual({ 'average reward': [0.01, 0.02, 0.03] });
    });

    it('totals follow DESIGN.md, money as exact decimal text', async () => {
      const d = await panel('summary');
      if (d.kind !== 'summary') throw new Error('expected summary');
      const v = d.values;
      expect([v.opportunities, v.executed, v.slippage_mae_bps, v.gas_mae_gwei]).toEqual([4, 3, 3.5, 3.75]);
      expect(v.success_rate).toBeCloseTo(2 / 3, 15);
      expect(v.false_positive_rate).toBeCloseTo(1 / 3, 15);
      expect(Number(v.total_profit_eth)).toBe(0.13);
      expect(v.total_profit_eth).toMatch(/^0\.130*$/);
      expect(v.missed_profit_eth).toMatch(/^0\.030*$/);
      expect(String(v.avg_profit_eth)).toMatch(/^0\.04333333/);
    });
  });
}

describe('chooseStep', () => {
  it('picks the smallest round step giving at most maxBuckets buckets', () => {
    expect(chooseStep(150, 3)).toBe(60);
    expect(chooseStep(3 * 86400, 120)).toBe(3600);
    expect(chooseStep(10, 120)).toBe(1);
    expect(chooseStep(1000 * 86400, 10)).toBe(Math.ceil(8640000 / 604800) * 604800);
  });
});
