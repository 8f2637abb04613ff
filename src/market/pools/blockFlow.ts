/**
 * Order flow of one chain for one minute, as individual swaps at blocks: per pool and direction the minute's noise
 * total (the real per-minute quantiles, noiseFlow.ts) is split into 1 + Poisson(swapsPerMinute - 1) swaps (per chain) with
 * random (exponential) weights and a per-minute activity level shared by pools and directions, and in a share `informedProbability` of minutes informed traders add a swap in the
 * direction of the next minute's CEX move sized to push the pool `informedShare` of the way there. Each swap lands at a uniform block of the minute and, inside
 * its block, ahead of or behind a given transaction with equal probability (random ordering).
 */
import type { Rng } from '../../core/random.ts';
import type { FlowParams } from '../params.ts';
import { drawPoisson } from '../searchers/searcherLatency.ts';
import { flowScale, noiseFlowUsd } from './noiseFlow.ts';

export interface MinuteFlow {
  count: number;
  block: Int32Array;
  pool: Int32Array;
  usdcIn: Uint8Array;
  usd: Float64Array;
  ahead: Uint8Array;
}

const CAPACITY = 4096;

export function emptyMinuteFlow(): MinuteFlow {
  return {
    count: 0,
    block: new Int32Array(CAPACITY),
    pool: new Int32Array(CAPACITY),
    usdcIn: new Uint8Array(CAPACITY),
    usd: new Float64Array(CAPACITY),
    ahead: new Uint8Array(CAPACITY),
  };
}

export interface MinuteFlowOptions {
  rng: Rng;
  params: FlowParams;
  /** Depth (USD per unit log price) of each pool. */
  depths: ArrayLike<number>;
  firstBlock: number;
  blocksInMinute: number;
  /** Mean swaps per direction and minute on this chain. */
  swapsPerMinute: number;
  /** log(CEX price one minute ahead / now): what informed traders know. */
  nextMoveLog: number;
  out: MinuteFlow;
}

function push(f: MinuteFlow, rng: Rng, o: MinuteFlowOptions, pool: number, usdcIn: boolean, usd: number): void {
  if (!(usd > 0) || f.count >= CAPACITY) return;
  const i = f.count++;
  f.block[i] = o.firstBlock + rng.int(o.blocksInMinute);
  f.pool[i] = pool;
  f.usdcIn[i] = usdcIn ? 1 : 0;
  f.usd[i] = usd;
  f.ahead[i] = rng.next() < 0.5 ? 1 : 0;
}

/** Fills `out` with the minute's swaps (reusing its arrays). */
export function minuteFlow(o: MinuteFlowOptions): MinuteFlow {
  const { rng, params, depths, out } = o;
  out.count = 0;
  // A minute's activity, shared by its pools and directions (busy and quiet minutes), mean 1.
  const sigma = params.activityLogStd;
  const activity = Math.exp(sigma * rng.normal() - (sigma * sigma) / 2);
  for (let p = 0; p < depths.length; p++) {
    for (const usdcIn of [true, false]) {
      const total = activity * noiseFlowUsd(rng, params, flowScale(params, depths[p]!));
      if (total <= 0) continue;
      const k = 1 + drawPoisson(rng, Math.max(0, o.swapsPerMinute - 1));
      const w: number[] = [];
      let sum = 0;
      for (let j = 0; j < k; j++) sum += w[j] = -Math.log(1 - rng.next());
      for (let j = 0; j < k; j++) push(out, rng, o, p, usdcIn, (total * w[j]!) / sum);
    }
    // USDC in raises the USDC-per-WETH price: informed buyers of WETH ahead of a rise.
    if (rng.next() >= params.informedProbability) continue;
    const informed = params.informedShare * depths[p]! * Math.abs(o.nextMoveLog);
    push(out, rng, o, p, o.nextMoveLog > 0, informed);
  }
  return out;
}
