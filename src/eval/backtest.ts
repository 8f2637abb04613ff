/**
 * The walk-forward backtest. One shadow run records the whole market path (every offer's realised outcome under
 * every action, the gas tape); at each retrain point (after `trainDays`, then every `retrainEveryDays`) the
 * slippage, gas and RL models are trained on the record before it; then every decider runs on the same seeded
 * market (identical to the shadow path until the evaluation starts: see WarmupDecider) with the models in force at
 * each opportunity's time: (a) heuristic, (b) heuristic with ML slippage, (c) full ML; (d) the hindsight oracle is
 * read off the shadow episodes of the evaluated window. The ML decider bids a share of the quoted profit as extra
 * tip; a second shadow run prices every counterfactual at that bid, its record trains the models (outcomes at the
 * tip the decider pays), and the oracle chooses per action the better of the two tips. Metrics cover opportunities
 * detected in the window.
 */
import { InvalidInputError } from '../core/errors.ts';
import type { Decider } from '../domain/decider.ts';
import { bidTipWei, DEFAULT_BID_SHARE } from '../decide/bidTip.ts';
import { HeuristicDecider } from '../decide/heuristicDecider.ts';
import { MlDecider, type MlModels } from '../decide/mlDecider.ts';
import { SlippageAwareDecider } from '../decide/slippageAwareDecider.ts';
import type { Chain } from '../dex/types.ts';
import type { MarketView } from '../exec/marketView.ts';
import type { Opportunity } from '../domain/opportunity.ts';
import { runSimulation } from '../exec/runSimulation.ts';
import type { SequenceModelOptions } from '../gas/trainSequenceModel.ts';
import type { OpportunityRow } from '../domain/opportunityRow.ts';
import type { BacktestDeciderName, BacktestResult, DeciderMetrics } from './backtestResult.ts';
import {
  cumulativeProfit,
  deciderMetrics,
  episodeBestReward,
  executedProfits,
  oracleDeciderMetrics,
} from './deciderMetrics.ts';
import { gasForecastTable } from './gasForecastTable.ts';
import { EpisodeTagger } from './pathBound.ts';
import { mergeRecords, recordPath, type PathRecord, type TimedEpisode } from './recordPath.ts';
import { trainModelsAt, type TrainedModels } from './trainModelsAt.ts';
import { WarmupDecider } from './warmupDecider.ts';

const DAY_MS = 86_400_000;

/** Days before the first retrain point, unless the path is shorter than twice this (then half the path). */
export const DEFAULT_TRAIN_DAYS = 14;

export interface BacktestOptions {
  /** A fresh market over the same path on each call (same seed and files). */
  market: () => MarketView;
  /** The market the shadow runs record and the models train on (default `market`: a scenario never trained on otherwise). */
  trainMarket?: () => MarketView;
  /** More deciders to run after the three, built from the models in force (e.g. baselines, ml_filter). */
  extraDeciders?: (x: ExtraDeciderContext) => [string, Decider][];
  days: number;
  seed: number;
  /** Default DEFAULT_TRAIN_DAYS, or half the path when that is shorter (a replay's files may cover less than --days). */
  trainDays?: number;
  retrainEveryDays?: number;
  marketKind?: 'model' | 'replay';
  rlEpisodes?: number;
  /** The ML decider executes only when it expects more than this net profit, ETH (default 0). */
  mlMinNetEth?: number;
  /** The ML decider's fee bid, share of quoted net profit (default 0.05; 0 = typical tip, one shadow run). */
  bidShare?: number;
  lstm?: SequenceModelOptions | false;
  /** Also train the fitted-Q RL policy at each retrain point. */
  fqi?: boolean;
  chains?: readonly Chain[];
  onStage?: (message: string) => void;
  /** Blocks done of the current run (label names it) out of its total. */
  onProgress?: (label: string, blocksDone: number, totalBlocks: number) => void;
}

export interface ExtraDeciderContext {
  mlModelsAt: (timeMs: number) => MlModels;
  models: readonly TrainedModels[];
  bidShare: number;
}

