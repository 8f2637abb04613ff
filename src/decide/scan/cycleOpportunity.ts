/**
 * An Opportunity (src/domain) from a profitable cycle of the universe scan, so any Decider can judge it: the
 * exact quote with its per-hop outputs, the cycle's edge (product of its hops' spot rates after fees, minus one, in
 * bps), and USD/ETH conversions from the universe's reference prices. Features the scan does not track (recent
 * volatility, competitor pressure, blocks open) are 0.
 */
import { quoteRoute } from '../../dex/routes/quoteRoute.ts';
import { routePath } from '../../dex/routes/route.ts';
import type { CycleQuote } from '../../dex/routes/cycleScanner.ts';
import type { Chain } from '../../dex/types.ts';
import { createOpportunity, type Opportunity } from '../../domain/opportunity.ts';

export interface CycleOpportunityOptions {
  id: string;
  chain: Chain;
  blockNumber: number;
  timeMs: number;
  cycle: CycleQuote;
  /** Product of the cycle's spot rates after fees (> 1 for an open edge). */
  spotProduct: number;
  /** USD per whole borrowed token, per ETH and per native gas token. */
  tokenUsd: number;
  ethUsd: number;
  nativeUsd: number;
  baseFeeWei: bigint;
  priorityFeeWei: bigint;
  /** TVL of the shallowest pool of the route, USD. */
  poolLiquidityUsd: number;
}

export function cycleOpportunity(o: CycleOpportunityOptions): Opportunity {
  const q = o.cycle.quote;
  const route = q.route;
  const decimals = route.token.decimals;
  const toUsd = (x: bigint): number => (Number(x) / 10 ** decimals) * o.tokenUsd;
  const { amounts } = quoteRoute(route, q.amountIn);
  const first = route.hops[0].pool;
  return createOpportunity({
    id: o.id,
    chain: o.chain,
    blockNumber: o.blockNumber,
    timeMs: o.timeMs,
    symbol: routePath(route),
    cexPrice: o.ethUsd,
    dexPrice: o.ethUsd * o.spotProduct,
    edgeBps: (o.spotProduct - 1) * 1e4,
    dexPool: first.address,
    routes: [{ ...q, hopOutputs: amounts.slice(1) }],
    tradeSizeQuote: toUsd(q.amountIn),
    poolLiquidityQuote: o.poolLiquidityUsd,
    priceVolatility1h: 0,
    gasPriceGwei: Number(o.baseFeeWei + o.priorityFeeWei) / 1e9,
    baseFeeWei: o.baseFeeWei,
    priorityFeeWei: o.priorityFeeWei,
    hourOfDay: new Date(o.timeMs).getUTCHours(),
    hopCount: route.hops.length,
    poolType: first.kind,
    recentPoolVolatilityBps: 0,
    competitorPressure: 0,
    blocksOpen: 0,
    ethUsd: o.ethUsd,
    nativeUsd: o.nativeUsd,
    grossProfitEth: toUsd(q.grossProfit) / o.ethUsd,
    gasCostEth: ((Number(q.gasCost.wei) / 1e18) * o.nativeUsd) / o.ethUsd,
    netProfitEth: toUsd(q.netProfit) / o.ethUsd,
  });
}
