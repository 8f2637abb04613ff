/**
 * What a trade would have paid at a block, without sending it: an eth_call of FlashArb.execute from the contract's
 * owner with a minimum profit of 0, at the detection block. Null when the call reverts (the trade would fail).
 * The paper mode's counterfactual and the skipped opportunity's missed profit come from it.
 */
import type { Abi, Address } from 'viem';
import { encodeRoute } from '../../evm/encodeRoute.ts';
import type { RouteCandidate } from '../../domain/opportunity.ts';
import { rpcCall, type LivePublicClient } from '../chain/chainClient.ts';
import type { LiveMarketSpec } from '../liveMarketSpec.ts';

export interface SimulateProfitOptions {
  client: LivePublicClient;
  spec: LiveMarketSpec;
  flashArbAbi: Abi;
  owner: Address;
  candidate: RouteCandidate;
  lender?: string;
  blockNumber: bigint;
}

export async function simulateProfit(o: SimulateProfitOptions): Promise<bigint | null> {
  const c = o.candidate;
  const encoded = encodeRoute({
    route: c.route,
    amountIn: c.amountIn,
    provider: c.provider,
    lender: o.lender,
    hopSlippageBps: 10_000,
  });
  return rpcCall('eth_call FlashArb.execute', async () => {
    try {
      const { result } = await o.client.simulateContract({
        address: o.spec.flashArb as Address,
        abi: o.flashArbAbi,
        functionName: 'execute',
        args: [encoded.loan, encoded.hops, 0n],
        account: o.owner,
        blockNumber: o.blockNumber,
      });
      return result as bigint;
    } catch (e) {
      if (
        /revert/i.test(String((e as Error).message)) &&
        !/fetch failed|ECONNREFUSED|timed out|took too long/i.test(String((e as Error).message))
      )
        return null;
      throw e;
    }
  });
}
