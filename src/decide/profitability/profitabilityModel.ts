/**
 * The probability that executing an offer now at full size on its best route ends profitable (realised net > 0),
 * learnt by gradient-boosted trees (squared error on the 0/1 outcome: the trees estimate the conditional
 * frequency) from shadow-run episode steps, whose outcomes include competitors' front-runs and reverts. The
 * decision rule (acceptOffer) trades expected profit against the target success rate; its weight is read off a
 * time-ordered holdout as the one keeping the most realised profit with the target precision.
 */
import { InvalidInputError } from '../../core/errors.ts';
import type { EpisodeStep } from '../rl/episode.ts';
import { RlAction } from '../rl/actions.ts';
import { toFeatureVector, SLIPPAGE_FEATURE_NAMES, type SlippageFeatures } from '../../slippage/slippageFeatures.ts';
import type { GbdtModel } from '../../ml/gbdt/gbdtModel.ts';
import { trainGbdt } from '../../ml/gbdt/trainGbdt.ts';
import { fromXgboostJson, xgboostJsonText } from '../../ml/gbdt/xgboostJson.ts';

/** The model file's name in a models folder (stored with the RL policy it was trained beside). */
export const PROFITABILITY_FILE = 'profitability.json';

export const PROFITABILITY_FEATURE_NAMES = [
  ...SLIPPAGE_FEATURE_NAMES,
  'blocks_since_detection',
  'quoted_net_eth',
  'gas_vs_forecast',
  'gas_trend',
] as const;

/** What the model reads of an offer: the slippage features and the RL snapshot's timing, quote and gas fields. */
export interface ProfitabilityInput {
  slippage: SlippageFeatures;
  blocksSinceDetection: number;
  quotedNetEth: number;
  gasVsForecast: number;
  gasTrend: number;
}

export function profitabilityVector(x: ProfitabilityInput): number[] {
  return [...toFeatureVector(x.slippage), x.blocksSinceDetection, x.quotedNetEth, x.gasVsForecast, x.gasTrend];
}

export interface ProfitabilityMetrics {
  samples: number;
  holdout_rows: number;
  /** Share of holdout offers that were profitable (the precision of executing everything). */
  holdout_base_rate: number;
  /** Weight of the success constraint (ETH per unit of probability). */
  lambda: number;
  /** At lambda: holdout precision, share of profitable offers kept, realised profit kept (ETH). */
  holdout_precision: number;
  holdout_recall: number;
  holdout_profit_eth: number;
}

export interface TrainProfitabilityOptions {
  /** Steps in time order (the last `holdoutFraction` is the holdout). */
  steps: readonly EpisodeStep[];
  seed: number;
  targetPrecision?: number;
  holdoutFraction?: number;
}

const inputOf = (s: EpisodeStep): ProfitabilityInput => ({
  slippage: s.slippage,
  blocksSinceDetection: s.snapshot.blocksSinceDetection,
  quotedNetEth: s.quotedNetEth,
  gasVsForecast: s.snapshot.gasVsForecast,
  gasTrend: s.snapshot.gasTrend,
});

/** Weights (ETH per unit of probability) tried for the success constraint. */
const LAMBDAS = [0, 1e-5, 3e-5, 1e-4, 3e-4, 1e-3, 3e-3, 1e-2, 3e-2, 0.1, 0.3, 1];

/**
 * Execute when the expected profit p x net plus the success constraint's term lambda x (p - target) is positive:
 * the Lagrangian of "maximise profit subject to success rate >= target", so a large edge may carry a lower
 * probability than a small one.
 */
export function acceptOffer(p: number, netEth: number, lambda: number, target: number): boolean {
  return p * netEth + lambda * (p - target) > 0;
}

export class ProfitabilityModel {
  constructor(
    readonly model: GbdtModel,
    readonly lambda: number,
    readonly targetPrecision: number,
    readonly metrics: ProfitabilityMetrics,
  ) {}

  /** The model file: the trees in XGBoost's JSON model format plus the decision rule's weight and metrics. */
  toJson(): string {
    return `${JSON.stringify({ format: 'arbml.profitability', version: 1, features: PROFITABILITY_FEATURE_NAMES, lambda: this.lambda, target_precision: this.targetPrecision, metrics: this.metrics, model: JSON.parse(xgboostJsonText(this.model)) as unknown })}\n`;
  }

