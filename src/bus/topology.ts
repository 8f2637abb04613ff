/**
 * The bus's subjects, streams and durable consumers, all under one namespace (default `arbml`; tests and benchmarks
 * use their own so they never meet a production stream). Opportunities, decisions and outcomes each have a stream
 * of their own, stored on disk (they survive a server restart) with a duplicate window inside which a repeated
 * Nats-Msg-Id (the opportunity id) is dropped by the server: a publisher that retries after a crash or a timeout
 * never stores a message twice. Jobs use a work-queue stream (a job is removed once a worker acknowledges it).
 *
 *   <ns>.opp.<chain>              stream <NS>_OPP   consumer `strategy` (shared by every strategy process)
 *   <ns>.dec.<chain>.<account>    stream <NS>_DEC   consumer `executor_<chain>_<account>` (one executor per account)
 *   <ns>.out.<chain>              stream <NS>_OUT   consumer `ledger` (shared by every ledger writer)
 *   <ns>.job                      stream <NS>_JOB   consumer `worker` (work queue)
 *   <ns>.jobres.<job id>          stream <NS>_JOBRES (results, read by whoever published the job)
 *   <ns>.ledger.committed         core NATS only: one notice per committed ledger batch (latencies)
 */
import { AckPolicy, RetentionPolicy, StorageType, type JetStreamManager } from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';

export interface BusTopologyOptions {
  /** Subject prefix and stream-name prefix (default `arbml`). */
  namespace?: string;
  /** How long a delivered message may stay unacknowledged before it is redelivered (default 30 s). */
  ackWaitMs?: number;
  /** Window of publish-side deduplication by Nats-Msg-Id (default 10 min). */
  duplicateWindowMs?: number;
  /** Unacknowledged messages a consumer may have out at once, over all its processes (default 50,000). */
  maxAckPending?: number;
}

export interface BusTopology {
  namespace: string;
  streams: { opp: string; dec: string; out: string; job: string; jobres: string };
  oppSubject(chain: string): string;
  decisionSubject(chain: string, account: string): string;
  outcomeSubject(chain: string): string;
  jobSubject: string;
  jobResultSubject(jobId: string): string;
  committedSubject: string;
  consumers: { strategy: string; ledger: string; worker: string; executor(chain: string, account: string): string };
  ackWaitMs: number;
  duplicateWindowMs: number;
  maxAckPending: number;
}

const token = (s: string): string => s.replace(/[^A-Za-z0-9_-]/g, '_');

export function busTopology(o: BusTopologyOptions = {}): BusTopology {
  const ns = token(o.namespace ?? 'arbml');
  const up = ns.toUpperCase();
  return {
    namespace: ns,
    streams: { opp: `${up}_OPP`, dec: `${up}_DEC`, out: `${up}_OUT`, job: `${up}_JOB`, jobres: `${up}_JOBRES` },
    oppSubject: (chain) => `${ns}.opp.${token(chain)}`,
    decisionSubject: (chain, account) => `${ns}.dec.${token(chain)}.${token(account)}`,
    outcomeSubject: (chain) => `${ns}.out.${token(chain)}`,
    jobSubject: `${ns}.job`,
    jobResultSubject: (jobId) => `${ns}.jobres.${token(jobId)}`,
    committedSubject: `${ns}.ledger.committed`,
    consumers: {
      strategy: 'strategy',
      ledger: 'ledger',
      worker: 'worker',
      executor: (chain, account) => `executor_${token(chain)}_${token(account)}`,
    },
    ackWaitMs: o.ackWaitMs ?? 30_000,
    duplicateWindowMs: o.duplicateWindowMs ?? 600_000,
    maxAckPending: o.maxAckPending ?? 50_000,
  };
}

async function ensureStream(
  jsm: JetStreamManager,
  name: string,
  subjects: string[],
  t: BusTopology,
  workQueue = false,
): Promise<void> {
  const config = {
    name,
    subjects,
    storage: StorageType.File,
    retention: workQueue ? RetentionPolicy.Workqueue : RetentionPolicy.Limits,
    duplicate_window: nanos(t.duplicateWindowMs),
    max_age: nanos(7 * 86_400_000),
  };
  try {
    await jsm.streams.info(name);
    await jsm.streams.update(name, config);
  } catch {
    await jsm.streams.add(config);
  }
}

async function ensureConsumer(
  jsm: JetStreamManager,
  stream: string,
  name: string,
  t: BusTopology,
  filter?: string,
): Promise<void> {
  const config = {
    durable_name: name,
    ack_policy: AckPolicy.Explicit,
    ack_wait: nanos(t.ackWaitMs),
    max_ack_pending: t.maxAckPending,
    ...(filter ? { filter_subject: filter } : {}),
  };
  try {
    await jsm.consumers.info(stream, name);
    await jsm.consumers.update(stream, name, { ack_wait: config.ack_wait, max_ack_pending: config.max_ack_pending });
  } catch {
    await jsm.consumers.add(stream, config);
  }
}

/** Creates (or updates) every stream and the shared consumers; idempotent, so every role calls it on start. */
export async function ensureTopology(jsm: JetStreamManager, t: BusTopology): Promise<void> {
  const ns = t.namespace;
  await ensureStream(jsm, t.streams.opp, [`${ns}.opp.>`], t);
  await ensureStream(jsm, t.streams.dec, [`${ns}.dec.>`], t);
  await ensureStream(jsm, t.streams.out, [`${ns}.out.>`], t);
  await ensureStream(jsm, t.streams.job, [t.jobSubject], t, true);
  await ensureStream(jsm, t.streams.jobres, [`${ns}.jobres.>`], t);
  await ensureConsumer(jsm, t.streams.opp, t.consumers.strategy, t);
  await ensureConsumer(jsm, t.streams.out, t.consumers.ledger, t);
  await ensureConsumer(jsm, t.streams.job, t.consumers.worker, t);
}

/** The consumer of one executor: decisions for its chain and account only. */
export async function ensureExecutorConsumer(
  jsm: JetStreamManager,
  t: BusTopology,
  chain: string,
  account: string,
): Promise<string> {
  const name = t.consumers.executor(chain, account);
  await ensureConsumer(jsm, t.streams.dec, name, t, t.decisionSubject(chain, account));
  return name;
}

/** Deletes every stream of the namespace (benchmarks and tests clean up with it). */
export async function deleteTopology(jsm: JetStreamManager, t: BusTopology): Promise<void> {
  for (const s of Object.values(t.streams)) await jsm.streams.delete(s).catch(() => false);
}
