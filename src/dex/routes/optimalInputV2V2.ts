/**
 * Closed-form profit-maximising input for a two-hop V2-V2 route (borrow A, A->B on pool 1, B->A on pool 2).
 *
 * Each hop is out = g*b*x / (a + g*x) with g = (1e4 - fee)/1e4. Composed, the route is again such a curve:
 * out(x) = g1*B*x / (A + g1*x) with A = a1*a2 / (a2 + g2*b1) and B = g2*b1*b2 / (a2 + g2*b1). Repaying the loan
 * costs x*r (r = flash rate). Setting d/dx [out(x) - r*x] = 0 gives (A + g1*x)^2 = g1*A*B/r, so
 *   x* = (sqrt(g1*A*B/r) - A) / g1 = 1e4 * (sqrt(n1*n2*a1*a2*b1*b2 / r) - 1e4*a1*a2) / (n1 * (1e4*a2 + n2*b1)),
 * with n = 1e4 - feeBps, all in bigint (integer square root). Returns 0n when the route cannot be profitable.
 */
import { InvalidInputError } from '../../core/errors.ts';
import { sqrtBigint } from '../v3/encodeSqrtPriceX96.ts';
import type { PoolV2 } from '../v2/poolV2.ts';
import { NO_FLASH_FEE, type FlashRate } from './flashRate.ts';
import type { Route } from './route.ts';

const BPS = 10_000n;

function side(pool: PoolV2, zeroForOne: boolean): { a: bigint; b: bigint; n: bigint } {
  return {
    a: zeroForOne ? pool.reserve0 : pool.reserve1,
    b: zeroForOne ? pool.reserve1 : pool.reserve0,
    n: BPS - BigInt(pool.feeBps),
  };
}

export interface OptimalInputV2V2Options {
  route: Route;
  flashRate?: FlashRate;
}

export function optimalInputV2V2({ route, flashRate = NO_FLASH_FEE }: OptimalInputV2V2Options): bigint {
  const [h1, h2] = route.hops;
  if (route.hops.length !== 2 || h1.pool.kind !== 'v2' || h2.pool.kind !== 'v2') {
    throw new InvalidInputError('optimalInputV2V2 needs a two-hop route of V2 pools');
  }
  const p1 = side(h1.pool, h1.zeroForOne);
  const p2 = side(h2.pool, h2.zeroForOne);
  const a1a2 = p1.a * p2.a;
  const radicand = (p1.n * p2.n * a1a2 * p1.b * p2.b * flashRate.denominator) / flashRate.numerator;
  const root = sqrtBigint(radicand);
  const numerator = root - BPS * a1a2;
  if (numerator <= 0n) return 0n;
  return (BPS * numerator) / (p1.n * (BPS * p2.a + p2.n * p1.b));
}
