/**
 * Every profitable 2- and 3-hop cycle through the pools that changed this block, for one chain. Three stages:
 * (1) the log screen: a cycle can only pay when the product of its hops' spot rates after fees beats the cheapest
 * flash repayment rate (a negative cycle of -log rate); (2) the float screen: per borrowable token (rotation) and
 * lender, the float64 optimal size and net profit after gas; a candidate whose float net is below
 * -marginRel * size is dropped; (3) the survivors, best float net first, are priced exactly in bigint by
 * evaluateRoute at the float optimal size (an integer; fee, flash fee and gas exact) until one pays: a cycle is
 * profitable when that exact net profit is > 0 (the float ranking is right to ~1e-9, so the rotation priced is the
 * best one but for near-ties). The scanner keeps each pool's float view; `update` swaps in a pool's new state.
 */
import { flashRateFloat } from './screenV2V2.ts';
import { buildCycleGraph, cycleFromKey, cyclesThrough, type CycleGraph } from './cycleGraph.ts';
import { evaluateRoute, type RouteQuote } from './evaluateRoute.ts';
import { flashRateOf } from './flashRate.ts';
import {
  floatOptimalSize,
  floatPool,
  floatProfitBound,
  floatQuoteCount,
  spotRate,
  type FloatHop,
  type FloatPool,
} from './floatRoute.ts';
import { createRoute, type Hop } from './route.ts';
import { maxLendable, type FlashProvider } from '../flash/flashProvider.ts';
import type { ChainProfile } from '../gas/chainProfiles.ts';
import { effectiveGasPrice, routeGasUsed } from '../gas/gasCost.ts';
import { l1DataFee } from '../gas/l1DataFee.ts';
import { tokenIn, type Pool } from '../pool.ts';
import { tokenKey } from '../types.ts';

export interface CycleScannerOptions {
  pools: readonly Pool[];
  providers: readonly FlashProvider[];
  profile: ChainProfile;
  /** token key -> base units per whole native token; a token without a price is never borrowed. */
  tokenPerNative: ReadonlyMap<string, bigint>;
  /** Float-screen margin as a fraction of the size (default 1e-6): see the file comment. */
  marginRel?: number;
}

export interface ScanGas {
  baseFeeWei: bigint;
  priorityFeeWei: bigint;
}

export interface CycleQuote {
  /** Canonical cycle key (cycleGraph.ts). */
  key: number;
  quote: RouteQuote;
  /** quote.netProfit in wei of the native token (to compare cycles borrowing different tokens). */
  netNativeWei: bigint;
  /** Product of the cycle's hops' spot rates after fees (its edge is this minus one). */
  spotProduct: number;
}

export interface CycleScanResult {
  /** Cycles through the changed pools, as enumerated (one through two changed pools counts twice). */
  cycles: number;
  /** Cycles that passed the log screen. */
  logSurvivors: number;
  /** (cycle, token, lender) candidates priced exactly in bigint. */
  exactEvaluations: number;
  /** Float V3 hop quotes made by the float screen. */
  floatV3Quotes: number;
  /** Cycles with an exact net profit > 0, best per cycle, highest native-valued net first. */
  profitable: CycleQuote[];
}

interface Lender {
  provider: FlashProvider;
  cap: number;
  rate: number;
}

export interface CycleScanner {
  readonly graph: CycleGraph;
  readonly pools: readonly Pool[];
  update(index: number, pool: Pool): void;
  scan(changed: Iterable<number>, gas: ScanGas): CycleScanResult;
}

