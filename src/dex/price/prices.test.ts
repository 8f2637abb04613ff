import { describe, expect, it } from 'vitest';
import { createPoolV2 } from '../v2/poolV2.ts';
import { encodeSqrtPriceX96 } from '../v3/encodeSqrtPriceX96.ts';
import { createPoolV3 } from '../v3/poolV3.ts';
import { getTickAtSqrtRatio } from '../v3/tickMath.ts';
import { executionPrice, midPriceV2, midPriceV3, priceImpactBps, slippageBps } from './prices.ts';
import { formatUnits, parseUnits, toDecimal } from './units.ts';

const WETH = { address: '0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2', symbol: 'WETH', decimals: 18 };
const USDC = { address: '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48', symbol: 'USDC', decimals: 6 };

describe('prices', () => {
  it('mid prices in quote per base with decimals', () => {
    const v2 = createPoolV2({
      chain: 'ethereum',
      dex: 'uniswap-v2',
      address: '0x1',
      token0: USDC,
      token1: WETH,
      reserve0: 3_000_000n * 10n ** 6n,
      reserve1: 1000n * 10n ** 18n,
      feeBps: 30,
    });
    expect(midPriceV2(v2, WETH)).toBeCloseTo(3000, 9);
    expect(midPriceV2(v2, USDC)).toBeCloseTo(1 / 3000, 12);
    const sqrtPriceX96 = encodeSqrtPriceX96(10n ** 18n, 2500n * 10n ** 6n); // 1 WETH per 2500 USDC
    const v3 = createPoolV3({
      chain: 'polygon',
      dex: 'uniswap-v3',
      address: '0x2',
      token0: USDC,
      token1: WETH,
      feePips: 500,
      tickSpacing: 10,
      sqrtPriceX96,
      tick: getTickAtSqrtRatio(sqrtPriceX96),
      liquidity: 0n,
      ticks: [],
    });
    expect(midPriceV3(v3, WETH)).toBeCloseTo(2500, 6);
  });

  it('execution price, price impact and slippage in bps', () => {
    const exec = executionPrice({ amountIn: 10n ** 18n, amountOut: 2970n * 10n ** 6n, tokenIn: WETH, tokenOut: USDC });
    expect(exec).toBeCloseTo(2970, 9);
    expect(priceImpactBps({ midPrice: 3000, executionPrice: exec })).toBeCloseTo(100, 9);
    expect(slippageBps({ quotedOut: 1_000_000n, executedOut: 995_000n })).toBeCloseTo(50, 12);
    expect(slippageBps({ quotedOut: 1_000_000n, executedOut: 1_001_000n })).toBeCloseTo(-10, 12);
  });

  it('unit conversions are exact at the edges', () => {
    expect(parseUnits('1.5', 18)).toBe(15n * 10n ** 17n);
    expect(parseUnits('3000.123456', 6)).toBe(3000123456n);
    expect(() => parseUnits('1.1234567', 6)).toThrow(/decimals/);
    expect(() => parseUnits('abc', 6)).toThrow(/decimal/);
    expect(formatUnits(3000123456n, 6)).toBe('3000.123456');
    expect(formatUnits(-15n * 10n ** 17n, 18)).toBe('-1.5');
    expect(toDecimal(123456789n, 6)).toBeCloseTo(123.456789, 12);
  });
});
