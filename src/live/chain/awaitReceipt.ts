/**
 * Waits for a sent transaction's receipt and classifies it: `success`, `reverted` (mined with status 0, gas paid),
 * or `not_included` when `maxBlocks` blocks passed after the send block without it. Node failures while waiting
 * are retried (rpcCall); the wait is also bounded in time.
 */
import { TransactionReceiptNotFoundError, type Hex, type TransactionReceipt } from 'viem';
import { RetryableIoError } from '../../core/errors.ts';
import { sleep } from '../retry.ts';
import { isTransientRpcError, rpcCall, type LivePublicClient } from './chainClient.ts';

export type SendOutcome = 'success' | 'reverted' | 'not_included';

export interface ReceiptResult {
  outcome: SendOutcome;
  receipt?: TransactionReceipt;
}

export interface AwaitReceiptOptions {
  client: LivePublicClient;
  hash: Hex;
  /** Head when the transaction was sent. */
  sentAtBlock: bigint;
  /** Blocks after sentAtBlock before it counts as not included (default 3). */
  maxBlocks?: number;
  pollMs?: number;
  /** Hard cap on the wait (default 60 s). */
  timeoutMs?: number;
}

export async function awaitReceipt(o: AwaitReceiptOptions): Promise<ReceiptResult> {
  const until = Date.now() + (o.timeoutMs ?? 60_000);
  const maxBlocks = BigInt(o.maxBlocks ?? 3);
  for (;;) {
    try {
      const done = await poll(o, maxBlocks, until);
      if (done) return done;
    } catch (error) {
      // The node is away (restart, outage): keep waiting until the deadline; the transaction may still land.
      if (!isTransientRpcError(error) && !(error instanceof RetryableIoError)) throw error;
      if (Date.now() > until) return { outcome: 'not_included' };
    }
    await sleep(o.pollMs ?? 50);
  }
}

async function poll(o: AwaitReceiptOptions, maxBlocks: bigint, until: number): Promise<ReceiptResult | undefined> {
  const receipt = await rpcCall('eth_getTransactionReceipt', async () => {
    try {
      return await o.client.getTransactionReceipt({ hash: o.hash });
    } catch (e) {
      if (e instanceof TransactionReceiptNotFoundError) return undefined;
      throw e;
    }
  });
  if (receipt) return { outcome: receipt.status === 'success' ? 'success' : 'reverted', receipt };
  const head = await rpcCall('eth_blockNumber', () => o.client.getBlockNumber({ cacheTime: 0 }));
  if (head > o.sentAtBlock + maxBlocks || Date.now() > until) return { outcome: 'not_included' };
  return undefined;
}
