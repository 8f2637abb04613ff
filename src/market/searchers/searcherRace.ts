/**
 * The race for one edge: when it opens, a Poisson number of searchers sees it (none: nobody takes it), each with
 * its own latency in blocks counted from the block whose swap created the edge (0 = the same block, before any
 * bot that waits for the finished block can act) and its own share of the edge's value it is willing to bid.
 * The first to arrive capture it; among those arriving in the same block the chain's ordering rule picks the
 * winner and its payment.
 */
import type { Rng } from '../../core/random.ts';
import { drawFromQuantiles } from '../pools/noiseFlow.ts';
import { drawPoisson, drawSearcherLatency, type LatencyCdf } from './searcherLatency.ts';

export interface Race {
  /** Block offset (from the edge's opening) at which the first searchers arrive. */
  delayBlocks: number;
  /** Shares of the edge's value bid by the searchers arriving at that block. */
  shares: number[];
}

export interface DrawRaceOptions {
  rng: Rng;
  /** Mean number of searchers watching an edge. */
  searchersPerEdge: number;
  latency: LatencyCdf;
  /** Equal-probability quantiles of the share of value a searcher bids. */
  bidShareQuantiles: readonly number[];
}

/** The race for a new edge, or null when no searcher watches it. */
export function drawRace({ rng, searchersPerEdge, latency, bidShareQuantiles }: DrawRaceOptions): Race | null {
  const n = drawPoisson(rng, searchersPerEdge);
  if (n === 0) return null;
  let delayBlocks = Number.POSITIVE_INFINITY;
  let shares: number[] = [];
  for (let k = 0; k < n; k++) {
    const l = drawSearcherLatency(rng, latency);
    const share = drawFromQuantiles(rng, bidShareQuantiles);
    if (l < delayBlocks) {
      delayBlocks = l;
      shares = [share];
    } else if (l === delayBlocks) shares.push(share);
  }
  return { delayBlocks, shares };
}
