import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/random.ts';
import { aaveV3Provider, flashFee, uniswapV2FlashProvider } from '../flash/flashProvider.ts';
import { randomPoolV2, USDC } from '../testing/randomPools.ts';
import { zeroForOneSelling } from '../pool.ts';
import { flashRateOf } from './flashRate.ts';
import { optimalInput } from './optimalInput.ts';
import { optimalInputV2V2 } from './optimalInputV2V2.ts';
import { routeOutput } from './quoteRoute.ts';
import { createRoute } from './route.ts';

describe('optimalInputV2V2', () => {
  it('closed-form size beats the best of a 200-point grid on 300 random pool pairs (net of the flash fee)', () => {
    const rng = createRng(2024);
    let profitable = 0;
    let worst = 0n;
    for (let i = 0; i < 300; i++) {
      const p1 = randomPoolV2({ rng, address: `0xa${i}`, offset: (rng.next() - 0.5) * 0.06 });
      const p2 = randomPoolV2({ rng, address: `0xb${i}`, offset: (rng.next() - 0.5) * 0.06 });
      const borrow = rng.next() < 0.5 ? USDC : p1.token1;
      const route = createRoute([
        { pool: p1, zeroForOne: zeroForOneSelling(p1, borrow) },
        { pool: p2, zeroForOne: !zeroForOneSelling(p1, borrow) },
      ]);
      const provider = rng.next() < 0.5 ? aaveV3Provider({ liquidity: {} }) : uniswapV2FlashProvider({ liquidity: {} });
      const profit = (x: bigint): bigint => {
        const out = routeOutput(route, x);
        return out === undefined ? -(1n << 255n) : out - x - flashFee(provider, x);
      };
      const best = optimalInput({ route, flashFeeOf: (x) => flashFee(provider, x), flashRate: flashRateOf(provider) });
      const reserveIn = route.hops[0].zeroForOne ? p1.reserve0 : p1.reserve1;
      let gridBest = -(1n << 255n);
      for (let k = 1n; k <= 200n; k++) {
        const p = profit((reserveIn * k) / 2000n);
        if (p > gridBest) gridBest = p;
      }
      if (!best) {
        expect(gridBest).toBeLessThanOrEqual(0n);
        continue;
      }
      expect(best.profit).toBe(profit(best.amountIn));
      expect(best.profit).toBeGreaterThanOrEqual(gridBest);
      if (best.profit > 0n) {
        profitable++;
        const x0 = optimalInputV2V2({ route, flashRate: flashRateOf(provider) });
        // Near the optimum the integer curve is flat up to the hops' floor/ceil noise: the refined size is never
        // more than 2 base units below any neighbour of the closed form, and never below the closed form itself.
        expect(best.profit).toBeGreaterThanOrEqual(profit(x0));
        for (const x of [x0 - 1n, x0 + 1n, x0 - 10_000n, x0 + 10_000n, (x0 * 999n) / 1000n, (x0 * 1001n) / 1000n]) {
          const shortfall = profit(x) - best.profit;
          if (shortfall > worst) worst = shortfall;
        }
      }
    }
    expect(profitable).toBeGreaterThan(100);
    expect(worst).toBeLessThanOrEqual(2n);
  });

  it('returns 0 when the two pools agree (no edge beats the fees)', () => {
    const rng = createRng(5);
    const p1 = randomPoolV2({ rng, address: '0x1' });
    const p2 = randomPoolV2({ rng, address: '0x2' });
    const route = createRoute([
      { pool: p1, zeroForOne: true },
      { pool: p2, zeroForOne: false },
    ]);
    expect(optimalInputV2V2({ route })).toBe(0n);
  });

  it('matches a hand-computed optimum', () => {
    // Pool 1: 1,000,000 USDC / 500 WETH (2000); pool 2: 1,100,000 USDC / 500 WETH (2200); fees 30 bps, no flash fee.
    const rng = createRng(1);
    const base = randomPoolV2({ rng, address: '0x1' });
    const p1 = { ...base, reserve0: 1_000_000n * 10n ** 6n, reserve1: 500n * 10n ** 18n, feeBps: 30 };
    const p2 = { ...base, address: '0x2', reserve0: 1_100_000n * 10n ** 6n, reserve1: 500n * 10n ** 18n, feeBps: 30 };
    const route = createRoute([
      { pool: p1, zeroForOne: true },
      { pool: p2, zeroForOne: false },
    ]);
    // x* = (sqrt(g1 A B) - A) / g1 with A = a1 a2/(a2 + g2 b1), B = g2 b1 b2/(a2 + g2 b1), in floats:
    const [a1, b1, a2, b2, g] = [1e12, 500e18, 500e18, 1.1e12, 0.997];
    const A = (a1 * a2) / (a2 + g * b1);
    const B = (g * b1 * b2) / (a2 + g * b1);
    const expected = (Math.sqrt(g * A * B) - A) / g;
    const x = optimalInputV2V2({ route });
    expect(Number(x) / expected).toBeCloseTo(1, 9);
  });
});
