/**
 * Retrains the RL execution policy. Its episodes need the realised outcome of every action at every offer, which
 * the ledger does not hold (it records the action taken and the full-size counterfactual), so they come from the
 * paper runner on the calibrated market model, on a fresh seed per retrain (config seed + the next version number).
 * The candidate and the active policy play the same held-out episodes (another seed); the candidate becomes active
 * only if its total profit is higher (with no active policy: higher than the heuristic's). Outcomes are priced at the
 * ML decider's fee bid; the profitability model the ML decider uses is trained on the same episodes and stored in
 * the version's folder beside the policy.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { rngFor } from '../core/random.ts';
import type { Db } from '../store/db.ts';
import { activeModelVersion, listModelVersions, recordModelVersion } from '../store/modelVersions.ts';
import { agentPolicy, evaluatePolicy, heuristicPolicy } from '../decide/rl/evaluatePolicies.ts';
import { generateEpisodes } from '../decide/rl/generateEpisodes.ts';
import { policyJson, restoreAgent, RL_POLICY_FILE } from '../decide/rl/policyFile.ts';
import { STATE_BINS } from '../decide/rl/rlState.ts';
import { trainQAgent } from '../decide/rl/trainQAgent.ts';
import { bidTipWei, DEFAULT_BID_SHARE } from '../decide/bidTip.ts';
import type { Opportunity } from '../domain/opportunity.ts';
import { PROFITABILITY_FILE, ProfitabilityModel } from '../decide/profitability/profitabilityModel.ts';
import { publishArtefacts, storeArtefacts } from './artefacts.ts';
import { beats, type RetrainOutcome } from './retrainOutcome.ts';

export interface RetrainRlOptions {
  db: Db;
  modelsDir: string;
  seed: number;
  episodes?: number;
  trainDays?: number;
  evalDays?: number;
  onStage?: (message: string) => void;
}

export async function retrainRl(o: RetrainRlOptions): Promise<RetrainOutcome> {
  const started = performance.now();
  const next = (await listModelVersions(o.db, 'rl')).length + 1;
  const seed = o.seed + next;
  const trainDays = o.trainDays ?? 6,
    evalDays = o.evalDays ?? 1;
  o.onStage?.(
    `retrain rl: episodes from the market model, seed ${seed}, ${trainDays} days (held out: seed ${seed + 1000}, ${evalDays} days)`,
  );
  // Outcomes at the tip the ML decider pays (its fee bid), as in the backtest.
  const counterfactualTip = (opp: Opportunity): bigint => bidTipWei(opp, opp.routes[0]!.gasUsed, DEFAULT_BID_SHARE);
  const pool = await generateEpisodes({ seed, days: trainDays, counterfactualTip });
  const held = await generateEpisodes({ seed: seed + 1000, days: evalDays, counterfactualTip });
  const steps = pool.flatMap((e) => e.steps);
  const profitability = steps.length >= 200 ? ProfitabilityModel.train({ steps, seed }) : null;
  const episodes = o.episodes ?? 10_000;
  const { agent, curve } = trainQAgent({ pool, episodes, seed });
  const cand = evaluatePolicy(held, agentPolicy(agent)).total_profit_eth;
  const baseline = evaluatePolicy(held, heuristicPolicy).total_profit_eth;
  const active = await activeModelVersion(o.db, 'rl');
  let current: number | null = null;
  if (active?.artefactPath) {
    try {
      const prior = restoreAgent(join(active.artefactPath, RL_POLICY_FILE), rngFor(seed, 'rl/prior'));
      current = evaluatePolicy(held, agentPolicy(prior)).total_profit_eth;
    } catch {
      current = null;
    }
  }
  const promoted = beats({ candidate: cand, current, baseline, higherIsBetter: true });
  const metrics = {
    curve,
    avg_reward: curve.length ? curve[curve.length - 1]![1] : 0,
    holdout: `seed ${seed + 1000}, ${evalDays} days`,
    holdout_total_profit_eth: cand,
    active_holdout_total_profit_eth: current,
    active_version: active?.version ?? null,
    heuristic_holdout_total_profit_eth: baseline,
  };
  const text = policyJson(agent, {
    seed,
    episodes,
    training_window: { seed, days: trainDays, episodes_generated: pool.length },
    metrics,
  });
  const modelVersion = `rl-s${seed}-${createHash('sha256').update(text).digest('hex').slice(0, 8)}`;
  const files: Record<string, string> = { [RL_POLICY_FILE]: text };
  if (profitability) files[PROFITABILITY_FILE] = profitability.toJson();
  const dir = storeArtefacts(o.modelsDir, 'rl', modelVersion, files);
  const row = await recordModelVersion(o.db, {
    kind: 'rl',
    trainedAt: new Date(),
    features: Object.keys(STATE_BINS),
    artefactPath: dir,
    status: promoted ? 'active' : 'candidate',
    metrics: {
      ...metrics,
      curve: undefined,
      model_version: modelVersion,
      episodes,
      training_episodes: pool.length,
      held_out_episodes: held.length,
      bid_share: DEFAULT_BID_SHARE,
      profitability: profitability?.metrics ?? null,
    },
  });
  if (promoted) publishArtefacts(o.modelsDir, 'rl', dir);
  return {
    kind: 'rl',
    registryVersion: row.version,
    modelVersion,
    metric: 'held-out total profit (ETH)',
    higherIsBetter: true,
    candidate: cand,
    current,
    currentVersion: active?.version ?? null,
    baseline,
    promoted,
    samples: pool.length,
    artefactDir: dir,
    seconds: Number(((performance.now() - started) / 1000).toFixed(3)),
  };
}
