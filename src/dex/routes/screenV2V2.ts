/**
 * float64 fast path for screening many V2-V2 routes at once: closed-form optimal size and net profit per route
 * over typed arrays, no allocation per route. Numbers here only rank routes; every route that decides or is
 * logged is re-quoted in bigint (evaluateRoute / optimalInput).
 *
 * Route i: hop 1 sells into reserves (a1[i] in, b1[i] out) with fee factor g1[i] = 1 - fee; hop 2 likewise.
 * Composed curve out(x) = g1*B*x/(A + g1*x), A = a1*a2/(a2 + g2*b1), B = g2*b1*b2/(a2 + g2*b1); repaying the loan
 * costs r*x; optimum x* = (sqrt(g1*A*B/r) - A)/g1 when g1*B > r*A, else no trade.
 */
import type { FlashRate } from './flashRate.ts';

export interface V2V2Batch {
  /** Number of routes in the arrays. */
  count: number;
  a1: Float64Array;
  b1: Float64Array;
  g1: Float64Array;
  a2: Float64Array;
  b2: Float64Array;
  g2: Float64Array;
  /** Flash repayment per unit borrowed (1.0005 for Aave 5 bps). */
  flashRate: Float64Array;
  /** Gas cost in base units of the borrowed token. */
  gasCost: Float64Array;
}

export interface V2V2Screen {
  size: Float64Array;
  net: Float64Array;
}

export function allocateV2V2Batch(count: number): V2V2Batch {
  const f = (): Float64Array => new Float64Array(count);
  return { count, a1: f(), b1: f(), g1: f(), a2: f(), b2: f(), g2: f(), flashRate: f(), gasCost: f() };
}

export function flashRateFloat(rate: FlashRate): number {
  return Number(rate.numerator) / Number(rate.denominator);
}

/** Fills `out.size` and `out.net` for every route of the batch. */
export function screenV2V2(batch: V2V2Batch, out: V2V2Screen): void {
  const { count, a1, b1, g1, a2, b2, g2, flashRate, gasCost } = batch;
  const { size, net } = out;
  for (let i = 0; i < count; i++) {
    const gb1 = g2[i] * b1[i];
    const d = a2[i] + gb1;
    const A = (a1[i] * a2[i]) / d;
    const B = (gb1 * b2[i]) / d;
    const g = g1[i];
    const r = flashRate[i];
    if (g * B <= r * A) {
      size[i] = 0;
      net[i] = -gasCost[i];
      continue;
    }
    const x = (Math.sqrt((g * A * B) / r) - A) / g;
    size[i] = x;
    net[i] = (g * B * x) / (A + g * x) - r * x - gasCost[i];
  }
}
