/**
 * Fits CexParams to a real 1-minute price series: jumps are returns beyond 4 times their hour's robust volatility;
 * the spread of log hourly volatility (less its sampling noise) gives logVolStd, its hour-to-hour autocorrelation
 * the per-minute persistence (acf = persistence^60); sigma then makes the model's 1-minute return variance
 * (log-normal diffusion volatility plus jumps) equal to the real one.
 */
import { InvalidInputError } from '../../core/errors.ts';
import type { CexParams } from '../params.ts';
import { autocorrelation, logChanges, mean, quantile } from '../../core/statistics.ts';

const HOUR = 60;
const JUMP_MULTIPLE = 4;

/** Log of the std of each whole hour of returns (returns flagged as jumps left out). */
export function hourlyLogVol(returns: Float64Array, isJump?: Uint8Array): Float64Array {
  const hours = Math.floor(returns.length / HOUR);
  const out = new Float64Array(hours);
  for (let h = 0; h < hours; h++) {
    let s = 0;
    let n = 0;
    for (let i = h * HOUR; i < (h + 1) * HOUR; i++) {
      if (isJump?.[i]) continue;
      s += returns[i]! * returns[i]!;
      n++;
    }
    out[h] = 0.5 * Math.log(s / Math.max(1, n) + 1e-30);
  }
  return out;
}

/** Flags returns beyond JUMP_MULTIPLE times their hour's robust (median absolute) volatility. */
function flagJumps(r: Float64Array): { isJump: Uint8Array; count: number; sumSq: number } {
  const isJump = new Uint8Array(r.length);
  let count = 0;
  let sumSq = 0;
  for (let h = 0; h + HOUR <= r.length; h += HOUR) {
    const robust = quantile(Array.from(r.subarray(h, h + HOUR), Math.abs), 0.5) / 0.6745;
    for (let i = h; i < h + HOUR; i++) {
      if (Math.abs(r[i]!) <= JUMP_MULTIPLE * robust) continue;
      isJump[i] = 1;
      count++;
      sumSq += r[i]! * r[i]!;
    }
  }
  return { isJump, count, sumSq };
}

export function fitCex(minutePrices: ArrayLike<number>): CexParams {
  const r = logChanges(minutePrices);
  if (r.length < 24 * HOUR) throw new InvalidInputError(`fitCex: need at least one day of minutes, got ${r.length}`);
  const jumps = flagJumps(r);
  const logVol = hourlyLogVol(r, jumps.isJump);
  const m = mean(logVol);
  let v = 0;
  for (const x of logVol) v += (x - m) ** 2;
  v /= logVol.length;
  const samplingVar = 1 / (2 * (HOUR - 1));
  const trueVar = Math.max(v - samplingVar, 1e-4);
  const acfHour = Math.min(Math.max(autocorrelation(logVol, 1) * (v / trueVar), 0.01), 0.999);
  let totalVar = 0;
  for (const x of r) totalVar += x * x;
  totalVar /= r.length;
  const jumpProbability = jumps.count / r.length;
  const jumpVar = jumps.count > 0 ? jumps.sumSq / jumps.count : 0;
  const diffusionVar = Math.max(totalVar - jumpProbability * jumpVar, 1e-12);
  return {
    sigma: Math.sqrt(diffusionVar / Math.exp(2 * trueVar)),
    logVolStd: Math.sqrt(trueVar),
    logVolPersistence: acfHour ** (1 / HOUR),
    jumpProbability,
    jumpStd: Math.sqrt(jumpVar),
    startPrice: minutePrices[0]!,
  };
}
