/**
 * The slippage model judged as a distribution on one holdout: the shadow offers of the evaluated window whose
 * full-size best route traded (realised slippage known), each predicted by the model in force at its time, against
 * predict-zero, the heuristic's static 50 bps and a ridge model (ml/linear/ridge.ts) fitted on the first model's
 * training offers. Returns each predictor's MAE and the model's absolute errors and (predicted, realised) pairs.
 */
import { mae } from '../core/statistics.ts';
import { fitRidge, predictRidge } from '../ml/linear/ridge.ts';
import { toFeatureVector } from '../slippage/slippageFeatures.ts';
import { HEURISTIC_SLIPPAGE_BPS } from '../slippage/slippagePredictor.ts';
import { modelsInForce } from './backtest.ts';
import { episodesBefore, type PathRecord, type TimedEpisode } from './recordPath.ts';
import type { TrainedModels } from './trainModelsAt.ts';

export interface SlippageHoldout {
  n: number;
  mae_bps: { model: number; zero: number; static50: number; ridge: number } | null;
  /** The model's |predicted - realised| (bps) and (predicted, realised) pairs, at most `maxPoints` (evenly thinned). */
  absErrors: number[];
  pairs: [number, number][];
}

const r4 = (x: number): number => Number(x.toFixed(4));

export function slippageHoldout(o: {
  record: PathRecord;
  evalEpisodes: readonly TimedEpisode[];
  models: readonly TrainedModels[];
  maxPoints?: number;
}): SlippageHoldout {
  const first = o.models[0];
  const holdout = o.evalEpisodes.flatMap((e) =>
    e.episode.steps.filter((s) => s.realisedSlippageBps !== null).map((s) => ({ s, t: e.timeMs })),
  );
  if (!first || holdout.length === 0) return { n: 0, mae_bps: null, absErrors: [], pairs: [] };
  const train = episodesBefore(o.record, first.atMs)
    .flatMap((e) => e.steps)
    .filter((s) => s.realisedSlippageBps !== null);
  const cols = toFeatureVector(train[0]?.slippage ?? holdout[0]!.s.slippage).length;
  const ridge =
    train.length >= 2
      ? fitRidge({
          x: train.flatMap((s) => toFeatureVector(s.slippage)),
          cols,
          y: train.map((s) => s.realisedSlippageBps!),
          lambda: 1,
        })
      : null;
  const actual = holdout.map((h) => h.s.realisedSlippageBps!);
  const model = holdout.map((h) => {
    const m = modelsInForce(o.models, h.t)?.slippage;
    return m ? Math.max(0, m.predictSlippageBps(h.s.slippage)) : HEURISTIC_SLIPPAGE_BPS;
  });
  const ridgePred = holdout.map((h) => (ridge ? predictRidge(ridge, toFeatureVector(h.s.slippage), cols) : 0));
  const thin = Math.max(1, Math.ceil(holdout.length / (o.maxPoints ?? 2_000)));
  const keep = (_: unknown, i: number): boolean => i % thin === 0;
  return {
    n: holdout.length,
    mae_bps: {
      model: r4(mae(actual, model)),
      zero: r4(
        mae(
          actual,
          actual.map(() => 0),
        ),
      ),
      static50: r4(
        mae(
          actual,
          actual.map(() => HEURISTIC_SLIPPAGE_BPS),
        ),
      ),
      ridge: r4(mae(actual, ridgePred)),
    },
    absErrors: model.map((p, i) => r4(Math.abs(p - actual[i]!))).filter(keep),
    pairs: model.map((p, i): [number, number] => [r4(p), r4(actual[i]!)]).filter(keep),
  };
}
