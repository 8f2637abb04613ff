/**
 * Batch prediction in WebAssembly over the ForestPredictor's perfect-layout arrays (same steps, same float32
 * sums, so the same predictions). The forest is copied into the module's memory once; each call copies the
 * rows in (growing memory when a batch is larger than any before) and the predictions out.
 */
import { gbdtWasmModule } from './gbdtWasmModule.ts';

interface ForestExports {
  memory: WebAssembly.Memory;
  heapBase(): number;
  predictRows(
    x: number,
    cols: number,
    rows: number,
    feat: number,
    thr: number,
    leaf: number,
    depth: number,
    nodeOff: number,
    leafOff: number,
    trees: number,
    base: number,
    out: number,
  ): void;
}

export interface ForestArrays {
  feat: Int32Array;
  featWide: Int32Array;
  thr: Float32Array;
  leaf: Float32Array;
  depth: Int32Array;
  nodeOff: Int32Array;
  leafOff: Int32Array;
  baseScore: number;
}

export class WasmForest {
  private readonly ex: ForestExports;
  private readonly at: Record<keyof Omit<ForestArrays, 'baseScore'>, number>;
  private readonly input: number;

  private constructor(
    module: WebAssembly.Module,
    private readonly a: ForestArrays,
  ) {
    this.ex = new WebAssembly.Instance(module, {}).exports as unknown as ForestExports;
    let top = (this.ex.heapBase() + 15) & ~15;
    const place = (arr: Int32Array | Float32Array): number => {
      const at = top;
      top += (arr.byteLength + 15) & ~15;
      this.ensure(top);
      new Uint8Array(this.ex.memory.buffer, at, arr.byteLength).set(
        new Uint8Array(arr.buffer, arr.byteOffset, arr.byteLength),
      );
      return at;
    };
    this.at = {
      feat: place(a.feat),
      featWide: place(a.featWide),
      thr: place(a.thr),
      leaf: place(a.leaf),
      depth: place(a.depth),
      nodeOff: place(a.nodeOff),
      leafOff: place(a.leafOff),
    };
    this.input = top;
  }

  static create(arrays: ForestArrays): WasmForest | null {
    const module = gbdtWasmModule();
    return module ? new WasmForest(module, arrays) : null;
  }

  private ensure(bytes: number): void {
    const have = this.ex.memory.buffer.byteLength;
    if (bytes > have) this.ex.memory.grow(Math.ceil((bytes - have) / 65536));
  }

  /** Predictions for float32 rows (`wide`: NaN-widened rows, read through featWide). */
  predict(x: Float32Array, cols: number, rows: number, wide: boolean, out: Float32Array): void {
    const outAt = this.input + ((x.byteLength + 15) & ~15);
    this.ensure(outAt + rows * 4);
    const buf = this.ex.memory.buffer;
    new Float32Array(buf, this.input, x.length).set(x);
    const { at, a } = this;
    this.ex.predictRows(
      this.input,
      cols,
      rows,
      wide ? at.featWide : at.feat,
      at.thr,
      at.leaf,
      at.depth,
      at.nodeOff,
      at.leafOff,
      a.depth.length,
      a.baseScore,
      outAt,
    );
    out.set(new Float32Array(buf, outAt, rows));
  }
}
