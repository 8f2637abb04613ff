/** Test helper: runs the CLI in-process and returns its exit code and what it wrote to stdout (stderr muted). */
import { vi } from 'vitest';
import { main } from './main.ts';

export async function runCli(args: string[]): Promise<{ code: number; stdout: string }> {
  let stdout = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += chunk.toString();
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    return { code: await main(args), stdout };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}
