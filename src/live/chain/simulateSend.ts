/**
 * The last check before signing: an eth_call of exactly the transaction about to be sent (same from, to, calldata,
 * gas limit and EIP-1559 fees) at the `pending` block, so a pool moved since detection, a fee the block no longer
 * accepts or a profit below the minimum shows here and nothing is sent. Returns FlashArb's profit (the call's
 * int256 result) or why it would fail. A node outage is retried (rpcCall); an account that cannot pay for the gas
 * stops the run with InvalidInputError (a configuration problem, not a market one).
 */
import { decodeFunctionResult, type Abi, type Address, type Hex } from 'viem';
import { InvalidInputError } from '../../core/errors.ts';
import { rpcCall, type LivePublicClient } from './chainClient.ts';
import type { Eip1559Fees } from './feeChoice.ts';

export interface SimulateSendOptions {
  client: LivePublicClient;
  from: Address;
  to: Address;
  data: Hex;
  gas: bigint;
  fees: Eip1559Fees;
  /** ABI to decode the call's result with (FlashArb: execute returns int256 profit). */
  abi: Abi;
  functionName: string;
}

export type SimulationResult = { ok: true; profit: bigint } | { ok: false; reason: string };

/** A revert (the node's answer about the transaction), as opposed to a failure to get an answer. */
function revertReason(e: Error & { shortMessage?: string; details?: string }): string | undefined {
  const text = `${e.shortMessage ?? ''} ${e.message} ${e.details ?? ''}`;
  if (/fetch failed|ECONNREFUSED|ECONNRESET|timed out|took too long/i.test(text)) return undefined;
  if (/revert|invalid opcode|out of gas|base fee|fee cap|intrinsic gas/i.test(text))
    return (e.details ?? e.shortMessage ?? e.message).split('\n')[0]!.slice(0, 200);
  return undefined;
}

export async function simulateSend(o: SimulateSendOptions): Promise<SimulationResult> {
  const r = await rpcCall(
    'eth_call (pre-send simulation)',
    async (): Promise<{ data?: Hex } | { reverted: string }> => {
      try {
        const { data } = await o.client.call({
          account: o.from,
          to: o.to,
          data: o.data,
          gas: o.gas,
          maxFeePerGas: o.fees.maxFeePerGas,
          maxPriorityFeePerGas: o.fees.maxPriorityFeePerGas,
          blockTag: 'pending',
        });
        return { data };
      } catch (e) {
        const x = e as Error & { details?: string };
        if (/insufficient funds|enough funds/i.test(`${x.message} ${x.details ?? ''}`))
          throw new InvalidInputError(
            `the sending account ${o.from} cannot pay for the trade's gas (insufficient funds)`,
          );
        const reason = revertReason(e as Error);
        if (reason !== undefined) return { reverted: reason };
        throw e;
      }
    },
  );
  if ('reverted' in r) return { ok: false, reason: r.reverted };
  if (!r.data) return { ok: false, reason: 'empty result' };
  const profit = decodeFunctionResult({ abi: o.abi, functionName: o.functionName, data: r.data }) as bigint;
  return { ok: true, profit };
}
