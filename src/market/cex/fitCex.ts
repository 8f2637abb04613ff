/**
 * Fits CexParams to a real 1-minute price series: jumps are returns beyond 5 times their hour's robust volatility;
 * the diffusion's median volatility, the spread of log hourly volatility (less its sampling noise) and its
 * hour-to-hour autocorrelation give sigma, logVolStd and the per-minute persistence.
 */
import { InvalidInputError } from '../../core/errors.ts';
import type { CexParams } from '../params.ts';
import { autocorrelation, logChanges, mean, quantile } from '../stats.ts';

const HOUR = 60;
const JUMP_MULTIPLE = 5;

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

export function fitCex(minutePrices: ArrayLike<number>): CexParams {
  const r = logChanges(minutePrices);
  if (r.length < 24 * HOUR) throw new InvalidInputError(`fitCex: need at least one day of minutes, got ${r.length}`);
  const isJump = new Uint8Array(r.length);
  let jumps = 0;
  let jumpSq = 0;
  for (let h = 0; h + HOUR <= r.length; h += HOUR) {
    const abs = Array.from(r.subarray(h, h + HOUR), Math.abs);
    const robust = quantile(abs, 0.5) / 0.6745;
    for (let i = h; i < h + HOUR; i++) {
      if (Math.abs(r[i]!) > JUMP_MULTIPLE * robust) {
        isJump[i] = 1;
        jumps++;
        jumpSq += r[i]! * r[i]!;
      }
    }
  }
  const logVol = hourlyLogVol(r, isJump);
  const m = mean(logVol);
  let v = 0;
  for (const x of logVol) v += (x - m) ** 2;
  v /= logVol.length;
  const samplingVar = 1 / (2 * (HOUR - 1));
  const trueVar = Math.max(v - samplingVar, 1e-4);
  const acfHour = Math.max(autocorrelation(logVol, 1) * (v / trueVar), 0.01);
  return {
    sigma: Math.exp(m),
    logVolStd: Math.sqrt(trueVar),
    logVolPersistence: Math.min(acfHour, 0.999) ** (1 / HOUR),
    jumpProbability: jumps / r.length,
    jumpStd: jumps > 0 ? Math.sqrt(jumpSq / jumps) : 0,
    startPrice: minutePrices[0]!,
  };
}
