/**
 * The fate of a sent transaction, with a deadline: it must be included within `deadlineBlocks` blocks of the send
 * (the runner-side equivalent of a FlashArb deadline: after that the quote it was built on is stale). Past the
 * deadline it is replaced by a same-nonce cancel (sendCancel.ts), re-bumped every `deadlineBlocks` blocks while
 * neither is mined, so a stale trade never lands. Returns which transaction the nonce went to: the trade
 * (`success` / `reverted`, its receipt), the cancel (`stale`, the cancel's receipt: the gas truly paid), or neither
 * before `maxCancels` bumps (`not_included`).
 */
import { TransactionReceiptNotFoundError, type Account, type Hex, type TransactionReceipt } from 'viem';
import { sleep } from '../retry.ts';
import { rpcCall, type LivePublicClient } from './chainClient.ts';
import type { Eip1559Fees } from './feeChoice.ts';
import { sendCancel } from './sendCancel.ts';

export interface SettleSendOptions {
  client: LivePublicClient;
  url: string;
  chainId: number;
  account: Account;
  hash: Hex;
  nonce: number;
  fees: Eip1559Fees;
  sentAtBlock: bigint;
  deadlineBlocks: number;
  /** Cancel re-bumps before giving up (default 3). */
  maxCancels?: number;
  pollMs?: number;
  /** Log line per replacement. */
  log?: (line: string) => void;
}

export interface Settled {
  outcome: 'success' | 'reverted' | 'stale' | 'not_included';
  /** The mined transaction's receipt (the trade's, or the cancel's when stale). */
  receipt?: TransactionReceipt;
  cancelHash?: Hex;
}

async function receiptOf(client: LivePublicClient, hash: Hex): Promise<TransactionReceipt | undefined> {
  return rpcCall('eth_getTransactionReceipt', async () => {
    try {
      return await client.getTransactionReceipt({ hash });
    } catch (e) {
      if (e instanceof TransactionReceiptNotFoundError) return undefined;
      throw e;
    }
  });
}

async function nextBaseFee(client: LivePublicClient): Promise<bigint> {
  const h = await rpcCall('eth_feeHistory', () => client.getFeeHistory({ blockCount: 1, rewardPercentiles: [] }));
  return h.baseFeePerGas.at(-1) ?? 0n;
}

export async function settleSend(o: SettleSendOptions): Promise<Settled> {
  const cancels: Hex[] = [];
  let attempts = 0;
  let fees = o.fees;
  let deadline = o.sentAtBlock + BigInt(o.deadlineBlocks);
  for (;;) {
    const trade = await receiptOf(o.client, o.hash);
    if (trade)
      return {
        outcome: trade.status === 'success' ? 'success' : 'reverted',
        receipt: trade,
        cancelHash: cancels.at(-1),
      };
    for (const c of cancels) {
      const r = await receiptOf(o.client, c);
      if (r) return { outcome: 'stale', receipt: r, cancelHash: c };
    }
    const head = await rpcCall('eth_blockNumber', () => o.client.getBlockNumber({ cacheTime: 0 }));
    if (head > deadline) {
      if (attempts >= (o.maxCancels ?? 3)) return { outcome: 'not_included', cancelHash: cancels.at(-1) };
      attempts++;
      deadline = head + BigInt(o.deadlineBlocks);
      try {
        const sent = await sendCancel({
          url: o.url,
          chainId: o.chainId,
          account: o.account,
          nonce: o.nonce,
          replacing: fees,
          nextBaseFeeWei: await nextBaseFee(o.client),
        });
        cancels.push(sent.hash);
        fees = sent.fees;
        o.log?.(
          `tx ${o.hash} not included by block ${head}: replaced by cancel ${sent.hash} (nonce ${o.nonce}, max fee ${sent.fees.maxFeePerGas} wei)`,
        );
      } catch (e) {
        // The trade may just have been mined (nonce too low) or the node refused the bump: look again, re-bump later.
        o.log?.(
          `cancel of ${o.hash} not accepted (${(e as Error).message.split('\n')[0]}); retrying at the next deadline`,
        );
      }
    }
    await sleep(o.pollMs ?? 50);
  }
}
