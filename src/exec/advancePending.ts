/**
 * One block of a pending transaction's life on its chain: not yet at the builders (and, for ours, withdrawn unsent
 * when a newer block shows the route no longer clears its minimum profit before we could send), eligible but not
 * accepted (fees; dropped after maxWaitBlocks), or included: executed with exact AMM math on the pools it meets
 * (swaps ordered ahead of it and competitors with a higher tip first, then our own earlier trades of the block).
 * What a failure costs depends on the chain: an Ethereum bundle that would revert is not included (it costs
 * nothing); on Polygon the revert is mined and its gas paid.
 */
import { chainProfile } from '../dex/gas/chainProfiles.ts';
import type { Pool } from '../dex/pool.ts';
import type { BlockSnapshot } from '../market/blockSnapshot.ts';
import { quoteCandidate } from './confirmRoute.ts';
import { executeRoute, type ExecutionResult } from './executeRoute.ts';
import { arrivedFor, effectivePriceWei, feesAccepted, INCLUSION_PARAMS } from './inclusion.ts';
import type { MarketView } from './marketView.ts';
import type { PendingTx, Resolution } from './pendingTx.ts';

export interface AdvanceOptions {
  tx: PendingTx;
  block: BlockSnapshot;
  market: MarketView;
  /** Our trades already in this block: pool states after them, by lower-case address. */
  overlay: ReadonlyMap<string, Pool>;
}

/** Chains where we send bundles to builders: a bundle that would revert is not included and costs nothing. */
const BUNDLE_CHAINS: ReadonlySet<string> = new Set(['ethereum']);

function byAddress(pools: readonly Pool[]): Map<string, Pool> {
  return new Map(pools.map((p) => [p.address.toLowerCase(), p]));
}

export interface Included {
  resolution: Resolution;
  execution: ExecutionResult;
}

/**
 * A competing searcher took the same opportunity: a DEX-DEX arbitrage on two of the route's pools (with at least
 * `minTip` when given). A CEX-DEX arbitrage on one pool is market motion, like any other swap.
 */
function hitBy(block: BlockSnapshot, tx: PendingTx, minTip: bigint | null): boolean {
  for (const a of block.competitorArbs) {
    if (a.partnerIndex === undefined || (minTip !== null && a.tipWei < minTip)) continue;
    const partner = block.pools[a.partnerIndex]?.address.toLowerCase();
    if (partner && tx.poolAddresses.includes(a.poolAddress.toLowerCase()) && tx.poolAddresses.includes(partner))
      return true;
  }
  return false;
}

/** The route at our size no longer clears its minimum profit on these pools (by lower-case address): the edge is gone. */
function edgeGone(tx: PendingTx, block: BlockSnapshot, pools: ReadonlyMap<string, Pool>): boolean {
  const hops = tx.candidate.route.hops.map((h) => ({
    pool: pools.get(h.pool.address.toLowerCase()) ?? h.pool,
    zeroForOne: h.zeroForOne,
  }));
  const route = { ...tx.candidate.route, hops };
  const q = quoteCandidate({
    route,
    provider: tx.plan.provider,
    amountIn: tx.plan.amountIn,
    profile: chainProfile(block.chain),
    gasPriceWei: 0n,
    tokenPerNative: 0n,
  });
  return !q || q.amountOut - q.amountIn - q.flashFee < tx.plan.minProfit;
}

/** Advances a pending transaction by one block of its chain; returns its end, or null while it is still pending. */
export function advancePending({ tx, block, market, overlay }: AdvanceOptions): Included | Resolution | null {
  const params = INCLUSION_PARAMS[block.chain];
  if (!arrivedFor(block, tx.arrivalMs, params)) {
    if (
      tx.kind === 'execute' &&
      block.timeMs + params.seeBlockMs < tx.arrivalMs &&
      edgeGone(tx, block, byAddress(block.pools))
    ) {
      return { status: 'unsent', blockNumber: block.blockNumber };
    }
    if (hitBy(block, tx, null)) tx.competitorBefore = true;
    tx.poolsBefore = block.pools;
    return null;
  }
  if (!feesAccepted(block, tx.maxFeeWei, tx.tipWei)) {
    if (hitBy(block, tx, null)) tx.competitorBefore = true;
    tx.poolsBefore = block.pools;
    tx.eligibleBlocks++;
    return tx.eligibleBlocks >= params.maxWaitBlocks
      ? { status: 'not_included', blockNumber: block.blockNumber }
      : null;
  }
  const pools = new Map<string, Pool>();
  for (const p of market.poolsAtInclusion({ chain: block.chain, tipWei: tx.tipWei }))
    pools.set(p.address.toLowerCase(), p);
  for (const [a, p] of overlay) pools.set(a, p);
  const execution = executeRoute({ plan: tx.plan, pools, profile: chainProfile(block.chain) });
  const frontRun = tx.competitorBefore || hitBy(block, tx, tx.tipWei);
  if (execution.status === 'reverted' && BUNDLE_CHAINS.has(block.chain)) {
    return { status: 'not_included', blockNumber: block.blockNumber, bundleRevert: execution.reason };
  }
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
      edgeGone:
        execution.status === 'reverted' &&
        tx.poolsBefore !== undefined &&
        edgeGone(tx, block, byAddress(tx.poolsBefore)),
      cexPrice: block.cexPrice,
      ethUsd: block.ethUsd,
      nativeUsd: block.nativeUsd,
    },
  };
}
