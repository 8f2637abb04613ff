/**
 * The worker role: pulls jobs from the work-queue stream (shared consumer `worker`), runs each (jobs.ts) and
 * publishes its result to `<ns>.jobres.<job id>` with Nats-Msg-Id = the job id, acknowledging the job only after the
 * result is stored. A job whose worker dies is redelivered to another worker; its result is stored once. While a
 * job runs, the worker tells the server it is still working so a long job is not redelivered meanwhile.
 */
import type { JetStreamClient } from '@nats-io/jetstream';
import { hostname } from 'node:os';
import type { BusMetrics } from './busMetrics.ts';
import { consumeLoop } from './consumeLoop.ts';
import { jobFunctions, runJob, type Job, type JobFunction } from './jobs.ts';
import { publishReliably } from './publishReliably.ts';
import type { BusTopology } from './topology.ts';
import { decodeMessage, encodeMessage } from './wire.ts';

export interface RunWorkerOptions {
  js: JetStreamClient;
  topology: BusTopology;
  signal: AbortSignal;
  functions?: Readonly<Record<string, JobFunction>>;
  metrics?: BusMetrics;
}

export async function runWorker(o: RunWorkerOptions): Promise<{ jobs: number }> {
  let jobs = 0;
  const name = `${hostname()}:${process.pid}`;
  await consumeLoop({
    js: o.js,
    stream: o.topology.streams.job,
    consumer: o.topology.consumers.worker,
    maxMessages: 1,
    signal: o.signal,
    async onMessage(m) {
      o.metrics?.consumed();
      const job = decodeMessage<Job>(m.data);
      const keepAlive = setInterval(() => m.working(), Math.max(1_000, o.topology.ackWaitMs / 3));
      try {
        const result = { ...(await runJob(job, o.functions ?? jobFunctions)), worker: name };
        const data = encodeMessage(result);
        if (
          await publishReliably({
            js: o.js,
            subject: o.topology.jobResultSubject(job.id),
            data,
            msgId: job.id,
            signal: o.signal,
          })
        ) {
          m.ack();
          jobs++;
          o.metrics?.published();
          o.metrics?.acked();
        }
      } finally {
        clearInterval(keepAlive);
      }
    },
  });
  return { jobs };
}
