/**
 * The DEX engine benchmark behind `arbml bench dex`: seeded random pools and routes; the float64 V2-V2 screen
 * (closed-form size + net profit per route over typed arrays), bigint confirmation of the screen's top routes
 * (exact size search, flash fee with the lender's rounding, gas), and exact V3 swaps. It also checks that the
 * float screen ranks the top routes as bigint does (reported, not timed).
 */
import { createRng } from '../../core/random.ts';
import { aaveV3Provider, flashFee } from '../flash/flashProvider.ts';
import { chainProfile } from '../gas/chainProfiles.ts';
import { routeGasUsed, weiToToken } from '../gas/gasCost.ts';
import { flashRateOf } from '../routes/flashRate.ts';
import { optimalInput } from '../routes/optimalInput.ts';
import { createRoute, type Route } from '../routes/route.ts';
import { allocateV2V2Batch, screenV2V2 } from '../routes/screenV2V2.ts';
import { randomPoolV2, randomPoolV3 } from '../testing/randomPools.ts';
import type { PoolV2 } from '../v2/poolV2.ts';
import { swapV3 } from '../v3/swapV3.ts';

export interface BenchDexOptions {
  seed?: number;
  pools?: number;
  routes?: number;
  /** Routes confirmed in bigint: the screen's best. */
  confirm?: number;
  v3Swaps?: number;
  /** Screen passes over all routes (timing is over all of them). */
  passes?: number;
  onStep?: (message: string) => void;
}

export interface BenchDexResult {
  v2_routes_per_s: number;
  v3_swaps_per_s: number;
  bigint_confirmations_per_s: number;
  pools: number;
  routes: number;
  confirmed: number;
  /** Float screen routes/s over bigint sizing routes/s, same run. */
  fast_path_speedup: number;
  /** The screen's top 10 equals the bigint top 10 among the confirmed, and no random sample route beats them. */
  top_routes_match: boolean;
  top_routes_overlap: number;
}

const GAS_PRICE_WEI = 21n * 10n ** 9n;
const USDC_PER_ETH = 3000n * 10n ** 6n;

function seconds(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e9;
}

function buildRoutes(pools: PoolV2[], count: number, seed: number): Route[] {
  const rng = createRng(seed).fork('routes');
  const routes: Route[] = [];
  while (routes.length < count) {
    const i = rng.int(pools.length);
    const j = rng.int(pools.length);
    if (i === j) continue;
    const usdcFirst = rng.next() < 0.5;
    routes.push(
      createRoute([
        { pool: pools[i], zeroForOne: usdcFirst },
        { pool: pools[j], zeroForOne: !usdcFirst },
      ]),
    );
  }
  return routes;
}

/** Exact net profit of a route (best size, Aave fee, gas) in the borrowed token's base units. */
function confirm(route: Route): bigint {
  const provider = AAVE;
  const sized = optimalInput({ route, flashFeeOf: (x) => flashFee(provider, x), flashRate: flashRateOf(provider) });
  const gasWei =
    routeGasUsed({ profile: chainProfile('ethereum'), route, flashGasOverhead: provider.gasOverhead }) * GAS_PRICE_WEI;
  const gas = weiToToken(gasWei, route.token.symbol === 'USDC' ? USDC_PER_ETH : undefined);
  return sized ? sized.profit - gas : -gas;
}
const AAVE = aaveV3Provider({ liquidity: {} });

function topIndices(values: ArrayLike<number>, k: number): number[] {
  return Array.from({ length: values.length }, (_, i) => i)
    .sort((a, b) => values[b] - values[a])
    .slice(0, k);
}

/** Net profit in USDC units for ranking across borrowed tokens (WETH wei -> USDC base units). */
function inUsdc(route: Route, net: number): number {
  return route.token.symbol === 'USDC' ? net : (net * 3000e6) / 1e18;
}

