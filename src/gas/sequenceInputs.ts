/**
 * LSTM inputs for forecast origins: for each origin t, the standardised per-step features of bins t-seqLen+1..t,
 * sample-major [origins, seqLen, features] float32. Bins before the series start repeat bin 0.
 */
import { InvalidInputError } from '../core/errors.ts';

export interface SequenceSpec {
  features: readonly string[];
  seqLen: number;
  mean: readonly number[];
  scale: readonly number[];
}

export function sequenceInputs(
  columns: Map<string, Float64Array>,
  spec: SequenceSpec,
  origins: readonly number[],
): Float32Array {
  const F = spec.features.length,
    T = spec.seqLen;
  const cols = spec.features.map((n) => {
    const c = columns.get(n);
    if (!c) throw new InvalidInputError(`unknown sequence feature ${n}`);
    return c;
  });
  const x = new Float32Array(origins.length * T * F);
  origins.forEach((origin, i) => {
    for (let s = 0; s < T; s++) {
      const t = Math.max(0, origin - T + 1 + s);
      for (let f = 0; f < F; f++) x[(i * T + s) * F + f] = (cols[f]![t]! - spec.mean[f]!) / spec.scale[f]!;
    }
  });
  return x;
}