  /** Reads a model file (data only); throws InvalidInputError naming `source`. */
  static fromJson(text: string, source: string): ProfitabilityModel {
    let doc: {
      format?: string;
      version?: number;
      features?: unknown;
      lambda?: unknown;
      target_precision?: unknown;
      metrics?: ProfitabilityMetrics;
      model?: unknown;
    };
    try {
      doc = JSON.parse(text) as typeof doc;
    } catch (cause) {
      throw new InvalidInputError(`${source}: not JSON`, { cause });
    }
    if (doc.format !== 'arbml.profitability' || doc.version !== 1)
      throw new InvalidInputError(`${source}: not an arbml profitability model v1`);
    if (JSON.stringify(doc.features) !== JSON.stringify(PROFITABILITY_FEATURE_NAMES))
      throw new InvalidInputError(`${source}: features differ from ${PROFITABILITY_FEATURE_NAMES.join(', ')}`);
    if (typeof doc.lambda !== 'number' || !(doc.lambda >= 0) || typeof doc.target_precision !== 'number')
      throw new InvalidInputError(`${source}: lambda and target_precision must be numbers`);
    return new ProfitabilityModel(fromXgboostJson(doc.model), doc.lambda, doc.target_precision, doc.metrics!);
  }

  /** Whether an offer with this input and expected net (ETH) should be executed. */
  accept(x: ProfitabilityInput, netEth: number): boolean {
    return acceptOffer(this.probability(x), netEth, this.lambda, this.targetPrecision);
  }

  probability(x: ProfitabilityInput): number {
    return this.model.predictRow(profitabilityVector(x));
  }

  static train(o: TrainProfitabilityOptions): ProfitabilityModel {
    const rows = o.steps.filter((s) => Number.isFinite(s.executeRewards[RlAction.Exec100R0]!));
    if (rows.length < 200)
      throw new InvalidInputError(`need at least 200 offers to train the profitability model, got ${rows.length}`);
    const cols = PROFITABILITY_FEATURE_NAMES.length;
    const data = new Float32Array(rows.length * cols);
    rows.forEach((s, i) => data.set(profitabilityVector(inputOf(s)), i * cols));
    const labels: number[] = rows.map((s) => (s.executeRewards[RlAction.Exec100R0]! > 0 ? 1 : 0));
    const split = Math.floor(rows.length * (1 - (o.holdoutFraction ?? 0.2)));
    const part = (from: number, to: number) => ({
      matrix: { data: data.subarray(from * cols, to * cols), rows: to - from, cols },
      labels: labels.slice(from, to),
    });
    const params = { numRounds: 150, maxDepth: 6, eta: 0.1, minChildWeight: 5, baseScore: 0.5, seed: o.seed };
    const holdout = part(split, rows.length);
    const probe = trainGbdt({ ...part(0, split), params, featureNames: PROFITABILITY_FEATURE_NAMES });
    const p = probe.predict(holdout.matrix);
    const target = o.targetPrecision ?? 0.9;
    const held = rows.slice(split);
    const positives = holdout.labels.reduce((a, b) => a + b, 0);
    // The weight of the success constraint: the one that keeps the most realised holdout profit with precision >= target.
    let chosen = { lambda: LAMBDAS[LAMBDAS.length - 1]!, precision: 0, recall: 0, profit: -Infinity };
    for (const lambda of LAMBDAS) {
      let kept = 0,
        good = 0,
        profit = 0;
      held.forEach((s, i) => {
        if (!acceptOffer(p[i]!, s.quotedNetEth, lambda, target)) return;
        kept++;
        good += holdout.labels[i]!;
        profit += s.executeRewards[RlAction.Exec100R0]!;
      });
      const precision = kept ? good / kept : 0;
      if (precision >= target && profit > chosen.profit)
        chosen = { lambda, precision, recall: positives ? good / positives : 0, profit };
    }
    const model = trainGbdt({
      matrix: { data, rows: rows.length, cols },
      labels,
      params,
      featureNames: PROFITABILITY_FEATURE_NAMES,
    });
    const round = (x: number): number => Number(x.toFixed(6));
    return new ProfitabilityModel(model, chosen.lambda, target, {
      samples: rows.length,
      holdout_rows: rows.length - split,
      holdout_base_rate: round(positives / Math.max(1, rows.length - split)),
      lambda: chosen.lambda,
      holdout_precision: round(chosen.precision),
      holdout_recall: round(chosen.recall),
      holdout_profit_eth: round(chosen.profit),
    });
  }
}
