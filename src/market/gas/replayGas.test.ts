import { describe, expect, it } from 'vitest';
import type { GasRow } from '../files/readGasCsv.ts';
import { replayGas } from './replayGas.ts';

const T0 = Date.UTC(2021, 10, 26);
const row = (bin: number, minGasPrice: number, avgGasPrice: number, blockUtilisation: number): GasRow => ({
  timeMs: T0 + bin * 300_000,
  gasLimit: 30e6,
  gasUsed: 15e6,
  ethPrice: 4_000,
  avgGasPrice,
  maxGasPrice: 500,
  minGasPrice,
  blockUtilisation,
});

describe('replayGas', () => {
  const rows = [row(0, 100, 110, 0.5), row(1, 400, 420, 0.7), row(2, 50, 80, 0.4)];

  it('hits each bin centre, interpolates min_gas_price in log between centres, tip = avg - min + min tip', () => {
    const gas = replayGas({ rows, minTipGwei: 1 });
    const c0 = gas.next(T0 + 150_000);
    expect(c0.baseFeeWei).toBe(99_000_000_000n);
    expect(c0.priorityFeeWei).toBe(11_000_000_000n);
    expect(c0.minPriorityFeeWei).toBe(1_000_000_000n);
    expect(c0.utilisation).toBe(0.5);
    const mid = gas.next(T0 + 300_000); // halfway between the centres of bins 0 and 1: geometric mean 200 gwei
    expect(Number(mid.baseFeeWei + mid.minPriorityFeeWei) / 1e9).toBeCloseTo(200, 6);
    expect(Number(mid.priorityFeeWei) / 1e9).toBeCloseTo(1 + 15, 6);
    expect(mid.utilisation).toBe(0.7); // the bin the block is in
    const c2 = gas.next(T0 + 750_000);
    expect(c2.baseFeeWei).toBe(49_000_000_000n);
  });

  it('refuses times outside the file, naming it', () => {
    const gas = replayGas({ rows, minTipGwei: 1, file: 'g.csv' });
    expect(() => gas.next(T0 - 1)).toThrow(/g\.csv: no gas data/);
    expect(() => replayGas({ rows: rows.slice(0, 1), minTipGwei: 1, file: 'g.csv' })).toThrow(/at least 2/);
  });
});
