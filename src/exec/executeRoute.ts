/**
 * Paper execution of a flash-arb transaction on the pool states it meets at inclusion, exactly as FlashArb would
 * run it: borrow, swap hop by hop with exact AMM math, revert on the first hop whose output is under its minimum
 * (HopOutputTooLow), then revert unless output - input - flash fee >= minProfit (InsufficientProfit). A revert
 * leaves the pools untouched and burns the gas spent up to the failing step.
 */
import type { ChainProfile } from '../dex/gas/chainProfiles.ts';
import type { FlashProvider } from '../dex/flash/flashProvider.ts';
import { flashFee } from '../dex/flash/flashProvider.ts';
import type { Pool } from '../dex/pool.ts';
import { InsufficientLiquidityError, swapExactIn } from '../dex/routes/quoteRoute.ts';
import type { Route } from '../dex/routes/route.ts';

/** What is sent: the route (its pools give addresses and directions), size, guards and lender. */
export interface ExecutionPlan {
  route: Route;
  amountIn: bigint;
  /** Minimum output of each hop (the quote minus the slippage tolerance). */
  hopMinOuts: readonly bigint[];
  /** Route output at quote, for realised slippage. */
  quotedOut: bigint;
  /** Profit after repaying the loan that the contract requires (set to cover gas). */
  minProfit: bigint;
  provider: FlashProvider;
}

export type RevertReason = 'HopOutputTooLow' | 'InsufficientProfit' | 'InsufficientLiquidity';

export type ExecutionResult =
  | { status: 'success'; executedOut: bigint; profit: bigint; poolsAfter: Pool[]; gasUsed: bigint }
  | { status: 'reverted'; reason: RevertReason; failedHop: number | null; gasUsed: bigint };

/** Per-hop minimums: each quoted hop output less `toleranceBps` (resolved to 1/100 bps), rounded down. */
export function hopMinimums(hopOutputs: readonly bigint[], toleranceBps: number): bigint[] {
  const keep = 1_000_000n - BigInt(Math.max(0, Math.min(1_000_000, Math.round(toleranceBps * 100))));
  return hopOutputs.map((o) => (o * keep) / 1_000_000n);
}

/** Gas burnt up to and including hop `hops` (hops = route length for a full run). */
export function gasThroughHop(profile: ChainProfile, route: Route, provider: FlashProvider, hops: number): bigint {
  let gas = profile.gas.baseTx + profile.gas.contractOverhead + provider.gasOverhead;
  for (let k = 0; k < hops; k++) gas += route.hops[k]!.pool.kind === 'v2' ? profile.gas.perHopV2 : profile.gas.perHopV3;
  return BigInt(gas);
}

export interface ExecuteRouteOptions {
  plan: ExecutionPlan;
  /** Pool states at inclusion, by lower-case address. */
  pools: ReadonlyMap<string, Pool>;
  profile: ChainProfile;
}

export function executeRoute({ plan, pools, profile }: ExecuteRouteOptions): ExecutionResult {
  const { route, provider } = plan;
  const after: Pool[] = [];
  let amount = plan.amountIn;
  for (const [k, hop] of route.hops.entries()) {
    const pool = pools.get(hop.pool.address.toLowerCase()) ?? hop.pool;
    let out: bigint;
    try {
      const s = swapExactIn(pool, hop.zeroForOne, amount);
      out = s.amountOut;
      after.push(s.pool);
    } catch (e) {
      if (!(e instanceof InsufficientLiquidityError)) throw e;
      return {
        status: 'reverted',
        reason: 'InsufficientLiquidity',
        failedHop: k,
        gasUsed: gasThroughHop(profile, route, provider, k + 1),
      };
    }
    if (out < plan.hopMinOuts[k]!) {
      return {
        status: 'reverted',
        reason: 'HopOutputTooLow',
        failedHop: k,
        gasUsed: gasThroughHop(profile, route, provider, k + 1),
      };
    }
    amount = out;
  }
  const gasUsed = gasThroughHop(profile, route, provider, route.hops.length);
  const profit = amount - plan.amountIn - flashFee(provider, plan.amountIn);
  if (profit < plan.minProfit) return { status: 'reverted', reason: 'InsufficientProfit', failedHop: null, gasUsed };
  return { status: 'success', executedOut: amount, profit, poolsAfter: after, gasUsed };
}
