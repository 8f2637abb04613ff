/**
 * Blocks since an edge was first offered, the way the RL episodes count them: an offer of the same pool in the next
 * block of its chain continues the episode; a gap or a freshly opened edge (blocksOpen 0) starts a new one.
 */
import type { Opportunity } from '../domain/opportunity.ts';

export class EpisodeClock {
  private readonly open = new Map<string, { first: number; last: number }>();

  /** This offer's step within its episode (0 = first offer). */
  step(opp: Pick<Opportunity, 'chain' | 'dexPool' | 'blockNumber' | 'blocksOpen'>): number {
    const key = `${opp.chain}:${opp.dexPool}`;
    const e = this.open.get(key);
    if (!e || opp.blocksOpen === 0 || e.last !== opp.blockNumber - 1) {
      this.open.set(key, { first: opp.blockNumber, last: opp.blockNumber });
      return 0;
    }
    e.last = opp.blockNumber;
    return opp.blockNumber - e.first;
  }
}
