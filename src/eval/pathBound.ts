/**
 * A hindsight upper bound on each decider's own path. Every offer the runner makes has a known outcome on that
 * path: the realised profit of the trade when the decider executed it, otherwise the counterfactual of executing
 * at once at full size on the best route (the runner resolves it on the same path). Offers are grouped into
 * episodes (one edge on one pool, from the block it opened); an episode's bound is the larger of
 *   - the sum of the positive realised profits of the decider's own trades in it (several trades per episode), and
 *   - the best positive outcome of any single offer in it (what one trade known in hindsight would have made).
 * The path bound is the sum over episodes. A decider's total is the sum of its trades' profits, each at most its
 * positive part, so total <= bound by construction on every path (pathBound.test.ts checks it on real runs and on
 * rows that break it). `pct_of_bound` = total / bound.
 */
import type { Decider, DecisionContext, DecisionResult } from '../domain/decider.ts';
import type { Opportunity } from '../domain/opportunity.ts';
import type { OpportunityRow } from '../domain/opportunityRow.ts';

/** Wraps a decider to note each offer's episode: `${chain}:${dexPool}:${block the edge opened}`. */
export class EpisodeTagger implements Decider {
  readonly name: string;
  readonly episodeOf = new Map<string, string>();

  constructor(private readonly inner: Decider) {
    this.name = inner.name;
  }

  decide(opp: Opportunity, ctx: DecisionContext): DecisionResult {
    this.episodeOf.set(opp.id, `${opp.chain}:${opp.dexPool}:${opp.blockNumber - opp.blocksOpen}`);
    return this.inner.decide(opp, ctx);
  }
}

export type BoundRow = Pick<OpportunityRow, 'id' | 'executed' | 'profitEth' | 'counterfactualProfitEth'>;

export interface PathBound {
  bound_eth: number;
  episodes: number;
  /** The decider's total on the same rows (sum of realised profits of executed rows). */
  total_eth: number;
}

export function pathBound(rows: readonly BoundRow[], episodeOf: ReadonlyMap<string, string>): PathBound {
  const own = new Map<string, number>();
  const best = new Map<string, number>();
  let total = 0;
  for (const r of rows) {
    const ep = episodeOf.get(r.id) ?? r.id;
    const outcome = Number(r.executed ? (r.profitEth ?? 0) : (r.counterfactualProfitEth ?? 0));
    if (r.executed) {
      total += outcome;
      own.set(ep, (own.get(ep) ?? 0) + Math.max(0, outcome));
    }
    best.set(ep, Math.max(best.get(ep) ?? 0, outcome));
  }
  let bound = 0;
  for (const ep of best.keys()) bound += Math.max(own.get(ep) ?? 0, best.get(ep)!);
  return { bound_eth: bound, episodes: best.size, total_eth: total };
}
