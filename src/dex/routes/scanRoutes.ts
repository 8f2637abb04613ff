/**
 * Every closed route of a chain's pools, sized and priced in bigint (evaluateRoute), best net profit first.
 * Routes whose borrowed token has no native price (gas cannot be converted) or that no provider can fund are
 * listed as skipped with the reason, not dropped silently.
 */
import type { FlashProvider } from '../flash/flashProvider.ts';
import type { Pool } from '../pool.ts';
import { tokenKey, type Chain } from '../types.ts';
import { evaluateRoute, type RouteQuote } from './evaluateRoute.ts';
import { buildPoolGraph, findRoutes } from './findRoutes.ts';
import { routePath } from './route.ts';

export interface ScanRoutesOptions {
  chain: Chain;
  pools: readonly Pool[];
  providers: readonly FlashProvider[];
  baseFeeWei: bigint;
  priorityFeeWei?: bigint;
  /** token key -> base units per whole native token (the native/wrapped-native token maps to 1e18). */
  tokenPerNative: ReadonlyMap<string, bigint>;
  maxHops?: 2 | 3;
}

export interface ScanRoutesResult {
  routesFound: number;
  /** Evaluated routes, highest net profit first. */
  quotes: RouteQuote[];
  skipped: { route: string; reason: string }[];
}

export function scanRoutes(options: ScanRoutesOptions): ScanRoutesResult {
  const graph = buildPoolGraph({ chain: options.chain, pools: options.pools });
  const routes = findRoutes({ graph, maxHops: options.maxHops ?? 3 });
  const quotes: RouteQuote[] = [];
  const skipped: ScanRoutesResult['skipped'] = [];
  for (const route of routes) {
    const tokenPerNative = options.tokenPerNative.get(tokenKey(route.token));
    if (tokenPerNative === undefined) {
      skipped.push({
        route: routePath(route),
        reason: `no native price for ${route.token.symbol}: gas cannot be priced`,
      });
      continue;
    }
    const quote = evaluateRoute({
      route,
      providers: options.providers,
      baseFeeWei: options.baseFeeWei,
      priorityFeeWei: options.priorityFeeWei,
      tokenPerNative,
    });
    if (quote) quotes.push(quote);
    else
      skipped.push({
        route: routePath(route),
        reason: `no size beats the swap fees, or no flash provider can lend ${route.token.symbol}`,
      });
  }
  quotes.sort((a, b) => (a.netProfit === b.netProfit ? 0 : a.netProfit > b.netProfit ? -1 : 1));
  return { routesFound: routes.length, quotes, skipped };
}
