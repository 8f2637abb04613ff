/**
 * float64 model of a closed route for the scan's screen: each hop's float state (V2 reserves and fee, or a
 * FloatPoolV3), the route's output and marginal rate at an input, and the input where the marginal rate falls to
 * the flash repayment rate (the optimum of output - rate * input, the curve being concave). Ranks and sizes only;
 * survivors are priced in bigint.
 */
import type { Pool } from '../pool.ts';
import { floatPoolV3, quoteV3Float, type FloatPoolV3, type FloatQuote } from '../v3/floatPoolV3.ts';

export type FloatPool =
  | { readonly kind: 'v2'; readonly r0: number; readonly r1: number; readonly gamma: number }
  | ({ readonly kind: 'v3' } & FloatPoolV3);

export function floatPool(pool: Pool): FloatPool {
  if (pool.kind === 'v2')
    return { kind: 'v2', r0: Number(pool.reserve0), r1: Number(pool.reserve1), gamma: 1 - pool.feeBps / 1e4 };
  return { kind: 'v3', ...floatPoolV3(pool) };
}

/** Marginal rate of a hop at size 0 (spot price after the fee, output units per input unit). */
export function spotRate(p: FloatPool, zeroForOne: boolean): number {
  if (p.kind === 'v2') return p.gamma * (zeroForOne ? p.r1 / p.r0 : p.r0 / p.r1);
  const s2 = p.sqrtPrice * p.sqrtPrice;
  return p.gamma * (zeroForOne ? s2 : 1 / s2);
}

export interface FloatHop {
  pool: FloatPool;
  zeroForOne: boolean;
}

const scratch: FloatQuote = { out: 0, marginal: 0 };

/** Float V3 hop quotes made so far (the benchmark reads it). */
export const floatQuoteCount = { v3: 0 };

/** Output of the route for `amountIn` and its marginal rate there (NaN output when a hop cannot take it). */
export function floatRouteQuote(hops: readonly FloatHop[], amountIn: number, out: FloatQuote): void {
  let amount = amountIn;
  let marginal = 1;
  for (const { pool: p, zeroForOne } of hops) {
    if (p.kind === 'v2') {
      const a = zeroForOne ? p.r0 : p.r1;
      const b = zeroForOne ? p.r1 : p.r0;
      const d = a + p.gamma * amount;
      marginal *= (p.gamma * a * b) / (d * d);
      amount = (p.gamma * amount * b) / d;
    } else {
      quoteV3Float(p, zeroForOne, amount, scratch);
      floatQuoteCount.v3++;
      marginal *= scratch.marginal;
      amount = scratch.out;
    }
    if (!(amount > 0)) break;
  }
  out.out = amount > 0 ? amount : NaN;
  out.marginal = amount > 0 ? marginal : 0;
}

export interface FloatSize {
  amountIn: number;
  /** output - rate * input (before gas), base units of the borrowed token. */
  profit: number;
}

/**
 * The size where marginal(x) = rate, on t = log size between 1 base unit and `maxIn`: bisection while the bracket
 * is wider than 1 (an unquotable size counts as too big), then the Illinois variant of regula falsi on
 * g(t) = log(marginal / rate), which falls with t (the curve is concave), to 1e-7. Returns undefined when even the
 * first unit does not beat the rate.
 */
export function floatOptimalSize(hops: readonly FloatHop[], rate: number, maxIn: number): FloatSize | undefined {
  const q: FloatQuote = { out: 0, marginal: 0 };
  const g = (t: number): number => {
    floatRouteQuote(hops, Math.exp(t), q);
    return q.out > 0 ? Math.log(q.marginal / rate) : NaN;
  };
  let lo = 0;
  let glo = g(lo);
  if (!(glo > 0)) return undefined;
  let hi = Math.log(maxIn);
  let ghi = NaN;
  let side = 0;
  for (let k = 0; k < 80 && hi - lo > 1e-7; k++) {
    const secant = hi - lo < 1 && Number.isFinite(ghi);
    const t = secant ? (lo * ghi - hi * glo) / (ghi - glo) : (lo + hi) / 2;
    const gt = g(t);
    if (gt > 0) {
      lo = t;
      glo = gt;
      if (side === 1 && secant) ghi /= 2;
      side = 1;
    } else {
      hi = t;
      ghi = gt;
      if (side === -1 && secant) glo /= 2;
      side = -1;
    }
  }
  const x = Math.exp(lo);
  floatRouteQuote(hops, x, q);
  return { amountIn: x, profit: q.out - rate * x };
}

/**
 * An upper bound of max over x of (output(x) - rate * x): each hop as a constant-product curve with its virtual
 * reserves, a V3 hop with its largest liquidity at any price (more liquidity never pays less), composed exactly:
 * out = K x / (A + C x) after hop (a, b, g): K' = g b K, A' = a A, C' = a C + g K. Its maximum is at
 * x = (sqrt(K A / rate) - A) / C. The float screen skips sizing a cycle whose bound does not cover its gas.
 */
export function floatProfitBound(hops: readonly FloatHop[], rate: number): number {
  let K = 1;
  let A = 1;
  let C = 0;
  for (const { pool: p, zeroForOne } of hops) {
    let a: number;
    let b: number;
    if (p.kind === 'v2') [a, b] = zeroForOne ? [p.r0, p.r1] : [p.r1, p.r0];
    else
      [a, b] = zeroForOne
        ? [p.maxLiquidity / p.sqrtPrice, p.maxLiquidity * p.sqrtPrice]
        : [p.maxLiquidity * p.sqrtPrice, p.maxLiquidity / p.sqrtPrice];
    C = a * C + p.gamma * K;
    K = p.gamma * b * K;
    A = a * A;
  }
  if (!(K > rate * A)) return 0;
  const x = (Math.sqrt((K * A) / rate) - A) / C;
  return (K * x) / (A + C * x) - rate * x;
}