export function createCycleScanner(options: CycleScannerOptions): CycleScanner {
  const { profile, tokenPerNative } = options;
  const marginRel = options.marginRel ?? 1e-6;
  const pools = [...options.pools];
  const floats: FloatPool[] = pools.map(floatPool);
  // log spot rate after fees of each directed hop (code = pool * 2 + 1 for zeroForOne), kept with the float views.
  const logRate = new Float64Array(pools.length * 2);
  const setLogRates = (i: number): void => {
    logRate[i * 2] = Math.log(spotRate(floats[i], false));
    logRate[i * 2 + 1] = Math.log(spotRate(floats[i], true));
  };
  for (let i = 0; i < pools.length; i++) setLogRates(i);
  const graph = buildCycleGraph(pools);
  const lenders = new Map<string, Lender[]>();
  for (const pool of pools) {
    for (const token of [pool.token0, pool.token1]) {
      const key = tokenKey(token);
      if (lenders.has(key)) continue;
      const list = options.providers
        .map((provider) => ({
          provider,
          cap: Number(maxLendable(provider, token)),
          rate: flashRateFloat(flashRateOf(provider)),
        }))
        .filter((l) => l.cap > 0 && tokenPerNative.has(key));
      // Cheapest first: a lender whose optimum was not capped dominates later ones with no lower rate or gas.
      list.sort((a, b) => a.rate - b.rate || a.provider.gasOverhead - b.provider.gasOverhead);
      lenders.set(key, list);
    }
  }
  const minRate = Math.min(1, ...options.providers.map((p) => flashRateFloat(flashRateOf(p))));

  function gasWei(hops: readonly Hop[], provider: FlashProvider, gasPrice: bigint): bigint {
    return (
      routeGasUsed({ profile, route: { hops }, flashGasOverhead: provider.gasOverhead }) * gasPrice +
      l1DataFee({ profile, route: { hops } })
    );
  }

  function scan(changed: Iterable<number>, gas: ScanGas): CycleScanResult {
    const gasPrice = effectiveGasPrice(gas);
    const counted = { cycles: 0 };
    const keys = cyclesThrough(graph, { changed, logRate, minLogRate: Math.log(minRate), counted });
    let logSurvivors = 0;
    let exactEvaluations = 0;
    const quotesBefore = floatQuoteCount.v3;
    const profitable: CycleQuote[] = [];
    for (const key of keys) {
      const cycle = cycleFromKey(key);
      const n = cycle.pools.length;
      let product = 1;
      for (let i = 0; i < n; i++) product *= spotRate(floats[cycle.pools[i]], cycle.zeroForOne[i]);
      logSurvivors++;
      // Float candidates (borrowed token = rotation, lender), best float net (in native units) first.
      const candidates: { hops: Hop[]; lender: Lender; perNative: bigint; x: number; native: number }[] = [];
      for (let k = 0; k < n; k++) {
        const order = Array.from({ length: n }, (_, i) => (k + i) % n);
        const hops: Hop[] = order.map((i) => ({ pool: pools[cycle.pools[i]], zeroForOne: cycle.zeroForOne[i] }));
        const floatHops: FloatHop[] = order.map((i) => ({
          pool: floats[cycle.pools[i]],
          zeroForOne: cycle.zeroForOne[i],
        }));
        const token = tokenKey(tokenIn(hops[0].pool, hops[0].zeroForOne));
        const perNative = tokenPerNative.get(token);
        if (perNative === undefined) continue;
        let dominant: Lender | undefined;
        for (const lender of lenders.get(token) ?? []) {
          if (dominant && dominant.provider.gasOverhead <= lender.provider.gasOverhead) continue;
          if (
            lender.provider.pairAddress &&
            hops.some((h) => h.pool.address.toLowerCase() === lender.provider.pairAddress!.toLowerCase())
          )
            continue;
          const gasToken = (Number(gasWei(hops, lender.provider, gasPrice)) * Number(perNative)) / 1e18;
          // No size can pay the gas: not even the bound (1e-9 above it for float error).
          if (floatProfitBound(floatHops, lender.rate) * (1 + 1e-9) < gasToken) continue;
          const sized = floatOptimalSize(floatHops, lender.rate, lender.cap);
          if (!sized) continue;
          if (sized.amountIn < lender.cap * 0.999) dominant ??= lender;
          const net = sized.profit - gasToken;
          if (net <= -marginRel * sized.amountIn) continue;
          candidates.push({ hops, lender, perNative, x: sized.amountIn, native: net / Number(perNative) });
        }
      }
      candidates.sort((a, b) => b.native - a.native);
      // Exact pricing of the best candidate; the next ones only when it does not pay.
      let best: CycleQuote | undefined;
      for (const c of candidates) {
        exactEvaluations++;
        const quote = evaluateRoute({
          route: createRoute(c.hops),
          providers: [c.lender.provider],
          ...gas,
          tokenPerNative: c.perNative,
          profile,
          // The float optimum, rounded: one exact quote. Its profit is within float error (~1e-9 of the size,
          // squared away at an optimum) of the integer optimum's; the money figures are exact at this size.
          sizeHint: () => ({ bracket: [BigInt(Math.round(c.x)), BigInt(Math.round(c.x))], tolerance: 0n }),
        });
        if (!quote || quote.netProfit <= 0n) continue;
        best = { key, quote, netNativeWei: (quote.netProfit * 10n ** 18n) / c.perNative, spotProduct: product };
        break;
      }
      if (best) profitable.push(best);
    }
    profitable.sort((a, b) =>
      a.netNativeWei === b.netNativeWei ? a.key - b.key : a.netNativeWei > b.netNativeWei ? -1 : 1,
    );
    return {
      cycles: counted.cycles,
      logSurvivors,
      exactEvaluations,
      floatV3Quotes: floatQuoteCount.v3 - quotesBefore,
      profitable,
    };
  }

  return {
    graph,
    pools,
    update(index, pool) {
      pools[index] = pool;
      floats[index] = floatPool(pool);
      setLogRates(index);
    },
    scan,
  };
}
