/**
 * The full money picture of a route at its best size: for each flash provider that can lend the token, the
 * size that maximises profit net of that provider's fee, then gas (EIP-1559, the route's shape plus the loan's
 * overhead) converted to the borrowed token; the provider with the highest net profit wins. All bigint.
 */
import { chainProfile, type ChainProfile } from '../gas/chainProfiles.ts';
import { effectiveGasPrice, routeGasUsed, weiToToken } from '../gas/gasCost.ts';
import { l1DataFee } from '../gas/l1DataFee.ts';
import { flashFee, maxLendable, type FlashProvider } from '../flash/flashProvider.ts';
import { flashRateOf } from './flashRate.ts';
import { optimalInput } from './optimalInput.ts';
import type { Route } from './route.ts';

export interface RouteQuote {
  route: Route;
  amountIn: bigint;
  amountOut: bigint;
  /** amountOut - amountIn. */
  grossProfit: bigint;
  flashFee: bigint;
  provider: FlashProvider;
  gasUsed: bigint;
  /** Gas cost (execution, plus the L1 data fee on a rollup) in wei of the native token and in base units of the
   * borrowed token (rounded up). */
  gasCost: { wei: bigint; token: bigint };
  /** grossProfit - flashFee - gasCost.token. */
  netProfit: bigint;
}

export interface EvaluateRouteOptions {
  route: Route;
  providers: readonly FlashProvider[];
  baseFeeWei: bigint;
  /** Default: the chain's minimum priority fee. */
  priorityFeeWei?: bigint;
  /** Borrowed-token base units per 1e18 wei of native token; omit when the borrowed token is the native token. */
  tokenPerNative?: bigint;
  profile?: ChainProfile;
  /** Rollups: the L1 price per compressed byte, wei (default: the profile's typical figure). */
  l1PricePerByteWei?: bigint;
  /** Per provider, a bracket of the optimal size and a search tolerance (from the float screen); default: search. */
  sizeHint?: (provider: FlashProvider) => { bracket: readonly [bigint, bigint]; tolerance: bigint } | undefined;
}

export function evaluateRoute(options: EvaluateRouteOptions): RouteQuote | undefined {
  const { route, providers, baseFeeWei, tokenPerNative } = options;
  const profile = options.profile ?? chainProfile(route.hops[0].pool.chain);
  const gasPrice = effectiveGasPrice({
    baseFeeWei,
    priorityFeeWei: options.priorityFeeWei ?? profile.minPriorityFeeWei,
  });
  const l1Wei = l1DataFee({ profile, route, pricePerByteWei: options.l1PricePerByteWei });
  const routePools = new Set(route.hops.map((h) => h.pool.address.toLowerCase()));
  let best: RouteQuote | undefined;
  for (const provider of providers) {
    const cap = maxLendable(provider, route.token);
    if (cap <= 0n) continue;
    if (provider.pairAddress && routePools.has(provider.pairAddress.toLowerCase())) continue;
    const hint = options.sizeHint?.(provider);
    const sized = optimalInput({
      route,
      flashFeeOf: (x) => flashFee(provider, x),
      flashRate: flashRateOf(provider),
      maxIn: cap,
      ...hint,
    });
    if (!sized) continue;
    const gasUsed = routeGasUsed({ profile, route, flashGasOverhead: provider.gasOverhead });
    const wei = gasUsed * gasPrice + l1Wei;
    const token = weiToToken(wei, tokenPerNative);
    const quote: RouteQuote = {
      route,
      amountIn: sized.amountIn,
      amountOut: sized.amountOut,
      grossProfit: sized.amountOut - sized.amountIn,
      flashFee: sized.flashFee,
      provider,
      gasUsed,
      gasCost: { wei, token },
      netProfit: sized.profit - token,
    };
    if (!best || quote.netProfit > best.netProfit) best = quote;
  }
  return best;
}
