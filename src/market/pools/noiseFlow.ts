/**
 * Noise traders' gross flow into a pool for one minute and one direction, in USD: none with the real probability
 * of an empty minute, otherwise drawn from the real per-minute flow quantiles (log-interpolated), scaled by the
 * pool's depth against the reference pool's.
 */
import type { Rng } from '../../core/random.ts';
import type { FlowParams } from '../params.ts';

export function flowScale(params: FlowParams, depthUsd: number): number {
  return (depthUsd / params.referenceDepthUsd) ** params.depthExponent;
}

/** Draw from an equal-probability quantile table (q[0] at p=0 .. q[n-1] at p=1), interpolating in log. */
export function drawFromQuantiles(rng: Rng, table: readonly number[]): number {
  const x = rng.next() * (table.length - 1);
  const i = Math.floor(x);
  const a = table[i]!;
  const b = table[Math.min(i + 1, table.length - 1)]!;
  return Math.exp(Math.log(a) + (Math.log(b) - Math.log(a)) * (x - i));
}

export function noiseFlowUsd(rng: Rng, params: FlowParams, scale: number): number {
  if (rng.next() < params.zeroProbability) return 0;
  return drawFromQuantiles(rng, params.usdQuantiles) * params.noiseShare * scale;
}
