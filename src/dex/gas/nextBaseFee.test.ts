import { describe, expect, it } from 'vitest';
import { chainProfile } from './chainProfiles.ts';
import { gasCostQuote, gasCostWei, routeGasUsed, weiToToken } from './gasCost.ts';
import { nextBaseFee } from './nextBaseFee.ts';

const GWEI = 10n ** 9n;

describe('nextBaseFee (EIP-1559)', () => {
  it('is unchanged at the target, +12.5% when full, -12.5% when empty', () => {
    expect(nextBaseFee({ baseFeePerGas: 100n * GWEI, gasUsed: 15_000_000n, gasLimit: 30_000_000n })).toBe(100n * GWEI);
    expect(nextBaseFee({ baseFeePerGas: 100n * GWEI, gasUsed: 30_000_000n, gasLimit: 30_000_000n })).toBe(
      112_500_000_000n,
    );
    expect(nextBaseFee({ baseFeePerGas: 100n * GWEI, gasUsed: 0n, gasLimit: 30_000_000n })).toBe(87_500_000_000n);
  });

  it('rounds each integer division down and moves up by at least 1 wei', () => {
    // 1 gwei, 1 gas over target: 1e9 * 1 / 15e6 = 66, / 8 = 8
    expect(nextBaseFee({ baseFeePerGas: GWEI, gasUsed: 15_000_001n, gasLimit: 30_000_000n })).toBe(GWEI + 8n);
    // 100 wei: 100 * 1 / 15e6 / 8 = 0 -> the 1 wei upward minimum
    expect(nextBaseFee({ baseFeePerGas: 100n, gasUsed: 15_000_001n, gasLimit: 30_000_000n })).toBe(101n);
    // Downward there is no minimum
    expect(nextBaseFee({ baseFeePerGas: 100n, gasUsed: 14_999_999n, gasLimit: 30_000_000n })).toBe(100n);
    // 7 wei, 3/4 full: 7 * 7.5e6 / 15e6 / 8 = 0 -> +1
    expect(nextBaseFee({ baseFeePerGas: 7n, gasUsed: 22_500_000n, gasLimit: 30_000_000n })).toBe(8n);
    // 12,345,678,901 wei at 20.1M of 30M: 12345678901 * 5.1e6 / 15e6 = 4197530826 (floor), / 8 = 524691353
    expect(nextBaseFee({ baseFeePerGas: 12_345_678_901n, gasUsed: 20_100_000n, gasLimit: 30_000_000n })).toBe(
      12_345_678_901n + 524_691_353n,
    );
    expect(() => nextBaseFee({ baseFeePerGas: GWEI, gasUsed: 31n, gasLimit: 30n })).toThrow();
  });
});

describe('gas cost', () => {
  it('prices a 2-hop V2 route on ethereum and a V3 route on polygon', () => {
    const eth = chainProfile('ethereum');
    const v2 = { pool: { kind: 'v2' as const } };
    const v3 = { pool: { kind: 'v3' as const } };
    const gas = routeGasUsed({ profile: eth, route: { hops: [v2, v2] }, flashGasOverhead: 55_000 });
    expect(gas).toBe(21_000n + 35_000n + 55_000n + 186_000n);
    const wei = gasCostWei({ gasUsed: gas, baseFeeWei: 30n * GWEI, priorityFeeWei: eth.minPriorityFeeWei });
    expect(wei).toBe(297_000n * 31n * GWEI);
    expect(weiToToken(wei, 3000n * 10n ** 6n)).toBe(27_621_000n); // 0.009207 ETH * 3000 = 27.621 USDC
    expect(gasCostQuote(wei, 3000)).toBeCloseTo(27.621, 9);
    expect(gasCostWei({ gasUsed: 100n, baseFeeWei: 50n, priorityFeeWei: 10n, maxFeeWei: 55n })).toBe(5500n);
    const pol = chainProfile('polygon');
    expect(pol.blockTimeSeconds).toBe(2);
    expect(routeGasUsed({ profile: pol, route: { hops: [v3, v2, v3] }, flashGasOverhead: 0 })).toBe(
      21_000n + 35_000n + 85_000n + 93_000n + 85_000n,
    );
    expect(weiToToken(1n, 1n)).toBe(1n); // a cost rounds up
  });
});
