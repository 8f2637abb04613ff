/**
 * The submitting side of the worker role: publishes one job per item to the work-queue stream and gathers each
 * result from `<ns>.jobres.<job id>`, in job order whatever the finishing order. Job ids carry a run nonce, so a
 * second run inside the duplicate window is not taken for the first; a job that fails on its worker fails the run
 * with the worker's message. Workers are `arbml node --role worker` processes on the same bus.
 */
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { RetryableIoError } from '../core/errors.ts';
import { connectBus } from './connectBus.ts';
import type { Job, JobResult } from './jobs.ts';
import { publishReliably } from './publishReliably.ts';
import { busTopology, ensureTopology } from './topology.ts';
import { decodeMessage, encodeMessage } from './wire.ts';

export interface RunJobsOnBusOptions<A> {
  busUrl: string;
  namespace?: string;
  /** Name of the job function the workers run (jobs.ts). */
  fn: string;
  args: readonly A[];
  /** Called as each result arrives: its index, its result, how many are done. */
  onDone?: (index: number, result: unknown, done: number) => void;
  /** Give up when the results are not all back after this long (default 6 h). */
  timeoutMs?: number;
}

export async function runJobsOnBus<A, R>(o: RunJobsOnBusOptions<A>): Promise<R[]> {
  const nc = await connectBus({ url: o.busUrl, name: `arbml ${o.fn} jobs` });
  try {
    const topology = busTopology({ namespace: o.namespace });
    await ensureTopology(await jetstreamManager(nc), topology);
    const js = jetstream(nc);
    const run = `${Date.now().toString(36)}-${process.pid}`;
    const ids = o.args.map((_, i) => `${o.fn}-${run}-${i}`);
    const index = new Map(ids.map((id, i) => [id, i]));
    const results = new Array<R>(ids.length);
    let done = 0;
    let failure: string | undefined;
    let finish: () => void = () => {};
    const all = new Promise<void>((resolve) => (finish = resolve));
    const sub = nc.subscribe(`${topology.namespace}.jobres.*`, {
      callback: (_err, m) => {
        const r = decodeMessage<JobResult>(m.data);
        const i = index.get(r.id);
        if (i === undefined || results[i] !== undefined) return;
        if (!r.ok) failure ??= `job ${r.id} failed on ${r.worker ?? 'a worker'}: ${r.error}`;
        results[i] = r.result as R;
        o.onDone?.(i, r.result, ++done);
        if (done === ids.length || failure) finish();
      },
    });
    for (const [i, id] of ids.entries()) {
      const job: Job = { id, fn: o.fn, args: o.args[i] };
      if (!(await publishReliably({ js, subject: topology.jobSubject, data: encodeMessage(job), msgId: id }))) {
        throw new RetryableIoError(`could not publish job ${id} to ${o.busUrl}`);
      }
    }
    const timeoutMs = o.timeoutMs ?? 6 * 3_600_000;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
    await Promise.race([all, timedOut]);
    clearTimeout(timer);
    sub.unsubscribe();
    if (failure) throw new RetryableIoError(failure);
    if (done < ids.length)
      throw new RetryableIoError(
        `${ids.length - done} of ${ids.length} jobs not back from the workers after ${timeoutMs / 1000} s`,
      );
    return results;
  } finally {
    await nc.close();
  }
}
