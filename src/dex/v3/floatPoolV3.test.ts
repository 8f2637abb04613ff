import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/random.ts';
import { swapExactIn } from '../routes/quoteRoute.ts';
import { randomPoolV3 } from '../testing/randomPools.ts';
import { floatPoolV3, quoteV3Float, type FloatQuote } from './floatPoolV3.ts';

describe('quoteV3Float against swapV3 (exact reference)', () => {
  it('agrees within 1e-9 relative (+ the fee floor) on random multi-tick pools, sizes and directions, crossing ticks', () => {
    const rng = createRng(11);
    const q: FloatQuote = { out: 0, marginal: 0 };
    let crossed = 0;
    let unquotable = 0;
    for (let k = 0; k < 400; k++) {
      const pool = randomPoolV3({ rng, address: `0xp${k}`, offset: (rng.next() - 0.5) * 0.02 });
      const f = floatPoolV3(pool);
      const zeroForOne = rng.next() < 0.5;
      // 10 USDC .. 10M USDC, or 0.003 .. 3000 WETH, log-uniform.
      const amount = zeroForOne
        ? BigInt(Math.round(10 ** (7 + rng.next() * 6)))
        : BigInt(Math.round(10 ** (15.5 + rng.next() * 6)));
      quoteV3Float(f, zeroForOne, Number(amount), q);
      let exact: bigint | undefined;
      try {
        const r = swapExactIn(pool, zeroForOne, amount);
        exact = r.amountOut;
        if (r.pool.kind === 'v3' && r.pool.liquidity !== pool.liquidity) crossed++;
      } catch {
        exact = undefined;
      }
      if (exact === undefined) {
        unquotable++;
        expect(q.out).toBeNaN();
        continue;
      }
      // Float error, plus the output of 2 base units of input: the exact swap floors the input net of the fee.
      const rate = Number(exact) / Number(amount);
      expect(Math.abs(q.out - Number(exact))).toBeLessThan(1e-9 * Number(exact) + 2 * rate + 2);
    }
    // The sample exercises tick crossings and pools running dry.
    expect(crossed).toBeGreaterThan(8);
    expect(unquotable).toBeGreaterThan(5);
  });

  it('gives the marginal rate as the derivative of the output', () => {
    const rng = createRng(5);
    const q: FloatQuote = { out: 0, marginal: 0 };
    for (let k = 0; k < 50; k++) {
      const f = floatPoolV3(randomPoolV3({ rng, address: `0xm${k}` }));
      const x = 1e9 * (1 + rng.next() * 100);
      quoteV3Float(f, true, x, q);
      const [out, marginal] = [q.out, q.marginal];
      quoteV3Float(f, true, x * (1 + 1e-6), q);
      expect((q.out - out) / (x * 1e-6) / marginal).toBeCloseTo(1, 4);
    }
  });
});
