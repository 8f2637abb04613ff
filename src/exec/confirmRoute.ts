/**
 * Turns a screened route into an exact quote: for each flash provider that can lend, the float optimum at its rate
 * (sizeTwoHop), then one bigint quote of that size on the detected pools (quoteRoute), the lender's exact fee and
 * EIP-1559 gas priced in the borrowed token. The provider with the highest exact net profit wins.
 */
import type { ChainProfile } from '../dex/gas/chainProfiles.ts';
import { routeGasUsed, weiToToken } from '../dex/gas/gasCost.ts';
import { flashFee, maxLendable, type FlashProvider } from '../dex/flash/flashProvider.ts';
import { flashRateFloat } from '../dex/routes/screenV2V2.ts';
import { flashRateOf } from '../dex/routes/flashRate.ts';
import { InsufficientLiquidityError, quoteRoute } from '../dex/routes/quoteRoute.ts';
import type { Route } from '../dex/routes/route.ts';
import type { RouteCandidate } from '../domain/opportunity.ts';
import { sizeTwoHop } from './sizeTwoHop.ts';

export interface ConfirmRouteOptions {
  route: Route;
  providers: readonly FlashProvider[];
  profile: ChainProfile;
  /** baseFee + tip per gas, wei of the native token. */
  gasPriceWei: bigint;
  /** Borrowed-token base units per 1e18 wei of native token. */
  tokenPerNative: bigint;
}

/** Exact quote of a route at a given input, or undefined when the pools cannot take it. */
export function quoteCandidate(
  o: Omit<ConfirmRouteOptions, 'providers'> & { provider: FlashProvider; amountIn: bigint },
): RouteCandidate | undefined {
  let q;
  try {
    q = quoteRoute(o.route, o.amountIn);
  } catch (e) {
    if (e instanceof InsufficientLiquidityError) return undefined;
    throw e;
  }
  const amountOut = q.amounts[q.amounts.length - 1]!;
  const fee = flashFee(o.provider, o.amountIn);
  const gasUsed = routeGasUsed({ profile: o.profile, route: o.route, flashGasOverhead: o.provider.gasOverhead });
  const wei = gasUsed * o.gasPriceWei;
  const token = weiToToken(wei, o.tokenPerNative);
  const grossProfit = amountOut - o.amountIn;
  return {
    route: o.route,
    amountIn: o.amountIn,
    amountOut,
    grossProfit,
    flashFee: fee,
    provider: o.provider,
    gasUsed,
    gasCost: { wei, token },
    netProfit: grossProfit - fee - token,
    hopOutputs: q.amounts.slice(1),
  };
}

export function confirmRoute(o: ConfirmRouteOptions): RouteCandidate | undefined {
  let best: RouteCandidate | undefined;
  for (const provider of o.providers) {
    const cap = maxLendable(provider, o.route.token);
    if (cap <= 0n) continue;
    const size = sizeTwoHop(o.route, flashRateFloat(flashRateOf(provider)), Number(cap));
    if (!(size.amountIn >= 1)) continue;
    let amountIn = BigInt(Math.floor(size.amountIn));
    if (amountIn > cap) amountIn = cap;
    const c = quoteCandidate({ ...o, provider, amountIn });
    if (c && (!best || c.netProfit > best.netProfit)) best = c;
  }
  return best;
}
