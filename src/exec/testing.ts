/**
 * Test fixtures for the runner: a polygon block whose quickswap pool is pushed 1% above the CEX price (a real
 * DEX-DEX edge against the V3 and sushiswap pools), and a market stub that serves given pools at inclusion.
 */
import type { Pool } from '../dex/pool.ts';
import type { Chain } from '../dex/types.ts';
import type { BlockSnapshot } from '../market/blockSnapshot.ts';
import { DEFAULT_MARKET_PARAMS } from '../market/defaultParams.ts';
import { createMarketPools } from '../market/pools/createMarketPools.ts';
import { swapToPrice } from '../market/pools/poolMath.ts';
import type { MarketView } from './marketView.ts';

const GWEI = 1_000_000_000n;

export function edgeBlock(overrides: Partial<BlockSnapshot> = {}, movePct = 1): BlockSnapshot {
  const pools = createMarketPools('polygon', DEFAULT_MARKET_PARAMS.pools.polygon, 4_000);
  pools[1] = swapToPrice(pools[1]!, 4_000 * (1 + movePct / 100))!.pool;
  return {
    chain: 'polygon',
    blockNumber: 100,
    timeMs: Date.UTC(2021, 10, 26, 12),
    cexPrice: 4_000,
    ethUsd: 4_000,
    nativeUsd: 2,
    baseFeeWei: 40n * GWEI,
    priorityFeeWei: 45n * GWEI,
    minPriorityFeeWei: 30n * GWEI,
    utilisation: 0.5,
    pools,
    competitorArbs: [],
    ...overrides,
  };
}

/** A market stub: every transaction meets `pools` at inclusion; includes are recorded. */
export function stubMarket(pools: readonly Pool[], chain: Chain = 'polygon'): MarketView & { included: Pool[][] } {
  const included: Pool[][] = [];
  return {
    info: { startMs: 0, endMs: 1, chains: [chain], totalBlocks: 0 },
    step: () => null,
    current: () => undefined,
    poolsAtInclusion: () => pools.slice(),
    include: ({ pools: p }) => void included.push([...p]),
    included,
  };
}
