/**
 * Rows of mined trades stay provisional until their transaction has `confirmations` blocks (per chain, see
 * confirmationsFor): only then do they go to the ledger, so the ledger never holds a row a reorg can still change.
 * On every new head each provisional row's receipt is read again: a receipt gone (the reorg dropped the
 * transaction) makes the row final as `not_included` with no gas; a receipt in another block (re-included, maybe
 * with another status or gas) rebuilds the row from it and restarts its count. Rows still provisional when the run
 * ends go to the ledger marked `provisional: true`.
 */
import { TransactionReceiptNotFoundError, type Abi, type Hex, type TransactionReceipt } from 'viem';
import type { OpportunityRow } from '../../domain/opportunityRow.ts';
import { rpcCall, type LivePublicClient } from '../chain/chainClient.ts';
import type { LiveMarketSpec } from '../liveMarketSpec.ts';
import { withReceipt, type LiveExecution } from './liveExecution.ts';
import { liveRow, type LiveRowInput } from './liveRow.ts';

interface Pending {
  input: LiveRowInput & { execution: LiveExecution };
  blockHash: Hex;
}

export interface ProvisionalRowsOptions {
  client: LivePublicClient;
  spec: LiveMarketSpec;
  flashArbAbi: Abi;
  confirmations: number;
  /** Final rows go here (the ledger). */
  push: (row: OpportunityRow) => void;
  /** Every provisional version of a row (first, and after each reorg). */
  onProvisional?: (row: OpportunityRow) => void;
  /** A reorg dropped one of our transactions (the nonce count must be re-read). */
  onDropped?: () => void;
  log?: (line: string) => void;
}

const minedHash = (x: LiveExecution): Hex => (x.outcome === 'stale' && x.cancelHash ? x.cancelHash : x.hash);

export class ProvisionalRows {
  private readonly pending: Pending[] = [];

  constructor(private readonly o: ProvisionalRowsOptions) {}

  get size(): number {
    return this.pending.length;
  }

  /** A row of a sent trade: final at once without a receipt or with 1 confirmation required, else held. */
  add(input: LiveRowInput & { execution: LiveExecution }, receiptBlockHash: Hex | undefined): OpportunityRow {
    const row = liveRow(input);
    if (receiptBlockHash === undefined || this.o.confirmations <= 1) {
      this.o.push(row);
      return row;
    }
    this.pending.push({ input, blockHash: receiptBlockHash });
    this.o.onProvisional?.(row);
    return row;
  }

  /** Re-reads every provisional receipt at this head; finalises the confirmed and the dropped. */
  async update(head: bigint): Promise<void> {
    for (const p of [...this.pending]) {
      const x = p.input.execution;
      const receipt = await this.receipt(minedHash(x));
      if (!receipt) {
        this.remove(p);
        const dropped: LiveExecution = {
          outcome: 'not_included',
          hash: x.hash,
          minProfit: x.minProfit,
          cancelHash: x.cancelHash,
        };
        const row = liveRow({
          ...p.input,
          execution: dropped,
          extra: { reorged: true, dropped_from_block: Number(x.inclusionBlock) },
        });
        this.o.log?.(`reorg: tx ${minedHash(x)} of block ${x.inclusionBlock} is gone; row ${row.id} is not_included`);
        this.o.onDropped?.();
        this.o.push(row);
        continue;
      }
      if (receipt.blockHash !== p.blockHash) {
        p.input = {
          ...p.input,
          execution: withReceipt(x, receipt, this.o.spec, this.o.flashArbAbi),
          extra: { reorged: true },
        };
        p.blockHash = receipt.blockHash;
        this.o.log?.(
          `reorg: tx ${minedHash(x)} moved from block ${x.inclusionBlock} to ${receipt.blockNumber}; row rebuilt`,
        );
        this.o.onProvisional?.(liveRow(p.input));
        continue;
      }
      if (head - receipt.blockNumber + 1n >= BigInt(this.o.confirmations)) {
        this.remove(p);
        this.o.push(liveRow({ ...p.input, extra: { ...p.input.extra, confirmations: this.o.confirmations } }));
      }
    }
  }

  /** The run ends: what is still provisional goes to the ledger, marked so. */
  flushUnconfirmed(): void {
    for (const p of this.pending.splice(0))
      this.o.push(liveRow({ ...p.input, extra: { ...p.input.extra, provisional: true } }));
  }

  private remove(p: Pending): void {
    this.pending.splice(this.pending.indexOf(p), 1);
  }

  private receipt(hash: Hex): Promise<TransactionReceipt | undefined> {
    return rpcCall('eth_getTransactionReceipt', async () => {
      try {
        return await this.o.client.getTransactionReceipt({ hash });
      } catch (e) {
        if (e instanceof TransactionReceiptNotFoundError) return undefined;
        throw e;
      }
    });
  }
}
