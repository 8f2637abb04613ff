import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../core/errors.ts';
import { createRng } from '../../core/random.ts';
import { getAmountInV2 } from './getAmountInV2.ts';
import { getAmountOutV2 } from './getAmountOutV2.ts';

describe('getAmountOutV2', () => {
  it('matches the Uniswap V2 periphery vectors', () => {
    expect(getAmountOutV2({ amountIn: 2n, reserveIn: 100n, reserveOut: 100n, feeBps: 30 })).toBe(1n);
    expect(getAmountInV2({ amountOut: 1n, reserveIn: 100n, reserveOut: 100n, feeBps: 30 })).toBe(2n);
  });

  it('gives known outputs for 1 token into a 100/100 pool and for a 25 bps fork', () => {
    const e18 = 10n ** 18n;
    expect(getAmountOutV2({ amountIn: e18, reserveIn: 100n * e18, reserveOut: 100n * e18, feeBps: 30 })).toBe(
      987158034397061298n,
    );
    expect(getAmountInV2({ amountOut: e18, reserveIn: 100n * e18, reserveOut: 100n * e18, feeBps: 30 })).toBe(
      1013140431395195689n,
    );
    // 5 USDC into a 2,000,000 USDC / 1000 WETH pool with PancakeSwap-style 25 bps.
    expect(
      getAmountOutV2({ amountIn: 5_000_000n, reserveIn: 2_000_000n * 10n ** 6n, reserveOut: 1000n * e18, feeBps: 25 }),
    ).toBe(2493743781226445n);
  });

  it('equals the 997/1000 formula exactly for feeBps = 30 on random inputs', () => {
    const rng = createRng(7);
    for (let i = 0; i < 2000; i++) {
      const reserveIn = BigInt(Math.floor(rng.next() * 1e15)) * 10n ** BigInt(rng.int(12)) + 1n;
      const reserveOut = BigInt(Math.floor(rng.next() * 1e15)) * 10n ** BigInt(rng.int(12)) + 1n;
      const amountIn = BigInt(Math.floor(rng.next() * 1e12)) * 10n ** BigInt(rng.int(10)) + 1n;
      const expected = (amountIn * 997n * reserveOut) / (reserveIn * 1000n + amountIn * 997n);
      expect(getAmountOutV2({ amountIn, reserveIn, reserveOut, feeBps: 30 })).toBe(expected);
    }
  });

  it('getAmountIn is the least input that yields the output', () => {
    const rng = createRng(11);
    for (let i = 0; i < 1000; i++) {
      const reserveIn = BigInt(1 + rng.int(1e9)) * 10n ** 9n;
      const reserveOut = BigInt(1 + rng.int(1e9)) * 10n ** 6n;
      const amountOut = 1n + (reserveOut * BigInt(rng.int(1000))) / 1001n;
      const feeBps = [0, 5, 30, 100][rng.int(4)];
      const amountIn = getAmountInV2({ amountOut, reserveIn, reserveOut, feeBps });
      expect(getAmountOutV2({ amountIn, reserveIn, reserveOut, feeBps })).toBeGreaterThanOrEqual(amountOut);
      // The library's unconditional +1 means amountIn - 2 never suffices.
      if (amountIn > 2n)
        expect(getAmountOutV2({ amountIn: amountIn - 2n, reserveIn, reserveOut, feeBps })).toBeLessThan(amountOut);
    }
  });

  it('rejects zero amounts, zero reserves and bad fees like the library reverts', () => {
    expect(() => getAmountOutV2({ amountIn: 0n, reserveIn: 1n, reserveOut: 1n, feeBps: 30 })).toThrow(
      /INSUFFICIENT_INPUT_AMOUNT/,
    );
    expect(() => getAmountOutV2({ amountIn: 1n, reserveIn: 0n, reserveOut: 1n, feeBps: 30 })).toThrow(
      InvalidInputError,
    );
    expect(() => getAmountOutV2({ amountIn: 1n, reserveIn: 1n, reserveOut: 0n, feeBps: 30 })).toThrow(
      /INSUFFICIENT_LIQUIDITY/,
    );
    expect(() => getAmountOutV2({ amountIn: 1n, reserveIn: 1n, reserveOut: 1n, feeBps: 10_000 })).toThrow(/feeBps/);
    expect(() => getAmountOutV2({ amountIn: 1n, reserveIn: 1n, reserveOut: 1n, feeBps: 2.5 })).toThrow(/feeBps/);
    expect(() => getAmountInV2({ amountOut: 0n, reserveIn: 1n, reserveOut: 1n, feeBps: 30 })).toThrow(
      /INSUFFICIENT_OUTPUT_AMOUNT/,
    );
    expect(() => getAmountInV2({ amountOut: 5n, reserveIn: 10n, reserveOut: 5n, feeBps: 30 })).toThrow(
      /INSUFFICIENT_LIQUIDITY/,
    );
  });
});
