/**
 * Runs seed jobs (evaluateSeed) over worker processes, one seed at a time per worker (default: one worker per
 * core), and reports each finished job with an ETA. `workers: 0` runs them in this process, one after another.
 * Results come back in job order whatever the finishing order, so the summary is deterministic per seed.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { RetryableIoError } from '../core/errors.ts';
import { evaluateSeed, type EvaluateConfig, type SeedResult } from './evaluateSeed.ts';

export interface SeedJob {
  config: EvaluateConfig;
  seed: number;
}

export interface RunSeedJobsOptions {
  jobs: readonly SeedJob[];
  workers?: number;
  /** Called as each job finishes: it, its result, how many are done and the estimated seconds left. */
  onDone?: (job: SeedJob, result: SeedResult, done: number, etaSeconds: number) => void;
}

const WORKER = fileURLToPath(new URL('./seedWorker.ts', import.meta.url));

export async function runSeedJobs(o: RunSeedJobsOptions): Promise<SeedResult[]> {
  const started = performance.now();
  const results = new Array<SeedResult>(o.jobs.length);
  let done = 0;
  const finish = (i: number, r: SeedResult): void => {
    results[i] = r;
    done++;
    const elapsed = (performance.now() - started) / 1000;
    o.onDone?.(o.jobs[i]!, r, done, (elapsed / done) * (o.jobs.length - done));
  };
  const workers = Math.min(o.workers ?? availableParallelism(), o.jobs.length);
  if (workers <= 0) {
    for (let i = 0; i < o.jobs.length; i++) finish(i, await evaluateSeed(o.jobs[i]!.config, o.jobs[i]!.seed));
    return results;
  }
  const loader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  let next = 0;
  const children: ChildProcess[] = [];
  try {
    await Promise.all(
      Array.from({ length: workers }, async () => {
        const child = fork(WORKER, [], {
          execArgv: ['--import', loader],
          stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
        });
        children.push(child);
        while (next < o.jobs.length) {
          const i = next++;
          const reply = await new Promise<{ result?: SeedResult; error?: string }>((resolve, reject) => {
            const onExit = (code: number | null): void =>
              reject(new RetryableIoError(`seed worker exited (code ${code}) during seed ${o.jobs[i]!.seed}`));
            child.once('exit', onExit);
            child.once('message', (m: { result?: SeedResult; error?: string }) => {
              child.off('exit', onExit);
              resolve(m);
            });
            child.send({ id: i, ...o.jobs[i]! });
          });
          if (reply.error !== undefined) throw new RetryableIoError(`seed ${o.jobs[i]!.seed}: ${reply.error}`);
          finish(i, reply.result!);
        }
      }),
    );
  } finally {
    for (const c of children) if (c.connected) c.disconnect();
  }
  return results;
}
