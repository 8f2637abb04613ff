/**
 * `train rl` end to end: episodes from one seeded market run (training) and from held-out seeds (evaluation),
 * Q-learning for N episodes with the learning curve, then the held-out comparison of RL against the heuristic,
 * ML-now (the slippage model at models/ if trained, else one fitted on the training episodes' realised slippage)
 * and the hindsight oracle; returns the policy file text and the JSON contract.
 */
import type { Chain } from '../../dex/types.ts';
import { SlippagePredictor } from '../../slippage/slippagePredictor.ts';
import type { Episode } from './episode.ts';
import {
  agentPolicy,
  evaluatePolicy,
  heuristicPolicy,
  mlNowPolicy,
  oracleMetrics,
  type PolicyMetrics,
} from './evaluatePolicies.ts';
import { generateEpisodes } from './generateEpisodes.ts';
import { policyJson } from './policyFile.ts';
import { trainQAgent } from './trainQAgent.ts';

export interface TrainRlOptions {
  episodes: number;
  seed: number;
  trainDays?: number;
  evalSeeds?: readonly number[];
  evalDays?: number;
  chains?: readonly Chain[];
  slippage?: SlippagePredictor | null;
  onStage?: (message: string) => void;
  onCurvePoint?: (episode: number, avgReward: number) => void;
}

export interface TrainRlResult {
  episodes: number;
  curve: [number, number][];
  eval: Record<'rl' | 'heuristic' | 'ml_now' | 'oracle', PolicyMetrics>;
  pct_of_oracle: number;
  policyJson: string;
  trainingEpisodes: number;
  evalEpisodes: number;
  slippageModel: string;
}

function fitSlippage(pool: readonly Episode[], seed: number): SlippagePredictor | null {
  const steps = pool.flatMap((e) => e.steps).filter((s) => s.realisedSlippageBps !== null);
  if (steps.length < 20) return null;
  return SlippagePredictor.train({
    rows: steps.map((s) => s.slippage),
    targets: steps.map((s) => s.realisedSlippageBps!),
    seed,
  });
}

export async function trainRl(o: TrainRlOptions): Promise<TrainRlResult> {
  const trainDays = o.trainDays ?? 6;
  const evalSeeds = o.evalSeeds ?? [o.seed + 1000, o.seed + 1001];
  const evalDays = o.evalDays ?? 1;
  o.onStage?.(`generating training episodes: seed ${o.seed}, ${trainDays} days`);
  const pool = await generateEpisodes({ seed: o.seed, days: trainDays, chains: o.chains });
  const held: Episode[] = [];
  for (const s of evalSeeds) {
    o.onStage?.(`generating held-out episodes: seed ${s}, ${evalDays} days`);
    held.push(...(await generateEpisodes({ seed: s, days: evalDays, chains: o.chains })));
  }
  o.onStage?.(`training ${o.episodes} episodes on ${pool.length} generated`);
  const { agent, curve } = trainQAgent({ pool, episodes: o.episodes, seed: o.seed, onCurvePoint: o.onCurvePoint });
  const predictor = o.slippage ?? fitSlippage(pool, o.seed);
  const predict = (s: Episode['steps'][number]): number =>
    predictor ? predictor.predictSlippageBps(s.slippage) : s.snapshot.predictedSlippageBps;
  const evaluation = {
    rl: evaluatePolicy(held, agentPolicy(agent)),
    heuristic: evaluatePolicy(held, heuristicPolicy),
    ml_now: evaluatePolicy(held, mlNowPolicy(predict)),
    oracle: oracleMetrics(held),
  };
  const pct =
    evaluation.oracle.total_profit_eth > 0
      ? Number((evaluation.rl.total_profit_eth / evaluation.oracle.total_profit_eth).toFixed(6))
      : 0;
  const json = policyJson(agent, {
    seed: o.seed,
    episodes: o.episodes,
    training_window: { seed: o.seed, days: trainDays, episodes_generated: pool.length },
    metrics: {
      curve,
      avg_reward: curve.length ? curve[curve.length - 1]![1] : 0,
      eval: evaluation,
      pct_of_oracle: pct,
      eval_seeds: [...evalSeeds],
      eval_days: evalDays,
    },
  });
  return {
    episodes: o.episodes,
    curve,
    eval: evaluation,
    pct_of_oracle: pct,
    policyJson: json,
    trainingEpisodes: pool.length,
    evalEpisodes: held.length,
    slippageModel: o.slippage ? 'models' : predictor ? 'fitted on training episodes' : 'size-over-liquidity proxy',
  };
}
