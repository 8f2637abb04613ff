/**
 * The walk-forward backtest has no lookahead: changing the market data after a retrain point changes neither the
 * models trained at or before it nor any decision made before it. (The world's state at a time is interpolated
 * between the minute / 5-minute rows around it, so the change starts 5 minutes after the point.) A control changes
 * data an hour before the point and must change decisions, so the comparison can fail.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createMarket } from '../market/market.ts';
import { backtest, type BacktestRun } from './backtest.ts';
import { writeReplayFiles } from './testing.ts';

const START = Date.UTC(2021, 11, 1);
const DAY = 86_400_000;
const POINT = START + 2 * DAY; // second retrain point

async function runOn(tag: string, changeFromMs?: number): Promise<BacktestRun> {
  const dir = mkdtempSync(join(tmpdir(), `arbml-lookahead-${tag}-`));
  const files = writeReplayFiles({
    dir,
    startMs: START,
    days: 3,
    seed: 5,
    changeFromMs,
    priceFactor: 1.03,
    gasFactor: 1.6,
  });
  return backtest({
    market: () => createMarket({ seed: 3, days: 3, ...files }),
    days: 3,
    seed: 3,
    trainDays: 1,
    retrainEveryDays: 1,
    rlEpisodes: 400,
    lstm: false,
  });
}

function decisionsBefore(run: BacktestRun, timeMs: number): string[] {
  return run.rows.ml
    .filter((r) => r.timestamp.getTime() < timeMs)
    .map((r) => {
      const route = r.route as { size_factor: number; route_index: number };
      return `${r.id} ${r.decision} ${route.size_factor} ${route.route_index} ${r.predictedSlippageBps}`;
    });
}

const qText = (run: BacktestRun, i: number): string =>
  JSON.stringify([...run.models[i]!.rl!.q].map(([k, v]) => [k, Array.from(v)]));

describe('walk-forward backtest lookahead', () => {
  let base: BacktestRun, later: BacktestRun, earlier: BacktestRun;
  beforeAll(async () => {
    base = await runOn('base');
    later = await runOn('later', POINT + 5 * 60_000);
    earlier = await runOn('earlier', POINT - 3_600_000);
  }, 240_000);

  it('retrains at the evaluation start and every day after, on data before each point only', () => {
    expect(base.models.map((m) => m.atMs)).toEqual([START + DAY, POINT]);
    for (const m of base.models) expect(m.point.windowEndMs).toBe(m.atMs);
    expect(base.models[1]!.point.rl.episodes).toBeGreaterThan(base.models[0]!.point.rl.episodes);
  });

  it('data changed after a retrain point changes no model trained at or before it and no decision before it', () => {
    const before = decisionsBefore(base, POINT);
    expect(before.length).toBeGreaterThan(100);
    expect(base.rows.ml.filter((r) => r.executed && r.timestamp.getTime() < POINT).length).toBeGreaterThan(10);
    expect(decisionsBefore(later, POINT)).toEqual(before);
    for (const i of [0, 1]) {
      expect(later.models[i]!.slippage!.version).toBe(base.models[i]!.slippage!.version);
      expect(qText(later, i)).toBe(qText(base, i));
    }
    // ...while decisions after the change do differ (the change is real).
    expect(decisionsBefore(later, START + 3 * DAY)).not.toEqual(decisionsBefore(base, START + 3 * DAY));
  });

  it('control: data changed an hour before the point changes decisions before it and the model trained at it', () => {
    expect(decisionsBefore(earlier, POINT)).not.toEqual(decisionsBefore(base, POINT));
    expect(decisionsBefore(earlier, POINT - 3_900_000)).toEqual(decisionsBefore(base, POINT - 3_900_000));
    expect(qText(earlier, 0)).toBe(qText(base, 0));
    expect(
      earlier.models[1]!.slippage!.version === base.models[1]!.slippage!.version &&
        qText(earlier, 1) === qText(base, 1),
    ).toBe(false);
  });
});
