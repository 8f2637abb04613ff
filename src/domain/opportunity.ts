/**
 * Everything a decider sees about an arbitrage at detection. One opportunity is one mispriced pool (the "DEX leg",
 * the pool of the route farthest from the CEX mid) on one chain at one block, with the routes that close it
 * against the chain's other pools, best first. Amounts are bigint (exact quotes on the detected pool states);
 * the other fields are float features for deciders and models (slippage, gas, RL).
 */
import { InvalidInputError } from '../core/errors.ts';
import type { RouteQuote } from '../dex/routes/evaluateRoute.ts';
import type { Chain } from '../dex/types.ts';

/** A route's exact quote plus the output of every hop (FlashArb's per-hop minimums are set from these). */
export interface RouteCandidate extends RouteQuote {
  /** hopOutputs[i] = output of hop i at quote; the last equals amountOut. */
  readonly hopOutputs: readonly bigint[];
}

export interface Opportunity {
  /** Deterministic id: `${runTag}:${chain}:${blockNumber}:${index}`. */
  readonly id: string;
  readonly chain: Chain;
  readonly blockNumber: number;
  readonly timeMs: number;
  readonly symbol: string;
  /** CEX mid at detection, USDC per WETH. */
  readonly cexPrice: number;
  /** Mid price of the mispriced pool, USDC per WETH. */
  readonly dexPrice: number;
  /** (cex - dex) / cex * 1e4: positive = WETH cheap on the DEX (docs/metrics.md). */
  readonly edgeBps: number;
  /** Address of the mispriced pool. */
  readonly dexPool: string;
  /** Routes closing it, highest quoted net profit first (at least one, each with netProfit > 0 at quote). */
  readonly routes: readonly RouteCandidate[];
  /** Input of routes[0] in USDC. */
  readonly tradeSizeQuote: number;
  /** Value of the shallowest route pool's (virtual, for V3 active) reserves in USDC. */
  readonly poolLiquidityQuote: number;
  /** Std of 1-minute CEX log returns over the last hour (fraction). */
  readonly priceVolatility1h: number;
  /** Base fee + typical priority fee at detection, gwei of the native token. */
  readonly gasPriceGwei: number;
  readonly baseFeeWei: bigint;
  readonly priorityFeeWei: bigint;
  /** 0-23 UTC. */
  readonly hourOfDay: number;
  readonly hopCount: number;
  /** Kind of the mispriced pool. */
  readonly poolType: 'v2' | 'v3';
  /** Std of the mispriced pool's block-to-block mid-price log changes over recent blocks, bps. */
  readonly recentPoolVolatilityBps: number;
  /** Share (0-1) of the last 100 blocks of the chain in which a competitor arbitrage hit one of routes[0]'s pools. */
  readonly competitorPressure: number;
  /** Blocks since this pool's edge was first seen open without a break (0 = opened this block). */
  readonly blocksOpen: number;
  /** ETH price in USD and the native gas token's price in USD (MATIC on polygon), for conversions. */
  readonly ethUsd: number;
  readonly nativeUsd: number;
  /** routes[0] at quote, in ETH: gross (out - in), gas cost, and net (gross - flash fee - gas). */
  readonly grossProfitEth: number;
  readonly gasCostEth: number;
  readonly netProfitEth: number;
}

/** Validates and freezes an opportunity; throws InvalidInputError naming the field. */
export function createOpportunity(o: Opportunity): Opportunity {
  if (o.routes.length === 0) throw new InvalidInputError(`opportunity ${o.id}: no route`);
  for (const [k, v] of Object.entries(o)) {
    if (typeof v === 'number' && !Number.isFinite(v))
      throw new InvalidInputError(`opportunity ${o.id}: ${k} is not finite (${v})`);
  }
  if (!(o.cexPrice > 0) || !(o.dexPrice > 0)) throw new InvalidInputError(`opportunity ${o.id}: prices must be > 0`);
  if (o.routes.some((r) => r.hopOutputs.length !== r.route.hops.length)) {
    throw new InvalidInputError(`opportunity ${o.id}: hopOutputs must have one entry per hop`);
  }
  return Object.freeze({ ...o, routes: Object.freeze([...o.routes]) });
}

/** Converts an amount of the borrowed token (USDC or WETH base units) to ETH at a USDC-per-WETH price. */
export function tokenAmountToEth(amount: bigint, decimals: number, cexPrice: number): number {
  return decimals === 18 ? Number(amount) / 1e18 : Number(amount) / 10 ** decimals / cexPrice;
}

/** Native-token wei (ETH or MATIC) to ETH. */
export function nativeWeiToEth(wei: bigint, nativeUsd: number, ethUsd: number): number {
  return (Number(wei) / 1e18) * (nativeUsd / ethUsd);
}

/** Base units of the borrowed token per whole native token (prices gas in the borrowed token). */
export function tokenPerNative(decimals: number, nativeUsd: number, ethUsd: number): bigint {
  if (decimals === 18) return BigInt(Math.round((nativeUsd / ethUsd) * 1e9)) * 10n ** 9n;
  return BigInt(Math.round(nativeUsd * 10 ** decimals));
}
