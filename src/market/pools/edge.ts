/**
 * A pool's edge against the CEX as a CEX-DEX arbitrageur sees it: log distance beyond the pool fee, the profit of
 * closing it (depth * excess^2 / 2, USD) and the price that closes it (the CEX price net of the fee).
 */
export interface PoolEdge {
  /** log(pool / cex) in excess of the fee's log, > 0 when an arbitrage pays before gas. */
  excess: number;
  profitUsd: number;
  targetPrice: number;
  /** 1 when the pool is above the CEX (WETH dear on the DEX), -1 below. */
  side: 1 | -1;
}

export function poolEdge(poolPrice: number, depthUsd: number, fee: number, cexPrice: number): PoolEdge {
  const feeLog = -Math.log(1 - fee);
  const d = Math.log(poolPrice / cexPrice);
  const excess = Math.abs(d) - feeLog;
  return {
    excess,
    profitUsd: excess > 0 ? (depthUsd * excess * excess) / 2 : 0,
    targetPrice: d > 0 ? cexPrice / (1 - fee) : cexPrice * (1 - fee),
    side: d > 0 ? 1 : -1,
  };
}
