/**
 * Sends one decided route through FlashArb and waits for its fate. The route (scaled by the decision's size factor
 * and re-quoted exactly when not 1) is encoded with per-hop minimums at the decision's tolerance; the fees are the
 * decision's within the run's caps (capFees.ts); the minimum profit covers the trade's gas at the chosen max fee
 * (plus any bid paid outside the fee), so a trade that would not pay for its gas reverts on chain. Just before
 * signing, that exact transaction is simulated at `pending` (simulateSend.ts) and sent only if it succeeds with at
 * least the minimum profit and the circuit breaker allows its worst-case gas; otherwise nothing is sent (no nonce
 * used) and the reason is returned. A sent trade's outcome carries the receipt's gas and FlashArb's ArbExecuted.
 */
import { encodeFunctionData, type Abi, type Account, type Address } from 'viem';
import { chainProfile } from '../../dex/gas/chainProfiles.ts';
import type { DecisionResult } from '../../domain/decider.ts';
import type { RouteCandidate } from '../../domain/opportunity.ts';
import { encodeRoute } from '../../evm/encodeRoute.ts';
import type { LivePublicClient } from '../chain/chainClient.ts';
import { chooseFees } from '../chain/feeChoice.ts';
import type { NonceManager } from '../chain/nonceManager.ts';
import { sendFlashArb } from '../chain/sendFlashArb.ts';
import { settleSend } from '../chain/settleSend.ts';
import { submitBundle } from '../chain/submitBundle.ts';
import { simulateSend } from '../chain/simulateSend.ts';
import type { LiveMarketSpec } from '../liveMarketSpec.ts';
import { withReceipt, type LiveExecution } from './liveExecution.ts';
import { capFees } from './capFees.ts';
import type { CircuitBreaker } from './circuitBreaker.ts';
import type { LiveLimits } from './liveLimits.ts';

export type SkipReason = 'simulation_failed' | 'fee_cap' | 'circuit_breaker';

export type ExecuteResult =
  { sent: true; execution: LiveExecution } | { sent: false; reason: SkipReason; detail: string };

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
  /** Deadline: blocks after the send head by which the trade must be included, else it is cancelled. */
  receiptBlocks: number;
  log?: (line: string) => void;
  limits: LiveLimits;
  breaker: CircuitBreaker;
  rpcTimeoutMs?: number;
  /** Public mempool (default) or a private bundle to a relay. */
  submit?: { kind: 'public' } | { kind: 'bundle'; relayUrl: string };
}

export function lenderFor(spec: LiveMarketSpec, kind: string): string | undefined {
  return kind === 'aave-v3' ? spec.lenders.aave : kind === 'balancer-v2' ? spec.lenders.balancer : undefined;
}

const ceilDiv = (a: bigint, b: bigint): bigint => (a + b - 1n) / b;

export async function executeOnChain(o: ExecuteOnChainOptions): Promise<ExecuteResult> {
  const c = o.candidate;
  const encoded = encodeRoute({
    route: c.route,
    amountIn: c.amountIn,
    provider: c.provider,
    lender: lenderFor(o.spec, c.provider.kind),
    hopSlippageBps: Math.round(o.decision.slippageToleranceBps ?? o.decision.estimatedSlippageBps),
  });
  const minPriorityFeeWei = chainProfile(o.spec.chain).minPriorityFeeWei;
  const wanted = chooseFees({ nextBaseFeeWei: o.nextBaseFeeWei, minPriorityFeeWei, tipWei: o.decision.tipWei });
  // Borrowed-token units per wei, from the quote's own gas conversion.
  const toToken = (wei: bigint): bigint => (c.gasCost.wei > 0n ? ceilDiv(wei * c.gasCost.token, c.gasCost.wei) : 0n);
  const toWei = (token: bigint): bigint => (c.gasCost.token > 0n ? (token * c.gasCost.wei) / c.gasCost.token : 0n);
  const capped = capFees({
    fees: wanted,
    nextBaseFeeWei: o.nextBaseFeeWei,
    minPriorityFeeWei,
    limits: o.limits,
    gasUnits: c.gasUsed,
    expectedProfitWei: toWei(c.grossProfit - c.flashFee),
  });
  if ('refused' in capped) return { sent: false, reason: 'fee_cap', detail: capped.refused };
  const fees = capped.fees;
  const worstCaseWei = c.gasUsed * fees.maxFeePerGas;
  const minProfit = toToken(worstCaseWei);
  if (!o.breaker.allows(worstCaseWei))
    return { sent: false, reason: 'circuit_breaker', detail: o.breaker.tripped?.limit ?? 'tripped' };
  const data = encodeFunctionData({
    abi: o.flashArbAbi,
    functionName: 'execute',
    args: [encoded.loan, encoded.hops, minProfit],
  });
  const sim = await simulateSend({
    client: o.client,
    from: o.account.address,
    to: o.spec.flashArb as Address,
    data,
    gas: o.gasLimit,
    fees,
    abi: o.flashArbAbi,
    functionName: 'execute',
  });
  if (!sim.ok) return { sent: false, reason: 'simulation_failed', detail: sim.reason };
  if (sim.profit < minProfit)
    return { sent: false, reason: 'simulation_failed', detail: `profit ${sim.profit} below the minimum ${minProfit}` };
  if (o.submit?.kind === 'bundle') {
    const nonce = await o.nonces.take();
    const b = await submitBundle({
      client: o.client,
      url: o.url,
      relayUrl: o.submit.relayUrl,
      chainId: o.spec.chainId,
      account: o.account,
      to: o.spec.flashArb as Address,
      data,
      gas: o.gasLimit,
      nonce,
      fees,
      sentAtBlock: o.headAtSend,
      deadlineBlocks: o.receiptBlocks,
      log: o.log,
    });
    const base: LiveExecution = { outcome: b.outcome, hash: b.hash, minProfit, bundleTargets: b.targets };
    if (!b.receipt) {
      o.nonces.resync(); // never public: the nonce is free again
      return { sent: true, execution: base };
    }
    return { sent: true, execution: withReceipt(base, b.receipt, o.spec, o.flashArbAbi) };
  }
  const { hash, nonce } = await sendFlashArb({
    url: o.url,
    chainId: o.spec.chainId,
    account: o.account,
    flashArb: o.spec.flashArb as Address,
    data,
    fees,
    gas: o.gasLimit,
    nonces: o.nonces,
    timeoutMs: o.rpcTimeoutMs,
  });
  const r = await settleSend({
    client: o.client,
    url: o.url,
    chainId: o.spec.chainId,
    account: o.account,
    hash,
    nonce,
    fees,
    sentAtBlock: o.headAtSend,
    deadlineBlocks: o.receiptBlocks,
    log: o.log,
  });
  if (!r.receipt) {
    o.nonces.resync();
    return { sent: true, execution: { outcome: r.outcome, hash, minProfit, cancelHash: r.cancelHash } };
  }
  return {
    sent: true,
    execution: withReceipt(
      { outcome: r.outcome, hash, minProfit, cancelHash: r.cancelHash },
      r.receipt,
      o.spec,
      o.flashArbAbi,
    ),
  };
}
