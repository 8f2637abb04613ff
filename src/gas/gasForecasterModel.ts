/**
 * The gas forecaster's artefact: per-horizon ridge models and gradient-boosted trees (XGBoost JSON) on the
 * feature vector, one multi-horizon LSTM on sequences of per-step features, per-horizon blend weights fitted on a held-out tail of the training window, and
 * interval quantiles of the blend's log errors there. Plain JSON with metadata; validated on load.
 */
import { z } from 'zod';
import { InvalidInputError } from '../core/errors.ts';
import { lstmModelSchema } from '../ml/lstm/lstmModel.ts';

const ridgeSchema = z.object({
  mean: z.array(z.number()),
  scale: z.array(z.number()),
  coef: z.array(z.number()),
  intercept: z.number(),
});

export const gasForecasterSchema = z.object({
  format: z.literal('arbml.gas-forecaster'),
  version: z.literal(1),
  seed: z.number().int(),
  /** Bins of 5 minutes; forecasts are made for 1..horizons bins ahead. */
  horizons: z.number().int().positive(),
  trainingWindow: z.object({ from: z.string(), to: z.string() }),
  features: z.array(z.string()),
  ridge: z.array(ridgeSchema),
  sequence: z.object({
    features: z.array(z.string()),
    seqLen: z.number().int().positive(),
    mean: z.array(z.number()),
    scale: z.array(z.number()),
    /** Scale of each horizon's log-ratio target as the LSTM sees it. */
    outScale: z.array(z.number()),
  }),
  lstm: lstmModelSchema.nullable(),
  /** Per horizon: a boosted forest in XGBoost's JSON model format, or null when trees are not used. */
  gbdt: z.array(z.unknown()).nullable(),
  /** Per horizon: weights of the ridge, GBDT and LSTM log-ratio forecasts in the combination. */
  blend: z.array(z.object({ ridge: z.number(), gbdt: z.number(), lstm: z.number() })),
  /** Per horizon: 5% and 95% quantiles of the blend's log error on the validation tail. */
  interval: z.array(z.object({ low: z.number(), high: z.number() })),
  /** Validation-tail RMSE of log ratios per horizon for each component. */
  validation: z.object({
    rows: z.number().int(),
    ridgeRmse: z.array(z.number()),
    /** null where the component does not forecast that horizon. */
    gbdtRmse: z.array(z.number().nullable()),
    lstmRmse: z.array(z.number().nullable()),
    blendRmse: z.array(z.number()),
    persistenceRmse: z.array(z.number()),
  }),
});

export type GasForecasterModel = z.infer<typeof gasForecasterSchema>;

export function gasForecasterFromJson(json: unknown, source = 'gas forecaster'): GasForecasterModel {
  const parsed = gasForecasterSchema.safeParse(json);
  if (!parsed.success)
    throw new InvalidInputError(`${source}: not an arbml gas forecaster`, { details: parsed.error.message });
  const m = parsed.data;
  const h = m.horizons;
  if (m.ridge.length !== h || m.blend.length !== h || m.interval.length !== h || (m.gbdt && m.gbdt.length !== h)) {
    throw new InvalidInputError(`${source}: per-horizon arrays must have ${h} entries`);
  }
  for (const r of m.ridge) {
    if (r.coef.length !== m.features.length)
      throw new InvalidInputError(`${source}: ridge coefficients do not match features`);
  }
  return m;
}
