/**
 * The ledger role: takes outcomes (complete ledger rows) from the shared `ledger` consumer and writes them in COPY
 * batches (store.insertOpportunities: one transaction, idempotent on the table key (timestamp, id)). A batch's
 * messages are acknowledged only after its transaction committed. So:
 * - killed before the commit: nothing of the batch is stored or acknowledged; the server redelivers it;
 * - killed after the commit, before the acks: the redelivered rows are found in the table and counted as
 *   duplicates, not written again;
 * - database down: the batch is retried (with backoff) and its messages are kept alive with `working()`, while the
 *   bus keeps accepting; nothing is acknowledged until it is stored.
 * Batches commit one after another; a batch closes at batchRows messages or maxDelayMs after its first one.
 */
import type { JetStreamClient, JsMsg } from '@nats-io/jetstream';
import type { Store } from '../store/openStore.ts';
import type { BusMetrics } from './busMetrics.ts';
import { consumeLoop } from './consumeLoop.ts';
import type { BusTopology } from './topology.ts';
import { openEnvelope, type Envelope } from './envelope.ts';
import { busClock, decodeMessage, rowFromWire, type OutcomeMessage } from './wire.ts';

export interface RunLedgerWriterOptions {
  js: JetStreamClient;
  topology: BusTopology;
  store: Pick<Store, 'insertOpportunities'>;
  signal: AbortSignal;
  /** Messages per batch (default 5,000). */
  batchRows?: number;
  /** Close a batch this long after its first message (default 20 ms). */
  maxDelayMs?: number;
  metrics?: BusMetrics;
  /** Outcomes per message expected (sizes how many messages are pulled ahead; default 1). */
  messageBatchHint?: number;
  /** One line per batch step (`committing n`, `committed n`, `commit failed: ...`), for logs and crash tests. */
  trace?: (line: string) => void;
  /** After each commit: per row, ms from the collector's publish to the commit (benchmarks). */
  onCommitted?: (latenciesMs: number[], decisionMs: number[]) => void;
}

export interface LedgerWriterStats {
  inserted: number;
  duplicates: number;
  batches: number;
  failures: number;
  /** Deliveries that were redeliveries (messages another writer, or this one, held when it died or stalled). */
  redelivered: number;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export async function runLedgerWriter(o: RunLedgerWriterOptions): Promise<LedgerWriterStats> {
  const batchRows = o.batchRows ?? 5_000;
  const maxDelayMs = o.maxDelayMs ?? 20;
  const stats: LedgerWriterStats = { inserted: 0, duplicates: 0, batches: 0, failures: 0, redelivered: 0 };
  // Messages received and not yet committed, with their outcomes (a message may carry a batch of them).
  const batch: { m: JsMsg; outcomes: OutcomeMessage[] }[] = [];
  let heldRows = 0;
  let timer: NodeJS.Timeout | undefined;

  const commit = async (held: { m: JsMsg; outcomes: OutcomeMessage[] }[]): Promise<void> => {
    const msgs = held.map((h) => h.m);
    const outcomes = held.flatMap((h) => h.outcomes);
    const rows = outcomes.map((x) => rowFromWire(x.row));
    for (let attempt = 0; ; attempt++) {
      const started = performance.now();
      try {
        o.trace?.(`committing ${rows.length}`);
        const r = await o.store.insertOpportunities(rows);
        const now = busClock();
        o.trace?.(`committed ${rows.length}`);
        for (const m of msgs) m.ack();
        stats.inserted += r.inserted;
        stats.duplicates += r.duplicates;
        stats.batches++;
        o.metrics?.committed(r.inserted, r.duplicates, (performance.now() - started) / 1000);
        o.metrics?.acked(msgs.length);
        const latencies = outcomes.map((x) => now - x.publishedAt);
        for (const l of latencies) o.metrics?.commitLatency(l / 1000);
        o.onCommitted?.(
          latencies,
          outcomes.map((x) => x.decidedAt - x.publishedAt),
        );
        return;
      } catch (err) {
        stats.failures++;
        o.metrics?.commitFailed();
        o.trace?.(`commit failed: ${err instanceof Error ? err.message : String(err)}`);
        // Keep the messages ours while the database is away; they are redelivered if this process dies.
        for (const m of msgs) m.working();
        await sleep(Math.min(2_000, 100 * 2 ** Math.min(attempt, 5)));
      }
    }
  };

  // Group commit: one batch commits at a time; what arrives meanwhile forms the next batch (up to batchRows), which
  // commits as soon as the current one is done. A lone message waits at most maxDelayMs for company.
  let committing: Promise<void> | undefined;
  const kick = (): void => {
    clearTimeout(timer);
    timer = undefined;
    if (committing || batch.length === 0) return;
    let n = 0;
    let take = 0;
    while (take < batch.length && (take === 0 || n + batch[take]!.outcomes.length <= batchRows))
      n += batch[take++]!.outcomes.length;
    heldRows -= n;
    committing = commit(batch.splice(0, take)).finally(() => {
      committing = undefined;
      kick();
    });
  };

  await consumeLoop({
    js: o.js,
    stream: o.topology.streams.out,
    consumer: o.topology.consumers.ledger,
    maxMessages: Math.max(100, Math.ceil((batchRows * 2) / (o.messageBatchHint ?? 1))),
    signal: o.signal,
    async onMessage(m) {
      o.metrics?.consumed();
      if (m.redelivered) {
        stats.redelivered++;
        o.metrics?.redelivered();
      }
      const outcomes = openEnvelope(decodeMessage<Envelope<OutcomeMessage>>(m.data));
      batch.push({ m, outcomes });
      heldRows += outcomes.length;
      if (committing) {
        // Back-pressure: hold at most one full batch besides the one committing.
        if (heldRows >= batchRows) await committing;
      } else if (heldRows >= batchRows) kick();
      else if (!timer) timer = setTimeout(kick, maxDelayMs);
    },
  });
  while (committing || batch.length > 0) {
    kick();
    await committing;
  }
  return stats;
}
