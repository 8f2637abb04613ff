/**
 * Signs and sends FlashArb.execute from the runner's account (a local viem account: the key stays in memory and
 * only the signed transaction goes to the node). EIP-1559 fees, a managed nonce and a fixed gas limit, so a trade
 * the chain rejects is still mined and its gas shows in the receipt. Transient send failures are retried with the
 * same signed transaction: a resend the node answers "already known", or "nonce too low" while it knows our hash
 * (the first send was mined), counts as sent, so a lost response never sends a second trade.
 */
import { createWalletClient, http, keccak256, type Account, type Address, type Hex } from 'viem';
import { InvalidInputError, RetryableIoError } from '../../core/errors.ts';
import { rpcCall } from './chainClient.ts';
import { viemChain } from './chainClient.ts';
import type { Eip1559Fees } from './feeChoice.ts';
import type { NonceManager } from './nonceManager.ts';

export interface SendFlashArbOptions {
  url: string;
  /** Per request (default 5,000 ms). */
  timeoutMs?: number;
  chainId: number;
  account: Account;
  flashArb: Address;
  /** FlashArb.execute calldata, exactly as simulated (simulateSend.ts). */
  data: Hex;
  fees: Eip1559Fees;
  gas: bigint;
  nonces: NonceManager;
}

export async function sendFlashArb(o: SendFlashArbOptions): Promise<{ hash: Hex; nonce: number }> {
  const wallet = createWalletClient({
    account: o.account,
    chain: viemChain(o.chainId, o.url),
    transport: http(o.url, { retryCount: 0, timeout: o.timeoutMs ?? 5_000 }),
  });
  const data = o.data;
  const nonce = await o.nonces.take();
  try {
    const request = await wallet.prepareTransactionRequest({
      to: o.flashArb,
      data,
      nonce,
      gas: o.gas,
      type: 'eip1559',
      chain: wallet.chain,
      account: o.account,
      maxFeePerGas: o.fees.maxFeePerGas,
      maxPriorityFeePerGas: o.fees.maxPriorityFeePerGas,
    });
    const signed = await wallet.signTransaction(request as never);
    await rpcCall('eth_sendRawTransaction', async () => {
      try {
        await wallet.sendRawTransaction({ serializedTransaction: signed });
      } catch (e) {
        const message = String((e as Error).message);
        if (/already known|known transaction/i.test(message)) return;
        // A resend after a lost response: the first send may have been mined already (nonce now used by us).
        if (
          /nonce too low/i.test(message) &&
          (await wallet.request({ method: 'eth_getTransactionByHash', params: [keccak256(signed)] } as never))
        )
          return;
        throw e;
      }
    });
    return { hash: keccak256(signed), nonce };
  } catch (error) {
    o.nonces.release(nonce);
    const text = `${String((error as Error).message)} ${String((error as { details?: string }).details ?? '')}`;
    if (/insufficient funds|enough funds/i.test(text))
      throw new InvalidInputError(
        `the sending account ${o.account.address} cannot pay for the trade's gas (insufficient funds)`,
      );
    if (/nonce too (high|low)/i.test(String((error as Error).message))) {
      // Our count and the node's disagree (a send we never heard back from, another sender): ask the node again.
      o.nonces.resync();
      throw new RetryableIoError('nonce out of step with the node; re-reading it', { cause: error });
    }
    throw error;
  }
}