export function benchDex(options: BenchDexOptions = {}): BenchDexResult {
  const {
    seed = 1,
    pools: poolCount = 10_000,
    routes: routeCount = 100_000,
    confirm: confirmCount = 1000,
    v3Swaps = 5000,
    passes = 20,
  } = options;
  const step = options.onStep ?? (() => {});
  const rng = createRng(seed).fork('pools');
  const pools = Array.from({ length: poolCount }, (_, i) =>
    randomPoolV2({ rng, address: `0x${i.toString(16).padStart(40, '0')}`, offset: (rng.next() - 0.5) * 0.03 }),
  );
  const routes = buildRoutes(pools, routeCount, seed);
  step(`built ${pools.length} pools and ${routes.length} routes`);

  const batch = allocateV2V2Batch(routes.length);
  const gasEth = Number(
    routeGasUsed({ profile: chainProfile('ethereum'), route: routes[0], flashGasOverhead: AAVE.gasOverhead }) *
      GAS_PRICE_WEI,
  );
  routes.forEach((route, i) => {
    const [h1, h2] = route.hops as [{ pool: PoolV2; zeroForOne: boolean }, { pool: PoolV2; zeroForOne: boolean }];
    batch.a1[i] = Number(h1.zeroForOne ? h1.pool.reserve0 : h1.pool.reserve1);
    batch.b1[i] = Number(h1.zeroForOne ? h1.pool.reserve1 : h1.pool.reserve0);
    batch.g1[i] = 1 - h1.pool.feeBps / 1e4;
    batch.a2[i] = Number(h2.zeroForOne ? h2.pool.reserve0 : h2.pool.reserve1);
    batch.b2[i] = Number(h2.zeroForOne ? h2.pool.reserve1 : h2.pool.reserve0);
    batch.g2[i] = 1 - h2.pool.feeBps / 1e4;
    batch.flashRate[i] = 1.0005;
    batch.gasCost[i] = route.token.symbol === 'USDC' ? (gasEth * 3000e6) / 1e18 : gasEth;
  });
  const screen = { size: new Float64Array(routes.length), net: new Float64Array(routes.length) };
  screenV2V2(batch, screen); // warm-up
  let start = process.hrtime.bigint();
  for (let p = 0; p < passes; p++) screenV2V2(batch, screen);
  const v2RoutesPerS = (routes.length * passes) / seconds(start);
  step(`float screen: ${Math.round(v2RoutesPerS)} routes/s`);

  const netUsdc = Array.from(screen.net, (n, i) => inUsdc(routes[i], n));
  const top = topIndices(netUsdc, confirmCount);
  start = process.hrtime.bigint();
  const exact = top.map((i) => confirm(routes[i]));
  const confirmationsPerS = top.length / seconds(start);
  step(`bigint confirmation: ${Math.round(confirmationsPerS)} routes/s`);

  // Ranking check: the screen's top 10 against the bigint top 10 of the confirmed set, and a random sample.
  const exactUsdc = exact.map((n, k) => inUsdc(routes[top[k]], Number(n)));
  const bigTop = new Set(topIndices(exactUsdc, 10).map((k) => top[k]));
  const floatTop = top.slice(0, 10);
  const overlap = floatTop.filter((i) => bigTop.has(i)).length;
  const tenth = Math.min(...[...bigTop].map((i) => exactUsdc[top.indexOf(i)]));
  const sampleRng = createRng(seed).fork('sample');
  let sampleBeats = false;
  for (let s = 0; s < 500; s++) {
    const i = sampleRng.int(routes.length);
    if (!top.includes(i) && inUsdc(routes[i], Number(confirm(routes[i]))) > tenth) sampleBeats = true;
  }

  const v3rng = createRng(seed).fork('v3');
  const v3Pools = Array.from({ length: 200 }, (_, i) => randomPoolV3({ rng: v3rng, address: `0xv3${i}` }));
  start = process.hrtime.bigint();
  for (let s = 0; s < v3Swaps; s++) {
    const pool = v3Pools[s % v3Pools.length];
    const zeroForOne = (s & 1) === 0;
    const exactIn = (s & 2) === 0;
    // Sizes up to 50,000 USDC or 15 WETH of whichever token is specified (input, or output for exact out).
    const usdcSide = zeroForOne === exactIn;
    const amount = usdcSide ? BigInt(1 + v3rng.int(50_000)) * 10n ** 6n : BigInt(1 + v3rng.int(15_000)) * 10n ** 15n;
    swapV3({ pool, zeroForOne, amountSpecified: exactIn ? amount : -amount });
  }
  const v3SwapsPerS = v3Swaps / seconds(start);
  step(`V3 swaps: ${Math.round(v3SwapsPerS)} swaps/s`);

  return {
    v2_routes_per_s: v2RoutesPerS,
    v3_swaps_per_s: v3SwapsPerS,
    bigint_confirmations_per_s: confirmationsPerS,
    pools: pools.length,
    routes: routes.length,
    confirmed: top.length,
    fast_path_speedup: v2RoutesPerS / confirmationsPerS,
    top_routes_match: overlap === 10 && !sampleBeats,
    top_routes_overlap: overlap,
  };
}
