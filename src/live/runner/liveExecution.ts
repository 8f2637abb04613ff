/**
 * What became of a sent trade (`LiveExecution`), and how a receipt completes it: the outcome from the receipt's
 * status (or `stale` when the mined transaction is our cancel), the gas the chain charged, and on success
 * FlashArb's ArbExecuted figures. Used when the trade settles and again when a reorg moves its receipt.
 */
import { parseEventLogs, type Abi, type Hex, type TransactionReceipt } from 'viem';
import type { LiveMarketSpec } from '../liveMarketSpec.ts';

export interface LiveExecution {
  /** `stale`: not included by its deadline block and replaced by a same-nonce cancel (gas = the cancel's). */
  outcome: 'success' | 'reverted' | 'stale' | 'not_included';
  hash: Hex;
  /** The cancel that replaced the trade. */
  cancelHash?: Hex;
  /** Blocks a private bundle was submitted for (bundle submission only). */
  bundleTargets?: bigint[];
  /** Receipt figures (undefined when not included). */
  gasUsed?: bigint;
  effectiveGasPriceWei?: bigint;
  inclusionBlock?: bigint;
  /** Hash of the block the mined transaction is in (a reorg changes or removes it). */
  blockHash?: Hex;
  /** From ArbExecuted, success only. */
  profit?: bigint;
  amountOut?: bigint;
  flashFee?: bigint;
  /** The minimum profit the transaction demanded (borrowed-token units). */
  minProfit?: bigint;
}

/** An execution completed by the receipt of its mined transaction (the trade's, or the cancel's when stale). */
export function withReceipt(
  base: LiveExecution,
  receipt: TransactionReceipt,
  spec: LiveMarketSpec,
  flashArbAbi: Abi,
): LiveExecution {
  const outcome = base.outcome === 'stale' ? 'stale' : receipt.status === 'success' ? 'success' : 'reverted';
  const out: LiveExecution = {
    outcome,
    hash: base.hash,
    minProfit: base.minProfit,
    cancelHash: base.cancelHash,
    bundleTargets: base.bundleTargets,
    gasUsed: receipt.gasUsed,
    effectiveGasPriceWei: receipt.effectiveGasPrice,
    inclusionBlock: receipt.blockNumber,
    blockHash: receipt.blockHash,
  };
  if (outcome === 'success') {
    const own = receipt.logs.filter((l) => l.address.toLowerCase() === spec.flashArb.toLowerCase());
    const [ev] = parseEventLogs({ abi: flashArbAbi, logs: own, eventName: 'ArbExecuted' }) as unknown as {
      args: { amountOut: bigint; fee: bigint; profit: bigint };
    }[];
    if (ev) Object.assign(out, { profit: ev.args.profit, amountOut: ev.args.amountOut, flashFee: ev.args.fee });
  }
  return out;
}
