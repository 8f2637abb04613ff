/**
 * The Ethereum gas series as the market shows it, block by block, folded into the 5-minute bins of the real gas file
 * (GasRow: per-block minimum and typical price averaged over the bin, the bin's highest typical price, utilisation, gas used and limit, ETH price at the bin's first block), so the
 * gas forecaster trains and forecasts on a simulated or replayed path exactly as on the real file. A bin is complete
 * once a block of a later bin arrives; only complete bins are ever read, so nothing leaks from the future.
 */
import type { Chain } from '../dex/types.ts';
import type { BlockSnapshot } from '../market/blockSnapshot.ts';
import type { GasRow } from '../market/files/readGasCsv.ts';
import { binMs } from './gasSeries.ts';

/** Gas limit the tape reports per block (utilisation x limit = gas used). */
export const BLOCK_GAS_LIMIT = 30_000_000;

interface OpenBin {
  timeMs: number;
  ethPrice: number;
  blocks: number;
  sumGwei: number;
  sumMinGwei: number;
  maxGwei: number;
  sumUtil: number;
}

export class GasTape {
  private readonly done: GasRow[] = [];
  private open: OpenBin | null = null;

  constructor(readonly chain: Chain = 'ethereum') {}

  /** Records one block (blocks of other chains are ignored). */
  observe(b: BlockSnapshot): void {
    if (b.chain !== this.chain) return;
    const start = Math.floor(b.timeMs / binMs) * binMs;
    if (this.open && this.open.timeMs !== start) this.close();
    const o = (this.open ??= {
      timeMs: start,
      ethPrice: b.ethUsd,
      blocks: 0,
      sumGwei: 0,
      sumMinGwei: 0,
      maxGwei: 0,
      sumUtil: 0,
    });
    const minGwei = Number(b.baseFeeWei + b.minPriorityFeeWei) / 1e9;
    const typical = Number(b.baseFeeWei + b.priorityFeeWei) / 1e9;
    o.blocks++;
    o.sumGwei += typical;
    o.sumMinGwei += minGwei;
    o.maxGwei = Math.max(o.maxGwei, typical);
    o.sumUtil += b.utilisation;
  }

  private close(): void {
    const o = this.open!;
    const util = o.sumUtil / o.blocks;
    this.done.push({
      timeMs: o.timeMs,
      ethPrice: o.ethPrice,
      avgGasPrice: o.sumGwei / o.blocks,
      minGasPrice: o.sumMinGwei / o.blocks,
      maxGasPrice: o.maxGwei,
      blockUtilisation: util,
      gasLimit: BLOCK_GAS_LIMIT,
      gasUsed: Math.round(util * BLOCK_GAS_LIMIT),
    });
    this.open = null;
  }

  /** Complete bins, oldest first. */
  get rows(): readonly GasRow[] {
    return this.done;
  }

  /** Complete bins that ended at or before `timeMs`. */
  rowsBefore(timeMs: number): GasRow[] {
    let n = this.done.length;
    while (n > 0 && this.done[n - 1]!.timeMs + binMs > timeMs) n--;
    return this.done.slice(0, n);
  }
}
