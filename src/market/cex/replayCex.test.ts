import { describe, expect, it } from 'vitest';
import { rngFor } from '../../core/random.ts';
import { DEFAULT_MARKET_PARAMS } from '../defaultParams.ts';
import type { Kline } from '../files/klineRow.ts';
import { cexPriceAt } from './cexPath.ts';
import { replayCex } from './replayCex.ts';
import { simulateCex } from './simulateCex.ts';

const T0 = Date.UTC(2021, 10, 26);
const k = (minute: number, open: number, close: number): Kline => ({
  openTimeMs: T0 + minute * 60_000,
  open,
  high: Math.max(open, close),
  low: Math.min(open, close),
  close,
  volume: 1,
});

describe('replayCex', () => {
  it('one price per minute (the open), a missing minute filled from the previous close and counted', () => {
    const path = replayCex([k(0, 100, 101), k(1, 101, 102), k(3, 104, 105)]);
    expect(Array.from(path.minutePrices)).toEqual([100, 101, 102, 104]);
    expect(path.filledMinutes).toBe(1);
    expect(path.startMs).toBe(T0);
  });

  it('prices between minute opens are linear; outside the path they are clamped', () => {
    const path = replayCex([k(0, 100, 100), k(1, 110, 110)]);
    expect(cexPriceAt(path, T0 + 30_000)).toBeCloseTo(105, 12);
    expect(cexPriceAt(path, T0 + 12_000)).toBeCloseTo(102, 12);
    expect(cexPriceAt(path, T0 - 1)).toBe(100);
    expect(cexPriceAt(path, T0 + 120_000)).toBe(110);
  });

  it('rejects candles off the 1-minute grid, naming the file', () => {
    const bad = { ...k(1, 1, 1), openTimeMs: T0 + 90_000 };
    expect(() => replayCex([k(0, 1, 1), bad], 'x.json')).toThrow(/x\.json.*1-minute grid/);
  });
});

describe('simulateCex', () => {
  it('is deterministic per seed, and its 1-minute return std is near the calibrated level', () => {
    const params = DEFAULT_MARKET_PARAMS.cex;
    const a = simulateCex({ rng: rngFor(1, 'market/cex'), startMs: T0, minutes: 20_000, params });
    const b = simulateCex({ rng: rngFor(1, 'market/cex'), startMs: T0, minutes: 20_000, params });
    expect(a.minutePrices).toEqual(b.minutePrices);
    expect(a.minutePrices[0]).toBe(params.startPrice);
    let s = 0;
    for (let i = 1; i < a.minutePrices.length; i++) s += Math.log(a.minutePrices[i]! / a.minutePrices[i - 1]!) ** 2;
    const sd = Math.sqrt(s / (a.minutePrices.length - 1));
    expect(sd).toBeGreaterThan(0.0009);
    expect(sd).toBeLessThan(0.0015);
  });
});
