/**
 * One seed of `arbml evaluate` as a pure job: "run seed S of config C -> JSON". It runs the walk-forward backtest
 * (src/eval/backtest.ts: shadow runs, retraining, every decider on its own path from the same start) in the
 * config's scenario with the fair baselines and ml_filter added, and returns plain JSON (numbers, strings,
 * arrays) that a worker process or a NATS worker can send back as is. Same config and seed -> the same JSON.
 */
import type { Chain } from '../dex/types.ts';
import { GreedyDecider } from '../decide/greedyDecider.ts';
import { HeuristicBidDecider } from '../decide/heuristicBidDecider.ts';
import { MlDecider } from '../decide/mlDecider.ts';
import { MlFilterDecider } from '../decide/mlFilterDecider.ts';
import type { OpportunityRow } from '../domain/opportunityRow.ts';
import { createMarket } from '../market/market.ts';
import { backtest, modelsInForce } from './backtest.ts';
import { RlAction } from '../decide/rl/actions.ts';
import { RlDecider } from '../decide/rl/rlDecider.ts';
import { discretise } from '../decide/rl/rlState.ts';
import { deciderMetrics } from './deciderMetrics.ts';
import { pathBound } from './pathBound.ts';
import { profitBreakdown, type BreakdownCell } from './profitBreakdown.ts';
import { scenarioByName } from './scenarios.ts';
import { slippageHoldout, type SlippageHoldout } from './slippageHoldout.ts';

export interface EvaluateConfig {
  days: number;
  chains: readonly Chain[];
  scenario: string;
  cexFile?: string;
  gasFile?: string;
  trainDays?: number;
  retrainEveryDays?: number;
  rlEpisodes?: number;
  bidShare?: number;
  /** Gas forecaster's LSTM (default on, as the backtest). */
  lstm?: boolean;
}

export const EVALUATED_DECIDERS = [
  'heuristic',
  'heuristic_bid',
  'greedy',
  'ml_slippage',
  'ml',
  'ml_filter',
  'rl',
  'rl_tabular',
] as const;
export const BASELINES = ['heuristic', 'heuristic_bid', 'greedy'] as const;

export interface SeedDeciderResult {
  executed: number;
  total_profit_eth: number;
  success_rate: number;
  false_positive_rate: number;
  avg_profit_eth: number;
  slippage_mae_bps: number | null;
  bound_eth: number;
  pct_of_bound: number;
}

export interface SeedTableRow {
  slippage_error_bps: number | null;
  success_rate: number;
  avg_profit_eth: number;
  false_positive_rate: number;
}

export interface SeedResult {
  seed: number;
  scenario: string;
  deciders: Record<string, SeedDeciderResult>;
  /** The seed's four rows on the heuristic's candidate stream. */
  seed_table: { heuristic: SeedTableRow; ml_filter: SeedTableRow };
  /** No decider's total above its path bound. */
  bound_respected: boolean;
  /** The shadow oracle of the evaluated window (one best action per episode, path without our trades). */
  shadow_oracle_eth: number;
  slippage: SlippageHoldout;
  breakdown: BreakdownCell[];
  seconds: number;
  /** CPU seconds (user + system) of the process while it ran this seed: the cost on an idle core. */
  cpu_seconds: number;
}

const r6 = (x: number): number => Number(x.toFixed(6));

export async function evaluateSeed(
  config: EvaluateConfig,
  seed: number,
  onStage?: (m: string) => void,
): Promise<SeedResult> {
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  const scenario = scenarioByName(config.scenario);
  const marketOf = (params: typeof scenario.train) => () =>
    createMarket({
      seed,
      days: config.days,
      chains: config.chains,
      cexFile: config.cexFile,
      gasFile: config.gasFile,
      params,
    });
  const run = await backtest({
    market: marketOf(scenario.evaluate),
    trainMarket: marketOf(scenario.train),
    days: config.days,
    seed,
    trainDays: config.trainDays,
    retrainEveryDays: config.retrainEveryDays,
    rlEpisodes: config.rlEpisodes,
    bidShare: config.bidShare,
    lstm: config.lstm === false ? false : undefined,
    chains: config.chains,
    marketKind: config.cexFile || config.gasFile ? 'replay' : 'model',
    onStage,
    fqi: true,
    extraDeciders: ({ mlModelsAt, bidShare, models }) => [
      ['heuristic_bid', new HeuristicBidDecider({ bidShare })],
      ['greedy', new GreedyDecider({ bidShare })],
      ['ml_filter', new MlFilterDecider(new MlDecider({ modelsAt: mlModelsAt, bidShare }))],
      [
        'rl',
        new RlDecider({
          name: 'rl',
          bidShare,
          policyAt: (t) => {
            const f = modelsInForce(models, t)?.fqi;
            return f ? (s, valid) => f.greedy(s, valid) : null;
          },
        }),
      ],
      [
        'rl_tabular',
        new RlDecider({
          name: 'rl_tabular',
          bidShare,
          policyAt: (t) => {
            const q = modelsInForce(models, t)?.rl;
            return q
              ? (s, valid) => {
                  const k = discretise(s);
                  return q.knows(k) ? q.greedy(k, valid) : RlAction.Drop;
                }
              : null;
          },
        }),
      ],
    ],
  });
  const rowsOf: Record<string, OpportunityRow[]> = { ...run.rows, ...run.extraRows };
  const deciders: Record<string, SeedDeciderResult> = {};
  let respected = true;
  for (const name of EVALUATED_DECIDERS) {
    const m = deciderMetrics(rowsOf[name]!, 0);
    const b = pathBound(rowsOf[name]!, run.episodeOf[name]!);
    if (b.total_eth > b.bound_eth + 1e-9) respected = false;
    deciders[name] = {
      executed: m.executed,
      total_profit_eth: m.total_profit_eth,
      success_rate: m.success_rate,
      false_positive_rate: m.false_positive_rate,
      avg_profit_eth: m.avg_profit_eth,
      slippage_mae_bps: m.slippage_mae_bps,
      bound_eth: r6(b.bound_eth),
      pct_of_bound: b.bound_eth > 0 ? r6(m.total_profit_eth / b.bound_eth) : 0,
    };
  }
  const row = (name: string): SeedTableRow => {
    const d = deciders[name]!;
    return {
      slippage_error_bps: d.slippage_mae_bps,
      success_rate: d.success_rate,
      avg_profit_eth: d.avg_profit_eth,
      false_positive_rate: d.false_positive_rate,
    };
  };
  const cpu = process.cpuUsage(cpuStart);
  return {
    seed,
    scenario: scenario.name,
    deciders,
    seed_table: { heuristic: row('heuristic'), ml_filter: row('ml_filter') },
    bound_respected: respected,
    shadow_oracle_eth: run.result.deciders.oracle.total_profit_eth,
    slippage: slippageHoldout({ record: run.record, evalEpisodes: run.evalEpisodes, models: run.models }),
    breakdown: profitBreakdown(rowsOf),
    seconds: Number(((performance.now() - started) / 1000).toFixed(1)),
    cpu_seconds: Number(((cpu.user + cpu.system) / 1e6).toFixed(1)),
  };
}
