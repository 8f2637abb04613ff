import { describe, expect, it } from 'vitest';
import { createPoolV2 } from './poolV2.ts';
import { swapV2 } from './swapV2.ts';

const WETH = { address: '0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2', symbol: 'WETH', decimals: 18 };
const USDC = { address: '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48', symbol: 'USDC', decimals: 6 };

const pool = createPoolV2({
  chain: 'ethereum',
  dex: 'uniswap-v2',
  address: '0xpool',
  token0: USDC,
  token1: WETH,
  reserve0: 2_000_000n * 10n ** 6n,
  reserve1: 1000n * 10n ** 18n,
  feeBps: 30,
});

describe('swapV2', () => {
  it('returns the output and the next reserves without changing the input pool', () => {
    const { amountOut, pool: next } = swapV2({ pool, zeroForOne: true, amountIn: 2000n * 10n ** 6n });
    // 2000 USDC * 997 * 1000e18 / (2e12*1000 + 2e9*997)
    expect(amountOut).toBe(996006981039903216n);
    expect(next.reserve0).toBe(2_002_000n * 10n ** 6n);
    expect(next.reserve1).toBe(1000n * 10n ** 18n - amountOut);
    expect(pool.reserve0).toBe(2_000_000n * 10n ** 6n);
    expect(Object.isFrozen(next)).toBe(true);
    expect(next.reserve0 * next.reserve1).toBeGreaterThan(pool.reserve0 * pool.reserve1);
  });

  it('swaps token1 for token0', () => {
    const { amountOut, pool: next } = swapV2({ pool, zeroForOne: false, amountIn: 10n ** 18n });
    expect(amountOut).toBe((10n ** 18n * 997n * pool.reserve0) / (pool.reserve1 * 1000n + 10n ** 18n * 997n));
    expect(next.reserve1).toBe(1001n * 10n ** 18n);
  });

  it('rejects invalid states with the field named', () => {
    expect(() => createPoolV2({ ...pool, reserve0: -1n })).toThrow(/reserve0/);
    expect(() => createPoolV2({ ...pool, reserve1: 1n << 112n })).toThrow(/reserve1/);
    expect(() => createPoolV2({ ...pool, token1: USDC })).toThrow(/same token/);
    expect(() => createPoolV2({ ...pool, feeBps: -3 })).toThrow(/feeBps/);
  });
});
