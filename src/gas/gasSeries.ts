/**
 * The 5-minute gas series as columns (typed arrays), built from parsed GasRow records. Forecasting code indexes it
 * by bin; a missing bin would shift every lag, so gaps are found and reported, and bins must be strictly increasing.
 */
import { InvalidInputError } from '../core/errors.ts';
import type { GasRow } from '../market/files/readGasCsv.ts';

export const binMs = 5 * 60 * 1000;

export interface GasSeries {
  length: number;
  timeMs: Float64Array;
  minGas: Float64Array;
  avgGas: Float64Array;
  maxGas: Float64Array;
  utilisation: Float64Array;
  gasUsed: Float64Array;
  gasLimit: Float64Array;
  ethPrice: Float64Array;
  /** Indices i where timeMs[i] - timeMs[i-1] is not exactly one bin. */
  gaps: number[];
}

export function gasSeries(rows: readonly GasRow[]): GasSeries {
  const n = rows.length;
  const col = (f: (r: GasRow) => number): Float64Array => Float64Array.from(rows, f);
  const s: GasSeries = {
    length: n,
    timeMs: col((r) => r.timeMs),
    minGas: col((r) => r.minGasPrice),
    avgGas: col((r) => r.avgGasPrice),
    maxGas: col((r) => r.maxGasPrice),
    utilisation: col((r) => r.blockUtilisation),
    gasUsed: col((r) => r.gasUsed),
    gasLimit: col((r) => r.gasLimit),
    ethPrice: col((r) => r.ethPrice),
    gaps: [],
  };
  for (let i = 0; i < n; i++) {
    if (!(s.minGas[i]! > 0))
      throw new InvalidInputError(
        `gas series: min_gas_price must be positive (bin ${i}, ${new Date(s.timeMs[i]!).toISOString()})`,
      );
    if (i > 0) {
      const dt = s.timeMs[i]! - s.timeMs[i - 1]!;
      if (dt <= 0)
        throw new InvalidInputError(`gas series: bins not increasing at ${new Date(s.timeMs[i]!).toISOString()}`);
      if (dt !== binMs) s.gaps.push(i);
    }
  }
  return s;
}

/** The first `length` bins (a forecast's history up to and including an origin). */
export function gasSeriesHead(s: GasSeries, length: number): GasSeries {
  const cut = (a: Float64Array): Float64Array => a.subarray(0, length);
  return {
    length,
    timeMs: cut(s.timeMs),
    minGas: cut(s.minGas),
    avgGas: cut(s.avgGas),
    maxGas: cut(s.maxGas),
    utilisation: cut(s.utilisation),
    gasUsed: cut(s.gasUsed),
    gasLimit: cut(s.gasLimit),
    ethPrice: cut(s.ethPrice),
    gaps: s.gaps.filter((g) => g < length),
  };
}

/** Index of the bin starting at timeMs, or -1. */
export function binIndex(s: GasSeries, timeMs: number): number {
  let lo = 0,
    hi = s.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = s.timeMs[mid]!;
    if (t === timeMs) return mid;
    if (t < timeMs) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
