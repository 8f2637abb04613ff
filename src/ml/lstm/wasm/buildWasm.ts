/**
 * Compiles the LSTM kernels (AssemblyScript sources `*.as` in this folder) into `lstmKernels.wasm` beside them.
 * The sources carry a `.as` extension so tsc and ESLint leave them alone; asc is handed them as `.ts` through its
 * readFile hook. Run with `npm run build:wasm` (hook it into `prepare`); the loader also calls it when the file is
 * missing and the assemblyscript dev dependency is installed.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { threadId } from 'node:worker_threads';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const kernelSources = ['gemm.as', 'cell.as'] as const;
export const wasmDir = dirname(fileURLToPath(import.meta.url));
export const wasmPath = join(wasmDir, 'lstmKernels.wasm');

export async function buildWasm(): Promise<string> {
  const asc = (await import('assemblyscript/asc')).default;
  const entries = kernelSources.map((s) => s.replace(/\.as$/, '.ts'));
  const errors: string[] = [];
  const { error } = await asc.main(
    [
      ...entries,
      '-O3',
      '--runtime',
      'stub',
      '--enable',
      'simd',
      '--noAssert',
      '--exportStart',
      '_start',
      '--initialMemory',
      '16',
      '-o',
      'lstmKernels.wasm',
      '--baseDir',
      wasmDir,
    ],
    {
      readFile: (name: string, baseDir: string) => {
        const local = resolve(wasmDir, baseDir, name);
        if (!local.startsWith(wasmDir) || !name.endsWith('.ts')) return null;
        try {
          return readFileSync(local.replace(/\.ts$/, '.as'), 'utf8');
        } catch {
          return null;
        }
      },
      writeFile: (name: string, contents: Uint8Array | string, baseDir: string) => {
        // Write then rename: test workers may build at the same time, and a reader must never see half a file.
        const target = resolve(wasmDir, baseDir, name);
        const temp = `${target}.${process.pid}.${threadId}.tmp`;
        writeFileSync(temp, contents);
        renameSync(temp, target);
      },
      listFiles: () => [],
      stderr: { write: (s: string | Uint8Array) => (errors.push(String(s)), true) } as never,
      stdout: { write: () => true } as never,
    },
  );
  if (error) throw new Error(`AssemblyScript build failed: ${error.message}\n${errors.join('')}`);
  return wasmPath;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const t0 = Date.now();
  const path = await buildWasm();
  process.stderr.write(`built ${path} in ${Date.now() - t0} ms\n`);
}
