/**
 * The input size that maximises a route's profit net of the flash-loan fee, in exact bigint:
 * profit(x) = routeOutput(x) - x - flashFee(x). Gas does not depend on the size, so it does not move the optimum.
 *
 * V2-V2 routes start from the closed form (optimalInputV2V2) and refine it on the integer profit curve; V3 and
 * mixed routes bracket the maximum by doubling from a small size, then golden-section search on the integers of
 * the bracket (the profit curve is concave: each hop's output is concave in its input), then scan the last few
 * integers. A size the route cannot take (a V3 price limit, a V2 reserve overflow) counts as minus infinity.
 */
import { NO_FLASH_FEE, type FlashRate } from './flashRate.ts';
import { optimalInputV2V2 } from './optimalInputV2V2.ts';
import { routeOutput } from './quoteRoute.ts';
import type { Route } from './route.ts';

export interface SizedRoute {
  amountIn: bigint;
  amountOut: bigint;
  flashFee: bigint;
  /** amountOut - amountIn - flashFee. */
  profit: bigint;
}

export interface OptimalInputOptions {
  route: Route;
  /** Exact fee the lender charges for a loan of `amount` (default none). */
  flashFeeOf?: (amount: bigint) => bigint;
  /** The same fee as a rate, for the V2-V2 closed form. */
  flashRate?: FlashRate;
  /** Largest size allowed (the lender's liquidity). */
  maxIn?: bigint;
  /** A first guess (e.g. from the float screen). */
  startIn?: bigint;
  /** A bracket known to hold the optimum (e.g. around the float screen's size): no bracketing search. */
  bracket?: readonly [bigint, bigint];
  /** Stop the golden-section search at this bracket width instead of single units (then lo, mid, hi are tried). */
  tolerance?: bigint;
}

type Evaluate = (x: bigint) => SizedRoute | undefined;

function evaluator(route: Route, flashFeeOf: (amount: bigint) => bigint, maxIn: bigint | undefined): Evaluate {
  const cache = new Map<bigint, SizedRoute | undefined>();
  return (x) => {
    if (x <= 0n || (maxIn !== undefined && x > maxIn)) return undefined;
    if (cache.has(x)) return cache.get(x);
    const out = routeOutput(route, x);
    const fee = flashFeeOf(x);
    const sized = out === undefined ? undefined : { amountIn: x, amountOut: out, flashFee: fee, profit: out - x - fee };
    cache.set(x, sized);
    return sized;
  };
}

function better(a: SizedRoute | undefined, b: SizedRoute | undefined): SizedRoute | undefined {
  if (!a) return b;
  if (!b) return a;
  return b.profit > a.profit || (b.profit === a.profit && b.amountIn < a.amountIn) ? b : a;
}

/** Golden-section search for the best integer in [lo, hi] of a unimodal profit, then a scan of the last few. */
export function goldenSearch(f: Evaluate, lo: bigint, hi: bigint, tolerance = 16n): SizedRoute | undefined {
  const score = (x: bigint): bigint | undefined => f(x)?.profit;
  const width = tolerance > 16n ? tolerance : 16n;
  while (hi - lo > width) {
    const step = ((hi - lo) * 382n) / 1000n;
    const m1 = lo + step;
    const m2 = hi - step;
    const p1 = score(m1);
    const p2 = score(m2);
    // An unquotable size is "too big": the maximum lies below it.
    if (p2 === undefined || (p1 !== undefined && p1 >= p2)) hi = m2;
    else lo = m1;
  }
  let best: SizedRoute | undefined;
  if (hi - lo > 16n) return better(better(f(lo), f((lo + hi) / 2n)), f(hi));
  for (let x = lo; x <= hi; x++) best = better(best, f(x));
  return best;
}

/** The least input a V2 hop needs to pay out at least `amountOut`: ceil(out*a*1e4 / (n*(b-out))). */
function minInputV2(a: bigint, b: bigint, feeBps: number, amountOut: bigint): bigint | undefined {
  if (amountOut >= b) return undefined;
  const num = amountOut * a * 10_000n;
  const den = BigInt(10_000 - feeBps) * (b - amountOut);
  return (num + den - 1n) / den;
}

/**
 * For an all-V2 route, the least input that still produces `amountOut` (walking the hops backwards). A size
 * is never better than its snapped size: same output, less input and fee.
 */
