/**
 * `arbml node --role ...` as a child process for integration tests and benchmarks: waits for its `ready` line,
 * keeps its stderr lines, and can wait for a line, be killed (SIGKILL: a crash) or stopped (SIGTERM: graceful).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const bin = join(dirname(fileURLToPath(import.meta.url)), '../../../bin/arbml.js');

export interface RoleProcess {
  readonly child: ChildProcess;
  readonly lines: string[];
  /** Resolves with the first line (from now on, or already seen when `past`) matching. */
  waitFor(pattern: RegExp, timeoutMs?: number, past?: boolean): Promise<string>;
  kill(): Promise<void>;
  /** SIGTERM and wait; resolves with its stdout (the final JSON with --json). */
  stop(timeoutMs?: number): Promise<string>;
}

export interface StartRoleOptions {
  role: string;
  args?: string[];
  env?: NodeJS.ProcessEnv;
}

export async function startRole({ role, args = [], env = {} }: StartRoleOptions): Promise<RoleProcess> {
  const child = spawn(process.execPath, [bin, 'node', '--role', role, '--json', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  const lines: string[] = [];
  const waiters: { pattern: RegExp; resolve: (l: string) => void }[] = [];
  let stdout = '';
  let partial = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => {
    partial += d.toString();
    const parts = partial.split('\n');
    partial = parts.pop()!;
    for (const line of parts) {
      lines.push(line);
      for (const w of [...waiters]) {
        if (w.pattern.test(line)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(line);
        }
      }
    }
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const waitFor = (pattern: RegExp, timeoutMs = 30_000, past = false): Promise<string> => {
    const seen = past ? lines.find((l) => pattern.test(l)) : undefined;
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error(
              `${role}: no line matching ${pattern} in ${timeoutMs} ms; last lines:\n${lines.slice(-10).join('\n')}`,
            ),
          ),
        timeoutMs,
      );
      const w = { pattern, resolve: (l: string) => (clearTimeout(timer), resolve(l)) };
      waiters.push(w);
      void exited.then(() => {
        if (!waiters.includes(w)) return;
        clearTimeout(timer);
        reject(
          new Error(
            `${role} exited (${child.exitCode}) before ${pattern}; last lines:\n${lines.slice(-10).join('\n')}`,
          ),
        );
      });
    });
  };
  try {
    await waitFor(/: ready/, 60_000, true);
  } catch (err) {
    child.kill('SIGKILL'); // never leave a half-started role behind
    throw err;
  }
  return {
    child,
    lines,
    waitFor,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
    async stop(timeoutMs = 30_000) {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      await exited;
      clearTimeout(timer);
      return stdout;
    },
  };
}
