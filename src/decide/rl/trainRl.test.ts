import { describe, expect, it } from 'vitest';
import { trainRl } from './trainRl.ts';

describe('trainRl on the market model', () => {
  it('gives the same policy file for the same seed and an oracle above every policy on held-out seeds', async () => {
    const opts = {
      episodes: 2_000,
      seed: 3,
      trainDays: 1,
      evalDays: 1,
      evalSeeds: [1003],
      chains: ['polygon'] as const,
    };
    const a = await trainRl(opts);
    const b = await trainRl(opts);
    expect(a.policyJson).toBe(b.policyJson);
    expect(a.trainingEpisodes).toBeGreaterThan(100);
    expect(a.curve).toHaveLength(20);
    const { oracle, rl, heuristic, ml_now } = a.eval;
    for (const m of [rl, heuristic, ml_now]) expect(oracle.total_profit_eth).toBeGreaterThanOrEqual(m.total_profit_eth);
    expect(JSON.parse(a.policyJson)).toMatchObject({
      version: 1,
      seed: 3,
      episodes: 2_000,
      metrics: { avg_reward: a.curve.at(-1)![1] },
    });
  }, 60_000);
});
