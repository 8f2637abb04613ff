/**
 * float64 view of a V3 pool for the hot path: sqrt prices as plain numbers (sqrtPriceX96 / 2^96) and the
 * initialised ticks' sqrt prices and liquidityNet as typed arrays, built once per pool state. `quoteV3Float` walks
 * the ticks with the within-tick closed form of the core pool's math: selling dx of token0 (after the fee) moves
 * sqrt price s to L*s / (L + dx*s) and pays L*(s - s') of token1; selling dy of token1 moves s to s + dy/L and pays
 * L*(1/s - 1/s'). Results rank and size routes only; money is decided by swapV3 (the exact reference). Bitmap
 * word edges are not stepped at: they only change the exact result's rounding.
 */
import type { PoolV3 } from './poolV3.ts';

export interface FloatPoolV3 {
  /** 1 - fee. */
  readonly gamma: number;
  readonly sqrtPrice: number;
  readonly liquidity: number;
  /** Index of the first initialised tick above the current tick (ticks at or below it are to the left). */
  readonly above: number;
  readonly tickSqrt: Float64Array;
  /** Active liquidity after crossing tick i in the swap's direction (down for i < above, up otherwise), summed in
   * bigint so a range without liquidity is exactly 0. */
  readonly crossLiquidity: Float64Array;
  /** The largest active liquidity at any price: with it the pool pays at least as much for any input (a bound). */
  readonly maxLiquidity: number;
}

export interface FloatQuote {
  /** Output, base units (NaN when the pool cannot take the input: no liquidity left on the way). */
  out: number;
  /** d out / d in at the end of the swap (marginal rate after the fee). */
  marginal: number;
}

export function floatPoolV3(pool: PoolV3): FloatPoolV3 {
  const n = pool.ticks.length;
  const tickSqrt = new Float64Array(n);
  const crossLiquidity = new Float64Array(n);
  let above = n;
  for (let i = 0; i < n; i++) {
    tickSqrt[i] = Math.pow(1.0001, pool.ticks[i].index / 2);
    if (above === n && pool.ticks[i].index > pool.tick) above = i;
  }
  let down = pool.liquidity;
  for (let i = above - 1; i >= 0; i--) crossLiquidity[i] = Number((down -= pool.ticks[i].liquidityNet));
  let up = pool.liquidity;
  for (let i = above; i < n; i++) crossLiquidity[i] = Number((up += pool.ticks[i].liquidityNet));
  const maxLiquidity = Math.max(Number(pool.liquidity), ...crossLiquidity);
  return {
    gamma: 1 - pool.feePips / 1e6,
    sqrtPrice: Number(pool.sqrtPriceX96) / 2 ** 96,
    liquidity: Number(pool.liquidity),
    above,
    tickSqrt,
    crossLiquidity,
    maxLiquidity,
  };
}

/** Exact-input quote of `amountIn` base units; `out` receives the output and the marginal rate. */
export function quoteV3Float(p: FloatPoolV3, zeroForOne: boolean, amountIn: number, out: FloatQuote): void {
  let remaining = amountIn * p.gamma;
  let s = p.sqrtPrice;
  let L = p.liquidity;
  let got = 0;
  if (zeroForOne) {
    for (let i = p.above - 1; ; i--) {
      const target = i >= 0 ? p.tickSqrt[i] : 0;
      if (L > 0) {
        const need = L / target - L / s;
        if (i < 0 || remaining <= need) {
          // L*(s - s') without the cancellation of two close numbers.
          const next = (L * s) / (L + remaining * s);
          got += (L * remaining * s * s) / (L + remaining * s);
          out.out = got;
          out.marginal = p.gamma * next * next;
          return;
        }
        got += L * (s - target);
        remaining -= need;
      } else if (i < 0) break;
      s = target;
      L = p.crossLiquidity[i];
    }
  } else {
    const n = p.tickSqrt.length;
    for (let i = p.above; ; i++) {
      const target = i < n ? p.tickSqrt[i] : Infinity;
      if (L > 0) {
        const need = L * (target - s);
        if (i >= n || remaining <= need) {
          const next = s + remaining / L;
          got += remaining / (s * next);
          out.out = got;
          out.marginal = p.gamma / (next * next);
          return;
        }
        got += (L * (target - s)) / (s * target);
        remaining -= need;
      } else if (i >= n) break;
      s = target;
      L = p.crossLiquidity[i];
    }
  }
  out.out = NaN;
  out.marginal = 0;
}
