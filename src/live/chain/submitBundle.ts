/**
 * Private submission: the signed trade goes to a block builder's relay as a one-transaction bundle
 * (`eth_sendBundle` with a target block, Flashbots-style `X-Flashbots-Signature` header) instead of the public
 * mempool. A builder includes a bundle only if every transaction in it succeeds, so a trade that would revert
 * costs nothing. It is re-submitted for each next block until it is mined or the deadline block passes; then it
 * can never land (the relay drops bundles whose target passed, and the transaction was never public).
 */
import {
  createWalletClient,
  http,
  keccak256,
  toHex,
  TransactionReceiptNotFoundError,
  type Account,
  type Address,
  type Hex,
  type TransactionReceipt,
} from 'viem';
import { RetryableIoError } from '../../core/errors.ts';
import { sleep } from '../retry.ts';
import { rpcCall, viemChain, type LivePublicClient } from './chainClient.ts';
import type { Eip1559Fees } from './feeChoice.ts';

export interface SubmitBundleOptions {
  client: LivePublicClient;
  /** Node URL (for signing's chain), and the relay's. */
  url: string;
  relayUrl: string;
  chainId: number;
  account: Account;
  to: Address;
  data: Hex;
  gas: bigint;
  nonce: number;
  fees: Eip1559Fees;
  sentAtBlock: bigint;
  /** Blocks after the send head the bundle may target. */
  deadlineBlocks: number;
  pollMs?: number;
  log?: (line: string) => void;
}

export interface BundleResult {
  hash: Hex;
  outcome: 'success' | 'reverted' | 'not_included';
  receipt?: TransactionReceipt;
  /** Blocks the bundle was submitted for. */
  targets: bigint[];
}

async function relayCall(o: SubmitBundleOptions, signed: Hex, target: bigint): Promise<void> {
  const body = JSON.stringify({
    jsonrpc: '2.0',
    id: 1,
    method: 'eth_sendBundle',
    params: [{ txs: [signed], blockNumber: toHex(target) }],
  });
  const signature = await o.account.signMessage!({ message: keccak256(toHex(body)) });
  const res = await fetch(o.relayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-flashbots-signature': `${o.account.address}:${signature}` },
    body,
    signal: AbortSignal.timeout(5_000),
  });
  if (res.status === 429 || res.status >= 500) throw new RetryableIoError(`relay answered HTTP ${res.status}`);
  const answer = (await res.json()) as { error?: { message?: string } };
  if (!res.ok || answer.error)
    throw new RetryableIoError(`relay refused the bundle: ${answer.error?.message ?? res.status}`);
}

async function receiptOf(client: LivePublicClient, hash: Hex): Promise<TransactionReceipt | undefined> {
  try {
    return await client.getTransactionReceipt({ hash });
  } catch (e) {
    if (e instanceof TransactionReceiptNotFoundError) return undefined;
    throw e;
  }
}

export async function submitBundle(o: SubmitBundleOptions): Promise<BundleResult> {
  const wallet = createWalletClient({ account: o.account, chain: viemChain(o.chainId, o.url), transport: http(o.url) });
  const signed = await wallet.signTransaction({
    account: o.account,
    chain: wallet.chain,
    to: o.to,
    data: o.data,
    gas: o.gas,
    nonce: o.nonce,
    type: 'eip1559',
    ...o.fees,
  });
  const hash = keccak256(signed);
  const deadline = o.sentAtBlock + BigInt(o.deadlineBlocks);
  const targets: bigint[] = [];
  for (;;) {
    const receipt = await rpcCall('eth_getTransactionReceipt', () => receiptOf(o.client, hash));
    if (receipt) return { hash, outcome: receipt.status === 'success' ? 'success' : 'reverted', receipt, targets };
    const head = await rpcCall('eth_blockNumber', () => o.client.getBlockNumber({ cacheTime: 0 }));
    const last = targets.at(-1);
    if (last === undefined || head >= last) {
      if (head + 1n > deadline) return { hash, outcome: 'not_included', targets };
      targets.push(head + 1n);
      try {
        await rpcCall('eth_sendBundle', () => relayCall(o, signed, head + 1n), { attempts: 3 });
      } catch (e) {
        o.log?.(`bundle for block ${head + 1n} not accepted (${(e as Error).message.split('\n')[0]})`);
      }
    }
    await sleep(o.pollMs ?? 30);
  }
}
