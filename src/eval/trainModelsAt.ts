/**
 * The walk-forward retrain: at `atMs`, the slippage model (GBDT on the realised slippage of every shadow offer's
 * full-size best route), the gas forecaster (ridge + trees + LSTM on the Ethereum gas tape's complete 5-minute
 * bins) and the RL policy (Q-learning on the shadow episodes) are trained only on what was known before `atMs`.
 */
import { GasForecaster } from '../gas/gasForecaster.ts';
import { gasFeatureColumns, featureWarmupBins } from '../gas/gasFeatures.ts';
import { gasSeries } from '../gas/gasSeries.ts';
import { trainGasForecaster } from '../gas/trainGasForecaster.ts';
import type { SequenceModelOptions } from '../gas/trainSequenceModel.ts';
import type { QAgent } from '../decide/rl/qAgent.ts';
import { trainQAgent } from '../decide/rl/trainQAgent.ts';
import { FqiPolicy } from '../decide/rl/fqiPolicy.ts';
import { SlippagePredictor } from '../slippage/slippagePredictor.ts';
import { ProfitabilityModel } from '../decide/profitability/profitabilityModel.ts';
import type { RetrainPoint } from './backtestResult.ts';
import { episodesBefore, type PathRecord } from './recordPath.ts';

export interface TrainedModels {
  atMs: number;
  slippage: SlippagePredictor | null;
  gas: GasForecaster | null;
  rl: QAgent | null;
  profitability: ProfitabilityModel | null;
  /** Fitted-Q policy (GBDT per action) on the same episodes, when asked (`fqi`). */
  fqi?: FqiPolicy | null;
  point: RetrainPoint;
}

export interface TrainModelsAtOptions {
  record: PathRecord;
  atMs: number;
  seed: number;
  /** Q-learning episodes (default 10,000). */
  rlEpisodes?: number;
  /** LSTM options of the gas forecaster (default hidden 16, 2 layers, 24 steps, 8 epochs), or false for none. */
  lstm?: SequenceModelOptions | false;
  /** Also train the fitted-Q policy (default false). */
  fqi?: boolean;
  onStage?: (message: string) => void;
}

/** Bins the gas forecaster needs before it can train (features warm-up + a 500-bin fit + its holdout). */
const MIN_GAS_BINS = featureWarmupBins + 700;

export async function trainModelsAt(o: TrainModelsAtOptions): Promise<TrainedModels> {
  const episodes = episodesBefore(o.record, o.atMs);
  const steps = episodes.flatMap((e) => e.steps).filter((s) => s.realisedSlippageBps !== null);
  const iso = (ms: number): string => new Date(ms).toISOString();
  o.onStage?.(`retrain at ${iso(o.atMs)}: slippage on ${steps.length} realised offers`);
  const slippage =
    steps.length >= 20
      ? SlippagePredictor.train({
          rows: steps.map((s) => s.slippage),
          targets: steps.map((s) => s.realisedSlippageBps!),
          seed: o.seed,
          trainedAt: new Date(o.atMs),
          window: { from: iso(o.record.startMs), to: iso(o.atMs) },
        })
      : null;
  const rows = o.record.gas.rowsBefore(o.atMs);
  let gas: GasForecaster | null = null;
  if (rows.length >= MIN_GAS_BINS) {
    o.onStage?.(`retrain at ${iso(o.atMs)}: gas forecaster on ${rows.length} five-minute bins`);
    const series = gasSeries(rows);
    const model = await trainGasForecaster({
      series,
      columns: gasFeatureColumns(series),
      cutoff: series.length - 1,
      seed: o.seed,
      horizons: 3,
      lstm: o.lstm === false ? false : { hidden: 16, layers: 2, seqLen: 24, epochs: 8, horizons: 3, ...o.lstm },
      gbdt: { rounds: 100 },
      onEpoch: (e) =>
        o.onStage?.(
          `retrain at ${iso(o.atMs)}: gas LSTM epoch ${e.epoch} train loss ${e.trainLoss.toFixed(4)} (${e.seconds.toFixed(1)} s)`,
        ),
    });
    gas = new GasForecaster(model);
  }
  let rl: QAgent | null = null;
  let curve: [number, number][] = [];
  if (episodes.length > 0) {
    o.onStage?.(`retrain at ${iso(o.atMs)}: RL on ${episodes.length} episodes`);
    const r = trainQAgent({ pool: episodes, episodes: o.rlEpisodes ?? 10_000, seed: o.seed });
    rl = r.agent;
    curve = r.curve;
  }
  const allSteps = episodes.flatMap((e) => e.steps);
  const profitability = allSteps.length >= 200 ? ProfitabilityModel.train({ steps: allSteps, seed: o.seed }) : null;
  if (profitability)
    o.onStage?.(
      `retrain at ${iso(o.atMs)}: profitability on ${profitability.metrics.samples} offers, lambda ${profitability.lambda} (holdout precision ${profitability.metrics.holdout_precision})`,
    );
  const fqi = o.fqi && allSteps.length >= 200 ? FqiPolicy.train({ episodes, seed: o.seed }) : null;
  if (fqi) o.onStage?.(`retrain at ${iso(o.atMs)}: fitted-Q policy on ${allSteps.length} offers`);
  const v = gas?.model.validation;
  return {
    atMs: o.atMs,
    slippage,
    gas,
    rl,
    profitability,
    fqi,
    point: {
      atMs: o.atMs,
      windowStartMs: o.record.startMs,
      windowEndMs: o.atMs,
      slippage: { samples: steps.length, holdout_mae_bps: slippage ? slippage.meta.metrics.holdout_mae_bps : null },
      gas: gas ? { bins: rows.length, holdout_mae_gwei: null, holdout_rmse_log: v ? v.blendRmse[0]! : null } : null,
      rl: { episodes: episodes.length, curve },
    },
  };
}
