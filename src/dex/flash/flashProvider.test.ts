import { describe, expect, it } from 'vitest';
import { getAmountOutV2 } from '../v2/getAmountOutV2.ts';
import { cheapestFlashProvider } from './cheapestFlashProvider.ts';
import { aaveV3Provider, balancerV2Provider, flashFee, uniswapV2FlashProvider } from './flashProvider.ts';

const USDC = { address: '0xA0b86991c6218b36c1d19d4a2e9eB0cE3606eB48', symbol: 'USDC', decimals: 6 };

describe('flash fees', () => {
  it('Aave V3 premium is percentMul half-up: (amount * bps + 5000) / 10000', () => {
    const aave = aaveV3Provider({ liquidity: {} });
    expect(flashFee(aave, 1_000_000n)).toBe(500n);
    expect(flashFee(aave, 999n)).toBe(0n); // 0.4995 rounds down
    expect(flashFee(aave, 1000n)).toBe(1n); // 0.5 rounds up
    expect(flashFee(aave, 2999n)).toBe(1n); // 1.4995
    expect(flashFee(aave, 3000n)).toBe(2n); // 1.5
    expect(flashFee(aaveV3Provider({ feeBps: 9, liquidity: {} }), 10n ** 18n)).toBe(9n * 10n ** 14n);
  });

  it('Balancer charges nothing by default and mulUp of the configured percentage otherwise', () => {
    expect(flashFee(balancerV2Provider({ liquidity: {} }), 10n ** 24n)).toBe(0n);
    expect(flashFee(balancerV2Provider({ feeBps: 1, liquidity: {} }), 10_001n)).toBe(2n);
  });

  it('a V2 flash swap repays the least amount that passes the pair K check', () => {
    const v2 = uniswapV2FlashProvider({ liquidity: {} });
    expect(flashFee(v2, 997n)).toBe(3n); // 997 * 1000 / 997 = 1000 exactly
    expect(flashFee(v2, 1_000_000n)).toBe(3010n); // ceil(1e10 / 9970) = 1003010
    // K check: (reserve - amount + repay) * 1e4 - repay * 30 >= reserve * 1e4, and one less fails.
    for (const amount of [1n, 12_345n, 10n ** 18n + 7n]) {
      const repay = amount + flashFee(v2, amount);
      expect(repay * 9970n).toBeGreaterThanOrEqual(amount * 10_000n);
      expect((repay - 1n) * 9970n).toBeLessThan(amount * 10_000n);
    }
    expect(getAmountOutV2({ amountIn: 1000n, reserveIn: 10n ** 6n, reserveOut: 10n ** 6n, feeBps: 30 })).toBe(996n);
  });
});

describe('cheapestFlashProvider', () => {
  const providers = [
    aaveV3Provider({ liquidity: { [USDC.address]: 50_000_000n * 10n ** 6n } }),
    balancerV2Provider({ liquidity: { [USDC.address]: 1_000_000n * 10n ** 6n } }),
    uniswapV2FlashProvider({ liquidity: { [USDC.address]: 100_000_000n * 10n ** 6n } }, '0xpair'),
  ];

  it('takes Balancer when it can lend the size, Aave above its liquidity, V2 above both', () => {
    const gasPriceWei = 20n * 10n ** 9n;
    const tokenPerNative = 3000n * 10n ** 6n;
    expect(cheapestFlashProvider({ providers, token: USDC, amount: 500_000n * 10n ** 6n, gasPriceWei, tokenPerNative })!.provider.kind).toBe('balancer-v2');
    const mid = cheapestFlashProvider({ providers, token: USDC, amount: 2_000_000n * 10n ** 6n, gasPriceWei, tokenPerNative })!;
    expect(mid.provider.kind).toBe('aave-v3');
    expect(mid.fee).toBe(1000n * 10n ** 6n);
    // 93,000 gas * 20 gwei = 0.00186 ETH = 5.58 USDC
    expect(mid.gasCostInToken).toBe(5_580_000n);
    expect(cheapestFlashProvider({ providers, token: USDC, amount: 60_000_000n * 10n ** 6n, gasPriceWei, tokenPerNative })!.provider.kind).toBe('uniswap-v2');
    expect(cheapestFlashProvider({ providers, token: USDC, amount: 60_000_000n * 10n ** 6n, gasPriceWei, tokenPerNative, excludePairs: ['0xPAIR'] })).toBeUndefined();
  });

  it('lets gas decide between equal-fee providers', () => {
    const a = balancerV2Provider({ liquidity: { [USDC.address]: 10n ** 12n }, gasOverhead: 90_000, name: 'heavy' });
    const b = balancerV2Provider({ liquidity: { [USDC.address]: 10n ** 12n }, gasOverhead: 30_000, name: 'light' });
    expect(cheapestFlashProvider({ providers: [a, b], token: USDC, amount: 10n ** 9n, gasPriceWei: 10n ** 9n, tokenPerNative: 3000n * 10n ** 6n })!.provider.name).toBe('light');
  });
});
