/**
 * Calibrated stochastic CEX price, one value per minute: log-returns with stochastic volatility (log sigma is an
 * AR(1) per minute, so calm and volatile regimes last hours, as the real hourly volatility does) plus rare jumps
 * (the heavy tails of the real 1-minute returns).
 */
import type { Rng } from '../../core/random.ts';
import type { CexParams } from '../params.ts';
import type { CexPath } from './cexPath.ts';

export interface SimulateCexOptions {
  rng: Rng;
  startMs: number;
  minutes: number;
  params: CexParams;
  startPrice?: number;
}

export function simulateCex({ rng, startMs, minutes, params, startPrice }: SimulateCexOptions): CexPath {
  const prices = new Float64Array(minutes + 1);
  const phi = params.logVolPersistence;
  const innovation = params.logVolStd * Math.sqrt(1 - phi * phi);
  const logSigma0 = Math.log(params.sigma);
  let x = params.logVolStd * rng.normal();
  let logPrice = Math.log(startPrice ?? params.startPrice);
  prices[0] = Math.exp(logPrice);
  for (let i = 1; i <= minutes; i++) {
    x = phi * x + innovation * rng.normal();
    const sigma = Math.exp(logSigma0 + x);
    let r = sigma * rng.normal() - 0.5 * sigma * sigma;
    if (rng.next() < params.jumpProbability) r += params.jumpStd * rng.normal();
    logPrice += r;
    prices[i] = Math.exp(logPrice);
  }
  return { startMs, minutePrices: prices, source: 'model', filledMinutes: 0 };
}
