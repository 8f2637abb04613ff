/**
 * The gradient histogram loop, generated per feature layout: for each row of a node, add its gradient pair to
 * the slot of each feature's bin. Generating the loop with the column count and histogram offsets as literals
 * unrolls it completely, which V8 turns into straight-line loads and adds (the hot spot of training).
 * The generated source is built only from integers computed here, never from model or user text.
 */
import type { BinArray, BinMatrix } from './binMatrix.ts';

export type HistogramKernel = (
  bins: BinArray,
  rows: Int32Array,
  begin: number,
  end: number,
  grad: Float64Array,
  hess: Float64Array,
  hist: Float64Array,
) => void;

const cache = new Map<string, HistogramKernel>();

function kernelSource(cols: number, offsets: Int32Array, unitHessian: boolean): string {
  const lines = [
    'for (let i = begin; i < end; i++) {',
    '  const r = rows[i];',
    '  const g = grad[r];',
    unitHessian ? '' : '  const h = hess[r];',
    `  const p = r * ${cols};`,
    '  let o = 0;',
  ];
  for (let c = 0; c < cols; c++) {
    const off = offsets[c];
    const at = c === 0 ? 'p' : `p + ${c}`;
    lines.push(`  o = (bins[${at}] + ${off}) << 1; hist[o] += g; hist[o + 1] += ${unitHessian ? '1' : 'h'};`);
  }
  lines.push('}');
  return lines.join('\n');
}

/**
 * The kernel for a bin matrix's layout. With `unitHessian` (squared error, every hessian exactly 1) the hessian
 * is added as the constant 1, which is the same float64 sum without the load.
 */
export function histogramKernel(bins: BinMatrix, unitHessian: boolean): HistogramKernel {
  const key = `${bins.cols}|${unitHessian}|${bins.bins.constructor.name}|${Array.from(bins.offsets).join(',')}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const source = kernelSource(bins.cols, bins.offsets, unitHessian);
  const kernel = new Function('bins', 'rows', 'begin', 'end', 'grad', 'hess', 'hist', source) as HistogramKernel;
  cache.set(key, kernel);
  return kernel;
}
