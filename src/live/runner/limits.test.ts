import { parseEther } from 'viem';
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../core/errors.ts';
import { capFees, gweiToWei } from './capFees.ts';
import { CircuitBreaker, type BreakerTrip } from './circuitBreaker.ts';
import { liveLimitsSchema, loadLiveLimits } from './liveLimits.ts';

const GWEI = 10n ** 9n;

describe('live limits', () => {
  it('load from flags over env over defaults; a bad value names its flag', () => {
    const l = loadLiveLimits({
      flags: { maxBidShare: '0.1' },
      env: { ARBML_MAX_BID_SHARE: '0.5', ARBML_GAS_BUDGET_ETH: '1' },
    });
    expect(l).toEqual({ ...liveLimitsSchema.parse({}), maxBidShare: 0.1, gasBudgetEth: 1 });
    expect(() => loadLiveLimits({ flags: { maxBidShare: '2' }, env: {} })).toThrow(InvalidInputError);
    expect(() => loadLiveLimits({ flags: { maxBidShare: '2' }, env: {} })).toThrow(/--max-bid-share/);
  });

  it('caps the tip (absolute and bid share above the chain minimum) and the fee cap; refuses what cannot be included', () => {
    const limits = liveLimitsSchema.parse({ maxPriorityFeeGwei: 3, maxFeePerGasGwei: 50, maxBidShare: 0.2 });
    const base = { nextBaseFeeWei: 10n * GWEI, minPriorityFeeWei: GWEI, limits, gasUnits: 200_000n };
    // Asked 10 gwei; 20% of 0.01 ETH over 200k gas = 10 gwei; absolute cap 3 gwei wins.
    const a = capFees({
      ...base,
      fees: { maxPriorityFeePerGas: 10n * GWEI, maxFeePerGas: 30n * GWEI },
      expectedProfitWei: parseEther('0.01'),
    });
    expect(a).toEqual({ fees: { maxPriorityFeePerGas: 3n * GWEI, maxFeePerGas: 23n * GWEI } });
    // 20% of 0.002 ETH over 200k gas = 2 gwei < 3 gwei cap.
    const b = capFees({
      ...base,
      fees: { maxPriorityFeePerGas: 10n * GWEI, maxFeePerGas: 30n * GWEI },
      expectedProfitWei: parseEther('0.002'),
    });
    expect(b).toEqual({ fees: { maxPriorityFeePerGas: 2n * GWEI, maxFeePerGas: 22n * GWEI } });
    // A tiny profit still gets the chain minimum tip.
    const c = capFees({
      ...base,
      fees: { maxPriorityFeePerGas: 5n * GWEI, maxFeePerGas: 25n * GWEI },
      expectedProfitWei: 1n,
    });
    expect(c).toEqual({ fees: { maxPriorityFeePerGas: GWEI, maxFeePerGas: 21n * GWEI } });
    // Base fee 40 gwei: 2 x 40 + 1 = 81 capped at 50 (still includable); 60 gwei: refused.
    expect(
      capFees({
        ...base,
        nextBaseFeeWei: 40n * GWEI,
        fees: { maxPriorityFeePerGas: GWEI, maxFeePerGas: 81n * GWEI },
        expectedProfitWei: 1n,
      }),
    ).toEqual({
      fees: { maxPriorityFeePerGas: GWEI, maxFeePerGas: gweiToWei(50) },
    });
    expect(
      capFees({
        ...base,
        nextBaseFeeWei: 60n * GWEI,
        fees: { maxPriorityFeePerGas: GWEI, maxFeePerGas: 121n * GWEI },
        expectedProfitWei: 1n,
      }),
    ).toHaveProperty('refused');
  });

  it('the breaker trips on the rolling hourly loss, once, and forgets losses older than an hour', () => {
    let now = 0;
    const trips: BreakerTrip[] = [];
    const br = new CircuitBreaker(
      liveLimitsSchema.parse({ maxLossPerHourEth: 0.02, maxConsecutiveReverts: 100 }),
      (t) => trips.push(t),
      () => now,
    );
    br.record({ gasWei: 0n, profitEth: -0.015, reverted: false });
    now = 3_600_001; // the first loss leaves the window
    br.record({ gasWei: 0n, profitEth: -0.015, reverted: false });
    expect(br.tripped).toBeUndefined();
    now += 1_000;
    br.record({ gasWei: 0n, profitEth: -0.006, reverted: false });
    expect(trips).toEqual([{ limit: 'loss_per_hour', detail: 'net -0.021000 ETH in the last hour' }]);
    expect(br.allows(0n)).toBe(false);
    br.record({ gasWei: 0n, profitEth: -1, reverted: true });
    expect(trips).toHaveLength(1);
  });
});
