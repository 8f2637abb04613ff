/**
 * A real `arbml simulate` in a child process writing to a PostgreSQL schema, paced so a dashboard can watch it fill:
 * the browser test's writer when a server is available. Exposes the child's own /metrics URL (from its stderr) and
 * stops it on request (SIGTERM, then SIGKILL).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SimulateProcess {
  /** The child's Prometheus endpoint, once it has printed it. */
  metricsUrl(): Promise<string>;
  /** Whether the child is still running. */
  readonly running: boolean;
  /** stderr so far (progress and warnings). */
  readonly stderr: string;
  stop(): Promise<void>;
}

export interface StartSimulateOptions {
  databaseUrl: string;
  schema: string;
  /** Use TimescaleDB when the server has it (default false: a plain PostgreSQL test database stays plain). */
  timescale?: boolean;
  days: number;
  seed: number;
  /** Ledger flush interval (rows) and sleep every 2,000 blocks (ms). */
  flushRows: number;
  paceMs: number;
  /** Run the ML decider from this models folder (default: the heuristic). */
  modelsDir?: string;
}

export function startSimulateProcess(o: StartSimulateOptions): SimulateProcess {
  const bin = join(process.cwd(), 'bin', 'arbml.js');
  const args = [
    bin,
    'simulate',
    '--days',
    String(o.days),
    '--seed',
    String(o.seed),
    '--database-url',
    o.databaseUrl,
    '--db-schema',
    o.schema,
    '--flush-rows',
    String(o.flushRows),
    '--pace-ms',
    String(o.paceMs),
    '--metrics-port',
    '0',
    '--json',
    ...(o.modelsDir ? ['--decider', 'ml', '--models-dir', o.modelsDir] : []),
  ];
  const child: ChildProcess = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      ARBML_TIMESCALE: o.timescale ? 'auto' : 'off',
      ARBML_JOURNAL_PATH: join(tmpdir(), `arbml-journal-${o.schema}.ndjson`),
    },
  });
  let stderr = '';
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    child.once('exit', () => {
      exited = true;
      resolve();
    }),
  );
  let resolveUrl: (url: string) => void;
  const url = new Promise<string>((resolve) => (resolveUrl = resolve));
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    const m = /metrics at (http:\/\/\S+)/.exec(stderr);
    if (m) resolveUrl(m[1]!.replace(/\/metrics$/, '') + '/metrics');
  });
  child.stdout!.resume();
  return {
    metricsUrl: () =>
      Promise.race([
        url,
        exit.then(() => Promise.reject(new Error(`arbml simulate exited before serving /metrics:\n${stderr}`))),
      ]),
    get running() {
      return !exited;
    },
    get stderr() {
      return stderr;
    },
    async stop() {
      if (exited) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exit;
      clearTimeout(timer);
    },
  };
}
