/**
 * The compiled GBDT WebAssembly module (wasm/gbdtKernels.as -> gbdtKernels.wasm), built once in a child process
 * when the .wasm is missing or older than its source. null when it cannot be had (or ARBML_GBDT_KERNELS=js):
 * callers then use the TypeScript paths, which give identical results.
 */
import { execFileSync } from 'node:child_process';
import { childEnv } from '../../core/childEnv.ts';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const wasmPath = fileURLToPath(new URL('./wasm/gbdtKernels.wasm', import.meta.url));
const sourcePath = fileURLToPath(new URL('./wasm/gbdtKernels.as', import.meta.url));
const buildScript = fileURLToPath(new URL('./wasm/buildGbdtWasm.ts', import.meta.url));

let compiled: WebAssembly.Module | null | undefined;

function stale(): boolean {
  if (!existsSync(wasmPath)) return true;
  return existsSync(sourcePath) && statSync(sourcePath).mtimeMs > statSync(wasmPath).mtimeMs;
}

export function gbdtWasmModule(): WebAssembly.Module | null {
  if (compiled !== undefined) return compiled;
  compiled = null;
  if (process.env.ARBML_GBDT_KERNELS === 'js') return null;
  try {
    if (stale())
      execFileSync(process.execPath, ['--import', 'tsx', buildScript], {
        stdio: 'ignore',
        timeout: 180_000,
        env: childEnv(),
      });
    compiled = new WebAssembly.Module(readFileSync(wasmPath));
  } catch {
    compiled = null;
  }
  return compiled;
}
