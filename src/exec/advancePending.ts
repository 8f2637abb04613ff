/**
 * One block of a pending transaction's life on its chain: not yet at the builders (and, for ours, dropped as stale
 * when a newer block shows the route no longer clears its minimum profit before we could send), eligible but not
 * accepted (fees; dropped after maxWaitBlocks), or included: executed with exact AMM math on the pools it meets
 * (competitors with a higher tip first, then our own earlier trades of the block).
 */
import { chainProfile } from '../dex/gas/chainProfiles.ts';
import type { Pool } from '../dex/pool.ts';
import type { BlockSnapshot } from '../market/blockSnapshot.ts';
import { quoteCandidate } from './confirmRoute.ts';
import { executeRoute, type ExecutionResult } from './executeRoute.ts';
import { arrivedFor, effectivePriceWei, feesAccepted, INCLUSION_PARAMS } from './inclusion.ts';
import type { SearcherTrade } from './dexSearchers.ts';
import type { MarketView } from './marketView.ts';
import type { PendingTx, Resolution } from './pendingTx.ts';

export interface AdvanceOptions {
  tx: PendingTx;
  block: BlockSnapshot;
  market: MarketView;
  /** Our trades already in this block: pool states after them, by lower-case address. */
  overlay: ReadonlyMap<string, Pool>;
  /** Competing searchers' trades that landed in this block. */
  searchers?: readonly SearcherTrade[];
}

export interface Included {
  resolution: Resolution;
  execution: ExecutionResult;
}

function hitBy(block: BlockSnapshot, searchers: readonly SearcherTrade[], tx: PendingTx, minTip: bigint | null): boolean {
  for (const a of block.competitorArbs) {
    if (tx.poolAddresses.includes(a.poolAddress.toLowerCase()) && (minTip === null || a.tipWei >= minTip)) return true;
  }
  for (const s of searchers) {
    if (s.addresses.some((a) => tx.poolAddresses.includes(a)) && (minTip === null || s.tipWei >= minTip)) return true;
  }
  return false;
}

/** Our transaction would no longer clear its minimum profit on this (newer) block's pools. */
function isStale(tx: PendingTx, block: BlockSnapshot): boolean {
  const byAddress = new Map(block.pools.map((p) => [p.address.toLowerCase(), p]));
  const hops = tx.candidate.route.hops.map((h) => ({ pool: byAddress.get(h.pool.address.toLowerCase()) ?? h.pool, zeroForOne: h.zeroForOne }));
  const route = { ...tx.candidate.route, hops };
  const q = quoteCandidate({
    route, provider: tx.plan.provider, amountIn: tx.plan.amountIn, profile: chainProfile(block.chain),
    gasPriceWei: 0n, tokenPerNative: 0n,
  });
  return !q || q.amountOut - q.amountIn - q.flashFee < tx.plan.minProfit;
}

/** Advances a pending transaction by one block of its chain; returns its end, or null while it is still pending. */
export function advancePending({ tx, block, market, overlay, searchers = [] }: AdvanceOptions): Included | Resolution | null {
  const params = INCLUSION_PARAMS[block.chain];
  if (!arrivedFor(block, tx.arrivalMs, params)) {
    if (tx.kind === 'execute' && block.timeMs < tx.arrivalMs && isStale(tx, block)) return { status: 'stale', blockNumber: block.blockNumber };
    if (hitBy(block, searchers, tx, null)) tx.competitorBefore = true;
    return null;
  }
  if (!feesAccepted(block, tx.maxFeeWei, tx.tipWei)) {
    if (hitBy(block, searchers, tx, null)) tx.competitorBefore = true;
    tx.eligibleBlocks++;
    return tx.eligibleBlocks >= params.maxWaitBlocks ? { status: 'not_included', blockNumber: block.blockNumber } : null;
  }
  const pools = new Map<string, Pool>();
  for (const p of market.poolsAtInclusion({ chain: block.chain, tipWei: tx.tipWei })) pools.set(p.address.toLowerCase(), p);
  for (const s of searchers) if (s.tipWei >= tx.tipWei) for (const p of s.pools) pools.set(p.address.toLowerCase(), p);
  for (const [a, p] of overlay) pools.set(a, p);
  const execution = executeRoute({ plan: tx.plan, pools, profile: chainProfile(block.chain) });
  const frontRun = tx.competitorBefore || hitBy(block, searchers, tx, tx.tipWei);
  return {
    execution,
    resolution: {
      status: execution.status,
      blockNumber: block.blockNumber,
      frontRun,
      executedOut: execution.status === 'success' ? execution.executedOut : null,
      gasUsed: execution.gasUsed,
      gasPriceWei: effectivePriceWei(block, tx.maxFeeWei, tx.tipWei),
      profit: execution.status === 'success' ? execution.profit : null,
      revertReason: execution.status === 'reverted' ? execution.reason : null,
      cexPrice: block.cexPrice,
      ethUsd: block.ethUsd,
      nativeUsd: block.nativeUsd,
    },
  };
}
