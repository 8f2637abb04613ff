/**
 * Optional observer of a chain's market events, used by calibration to measure the model like the real data:
 * per-minute gross inflows and the state of one pool (noise, informed and competitor swaps), whether any swap
 * touched it in a minute, and every captured edge's distance in blocks and the winner's payment against volume.
 */
import type { Pool } from '../dex/pool.ts';
import type { Chain } from '../dex/types.ts';
import { poolPrice } from './pools/poolMath.ts';

export interface Capture {
  /** Blocks from the swap that created the edge to the arbitrage that took it. */
  distanceBlocks: number;
  /** USD through the arbitrage. */
  volumeUsd: number;
  /** What the winner paid the block producer above the base fee (tip * gas), USD. */
  paymentUsd: number;
}

export interface ChainRecorder {
  /** A new minute starts on this chain; pools as the previous minute left them. */
  minute(chain: Chain, cexPrice: number, pools: readonly Pool[]): void;
  /** Gross USD flow into a pool; usdcIn = token0 in. */
  flow(chain: Chain, poolIndex: number, usdcIn: boolean, usd: number): void;
  /** A searcher captured an edge. */
  capture(chain: Chain, c: Capture): void;
}

/** Records one pool's minutes (flows, ticks, empty minutes) and every chain's captures. */
export class FlowAndLifetimeRecorder implements ChainRecorder {
  readonly inflowUsdc: number[] = [];
  readonly inflowWeth: number[] = [];
  /** |tick change| of the pool over each minute (close to close). */
  readonly tickChanges: number[] = [];
  readonly lifetimes: Record<Chain, number[]> = { ethereum: [], polygon: [], arbitrum: [] };
  /** Winner's payment over volume of captured edges, bps. */
  readonly paymentBps: Record<Chain, number[]> = { ethereum: [], polygon: [], arbitrum: [] };
  private usdc = 0;
  private weth = 0;
  private lastTick: number | null = null;
  private started = false;

  constructor(
    private readonly chain: Chain,
    private readonly poolIndex: number,
  ) {}

  minute(chain: Chain, _cexPrice: number, pools: readonly Pool[]): void {
    if (chain !== this.chain) return;
    const tick = Math.round(Math.log(1e12 / poolPrice(pools[this.poolIndex]!)) / Math.log(1.0001));
    if (this.started) {
      this.inflowUsdc.push(this.usdc);
      this.inflowWeth.push(this.weth);
      if (this.lastTick !== null) this.tickChanges.push(Math.abs(tick - this.lastTick));
    }
    this.lastTick = tick;
    this.started = true;
    this.usdc = 0;
    this.weth = 0;
  }

  flow(chain: Chain, poolIndex: number, usdcIn: boolean, usd: number): void {
    if (chain !== this.chain || poolIndex !== this.poolIndex) return;
    if (usdcIn) this.usdc += usd;
    else this.weth += usd;
  }

  capture(chain: Chain, c: Capture): void {
    this.lifetimes[chain].push(c.distanceBlocks);
    if (c.volumeUsd > 0) this.paymentBps[chain].push((c.paymentUsd / c.volumeUsd) * 1e4);
  }
}
