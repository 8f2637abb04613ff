import { describe, expect, it } from 'vitest';
import { rngFor } from '../../core/random.ts';
import { RlAction } from './actions.ts';
import type { Episode, EpisodeStep } from './episode.ts';
import { evaluatePolicy, oracleMetrics, validOf } from './evaluatePolicies.ts';
import { FqiPolicy } from './fqiPolicy.ts';
import { syntheticEpisode, syntheticStep } from './testEpisodes.ts';

/** Continuous edge: above 60 bps the small size pays and full size loses; below 40 executing loses but half the time
 * the edge widens a block later (waiting is worth 0.5 x 0.03); the state key is unique, so a table knows none. */
function step(edgeBps: number, rewards: number[], blocks: number): EpisodeStep {
  const s = syntheticStep(`k${edgeBps}`, rewards);
  return { ...s, snapshot: { ...s.snapshot, edgeBps, blocksSinceDetection: blocks } };
}
function episodes(n: number, seed: number): Episode[] {
  const rng = rngFor(seed, 'test/fqi');
  return Array.from({ length: n }, (_, i) => {
    const hot = (b: number): EpisodeStep => step(60 + 100 * rng.next(), [0.02, 0.03, -0.01, -0.02], b);
    if (rng.next() < 0.5) return syntheticEpisode(`e${i}`, [hot(0)]);
    const cold = step(40 * rng.next(), [-0.01, -0.01, -0.01, -0.01], 0);
    return syntheticEpisode(`e${i}`, [
      cold,
      rng.next() < 0.5 ? hot(1) : step(40 * rng.next(), [-0.005, -0.005, -0.005, -0.005], 1),
    ]);
  });
}

describe('FqiPolicy (fitted Q-iteration, GBDT per action)', () => {
  const policy = FqiPolicy.train({ episodes: episodes(600, 1), seed: 3 });
  const held = episodes(400, 2);

  it('executes the paying size on a wide edge and waits on a narrow one, in states it never saw', () => {
    const hot = held.find((e) => e.steps[0]!.snapshot.edgeBps > 60)!.steps[0]!;
    const cold = held.find((e) => e.steps[0]!.snapshot.edgeBps < 40)!.steps[0]!;
    expect(policy.greedy(hot.snapshot, validOf(hot))).toBe(RlAction.Exec50R0);
    expect(policy.greedy(cold.snapshot, validOf(cold))).toBe(RlAction.Wait);
  });

  it('makes at least 95% of the hindsight oracle on held-out episodes', () => {
    const m = evaluatePolicy(held, (s) => policy.greedy(s.snapshot, validOf(s)));
    const oracle = oracleMetrics(held);
    expect(m.total_profit_eth).toBeGreaterThanOrEqual(0.95 * oracle.total_profit_eth);
    expect(m.success_rate).toBe(1);
  });
});
