/**
 * Jobs a worker can run: "run function X with JSON args, return JSON". The registry names each function; a job
 * names one with its arguments. `simulate` runs the paper runner with the heuristic over one seed and returns the
 * run summary (the unit of a backtest sweep); `evaluate-seed` runs one seed of `arbml evaluate` (evaluateSeed:
 * config and seed in, the seed's JSON result out), what `arbml evaluate --workers nats://...` publishes.
 */
import { InvalidInputError } from '../core/errors.ts';
import { HeuristicDecider } from '../decide/heuristicDecider.ts';
import type { Chain } from '../dex/types.ts';
import { runSimulation } from '../exec/runSimulation.ts';
import { evaluateSeed, type EvaluateConfig } from '../eval/evaluateSeed.ts';
import { createMarket } from '../market/market.ts';

export interface Job {
  /** Unique per job (also its Nats-Msg-Id and result subject). */
  id: string;
  fn: string;
  args: unknown;
}

export interface JobResult {
  id: string;
  ok: boolean;
  result?: unknown;
  error?: string;
  worker?: string;
}

export type JobFunction = (args: unknown) => Promise<unknown>;

function simulateArgs(a: unknown): { seed: number; days: number; chains?: Chain[] } {
  const o = (a ?? {}) as Record<string, unknown>;
  if (!Number.isInteger(o.seed) || !(typeof o.days === 'number' && o.days > 0)) {
    throw new InvalidInputError('simulate job needs {"seed": integer, "days": number > 0}');
  }
  return { seed: o.seed as number, days: o.days, chains: o.chains as Chain[] | undefined };
}

export const jobFunctions: Readonly<Record<string, JobFunction>> = {
  async simulate(args) {
    const { seed, days, chains } = simulateArgs(args);
    const run = await runSimulation({
      market: createMarket({ seed, days, chains }),
      decider: new HeuristicDecider(),
      seed,
    });
    return { ...run.summary, blocks: run.blocks };
  },
  async 'evaluate-seed'(args) {
    const o = (args ?? {}) as { config?: EvaluateConfig; seed?: unknown };
    if (!o.config || !Number.isInteger(o.seed))
      throw new InvalidInputError('evaluate-seed job needs {"config": {...}, "seed": integer}');
    return evaluateSeed(o.config, o.seed as number);
  },
};

/** Runs a job; a failure is a result with ok: false (the job is done, not retried). */
export async function runJob(
  job: Job,
  functions: Readonly<Record<string, JobFunction>> = jobFunctions,
): Promise<JobResult> {
  const fn = functions[job.fn];
  if (!fn) return { id: job.id, ok: false, error: `unknown job function ${job.fn}` };
  try {
    return { id: job.id, ok: true, result: await fn(job.args) };
  } catch (err) {
    return { id: job.id, ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}
