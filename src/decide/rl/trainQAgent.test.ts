import { describe, expect, it } from 'vitest';
import { rngFor } from '../../core/random.ts';
import { ACTION_COUNT, RlAction } from './actions.ts';
import type { Episode } from './episode.ts';
import {
  evaluatePolicy,
  heuristicPolicy,
  oracleMetrics,
  validOf,
  agentPolicy,
  type StepPolicy,
} from './evaluatePolicies.ts';
import { policyJson } from './policyFile.ts';
import { syntheticEpisode, syntheticStep } from './testEpisodes.ts';
import { trainQAgent } from './trainQAgent.ts';

/** 'hot' offers pay at small size and lose at full size; 'cold' ones lose now but turn 'hot' a block later half the time. */
function episodes(n: number, seed: number): Episode[] {
  const rng = rngFor(seed, 'test/episodes');
  return Array.from({ length: n }, (_, i) => {
    const hot = syntheticStep('hot', [0.02, 0.03, -0.01, -0.02, 0.01, 0.01, 0.005, -0.01], true);
    const cold = syntheticStep('cold', [-0.01, -0.01, -0.01, -0.01], true);
    const later =
      rng.next() < 0.5
        ? syntheticStep('hot', [0.02, 0.03, -0.01, -0.02])
        : syntheticStep('gone', [-0.005, -0.005, -0.005, -0.005]);
    return syntheticEpisode(`e${i}`, rng.next() < 0.5 ? [hot] : [cold, later]);
  });
}

const randomPolicy = (seed: number): StepPolicy => {
  const rng = rngFor(seed, 'test/random');
  return (step) => {
    const valid = validOf(step);
    const allowed = [...Array(ACTION_COUNT).keys()].filter((a) => valid[a]);
    return allowed[rng.int(allowed.length)]! as RlAction;
  };
};

describe('trainQAgent', () => {
  const pool = episodes(400, 1);
  const held = episodes(400, 2);

  it('learns the paying action per state and beats a random policy and the heuristic', () => {
    const { agent, curve } = trainQAgent({ pool, episodes: 3000, seed: 5 });
    expect(curve).toHaveLength(30);
    expect(agent.greedy('hot', validOf(pool.find((e) => e.steps[0]!.stateKey === 'hot')!.steps[0]!))).toBe(
      RlAction.Exec50R0,
    );
    expect(agent.greedy('cold')).toBe(RlAction.Wait);
    const rl = evaluatePolicy(held, agentPolicy(agent));
    const random = evaluatePolicy(held, randomPolicy(9));
    const heuristic = evaluatePolicy(held, heuristicPolicy);
    expect(rl.total_profit_eth).toBeGreaterThan(random.total_profit_eth);
    expect(rl.total_profit_eth).toBeGreaterThan(heuristic.total_profit_eth);
    expect(rl.success_rate).toBe(1);
    // the curve's last point is above its first (exploration falls, knowledge grows)
    expect(curve.at(-1)![1]).toBeGreaterThan(curve[0]![1]);
  });

  it('the hindsight oracle is at least any policy on the same episodes', () => {
    const { agent } = trainQAgent({ pool, episodes: 1000, seed: 3 });
    const oracle = oracleMetrics(held);
    for (const p of [agentPolicy(agent), heuristicPolicy, randomPolicy(1), randomPolicy(2), () => RlAction.Exec150R0]) {
      expect(oracle.total_profit_eth).toBeGreaterThanOrEqual(evaluatePolicy(held, p).total_profit_eth);
    }
    // every 'hot' now pays 0.03, every cold->hot 0.03 later, cold->gone nothing
    const expected = held.reduce((s, e) => s + (e.steps.some((x) => x.stateKey === 'hot') ? 0.03 : 0), 0);
    expect(oracle.total_profit_eth).toBeCloseTo(expected, 9);
  });

  it('writes the same policy file byte for byte for the same seed', () => {
    const meta = {
      seed: 4,
      episodes: 1500,
      training_window: { seed: 4, days: 0, episodes_generated: pool.length },
      metrics: { curve: [] as [number, number][], avg_reward: 0 },
    };
    const a = policyJson(trainQAgent({ pool, episodes: 1500, seed: 4 }).agent, meta);
    const b = policyJson(trainQAgent({ pool, episodes: 1500, seed: 4 }).agent, meta);
    const c = policyJson(trainQAgent({ pool, episodes: 1500, seed: 6 }).agent, meta);
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });
});
