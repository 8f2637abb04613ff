/**
 * Replaces a pending transaction with a cancel: a 0-value transfer to ourselves with the same nonce, signed
 * locally, at fees that beat the original by the replacement bump nodes require (+12.5% on both the fee cap and
 * the tip; geth asks 10%) and that the next block can include. Once the cancel is mined the original can never
 * land: its nonce is used.
 */
import { createWalletClient, http, keccak256, type Account, type Hex } from 'viem';
import { rpcCall, viemChain } from './chainClient.ts';
import type { Eip1559Fees } from './feeChoice.ts';

export interface SendCancelOptions {
  url: string;
  chainId: number;
  account: Account;
  nonce: number;
  /** Fees of the transaction being replaced. */
  replacing: Eip1559Fees;
  /** The next block's base fee, wei. */
  nextBaseFeeWei: bigint;
  timeoutMs?: number;
}

/** +12.5%, rounded up, plus one wei. */
const bump = (x: bigint): bigint => x + (x + 7n) / 8n + 1n;

export function cancelFees(replacing: Eip1559Fees, nextBaseFeeWei: bigint): Eip1559Fees {
  const tip = bump(replacing.maxPriorityFeePerGas);
  const includable = 2n * nextBaseFeeWei + tip;
  const bumped = bump(replacing.maxFeePerGas);
  return { maxPriorityFeePerGas: tip, maxFeePerGas: bumped > includable ? bumped : includable };
}

export async function sendCancel(o: SendCancelOptions): Promise<{ hash: Hex; fees: Eip1559Fees }> {
  const wallet = createWalletClient({
    account: o.account,
    chain: viemChain(o.chainId, o.url),
    transport: http(o.url, { retryCount: 0, timeout: o.timeoutMs ?? 5_000 }),
  });
  const fees = cancelFees(o.replacing, o.nextBaseFeeWei);
  const signed = await wallet.signTransaction({
    account: o.account,
    chain: wallet.chain,
    to: o.account.address,
    value: 0n,
    gas: 21_000n,
    nonce: o.nonce,
    type: 'eip1559',
    ...fees,
  });
  await rpcCall('eth_sendRawTransaction (cancel)', async () => {
    try {
      await wallet.sendRawTransaction({ serializedTransaction: signed });
    } catch (e) {
      if (/already known|known transaction/i.test(String((e as Error).message))) return;
      throw e;
    }
  });
  return { hash: keccak256(signed), fees };
}
