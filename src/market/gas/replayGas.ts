/**
 * Gas replayed from the real 5-minute file, interpolated to blocks: min_gas_price (base fee + the smallest tip) is
 * interpolated in log between bin centres; the base fee is that less minTipGwei, the typical tip is
 * avg_gas_price - min_gas_price + minTipGwei; utilisation is the bin's block_utilisation.
 */
import { InvalidInputError } from '../../core/errors.ts';
import type { GasRow } from '../files/readGasCsv.ts';
import { gweiToWei, type GasBlock, type GasSource } from './gasBlock.ts';

export const GAS_BIN_MS = 300_000;

export interface ReplayGasOptions {
  rows: readonly GasRow[];
  minTipGwei: number;
  file?: string;
}

export function gasFileSpan(rows: readonly GasRow[]): { startMs: number; endMs: number } {
  return { startMs: rows[0]!.timeMs, endMs: rows[rows.length - 1]!.timeMs + GAS_BIN_MS };
}

export function replayGas({ rows, minTipGwei, file = 'gas file' }: ReplayGasOptions): GasSource {
  if (rows.length < 2) throw new InvalidInputError(`${file}: need at least 2 gas rows to replay`);
  const { startMs, endMs } = gasFileSpan(rows);
  const minTip = gweiToWei(minTipGwei);
  let i = 0;
  return {
    next(timeMs: number): GasBlock {
      if (timeMs < startMs || timeMs >= endMs) {
        throw new InvalidInputError(`${file}: no gas data at ${new Date(timeMs).toISOString()}`);
      }
      while (i + 1 < rows.length && rows[i + 1]!.timeMs + GAS_BIN_MS / 2 <= timeMs) i++;
      const a = rows[i]!;
      const b = rows[Math.min(i + 1, rows.length - 1)]!;
      const centreA = a.timeMs + GAS_BIN_MS / 2;
      const f = b === a ? 0 : Math.min(1, Math.max(0, (timeMs - centreA) / (b.timeMs - a.timeMs)));
      const minGas = Math.exp(Math.log(a.minGasPrice) * (1 - f) + Math.log(b.minGasPrice) * f);
      const spread = (a.avgGasPrice - a.minGasPrice) * (1 - f) + (b.avgGasPrice - b.minGasPrice) * f;
      const bin = timeMs - a.timeMs < GAS_BIN_MS ? a : b;
      return {
        baseFeeWei: gweiToWei(Math.max(minGas - minTipGwei, minGas * 0.5)),
        priorityFeeWei: minTip + gweiToWei(spread),
        minPriorityFeeWei: minTip,
        utilisation: bin.blockUtilisation,
      };
    },
  };
}
