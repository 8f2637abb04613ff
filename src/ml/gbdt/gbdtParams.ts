/**
 * Training parameters, named after and defaulting like XGBoost 1.7's (`eta` 0.3, `max_depth` 6, `lambda` 1,
 * `min_child_weight` 1, `base_score` 0.5, `max_bin` 256), validated once with every bad value named.
 */
import { z } from 'zod';
import { InvalidInputError } from '../../core/errors.ts';

export const gbdtObjectives = ['reg:squarederror', 'reg:pseudohubererror'] as const;
export type GbdtObjective = (typeof gbdtObjectives)[number];

export const gbdtParamsSchema = z.object({
  objective: z.enum(gbdtObjectives).default('reg:squarederror').describe('loss: squared error or pseudo-Huber'),
  numRounds: z.number().int().min(1).max(100_000).default(100).describe('boosting rounds (trees)'),
  maxDepth: z.number().int().min(1).max(30).default(6).describe('maximum tree depth'),
  eta: z.number().gt(0).max(1).default(0.3).describe('learning rate'),
  lambda: z.number().min(0).default(1).describe('L2 regularisation on leaf weights'),
  gamma: z.number().min(0).default(0).describe('minimum loss reduction to make a split (min_split_loss)'),
  minChildWeight: z.number().min(0).default(1).describe('minimum hessian sum in a child'),
  subsample: z.number().gt(0).max(1).default(1).describe('share of rows sampled per tree'),
  colsampleBytree: z.number().gt(0).max(1).default(1).describe('share of features sampled per tree'),
  baseScore: z.number().finite().default(0.5).describe('initial prediction of every row'),
  huberSlope: z.number().gt(0).default(1).describe('delta of the pseudo-Huber loss'),
  maxBin: z.number().int().min(2).max(65_535).default(256).describe('maximum histogram bins per feature'),
  earlyStoppingRounds: z
    .number()
    .int()
    .min(1)
    .optional()
    .describe('stop when validation RMSE has not improved for this many rounds'),
  seed: z.number().int().min(0).default(0).describe('seed of row and column sampling'),
});

export type GbdtParams = z.infer<typeof gbdtParamsSchema>;
export type GbdtParamsInput = z.input<typeof gbdtParamsSchema>;

export function gbdtParams(input: GbdtParamsInput = {}): GbdtParams {
  const result = gbdtParamsSchema.strict().safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new InvalidInputError(`invalid GBDT parameter "${issue.path.join('.') || '?'}": ${issue.message}`);
  }
  return result.data;
}
