/**
 * `arbml evaluate`'s per-seed job end to end on a short path: every decider runs, no decider's total is above its
 * path bound, the seed table is the heuristic's and ml_filter's, and the job gives the same JSON in this process and
 * in a worker process (deterministic per seed, whatever runs it).
 */
import { describe, expect, it } from 'vitest';
import { aggregateSeeds } from './aggregateSeeds.ts';
import { EVALUATED_DECIDERS, evaluateSeed, type EvaluateConfig, type SeedResult } from './evaluateSeed.ts';
import { runSeedJobs } from './runSeedJobs.ts';

const config: EvaluateConfig = { days: 1, chains: ['polygon'], scenario: 'default', rlEpisodes: 2_000, lstm: false };
const strip = (r: SeedResult): object => ({ ...r, seconds: undefined, cpu_seconds: undefined });

describe('evaluateSeed', () => {
  it('runs every decider under its path bound, the same in this process and in a worker', async () => {
    const here = await evaluateSeed(config, 4);
    expect(Object.keys(here.deciders).sort()).toEqual([...EVALUATED_DECIDERS].sort());
    for (const name of EVALUATED_DECIDERS) {
      const d = here.deciders[name]!;
      expect(d.total_profit_eth).toBeLessThanOrEqual(d.bound_eth + 1e-9);
    }
    expect(here.bound_respected).toBe(true);
    expect(here.deciders.greedy!.executed).toBeGreaterThan(here.deciders.heuristic!.executed);
    expect(here.seed_table.heuristic.success_rate).toBe(here.deciders.heuristic!.success_rate);
    const [there] = await runSeedJobs({ jobs: [{ config, seed: 4 }], workers: 1 });
    // The worker's result crossed a process boundary as JSON (-0 arrives as 0): compare the JSON both would print.
    expect(JSON.parse(JSON.stringify(strip(there!)))).toEqual(JSON.parse(JSON.stringify(strip(here))));
    const s = aggregateSeeds([here, there!]);
    expect(s.deciders.ml!.total_profit_eth.ci95).toEqual(
      [here.deciders.ml!.total_profit_eth, here.deciders.ml!.total_profit_eth].map((x) => Number(x.toFixed(6))),
    );
  }, 900_000);
});
