/**
 * Trained LSTM weights as JSON with metadata (format version, shape, sequence length, training window, features,
 * metrics). Only numbers and names are read back; nothing in a model file is ever executed.
 */
import { z } from 'zod';
import { InvalidInputError } from '../../core/errors.ts';
import { paramLayout, validateShape, type LstmShape } from './lstmShape.ts';

export const lstmModelVersion = 1;

const shapeSchema = z.object({
  inputSize: z.number().int().positive(),
  hiddenSize: z.number().int().positive(),
  layers: z.number().int().positive(),
  outputSize: z.number().int().positive(),
});

export const lstmModelSchema = z.object({
  format: z.literal('arbml.lstm'),
  version: z.literal(lstmModelVersion),
  shape: shapeSchema,
  seqLen: z.number().int().positive(),
  features: z.array(z.string()),
  outputs: z.array(z.string()),
  trainingWindow: z.object({ from: z.string(), to: z.string() }),
  bestEpoch: z.number().int().nonnegative(),
  metrics: z.record(z.string(), z.number()),
  params: z.array(z.number()),
});

export type LstmModelJson = z.infer<typeof lstmModelSchema>;

export interface LstmModel {
  shape: LstmShape;
  seqLen: number;
  features: string[];
  outputs: string[];
  trainingWindow: { from: string; to: string };
  bestEpoch: number;
  metrics: Record<string, number>;
  params: Float32Array;
}

export function lstmModelToJson(m: LstmModel): LstmModelJson {
  return {
    format: 'arbml.lstm',
    version: lstmModelVersion,
    shape: m.shape,
    seqLen: m.seqLen,
    features: m.features,
    outputs: m.outputs,
    trainingWindow: m.trainingWindow,
    bestEpoch: m.bestEpoch,
    metrics: m.metrics,
    params: Array.from(m.params, (v) => Math.fround(v)),
  };
}

export function lstmModelFromJson(json: unknown, source = 'LSTM model'): LstmModel {
  const parsed = lstmModelSchema.safeParse(json);
  if (!parsed.success)
    throw new InvalidInputError(`${source}: not an arbml LSTM model`, { details: parsed.error.message });
  const m = parsed.data;
  const shape = validateShape(m.shape);
  const need = paramLayout(shape).total;
  if (m.params.length !== need)
    throw new InvalidInputError(`${source}: ${m.params.length} parameters, shape needs ${need}`);
  if (m.features.length !== shape.inputSize || m.outputs.length !== shape.outputSize) {
    throw new InvalidInputError(`${source}: feature/output names do not match the shape`);
  }
  return { ...m, shape, params: Float32Array.from(m.params) };
}
