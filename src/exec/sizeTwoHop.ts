/**
 * float64 screen for a 2-hop route: each hop as a constant-product curve on its (virtual) reserves (a V3 pool's
 * active liquidity L gives x = L / sqrtP and y = L * sqrtP, exact while the swap stays inside the current tick
 * range), composed into one curve, and the closed-form size that maximises out(x) - rate * x. Only ranks and sizes;
 * every amount that decides or is logged is re-quoted in bigint (confirmRoute).
 */
import type { Pool } from '../dex/pool.ts';
import type { Route } from '../dex/routes/route.ts';

const Q96 = 2 ** 96;

export interface HopReserves {
  reserveIn: number;
  reserveOut: number;
  /** 1 - fee. */
  gamma: number;
}

/** A hop's reserves in raw base units as a float constant-product curve. */
export function hopReserves(pool: Pool, zeroForOne: boolean): HopReserves {
  if (pool.kind === 'v2') {
    const r0 = Number(pool.reserve0);
    const r1 = Number(pool.reserve1);
    return { reserveIn: zeroForOne ? r0 : r1, reserveOut: zeroForOne ? r1 : r0, gamma: 1 - pool.feeBps / 1e4 };
  }
  const s = Number(pool.sqrtPriceX96) / Q96;
  const l = Number(pool.liquidity);
  const x0 = l / s;
  const x1 = l * s;
  return { reserveIn: zeroForOne ? x0 : x1, reserveOut: zeroForOne ? x1 : x0, gamma: 1 - pool.feePips / 1e6 };
}

export interface TwoHopSize {
  /** Optimal input (raw units of the borrowed token), 0 when no size pays the fees. */
  amountIn: number;
  /** out(amountIn) - rate * amountIn, before gas. */
  profit: number;
}

/**
 * Closed-form optimum of a 2-hop route whose loan costs `rate` per unit (1 for no fee, 1.0005 for 5 bps),
 * capped at `maxIn`.
 */
export function sizeTwoHop(route: Route, rate: number, maxIn: number): TwoHopSize {
  const [h1, h2] = route.hops;
  const r1 = hopReserves(h1!.pool, h1!.zeroForOne);
  const r2 = hopReserves(h2!.pool, h2!.zeroForOne);
  const gb1 = r2.gamma * r1.reserveOut;
  const d = r2.reserveIn + gb1;
  const a = (r1.reserveIn * r2.reserveIn) / d;
  const b = (gb1 * r2.reserveOut) / d;
  const g = r1.gamma;
  if (g * b <= rate * a) return { amountIn: 0, profit: 0 };
  const x = Math.min(maxIn, (Math.sqrt((g * a * b) / rate) - a) / g);
  if (!(x > 0)) return { amountIn: 0, profit: 0 };
  return { amountIn: x, profit: (g * b * x) / (a + g * x) - rate * x };
}
