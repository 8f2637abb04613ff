import { describe, expect, it } from 'vitest';
import { evaluateOpportunity, slippageBpsFor, slippageCost } from './evaluateOpportunity.ts';

const ETH = 10n ** 18n;

describe('evaluateOpportunity (seed Phase 3)', () => {
  it('takes when gross - slippage cost - gas - flash fee exceeds the minimum profit', () => {
    const d = evaluateOpportunity({ grossProfit: ETH / 10n, quotedOutput: 50n * ETH, predictedSlippageBps: 12.5, gasCost: ETH / 100n, flashFee: (50n * ETH * 5n) / 10_000n, minProfit: ETH / 100n });
    expect(d.slippageCost).toBe(62_500_000_000_000_000n); // 12.5 bps of 50 ETH
    expect(d.netProfit).toBe(ETH / 10n - 62_500_000_000_000_000n - ETH / 100n - 25_000_000_000_000_000n);
    expect(d.netProfit).toBe(2_500_000_000_000_000n);
    expect(d.take).toBe(false); // 0.0025 ETH is below the 0.01 ETH minimum
    const loose = evaluateOpportunity({ grossProfit: ETH / 10n, quotedOutput: 50n * ETH, predictedSlippageBps: 12.5, gasCost: ETH / 100n, flashFee: 0n, minProfit: 0n });
    expect(loose.take).toBe(true);
  });

  it('never understates the slippage cost: it rounds up, at 1/100 bps', () => {
    expect(slippageCost(1_000_001n, 50)).toBe(5001n);
    expect(slippageCost(1_000_000n, 50)).toBe(5000n);
    expect(slippageCost(1_000_000n, 0.004)).toBe(0n);
    expect(slippageCost(1_000_000n, -10)).toBe(-1000n);
    expect(() => slippageCost(1n, NaN)).toThrow(/finite/);
  });

  it('falls back to the static 50 bps without a model', () => {
    expect(slippageBpsFor(null, { tradeSizeQuote: 1, poolLiquidityQuote: 1, priceVolatility1h: 0, gasPriceGwei: 1, hourOfDay: 0, isPolygon: false, hopCount: 1 })).toBe(50);
  });
});
