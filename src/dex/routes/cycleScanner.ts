/**
 * Every profitable 2- and 3-hop cycle through the pools that changed this block, for one chain. Three stages:
 * (1) the log screen: a cycle can only pay when the product of its hops' spot rates after fees beats the cheapest
 * flash repayment rate (a negative cycle of -log rate); (2) the float screen: per borrowable token (rotation) and
 * lender, the float64 optimal size and net profit after gas; a candidate whose float net is below
 * -marginRel * size is dropped; (3) the survivors are sized and priced exactly in bigint by evaluateRoute (a
 * golden-section search in a narrow bracket around the float size), and a cycle is profitable when its best
 * exact net profit is > 0. The scanner keeps each pool's float view; `update` swaps in a pool's new state.
 */
import { flashRateFloat } from './screenV2V2.ts';
import { buildCycleGraph, cycleFromKey, cyclesThrough, type CycleGraph } from './cycleGraph.ts';
import { evaluateRoute, type RouteQuote } from './evaluateRoute.ts';
import { flashRateOf } from './flashRate.ts';
import { floatOptimalSize, floatPool, floatQuoteCount, spotRate, type FloatHop, type FloatPool } from './floatRoute.ts';
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
}

export interface CycleScanResult {
  /** Cycles through the changed pools. */
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
  const graph = buildCycleGraph(pools);
  const lenders = new Map<string, Lender[]>();
  for (const pool of pools) {
    for (const token of [pool.token0, pool.token1]) {
      const key = tokenKey(token);
      if (lenders.has(key)) continue;
      const list = options.providers
        .map((provider) => ({ provider, cap: Number(maxLendable(provider, token)), rate: flashRateFloat(flashRateOf(provider)) }))
        .filter((l) => l.cap > 0 && tokenPerNative.has(key));
      lenders.set(key, list);
    }
  }
  const minRate = Math.min(1, ...options.providers.map((p) => flashRateFloat(flashRateOf(p))));

  function gasWei(hops: readonly Hop[], provider: FlashProvider, gasPrice: bigint): bigint {
    return routeGasUsed({ profile, route: { hops }, flashGasOverhead: provider.gasOverhead }) * gasPrice + l1DataFee({ profile, route: { hops } });
  }

  function scan(changed: Iterable<number>, gas: ScanGas): CycleScanResult {
    const gasPrice = effectiveGasPrice(gas);
    const keys = cyclesThrough(graph, changed);
    let logSurvivors = 0;
    let exactEvaluations = 0;
    const quotesBefore = floatQuoteCount.v3;
    const profitable: CycleQuote[] = [];
    for (const key of keys) {
      const cycle = cycleFromKey(key);
      const n = cycle.pools.length;
      let product = 1;
      for (let i = 0; i < n; i++) product *= spotRate(floats[cycle.pools[i]], cycle.zeroForOne[i]);
      if (!(product > minRate)) continue;
      logSurvivors++;
      let best: CycleQuote | undefined;
      for (let k = 0; k < n; k++) {
        const order = Array.from({ length: n }, (_, i) => (k + i) % n);
        const hops: Hop[] = order.map((i) => ({ pool: pools[cycle.pools[i]], zeroForOne: cycle.zeroForOne[i] }));
        const floatHops: FloatHop[] = order.map((i) => ({ pool: floats[cycle.pools[i]], zeroForOne: cycle.zeroForOne[i] }));
        const token = tokenKey(tokenIn(hops[0].pool, hops[0].zeroForOne));
        const perNative = tokenPerNative.get(token);
        for (const lender of lenders.get(token) ?? []) {
          if (lender.provider.pairAddress && hops.some((h) => h.pool.address.toLowerCase() === lender.provider.pairAddress!.toLowerCase())) continue;
          const sized = floatOptimalSize(floatHops, lender.rate, lender.cap);
          if (!sized || perNative === undefined) continue;
          const gasToken = (Number(gasWei(hops, lender.provider, gasPrice)) * Number(perNative)) / 1e18;
          if (sized.profit - gasToken <= -marginRel * sized.amountIn) continue;
          exactEvaluations++;
          const x = sized.amountIn;
          const quote = evaluateRoute({
            route: createRoute(hops), providers: [lender.provider], ...gas, tokenPerNative: perNative, profile,
            sizeHint: () => ({ bracket: [BigInt(Math.floor(x * (1 - 1e-4))), BigInt(Math.ceil(x * (1 + 1e-4)) + 16)], tolerance: BigInt(Math.ceil(x * 1e-7)) }),
          });
          if (!quote || quote.netProfit <= 0n) continue;
          const netNativeWei = (quote.netProfit * 10n ** 18n) / perNative;
          if (!best || netNativeWei > best.netNativeWei) best = { key, quote, netNativeWei };
        }
      }
      if (best) profitable.push(best);
    }
    profitable.sort((a, b) => (a.netNativeWei === b.netNativeWei ? a.key - b.key : a.netNativeWei > b.netNativeWei ? -1 : 1));
    return { cycles: keys.size, logSurvivors, exactEvaluations, floatV3Quotes: floatQuoteCount.v3 - quotesBefore, profitable };
  }

  return {
    graph,
    pools,
    update(index, pool) {
      pools[index] = pool;
      floats[index] = floatPool(pool);
    },
    scan,
  };
}
