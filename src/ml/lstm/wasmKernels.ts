/**
 * The WebAssembly SIMD kernels (AssemblyScript in ./wasm, built to lstmKernels.wasm). Each call to wasmKernels()
 * makes a fresh instance with its own linear memory; allocate() grows that memory once and hands out Float32Array
 * views, so the kernels work on the network's buffers in place with no copying.
 */
import { existsSync, readFileSync } from 'node:fs';
import { InvariantError } from '../../core/errors.ts';
import type { FloatArray, LstmKernels } from './kernels.ts';
import { wasmPath } from './wasm/buildWasm.ts';

interface KernelExports {
  memory: WebAssembly.Memory;
  gemm(a: number, b: number, c: number, m: number, n: number, k: number, acc: number): void;
  transpose(src: number, dst: number, rows: number, cols: number): void;
  cellForward(g: number, cp: number, c: number, tc: number, h: number, batch: number, hidden: number): void;
  cellBackward(
    g: number,
    cp: number,
    tc: number,
    dh: number,
    dc: number,
    dg: number,
    batch: number,
    hidden: number,
  ): void;
  fillRows(dst: number, bias: number, rows: number, cols: number): void;
  addColumnSums(m: number, out: number, rows: number, cols: number): void;
  tanhArray(src: number, dst: number, n: number): void;
  heapBase(): number;
}

let compiled: WebAssembly.Module | undefined;

/** Compiles the kernel module once per thread (building it from source first if the .wasm is missing). */
export async function loadWasmModule(): Promise<WebAssembly.Module> {
  if (compiled) return compiled;
  if (!existsSync(wasmPath)) {
    try {
      const { buildWasm } = await import('./wasm/buildWasm.ts');
      await buildWasm();
    } catch (cause) {
      throw new InvariantError('LSTM wasm kernels missing; run `npm run build:wasm`', { cause });
    }
  }
  compiled = new WebAssembly.Module(readFileSync(wasmPath));
  return compiled;
}

const off = (a: FloatArray): number => a.byteOffset;

export interface WasmLstmKernels extends LstmKernels {
  /** Element-wise SIMD tanh (n a multiple of 4), exposed for accuracy tests. */
  tanhArray(src: Float32Array, dst: Float32Array, n: number): void;
}

export async function wasmKernels(): Promise<WasmLstmKernels> {
  const module = await loadWasmModule();
  const x = new WebAssembly.Instance(module, {}).exports as unknown as KernelExports;
  let allocated = false;
  return {
    name: 'wasm',
    allocate(sizes) {
      if (allocated) throw new InvariantError('wasm kernels: allocate() may be called once per instance');
      allocated = true;
      let at = Math.ceil(x.heapBase() / 64) * 64;
      const starts = sizes.map((n) => {
        const s = at;
        at += Math.ceil((n * 4) / 64) * 64;
        return s;
      });
      const pages = Math.ceil(at / 65536) - x.memory.buffer.byteLength / 65536;
      if (pages > 0) x.memory.grow(pages);
      return sizes.map((n, i) => new Float32Array(x.memory.buffer, starts[i], n));
    },
    gemm: (a, b, c, m, n, k, acc) => x.gemm(off(a), off(b), off(c), m, n, k, acc ? 1 : 0),
    transpose: (s, d, rows, cols) => x.transpose(off(s), off(d), rows, cols),
    cellForward: (g, cp, c, tc, h, batch, hidden) =>
      x.cellForward(off(g), off(cp), off(c), off(tc), off(h), batch, hidden),
    cellBackward: (g, cp, tc, dh, dc, dg, batch, hidden) =>
      x.cellBackward(off(g), off(cp), off(tc), off(dh), off(dc), off(dg), batch, hidden),
    fillRows: (d, b, rows, cols) => x.fillRows(off(d), off(b), rows, cols),
    addColumnSums: (m, o, rows, cols) => x.addColumnSums(off(m), off(o), rows, cols),
    tanhArray: (s, d, n) => x.tanhArray(off(s), off(d), n),
  };
}
