/**
 * Training sequences for the LSTM: count samples of seqLen steps x inputSize features (sample-major), and targets
 * count x outputSize. Backed by SharedArrayBuffer so worker threads read them without copies.
 */
import { InvalidInputError } from '../../core/errors.ts';
import type { FloatArray } from './kernels.ts';

export interface SequenceData {
  count: number;
  seqLen: number;
  inputSize: number;
  outputSize: number;
  x: Float32Array;
  y: Float32Array;
}

export function sequenceData(d: SequenceData): SequenceData {
  if (d.x.length !== d.count * d.seqLen * d.inputSize) {
    throw new InvalidInputError(
      `sequence data: x has ${d.x.length} values, expected ${d.count}x${d.seqLen}x${d.inputSize}`,
    );
  }
  if (d.y.length !== d.count * d.outputSize) {
    throw new InvalidInputError(`sequence data: y has ${d.y.length} values, expected ${d.count}x${d.outputSize}`);
  }
  const shared = (a: Float32Array): Float32Array => {
    if (a.buffer instanceof SharedArrayBuffer) return a;
    const s = new Float32Array(new SharedArrayBuffer(a.byteLength));
    s.set(a);
    return s;
  };
  return { ...d, x: shared(d.x), y: shared(d.y) };
}

/** Copies samples `indices` into time-major x [seqLen, batch, in] and y [batch, out]. */
export function gatherBatch(d: SequenceData, indices: ArrayLike<number>, x: FloatArray, y: FloatArray): void {
  const { seqLen: T, inputSize: F, outputSize: O } = d;
  const B = indices.length;
  for (let b = 0; b < B; b++) {
    const s = indices[b]!;
    for (let t = 0; t < T; t++) x.set(d.x.subarray((s * T + t) * F, (s * T + t + 1) * F), (t * B + b) * F);
    y.set(d.y.subarray(s * O, (s + 1) * O), b * O);
  }
}
