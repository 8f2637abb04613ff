/**
 * A simple always-execute searcher on one chain of the model, for the losing-arbitrage statistic: every block, for
 * every pool whose CEX edge pays more than its gas, it sends the swap that would close the edge on the pools it
 * sees (fixed input, no guard), paying the block's typical tip, and lands in the next block behind every competitor
 * that bids more and behind the swaps ordered ahead of it. Its net profit (output at the CEX price, less input and
 * gas) is recorded; nothing it does changes the market.
 */
import type { Chain } from '../../dex/types.ts';
import type { BlockSnapshot } from '../blockSnapshot.ts';
import type { Market } from '../market.ts';
import { poolEdge } from '../pools/edge.ts';
import { poolDepthUsd, poolFee, poolPrice, swapExactIn, swapToPrice } from '../pools/poolMath.ts';

interface Sent {
  poolIndex: number;
  zeroForOne: boolean;
  amountIn: bigint;
}

export class LosingArbProbe {
  /** Net profit (USD) of every probe trade that executed. */
  readonly profitsUsd: number[] = [];
  private sent: Sent[] = [];

  constructor(
    private readonly chain: Chain,
    private readonly gasUnits: number,
  ) {}

  observe(block: BlockSnapshot, market: Market): void {
    if (block.chain !== this.chain) return;
    const gasUsd = ((this.gasUnits * Number(block.baseFeeWei + block.priorityFeeWei)) / 1e18) * block.nativeUsd;
    if (this.sent.length > 0) {
      const pools = market.poolsAtInclusion({ chain: this.chain, tipWei: block.priorityFeeWei });
      for (const s of this.sent) {
        const r = swapExactIn(pools[s.poolIndex]!, s.zeroForOne, s.amountIn);
        if (!r) continue;
        const outUsd = s.zeroForOne ? (Number(r.amountOut) / 1e18) * block.cexPrice : Number(r.amountOut) / 1e6;
        const inUsd = s.zeroForOne ? Number(s.amountIn) / 1e6 : (Number(s.amountIn) / 1e18) * block.cexPrice;
        this.profitsUsd.push(outUsd - inUsd - gasUsd);
      }
    }
    this.sent = [];
    block.pools.forEach((pool, i) => {
      const edge = poolEdge(poolPrice(pool), poolDepthUsd(pool), poolFee(pool), block.cexPrice);
      if (edge.profitUsd <= gasUsd) return;
      const s = swapToPrice(pool, edge.targetPrice);
      if (s) this.sent.push({ poolIndex: i, zeroForOne: s.zeroForOne, amountIn: s.amountIn });
    });
  }
}
