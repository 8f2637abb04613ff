/**
 * One searcher's latency in blocks, derived from the real capture-distance table. The real distance is that of the
 * first of N competing searchers (N Poisson with mean lambda, N >= 1 since someone captured it), so the
 * per-searcher survival S(d) solves P(min > d | N >= 1) = (exp(-lambda (1 - S)) - exp(-lambda)) / (1 - exp(-lambda)),
 * which gives F(d) = 1 - S(d) = -ln(G(d) (1 - exp(-lambda)) + exp(-lambda)) / lambda with G the real survival.
 */
import type { Rng } from '../../core/random.ts';

export interface LatencyCdf {
  /** Block counts, ascending, and the per-searcher P(latency <= d) at each. */
  blocks: number[];
  cdf: number[];
}

/** Per-searcher latency CDF from an equal-probability table of capture distances and the mean searcher count. */
export function searcherLatencyCdf(captureTable: readonly number[], lambda: number): LatencyCdf {
  const sorted = [...captureTable].sort((a, b) => a - b);
  const blocks = [...new Set(sorted)];
  const e = Math.exp(-lambda);
  const cdf = blocks.map((d) => {
    const survival = sorted.filter((x) => x > d).length / sorted.length;
    return Math.min(1, -Math.log(survival * (1 - e) + e) / lambda);
  });
  cdf[cdf.length - 1] = 1;
  return { blocks, cdf };
}

export function drawSearcherLatency(rng: Rng, c: LatencyCdf): number {
  const u = rng.next();
  for (let i = 0; i < c.cdf.length; i++) if (u < c.cdf[i]!) return c.blocks[i]!;
  return c.blocks[c.blocks.length - 1]!;
}

/** Poisson draw (Knuth; the means here are small). */
export function drawPoisson(rng: Rng, mean: number): number {
  const limit = Math.exp(-mean);
  let k = 0;
  for (let p = rng.next(); p > limit; p *= rng.next()) k++;
  return k;
}
