/** Test helpers: run the CLI in-process and collect its exit code and output. */
import { vi } from 'vitest';
import { main } from './main.ts';

/** Exit code and everything the CLI wrote to stdout and to stderr (its log). */
export async function runCliCaptured(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return runCli(args);
}

/** Exit code and what the CLI wrote to stdout and stderr. */
export async function runCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += chunk.toString();
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += chunk.toString();
    return true;
  });
  try {
    return { code: await main(args), stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}
