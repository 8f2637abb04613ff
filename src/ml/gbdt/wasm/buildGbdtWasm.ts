/**
 * Compiles the GBDT kernels (AssemblyScript source `gbdtKernels.as` in this folder) into `gbdtKernels.wasm`
 * beside it. The source has a `.as` extension so tsc and ESLint leave it alone; asc receives it as `.ts`
 * through its readFile hook. The loader calls this when the .wasm is missing and assemblyscript is installed.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const gbdtWasmDir = dirname(fileURLToPath(import.meta.url));
export const gbdtWasmPath = join(gbdtWasmDir, 'gbdtKernels.wasm');

export async function buildGbdtWasm(): Promise<string> {
  const asc = (await import('assemblyscript/asc')).default;
  const errors: string[] = [];
  const { error } = await asc.main(
    [
      'gbdtKernels.ts',
      '-O3',
      '--runtime',
      'stub',
      '--noAssert',
      '--initialMemory',
      '1',
      '-o',
      'gbdtKernels.wasm',
      '--baseDir',
      gbdtWasmDir,
    ],
    {
      readFile: (name: string, baseDir: string) => {
        const local = resolve(gbdtWasmDir, baseDir, name);
        if (!local.startsWith(gbdtWasmDir) || !name.endsWith('.ts')) return null;
        try {
          return readFileSync(local.replace(/\.ts$/, '.as'), 'utf8');
        } catch {
          return null;
        }
      },
      writeFile: (name: string, contents: Uint8Array | string, baseDir: string) => {
        // Write then rename: test workers building at the same time never read a half-written module.
        const target = resolve(gbdtWasmDir, baseDir, name);
        const tmp = `${target}.${process.pid}.tmp`;
        writeFileSync(tmp, contents);
        renameSync(tmp, target);
      },
      listFiles: () => [],
      stderr: { write: (s: string | Uint8Array) => (errors.push(String(s)), true) } as never,
      stdout: { write: () => true } as never,
    },
  );
  if (error) throw new Error(`AssemblyScript build failed: ${error.message}\n${errors.join('')}`);
  return gbdtWasmPath;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const t0 = Date.now();
  buildGbdtWasm().then(
    (path) => process.stderr.write(`built ${path} in ${Date.now() - t0} ms\n`),
    (err: unknown) => {
      process.stderr.write(`${String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
