/**
 * Features of the gas series at each bin t, from bins <= t only (causal). Level-free: every gas quantity enters as a
 * log relative to the current min gas price, so one model serves 30 gwei and 300 gwei regimes. Groups:
 * mean reversion (log rolling means / minima / maxima and EWMAs relative to now), momentum (log changes over
 * 5-40 minutes), the EIP-1559 drift implied by utilisation (6.25*(u-0.5) log change per 5-minute bin: 25 blocks
 * x 12.5% x (u-0.5)/0.5) and its running sums, the spread of average and max price over min and its change,
 * ETH returns, and time of day and week as cycles.
 */
import { InvalidInputError } from '../core/errors.ts';
import type { GasSeries } from './gasSeries.ts';
import { difference, ewma, rollingMax, rollingMean, rollingMin } from './rolling.ts';

export interface FeatureMatrix {
  names: string[];
  rows: number;
  cols: number;
  /** Row-major [rows, cols]. */
  values: Float64Array;
}

/** EIP-1559 log drift of the base fee over one 5-minute bin at utilisation u. */
export const eip1559Drift = (u: number): number => 6.25 * (u - 0.5);

const log = (a: Float64Array): Float64Array => a.map(Math.log);
const sub = (a: Float64Array, b: Float64Array): Float64Array => a.map((v, i) => v - b[i]!);

export function gasFeatureColumns(s: GasSeries): Map<string, Float64Array> {
  const L = log(s.minGas),
    LA = log(s.avgGas),
    LX = log(s.maxGas),
    LE = log(s.ethPrice);
  const f = new Map<string, Float64Array>();
  for (const w of [6, 12, 24, 48, 288]) f.set(`logMean${w}`, sub(log(rollingMean(s.minGas, w)), L));
  for (const w of [12, 24]) f.set(`logMin${w}`, sub(log(rollingMin(s.minGas, w)), L));
  f.set('logMax12', sub(log(rollingMax(s.minGas, 12)), L));
  for (const a of [0.5, 0.2, 0.1, 0.05]) f.set(`ewma${a}`, sub(ewma(L, a), L));
  for (const k of [1, 2, 3, 4, 6, 8]) f.set(`change${k}`, difference(L, k));
  const drift = s.utilisation.map(eip1559Drift);
  const cum = new Float64Array(drift.length);
  drift.reduce((acc, d, i) => (cum[i] = acc + d), 0);
  f.set('drift1', drift);
  for (const k of [2, 3, 6, 12]) f.set(`drift${k}`, difference(cum, k));
  f.set('utilisation', s.utilisation);
  f.set('avgChange1', difference(LA, 1));
  f.set('avgChange3', difference(LA, 3));
  f.set('avgOverMin', sub(LA, L));
  f.set('maxOverMin', sub(LX, L));
  f.set('ethReturn1', difference(LE, 1));
  f.set('ethReturn12', difference(LE, 12));
  const day = 86_400_000,
    week = 7 * day;
  f.set(
    'daySin',
    s.timeMs.map((t) => Math.sin((2 * Math.PI * (t % day)) / day)),
  );
  f.set(
    'dayCos',
    s.timeMs.map((t) => Math.cos((2 * Math.PI * (t % day)) / day)),
  );
  // 1970-01-01 was a Thursday; shift so the weekly cycle starts on Monday.
  f.set(
    'weekSin',
    s.timeMs.map((t) => Math.sin((2 * Math.PI * ((t + 3 * day) % week)) / week)),
  );
  f.set(
    'weekCos',
    s.timeMs.map((t) => Math.cos((2 * Math.PI * ((t + 3 * day) % week)) / week)),
  );
  return f;
}

/** Bins of history a feature needs before it is fully formed (the longest window). */
export const featureWarmupBins = 288;

export function featureMatrix(columns: Map<string, Float64Array>, names: readonly string[]): FeatureMatrix {
  const cols = names.map((n) => {
    const c = columns.get(n);
    if (!c) throw new InvalidInputError(`unknown gas feature ${n}`);
    return c;
  });
  const rows = cols[0]?.length ?? 0;
  const values = new Float64Array(rows * cols.length);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols.length; c++) values[r * cols.length + c] = cols[c]![r]!;
  return { names: [...names], rows, cols: cols.length, values };
}

/** Per-step inputs of the LSTM (a subset of the columns above). */
export const sequenceFeatureNames = [
  'change1',
  'drift1',
  'utilisation',
  'avgChange1',
  'avgOverMin',
  'maxOverMin',
  'ethReturn1',
  'daySin',
  'dayCos',
  'logMean24',
  'logMin12',
  'ewma0.1',
] as const;
