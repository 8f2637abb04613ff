/**
 * Sends one decided route through FlashArb and waits for its fate: the route (scaled by the decision's size
 * factor and re-quoted exactly when not 1) is encoded with per-hop minimums at the decision's tolerance and a
 * minimum profit equal to the quoted gas cost in the borrowed token, so a trade that would not pay for its gas
 * reverts on chain. Returns the outcome with the receipt's gas and, on success, FlashArb's ArbExecuted figures.
 */
import { parseEventLogs, type Abi, type Account, type Address, type Hex } from 'viem';
import { chainProfile } from '../../dex/gas/chainProfiles.ts';
import type { DecisionResult } from '../../domain/decider.ts';
import { encodeRoute } from '../../evm/encodeRoute.ts';
import type { RouteCandidate } from '../../domain/opportunity.ts';
import { awaitReceipt, type SendOutcome } from '../chain/awaitReceipt.ts';
import type { LivePublicClient } from '../chain/chainClient.ts';
import { chooseFees } from '../chain/feeChoice.ts';
import type { NonceManager } from '../chain/nonceManager.ts';
import { sendFlashArb } from '../chain/sendFlashArb.ts';
import type { LiveMarketSpec } from '../liveMarketSpec.ts';

export interface LiveExecution {
  outcome: SendOutcome;
  hash: Hex;
  /** Receipt figures (undefined when not included). */
  gasUsed?: bigint;
  effectiveGasPriceWei?: bigint;
  inclusionBlock?: bigint;
  /** From ArbExecuted, success only. */
  profit?: bigint;
  amountOut?: bigint;
  flashFee?: bigint;
}

export interface ExecuteOnChainOptions {
  client: LivePublicClient;
  url: string;
  spec: LiveMarketSpec;
  account: Account;
  flashArbAbi: Abi;
  nonces: NonceManager;
  candidate: RouteCandidate;
  decision: DecisionResult;
  nextBaseFeeWei: bigint;
  headAtSend: bigint;
  gasLimit: bigint;
  receiptBlocks: number;
  rpcTimeoutMs?: number;
}

export function lenderFor(spec: LiveMarketSpec, kind: string): string | undefined {
  return kind === 'aave-v3' ? spec.lenders.aave : kind === 'balancer-v2' ? spec.lenders.balancer : undefined;
}

export async function executeOnChain(o: ExecuteOnChainOptions): Promise<LiveExecution> {
  const c = o.candidate;
  const encoded = encodeRoute({
    route: c.route,
    amountIn: c.amountIn,
    provider: c.provider,
    lender: lenderFor(o.spec, c.provider.kind),
    hopSlippageBps: Math.round(o.decision.slippageToleranceBps ?? o.decision.estimatedSlippageBps),
  });
  const fees = chooseFees({
    nextBaseFeeWei: o.nextBaseFeeWei,
    minPriorityFeeWei: chainProfile(o.spec.chain).minPriorityFeeWei,
    tipWei: o.decision.tipWei,
  });
  const { hash } = await sendFlashArb({
    url: o.url,
    chainId: o.spec.chainId,
    account: o.account,
    flashArb: o.spec.flashArb as Address,
    flashArbAbi: o.flashArbAbi,
    encoded,
    minProfit: c.gasCost.token,
    fees,
    gas: o.gasLimit,
    nonces: o.nonces,
    timeoutMs: o.rpcTimeoutMs,
  });
  const r = await awaitReceipt({ client: o.client, hash, sentAtBlock: o.headAtSend, maxBlocks: o.receiptBlocks });
  if (!r.receipt) {
    o.nonces.resync();
    return { outcome: r.outcome, hash };
  }
  const out: LiveExecution = {
    outcome: r.outcome,
    hash,
    gasUsed: r.receipt.gasUsed,
    effectiveGasPriceWei: r.receipt.effectiveGasPrice,
    inclusionBlock: r.receipt.blockNumber,
  };
  if (r.outcome === 'success') {
    const own = r.receipt.logs.filter((l) => l.address.toLowerCase() === o.spec.flashArb.toLowerCase());
    const [ev] = parseEventLogs({ abi: o.flashArbAbi, logs: own, eventName: 'ArbExecuted' }) as unknown as {
      args: { amountOut: bigint; fee: bigint; profit: bigint };
    }[];
    if (ev) Object.assign(out, { profit: ev.args.profit, amountOut: ev.args.amountOut, flashFee: ev.args.fee });
  }
  return out;
}