export function snapDownV2(route: Route, amountOut: bigint): bigint | undefined {
  let need: bigint | undefined = amountOut;
  for (let i = route.hops.length - 1; i >= 0 && need !== undefined; i--) {
    const { pool, zeroForOne } = route.hops[i];
    if (pool.kind !== 'v2') return undefined;
    need = zeroForOne
      ? minInputV2(pool.reserve0, pool.reserve1, pool.feeBps, need)
      : minInputV2(pool.reserve1, pool.reserve0, pool.feeBps, need);
  }
  return need;
}

function snapped(route: Route, f: Evaluate, sized: SizedRoute | undefined): SizedRoute | undefined {
  if (!sized) return sized;
  const x = snapDownV2(route, sized.amountOut);
  return x === undefined || x >= sized.amountIn ? sized : better(sized, f(x));
}

function initialSize(route: Route): bigint {
  const hop = route.hops[0];
  const pool = hop.pool;
  if (pool.kind === 'v2') return (hop.zeroForOne ? pool.reserve0 : pool.reserve1) / 1_000_000n + 1n;
  // V3 virtual reserve of the input token: L / sqrtP for token0, L * sqrtP for token1 (Q96); when the price sits
  // in a gap, the largest liquidity step nearby stands in for L.
  let liquidity = pool.liquidity;
  for (const t of pool.ticks)
    if ((t.liquidityNet < 0n ? -t.liquidityNet : t.liquidityNet) > liquidity)
      liquidity = t.liquidityNet < 0n ? -t.liquidityNet : t.liquidityNet;
  const virtualIn = hop.zeroForOne ? (liquidity << 96n) / pool.sqrtPriceX96 : (liquidity * pool.sqrtPriceX96) >> 96n;
  return virtualIn / 1_000_000n + 1n;
}

/** A quotable size near `start`: itself, else the first of doublings (too small) or halvings (too big). */
function quotableStart(f: Evaluate, start: bigint): bigint | undefined {
  if (f(start)) return start;
  for (let i = 1n; i <= 64n; i++) {
    if (f(start << i)) return start << i;
    if (start >> i > 0n && f(start >> i)) return start >> i;
  }
  return undefined;
}

function bracket(f: Evaluate, begin: bigint, maxIn: bigint | undefined): [bigint, bigint] {
  const start = quotableStart(f, begin);
  if (start === undefined) return [1n, 0n];
  let x = start;
  let px = f(x)!.profit;
  for (let i = 0; i < 256; i++) {
    const next = maxIn !== undefined && x * 2n > maxIn ? maxIn : x * 2n;
    if (next === x) return [x / 2n, x];
    const pn = f(next)?.profit;
    // Unimodal: once the profit stops rising the maximum lies between the size before x and next.
    if (pn === undefined || pn <= px) return [i === 0 ? 1n : x / 2n, next];
    x = next;
    px = pn;
  }
  return [x / 2n, x];
}

/** Best size found; undefined when no size is quotable, or (V2-V2) when no size can beat the fees. */
export function optimalInput({
  route,
  flashFeeOf = () => 0n,
  flashRate = NO_FLASH_FEE,
  maxIn,
  startIn,
  bracket: given,
  tolerance,
}: OptimalInputOptions): SizedRoute | undefined {
  const f = evaluator(route, flashFeeOf, maxIn);
  if (given) {
    const hi = maxIn !== undefined && given[1] > maxIn ? maxIn : given[1];
    return snapped(route, f, goldenSearch(f, given[0] > 0n ? given[0] : 1n, hi, tolerance));
  }
  const isV2V2 = route.hops.length === 2 && route.hops.every((h) => h.pool.kind === 'v2');
  if (isV2V2) {
    let x0 = optimalInputV2V2({ route, flashRate });
    if (maxIn !== undefined && x0 > maxIn) x0 = maxIn;
    // No size beats the fees (the closed form is exact on the continuous curve).
    if (x0 <= 0n) return undefined;
    // Integer refinement: the floors of each hop make the curve flat within a few wei near x0.
    const window = x0 / 100_000n + 64n;
    const lo = x0 > window ? x0 - window : 1n;
    const found = better(f(x0), goldenSearch(f, lo, maxIn !== undefined && x0 + window > maxIn ? maxIn : x0 + window));
    return snapped(route, f, found);
  }
  const start = startIn ?? initialSize(route);
  const [lo, hi] = bracket(f, start > 0n ? start : 1n, maxIn);
  return snapped(route, f, goldenSearch(f, lo, hi));
}
