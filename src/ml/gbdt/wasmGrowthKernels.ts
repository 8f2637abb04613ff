/**
 * The growth kernels in WebAssembly (wasm/gbdtKernels.as): one module instance per training, its linear memory
 * sized once for the bins, row buffers and a fixed pool of histograms, then never grown (growing would detach
 * the typed-array views). Returns null, and training uses the TypeScript kernels, when the module is not built
 * and cannot be, when bins need two bytes, or when the tree is too deep for a fixed pool.
 */
import type { GrowthKernelOptions, GrowthKernels } from './growthKernels.ts';
import { gbdtWasmModule } from './gbdtWasmModule.ts';

interface KernelExports {
  memory: WebAssembly.Memory;
  heapBase(): number;
  buildHistogram(
    bins: number,
    cols: number,
    offsets: number,
    rows: number,
    begin: number,
    end: number,
    grad: number,
    hess: number,
    unit: number,
    hist: number,
  ): void;
  partitionRows(column: number, rows: number, scratch: number, begin: number, end: number, goesLeft: number): number;
  addLeafValue(rows: number, begin: number, end: number, predictions: number, value: number): void;
  addSplitLeafValues(
    column: number,
    rows: number,
    begin: number,
    end: number,
    goesLeft: number,
    predictions: number,
    leftValue: number,
    rightValue: number,
  ): void;
  subtractHistogram(parent: number, child: number, n: number): void;
  squaredErrorGradients(predictions: number, labels: number, grad: number, n: number): void;
  identityRows(rows: number, n: number): void;
  bestSplit(
    hist: number,
    features: number,
    nFeatures: number,
    binCount: number,
    offsets: number,
    G: number,
    H: number,
    lambda: number,
    mcw: number,
    out: number,
  ): void;
}

const MAX_POOLED_DEPTH = 10;

/** True when the WebAssembly kernels are available in this process. */
export function wasmKernelsAvailable(): boolean {
  return gbdtWasmModule() !== null;
}

export function wasmGrowthKernels({ bins, unitHessian, maxDepth }: GrowthKernelOptions): GrowthKernels | null {
  const module = bins.bins.BYTES_PER_ELEMENT === 1 && maxDepth <= MAX_POOLED_DEPTH ? gbdtWasmModule() : null;
  if (!module) return null;
  const ex = new WebAssembly.Instance(module, {}).exports as unknown as KernelExports;
  const n = bins.rows;
  const cols = bins.cols;
  const histBytes = bins.totalSlots * 16;
  const poolSize = 2 ** maxDepth + 4;
  let top = (ex.heapBase() + 15) & ~15;
  const layout: Record<string, number> = {};
  const reserve = (name: string, bytes: number): void => {
    layout[name] = top;
    top += (bytes + 15) & ~15;
  };
  reserve('bins', n * cols);
  reserve('columns', n * cols);
  reserve('offsets', cols * 4);
  reserve('binCount', cols * 4);
  reserve('features', cols * 4);
  reserve('split', 48);
  reserve('rows', n * 4);
  reserve('scratch', n * 4);
  reserve('grad', n * 8);
  reserve('hess', n * 8);
  reserve('predictions', n * 4);
  reserve('labels', n * 4);
  reserve('table', 257);
  reserve('hists', histBytes * poolSize);
  const have = ex.memory.buffer.byteLength;
  if (top > have) ex.memory.grow(Math.ceil((top - have) / 65536));
  const buf = ex.memory.buffer;
  new Uint8Array(buf, layout.bins, n * cols).set(bins.bins);
  bins.columns.forEach((c, f) => new Uint8Array(buf, layout.columns + f * n, n).set(c));
  new Int32Array(buf, layout.offsets, cols).set(bins.offsets);
  new Int32Array(buf, layout.binCount, cols).set(bins.binCount);
  const featureView = new Int32Array(buf, layout.features, cols);
  const splitF64 = new Float64Array(buf, layout.split, 4);
  const splitF32 = new Float32Array(buf, layout.split + 32, 1);
  const splitI32 = new Int32Array(buf, layout.split + 36, 3);
  const table = new Uint8Array(buf, layout.table, 257);
  const free: Float64Array[] = [];
  for (let i = poolSize - 1; i >= 0; i--)
    free.push(new Float64Array(buf, layout.hists + i * histBytes, bins.totalSlots * 2));
  const setTable = (goesLeft: Uint8Array): void => table.set(goesLeft);
  const unit = unitHessian ? 1 : 0;
  const labelView = new Float32Array(buf, layout.labels, n);
  let labelsCopied: Float32Array | null = null;
  return {
    kind: 'wasm',
    squaredErrorGradients(labels) {
      if (labelsCopied !== labels) {
        labelView.set(labels);
        labelsCopied = labels;
      }
      ex.squaredErrorGradients(layout.predictions, layout.labels, layout.grad, n);
    },
    identityRows: (count) => ex.identityRows(layout.rows, count),
    findSplit({ hist, cuts, grad, hess, features, rules }) {
      featureView.set(features);
      ex.bestSplit(
        hist.byteOffset,
        layout.features,
        features.length,
        layout.binCount,
        layout.offsets,
        grad,
        hess,
        rules.lambda,
        rules.minChildWeight,
        layout.split,
      );
      const feature = splitI32[0];
      if (feature < 0) return null;
      const binThreshold = splitI32[1];
      const condition = binThreshold < 0 ? cuts.minValues[feature] : cuts.values[cuts.ptrs[feature] + binThreshold];
      return {
        gain: splitF32[0],
        feature,
        binThreshold,
        condition,
        defaultLeft: splitI32[2] === 1,
        leftGrad: splitF64[0],
        leftHess: splitF64[1],
        rightGrad: splitF64[2],
        rightHess: splitF64[3],
      };
    },
    rows: new Int32Array(buf, layout.rows, n),
    grad: new Float64Array(buf, layout.grad, n),
    hess: new Float64Array(buf, layout.hess, n),
    predictions: new Float32Array(buf, layout.predictions, n),
    histogram() {
      const h = free.pop();
      if (!h) throw new Error('wasm histogram pool exhausted');
      h.fill(0);
      return h;
    },
    release: (h) => void free.push(h),
    buildHistogram: (begin, end, hist) =>
      ex.buildHistogram(
        layout.bins,
        cols,
        layout.offsets,
        layout.rows,
        begin,
        end,
        layout.grad,
        layout.hess,
        unit,
        hist.byteOffset,
      ),
    subtract: (parent, child) => ex.subtractHistogram(parent.byteOffset, child.byteOffset, parent.length),
    partition(feature, goesLeft, begin, end) {
      setTable(goesLeft);
      return ex.partitionRows(layout.columns + feature * n, layout.rows, layout.scratch, begin, end, layout.table);
    },
    addLeafValue: (begin, end, value) => ex.addLeafValue(layout.rows, begin, end, layout.predictions, value),
    addSplitLeafValues(feature, goesLeft, begin, end, leftValue, rightValue) {
      setTable(goesLeft);
      ex.addSplitLeafValues(
        layout.columns + feature * n,
        layout.rows,
        begin,
        end,
        layout.table,
        layout.predictions,
        leftValue,
        rightValue,
      );
    },
  };
}