export interface BacktestRun {
  result: BacktestResult;
  models: TrainedModels[];
  /** Evaluated-window ledger rows of each decider run. */
  rows: Record<Exclude<BacktestDeciderName, 'oracle'>, OpportunityRow[]>;
  /** Evaluated-window ledger rows of the extra deciders, by name. */
  extraRows: Record<string, OpportunityRow[]>;
  /** Per decider run (the three and the extra ones): each offer's episode on its own path (pathBound.ts). */
  episodeOf: Record<string, ReadonlyMap<string, string>>;
  /** The shadow episodes of the evaluated window (both tips merged when there is a bid). */
  evalEpisodes: TimedEpisode[];
  /** The shadow record the models trained on (at the bid when there is one). */
  record: PathRecord;
}

/** Retrain times: evaluation start, then every `everyMs` before the end. */
export function retrainPoints(evalStartMs: number, endMs: number, everyMs: number): number[] {
  const points: number[] = [];
  for (let t = evalStartMs; t < endMs; t += everyMs) points.push(t);
  return points;
}

/** The model set in force at a time: the latest trained at or before it. */
export function modelsInForce<T extends { atMs: number }>(models: readonly T[], timeMs: number): T | null {
  let found: T | null = null;
  for (const m of models) if (m.atMs <= timeMs) found = m;
  return found;
}

