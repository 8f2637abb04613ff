import { describe, expect, it } from 'vitest';
import { slippageCost } from './slippageCost.ts';

describe('slippageCost', () => {
  it('rounds a cost up and a gain toward zero, at 1/100 bps', () => {
    expect(slippageCost(1_000_001n, 50)).toBe(5001n);
    expect(slippageCost(1_000_000n, 50)).toBe(5000n);
    expect(slippageCost(50n * 10n ** 18n, 12.5)).toBe(62_500_000_000_000_000n); // 12.5 bps of 50 ETH
    expect(slippageCost(1_000_000n, 0.004)).toBe(0n);
    expect(slippageCost(1_000_000n, -10)).toBe(-1000n);
    expect(slippageCost(1_000_001n, -10)).toBe(-1000n);
    expect(() => slippageCost(1n, NaN)).toThrow(/not a finite number/);
  });
});
