/**
 * What the agent sees at one step of an episode (continuous, as measured at detection) and its discretisation for
 * the tabular agent. The bins are part of the policy file's metadata.
 */
import type { Chain } from '../../dex/types.ts';

export interface RlSnapshot {
  /** |edge_bps| of the mispriced pool. */
  edgeBps: number;
  /** Predicted slippage, bps (a model's, or the size-over-liquidity proxy). */
  predictedSlippageBps: number;
  /** Gas now over its forecast (mean of the last 30 minutes). */
  gasVsForecast: number;
  /** Gas change over the last 10 minutes, fraction (positive = rising). */
  gasTrend: number;
  /** Shallowest route pool's liquidity, USDC. */
  poolLiquidityQuote: number;
  /** 0-1 share of recent blocks where a competitor hit the route's pools. */
  competitorPressure: number;
  chain: Chain;
  /** Blocks since this episode's detection. */
  blocksSinceDetection: number;
  /** Quoted net profit of the best route at full size, ETH. */
  quotedNetEth: number;
}

export const STATE_BINS = Object.freeze({
  edge_bps: [25, 75],
  predicted_slippage_bps: [5, 25],
  gas_vs_forecast: [0.95, 1.05],
  gas_trend: [0],
  pool_liquidity_quote: [2_000_000],
  competitor_pressure: [0.05, 0.2],
  chain: ['ethereum', 'polygon'],
  blocks_since_detection: [1, 2],
  quoted_net_eth: [0.002, 0.01, 0.05],
});

/** Index of the first edge above x (0..edges.length). */
export function binOf(x: number, edges: readonly number[]): number {
  let i = 0;
  while (i < edges.length && x >= edges[i]!) i++;
  return i;
}

/** The tabular state key, e.g. `1.0.2.1.0.1.1.0.2`. */
export function discretise(s: RlSnapshot): string {
  const b = STATE_BINS;
  return [
    binOf(s.edgeBps, b.edge_bps),
    binOf(s.predictedSlippageBps, b.predicted_slippage_bps),
    binOf(s.gasVsForecast, b.gas_vs_forecast),
    binOf(s.gasTrend, b.gas_trend),
    binOf(s.poolLiquidityQuote, b.pool_liquidity_quote),
    binOf(s.competitorPressure, b.competitor_pressure),
    s.chain === 'polygon' ? 1 : 0,
    binOf(s.blocksSinceDetection, b.blocks_since_detection),
    binOf(s.quotedNetEth, b.quoted_net_eth),
  ].join('.');
}
