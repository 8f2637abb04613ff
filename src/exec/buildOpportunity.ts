/**
 * An Opportunity from a detected edge: the exact routes plus every feature deciders and models use, computed only
 * from what was visible at the detection block (the block itself and the runner's memory of earlier blocks).
 */
import type { Pool } from '../dex/pool.ts';
import type { BlockSnapshot } from '../market/blockSnapshot.ts';
import type { DetectedEdge } from './detectOpportunities.ts';
import type { MarketMemory } from './marketMemory.ts';
import { createOpportunity, nativeWeiToEth, tokenAmountToEth, type Opportunity } from '../domain/opportunity.ts';

const Q96 = 2 ** 96;

/** USDC value of a pool's (virtual, for V3 in-range) reserves: twice its USDC side. */
export function poolLiquidityQuote(pool: Pool): number {
  if (pool.kind === 'v2') return (2 * Number(pool.reserve0)) / 1e6;
  return (2 * (Number(pool.liquidity) / (Number(pool.sqrtPriceX96) / Q96))) / 1e6;
}

export interface BuildOpportunityOptions {
  id: string;
  edge: DetectedEdge;
  block: BlockSnapshot;
  pools: readonly Pool[];
  poolPrices: readonly number[];
  memory: MarketMemory;
  blocksOpen: number;
}

export function buildOpportunity(o: BuildOpportunityOptions): Opportunity {
  const { block, edge } = o;
  const leg = o.pools[edge.legIndex]!;
  const dexPrice = o.poolPrices[edge.legIndex]!;
  const best = edge.routes[0]!;
  const routePools = best.route.hops.map((h) => h.pool);
  const decimals = best.route.token.decimals;
  const toEth = (x: bigint): number => tokenAmountToEth(x, decimals, block.cexPrice);
  const gasCostEth = nativeWeiToEth(best.gasCost.wei, block.nativeUsd, block.ethUsd);
  return createOpportunity({
    id: o.id,
    chain: block.chain,
    blockNumber: block.blockNumber,
    timeMs: block.timeMs,
    symbol: 'WETH/USDC',
    cexPrice: block.cexPrice,
    dexPrice,
    edgeBps: ((block.cexPrice - dexPrice) / block.cexPrice) * 1e4,
    dexPool: leg.address,
    routes: edge.routes,
    tradeSizeQuote:
      decimals === 18 ? (Number(best.amountIn) / 1e18) * block.cexPrice : Number(best.amountIn) / 10 ** decimals,
    poolLiquidityQuote: Math.min(...routePools.map(poolLiquidityQuote)),
    priceVolatility1h: o.memory.volatility1h(),
    gasPriceGwei: Number(block.baseFeeWei + block.priorityFeeWei) / 1e9,
    baseFeeWei: block.baseFeeWei,
    priorityFeeWei: block.priorityFeeWei,
    hourOfDay: new Date(block.timeMs).getUTCHours(),
    hopCount: best.route.hops.length,
    poolType: leg.kind,
    recentPoolVolatilityBps: o.memory.poolVolatilityBps(block.chain, leg.address),
    competitorPressure: o.memory.competitorPressure(
      block.chain,
      routePools.map((p) => p.address.toLowerCase()),
    ),
    blocksOpen: o.blocksOpen,
    ethUsd: block.ethUsd,
    nativeUsd: block.nativeUsd,
    grossProfitEth: toEth(best.grossProfit),
    gasCostEth,
    netProfitEth: toEth(best.netProfit),
  });
}