export async function backtest(o: BacktestOptions): Promise<BacktestRun> {
  const started = performance.now();
  const train = o.trainMarket ?? o.market;
  const shadowMarket = train();
  const { startMs, endMs, totalBlocks } = shadowMarket.info;
  const pathDays = (endMs - startMs) / DAY_MS;
  const trainDays = o.trainDays ?? Math.min(DEFAULT_TRAIN_DAYS, Number((pathDays / 2).toFixed(3)));
  const every = o.retrainEveryDays ?? 7;
  if (!(trainDays > 0 && trainDays < pathDays))
    throw new InvalidInputError(
      `--train-days must be > 0 and below the path's ${pathDays.toFixed(2)} days, got ${trainDays}`,
    );
  if (!(every > 0)) throw new InvalidInputError(`--retrain-every must be > 0 days, got ${every}`);
  const evalStartMs = startMs + trainDays * DAY_MS;
  const bidShare = o.bidShare ?? DEFAULT_BID_SHARE;
  o.onStage?.(`shadow run: ${o.days} days, seed ${o.seed}, counterfactuals at the typical tip`);
  const typical = await recordPath({
    market: shadowMarket,
    seed: o.seed,
    onProgress: (n) => o.onProgress?.('shadow', n, totalBlocks),
  });
  let record = typical;
  if (bidShare > 0) {
    o.onStage?.(`shadow run: counterfactuals at the ML decider's bid (${bidShare} of quoted net)`);
    const tip = (opp: Opportunity): bigint => bidTipWei(opp, opp.routes[0]!.gasUsed, bidShare);
    record = await recordPath({
      market: train(),
      seed: o.seed,
      counterfactualTip: tip,
      onProgress: (n) => o.onProgress?.('shadow-bid', n, totalBlocks),
    });
  }
  const oracleEpisodes = bidShare > 0 ? mergeRecords(typical, record) : typical.episodes;
  const models: TrainedModels[] = [];
  for (const at of retrainPoints(evalStartMs, endMs, every * DAY_MS)) {
    models.push(
      await trainModelsAt({
        record,
        atMs: at,
        seed: o.seed,
        rlEpisodes: o.rlEpisodes,
        lstm: o.lstm,
        fqi: o.fqi,
        onStage: o.onStage,
      }),
    );
  }
  const gas = await gasForecastTable({ rows: record.gas.rows, models, fromMs: evalStartMs, toMs: endMs });
  const mlModelsAt = (timeMs: number): MlModels => {
    const m = modelsInForce(models, timeMs);
    const version = m
      ? [m.slippage?.version ?? 'no-slippage', `rl@${new Date(m.atMs).toISOString().slice(0, 10)}`].join('+')
      : 'none';
    return {
      slippage: m?.slippage ?? null,
      rl: m?.rl ?? null,
      profitability: m?.profitability ?? null,
      gasForecast: gas ? (t, g) => gas.forecastAt(t, g) : null,
      version,
    };
  };
  const deciders: [Exclude<BacktestDeciderName, 'oracle'>, Decider][] = [
    ['heuristic', new HeuristicDecider()],
    ['ml_slippage', new SlippageAwareDecider({ predictorAt: (t) => modelsInForce(models, t)?.slippage ?? null })],
    ['ml', new MlDecider({ modelsAt: mlModelsAt, bidShare, minNetEth: o.mlMinNetEth })],
  ];
  const extra = o.extraDeciders?.({ mlModelsAt, models, bidShare }) ?? [];
  const allRows: Record<string, OpportunityRow[]> = {};
  const episodeOf: Record<string, ReadonlyMap<string, string>> = {};
  for (const [name, decider] of [...deciders, ...extra]) {
    o.onStage?.(`decider run: ${name}`);
    const kept: OpportunityRow[] = (allRows[name] = []);
    const sink = {
      buffered: 0,
      flush: async () => {},
      push: (r: OpportunityRow) => void (r.timestamp.getTime() >= evalStartMs && kept.push(r)),
    };
    const tagger = new EpisodeTagger(new WarmupDecider(decider, evalStartMs));
    await runSimulation({
      market: o.market(),
      decider: tagger,
      seed: o.seed,
      runTag: `bt${o.seed}`,
      sink,
      onProgress: (n) => o.onProgress?.(name, n, totalBlocks),
    });
    episodeOf[name] = tagger.episodeOf;
  }
  const rows = { heuristic: allRows.heuristic!, ml_slippage: allRows.ml_slippage!, ml: allRows.ml! };
  const extraRows = Object.fromEntries(extra.map(([name]) => [name, allRows[name]!]));
  const evalEpisodes = oracleEpisodes.filter((e) => e.timeMs >= evalStartMs && e.timeMs < endMs);
  const oracle = oracleDeciderMetrics(evalEpisodes.map((e) => e.episode));
  const metrics = {} as Record<BacktestDeciderName, DeciderMetrics>;
  for (const [name] of deciders) metrics[name] = deciderMetrics(rows[name], oracle.total_profit_eth);
  metrics.oracle = oracle;
  const mlExecuted = rows.ml.filter(
    (r) => r.executed && r.actualSlippageBps !== null && r.predictedSlippageBps !== null,
  );
  const thin = Math.max(1, Math.ceil(mlExecuted.length / 3_000));
  const result: BacktestResult = {
    days: o.days,
    seed: o.seed,
    evalStartMs,
    evalEndMs: endMs,
    trainDays,
    retrainEveryDays: every,
    market: o.marketKind ?? 'model',
    deciders: metrics,
    retrains: models.map((m) => m.point),
    series: {
      slippage: {
        predicted: mlExecuted.filter((_, i) => i % thin === 0).map((r) => Number(r.predictedSlippageBps!.toFixed(4))),
        actual: mlExecuted.filter((_, i) => i % thin === 0).map((r) => Number(r.actualSlippageBps!.toFixed(4))),
      },
      rlCurves: models.map((m) => ({ atMs: m.atMs, curve: m.point.rl.curve })),
      gas: gas?.series ?? null,
      cumulativeProfit: {
        heuristic: cumulativeProfit(executedProfits(rows.heuristic)),
        ml_slippage: cumulativeProfit(executedProfits(rows.ml_slippage)),
        ml: cumulativeProfit(executedProfits(rows.ml)),
        oracle: cumulativeProfit(
          evalEpisodes
            .map((e) => ({ timeMs: e.timeMs, profitEth: episodeBestReward(e.episode) }))
            .filter((p) => p.profitEth > 0),
        ),
      },
    },
    seconds: Number(((performance.now() - started) / 1000).toFixed(3)),
  };
  return { result, models, rows, extraRows, episodeOf, evalEpisodes, record };
}
