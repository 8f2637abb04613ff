/**
 * Detection on one block of one chain: a float screen over every pair of pools (price gap beyond the two fees),
 * a closed-form size, then an exact bigint quote (confirmRoute) for the pairs that pass; each route with a positive
 * exact net profit joins the opportunity of its mispriced pool (the one farther from the CEX mid). The route
 * borrows USDC, buys WETH on the cheaper pool and sells it on the dearer one.
 */
import type { FlashProvider } from '../dex/flash/flashProvider.ts';
import { chainProfile } from '../dex/gas/chainProfiles.ts';
import type { Pool } from '../dex/pool.ts';
import { createRoute } from '../dex/routes/route.ts';
import type { BlockSnapshot } from '../market/blockSnapshot.ts';
import { poolFee } from '../market/pools/poolMath.ts';
import { confirmRoute } from './confirmRoute.ts';
import type { RouteCandidate } from '../domain/opportunity.ts';
import { sizeTwoHop } from './sizeTwoHop.ts';

/** Routes found for one mispriced pool, best exact net profit first. */
export interface DetectedEdge {
  /** Index of the mispriced pool in the block's pools. */
  legIndex: number;
  routes: RouteCandidate[];
}

export interface DetectOptions {
  block: BlockSnapshot;
  pools: readonly Pool[];
  poolPrices: readonly number[];
  providers: readonly FlashProvider[];
  /** Pools our own pending transactions use: routes through them are not offered. */
  busy: ReadonlySet<string>;
  /** Routes kept per opportunity. */
  maxRoutes?: number;
}

/** USDC base units per whole native token (gas priced in the borrowed token). */
export function usdcPerNative(block: BlockSnapshot): bigint {
  return BigInt(Math.round(block.nativeUsd * 1e6));
}

export function detectOpportunities(o: DetectOptions): DetectedEdge[] {
  const { block, pools, poolPrices: price } = o;
  const profile = chainProfile(block.chain);
  const gasPriceWei = block.baseFeeWei + block.priorityFeeWei;
  const tokenPerNative = usdcPerNative(block);
  // Cheapest possible gas in USDC raw units, for the float pre-check (2 V2 hops, no loan overhead).
  const minGasUsdc =
    ((Number(gasPriceWei) * (profile.gas.baseTx + profile.gas.contractOverhead + 2 * profile.gas.perHopV2)) / 1e18) *
    block.nativeUsd *
    1e6;
  const byLeg = new Map<number, RouteCandidate[]>();
  for (let i = 0; i < pools.length; i++) {
    for (let j = i + 1; j < pools.length; j++) {
      const gap = Math.abs(Math.log(price[i]! / price[j]!));
      if (gap <= -Math.log(1 - poolFee(pools[i]!)) - Math.log(1 - poolFee(pools[j]!))) continue;
      const [cheap, dear] = price[i]! < price[j]! ? [i, j] : [j, i];
      if (o.busy.has(pools[cheap]!.address) || o.busy.has(pools[dear]!.address)) continue;
      const route = createRoute([
        { pool: pools[cheap]!, zeroForOne: true },
        { pool: pools[dear]!, zeroForOne: false },
      ]);
      if (sizeTwoHop(route, 1, Infinity).profit <= minGasUsdc) continue;
      const c = confirmRoute({ route, providers: o.providers, profile, gasPriceWei, tokenPerNative });
      if (!c || c.netProfit <= 0n) continue;
      const off = (k: number): number => Math.abs(block.cexPrice - price[k]!);
      const leg = off(cheap) >= off(dear) ? cheap : dear;
      const list = byLeg.get(leg) ?? [];
      list.push(c);
      byLeg.set(leg, list);
    }
  }
  const edges: DetectedEdge[] = [];
  for (const [legIndex, routes] of [...byLeg.entries()].sort((a, b) => a[0] - b[0])) {
    routes.sort((a, b) => (a.netProfit === b.netProfit ? 0 : a.netProfit > b.netProfit ? -1 : 1));
    edges.push({ legIndex, routes: routes.slice(0, o.maxRoutes ?? 3) });
  }
  return edges;
}
