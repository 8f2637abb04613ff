/**
 * Optional observer of a chain's market events, used by calibration to measure the model like the real data:
 * per-minute gross inflows per pool and direction (noise and competitors) and opportunity lifetimes in blocks.
 */
import type { Chain } from '../dex/types.ts';

export interface ChainRecorder {
  /** A new minute starts on this chain. */
  minute(chain: Chain, cexPrice: number): void;
  /** Gross USD flow into a pool; usdcIn = token0 in. */
  flow(chain: Chain, poolIndex: number, usdcIn: boolean, usd: number): void;
  /** A competitor closed an edge that had been open for lifetimeBlocks. */
  competitor(chain: Chain, poolIndex: number, lifetimeBlocks: number, usdcIn: boolean, usd: number): void;
}

/** Records one pool's minute flows and every chain's lifetimes. */
export class FlowAndLifetimeRecorder implements ChainRecorder {
  readonly inflowUsdc: number[] = [];
  readonly inflowWeth: number[] = [];
  readonly lifetimes: Record<Chain, number[]> = { ethereum: [], polygon: [], arbitrum: [] };
  private usdc = 0;
  private weth = 0;
  private started = false;

  constructor(private readonly chain: Chain, private readonly poolIndex: number) {}

  minute(chain: Chain): void {
    if (chain !== this.chain) return;
    if (this.started) {
      this.inflowUsdc.push(this.usdc);
      this.inflowWeth.push(this.weth);
    }
    this.started = true;
    this.usdc = 0;
    this.weth = 0;
  }

  flow(chain: Chain, poolIndex: number, usdcIn: boolean, usd: number): void {
    if (chain !== this.chain || poolIndex !== this.poolIndex) return;
    if (usdcIn) this.usdc += usd;
    else this.weth += usd;
  }

  competitor(chain: Chain, poolIndex: number, lifetimeBlocks: number, usdcIn: boolean, usd: number): void {
    this.lifetimes[chain].push(lifetimeBlocks);
    this.flow(chain, poolIndex, usdcIn, usd);
  }
}
