import { describe, expect, it } from 'vitest';
import { rngFor } from '../../core/random.ts';
import { nextBaseFee } from '../../dex/gas/nextBaseFee.ts';
import { DEFAULT_MARKET_PARAMS } from '../defaultParams.ts';
import { simulateGas } from './simulateGas.ts';
import type { GasBlock } from './gasBlock.ts';

const params = DEFAULT_MARKET_PARAMS.gas.ethereum;

function run(seed: number, blocks: number): GasBlock[] {
  const source = simulateGas({ rng: rngFor(seed, 'market/gas/ethereum'), params });
  return Array.from({ length: blocks }, (_, i) => source.next(Date.UTC(2021, 10, 26) + i * 12_000));
}

describe('simulateGas', () => {
  it('follows the exact EIP-1559 rule block to block: next base fee from the parent fee and its gas used', () => {
    const blocks = run(7, 5_000);
    const limit = BigInt(params.gasLimit);
    let ups = 0;
    let downs = 0;
    for (let i = 1; i < blocks.length; i++) {
      const parent = blocks[i - 1]!;
      const gasUsed = BigInt(Math.round(parent.utilisation * params.gasLimit));
      expect(blocks[i]!.baseFeeWei).toBe(nextBaseFee({ baseFeePerGas: parent.baseFeeWei, gasUsed, gasLimit: limit }));
      // never more than 12.5% per block either way
      const ratio = Number(blocks[i]!.baseFeeWei) / Number(parent.baseFeeWei);
      expect(ratio).toBeLessThanOrEqual(1.125 + 1e-12);
      expect(ratio).toBeGreaterThanOrEqual(0.875 - 1e-12);
      if (ratio > 1) ups++;
      if (ratio < 1) downs++;
    }
    // full and empty blocks both occur (utilisation is clipped to [0, 1])
    expect(blocks.some((b) => b.utilisation === 1)).toBe(true);
    expect(blocks.some((b) => b.utilisation === 0)).toBe(true);
    expect(ups).toBeGreaterThan(1_000);
    expect(downs).toBeGreaterThan(1_000);
  });

  it('is deterministic per seed and differs between seeds', () => {
    const a = run(3, 300);
    const b = run(3, 300);
    const c = run(4, 300);
    expect(a).toEqual(b);
    expect(a.map((x) => x.baseFeeWei)).not.toEqual(c.map((x) => x.baseFeeWei));
  });

  it('tips sit above the minimum tip and priced in whole wei', () => {
    for (const b of run(5, 500)) {
      expect(b.minPriorityFeeWei).toBe(1_000_000_000n);
      expect(b.priorityFeeWei).toBeGreaterThan(b.minPriorityFeeWei);
    }
  });
});
