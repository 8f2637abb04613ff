/**
 * How a chain orders competing arbitrages of one edge, and what the winner pays. A chain names its rule in the
 * market parameters, so a new chain plugs in by choosing one (or adding one here):
 * - `builder-auction` (Ethereum): searchers send bundles to builders bidding a share of the edge's value; the
 *   highest bid among those that arrived in time wins and pays its bid (sealed bid, first price).
 * - `priority-gas-auction` (Polygon): searchers bid gas price in the public mempool; the winner outbids the
 *   runner-up by one step (capped at its own limit) and pays at least the block's typical tip.
 * - `first-come` (Arbitrum's sequencer): no tips; the first to arrive wins and pays the minimum.
 */
export type OrderingRule = 'builder-auction' | 'priority-gas-auction' | 'first-come';

export interface RaceBids {
  /** Each arriving searcher's highest acceptable payment per gas, wei (share of the edge's value / gas). */
  capsWei: readonly number[];
  /** The block's typical tip (the floor a priority-gas auction starts from), wei. */
  typicalTipWei: number;
  /** The smallest tip a block includes, wei. */
  minTipWei: number;
}

/** A priority-gas auction's outbid step: 12.5% over the runner-up (geth's replacement rule is 10%). */
const PGA_STEP = 1.125;

/** The winner's tip per gas (wei) under the rule; its caps are those of the searchers that arrived first. */
export function winningTipWei(rule: OrderingRule, bids: RaceBids): number {
  const { capsWei, typicalTipWei, minTipWei } = bids;
  if (rule === 'first-come' || capsWei.length === 0) return minTipWei;
  let best = 0;
  let second = 0;
  for (const c of capsWei) {
    if (c > best) {
      second = best;
      best = c;
    } else if (c > second) second = c;
  }
  if (rule === 'builder-auction') return Math.max(minTipWei, best);
  const outbid = capsWei.length > 1 ? second * PGA_STEP : 0;
  return Math.max(minTipWei, Math.min(best, Math.max(typicalTipWei, outbid)));
}
