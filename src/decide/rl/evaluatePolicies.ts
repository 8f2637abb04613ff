/**
 * Replays episodes under a policy and measures it: total and average realised profit per executed trade (ETH) and
 * the success rate (share of executed trades with profit > 0). Policies: the trained agent (greedy), the heuristic
 * (executes at the first offer it says yes to: full size, best route), ML-now (executes at the first offer whose
 * quote still pays after the slippage model's prediction) and the hindsight oracle (the best action of the episode
 * knowing every outcome, or nothing).
 */
import { ACTION_COUNT, EXECUTE_ACTIONS, RlAction } from './actions.ts';
import { executeAvailable, type Episode, type EpisodeStep } from './episode.ts';
import type { QAgent } from './qAgent.ts';

export interface PolicyMetrics {
  total_profit_eth: number;
  avg_profit_eth: number;
  success_rate: number;
  executed: number;
}

/** A policy's choice at a step: an execute action, or null to go on (wait / drop decided by `stop`). */
export type StepPolicy = (step: EpisodeStep) => RlAction;

/** Reward of one episode under a step policy, and whether it executed. */
export function playEpisode(e: Episode, policy: StepPolicy): { reward: number; executed: boolean } {
  for (const step of e.steps) {
    const a = policy(step);
    if (a < EXECUTE_ACTIONS) return { reward: step.executeRewards[a]!, executed: true };
    if (a === RlAction.Drop) break;
  }
  return { reward: 0, executed: false };
}

function summarise(results: readonly { reward: number; executed: boolean }[]): PolicyMetrics {
  const done = results.filter((r) => r.executed);
  const total = done.reduce((s, r) => s + r.reward, 0);
  const round = (x: number): number => Number(x.toFixed(9));
  return {
    total_profit_eth: round(total),
    avg_profit_eth: round(done.length ? total / done.length : 0),
    success_rate: round(done.length ? done.filter((r) => r.reward > 0).length / done.length : 0),
    executed: done.length,
  };
}

export function evaluatePolicy(episodes: readonly Episode[], policy: StepPolicy): PolicyMetrics {
  return summarise(episodes.map((e) => playEpisode(e, policy)));
}

export function validOf(step: EpisodeStep): boolean[] {
  return Array.from({ length: ACTION_COUNT }, (_, a) => a >= EXECUTE_ACTIONS || executeAvailable(step, a));
}

export const agentPolicy =
  (agent: QAgent): StepPolicy =>
  (step) =>
    agent.greedy(step.stateKey, validOf(step));

export const heuristicPolicy: StepPolicy = (step) => (step.heuristicExecute ? RlAction.Exec100R0 : RlAction.Wait);

/** Executes (full size, best route) when quoted net - predicted slippage cost > 0, else waits. */
export const mlNowPolicy =
  (predictBps: (step: EpisodeStep) => number): StepPolicy =>
  (step) =>
    step.quotedNetEth - (predictBps(step) / 1e4) * step.quotedOutEth > 0 ? RlAction.Exec100R0 : RlAction.Wait;

/** The hindsight oracle: per episode the best realised reward over every step and action, or nothing. */
export function oracleMetrics(episodes: readonly Episode[]): PolicyMetrics {
  return summarise(
    episodes.map((e) => {
      let best = 0;
      for (const s of e.steps)
        for (let a = 0; a < EXECUTE_ACTIONS; a++)
          if (executeAvailable(s, a) && s.executeRewards[a]! > best) best = s.executeRewards[a]!;
      return { reward: best, executed: best > 0 };
    }),
  );
}
