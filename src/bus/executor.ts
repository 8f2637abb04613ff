/**
 * The executor role, one process per chain and account (it alone owns the account's nonce): takes the decisions
 * for its account from its own consumer, resolves each (paper: as the paper runner did, paperOutcome.ts) and
 * publishes the outcome, the complete ledger row, with Nats-Msg-Id = the opportunity id. A decision is acknowledged
 * only after JetStream stored its outcome, so a crash repeats at most the publish, which the duplicate window drops.
 */
import type { JetStreamClient } from '@nats-io/jetstream';
import type { BusMetrics } from './busMetrics.ts';
import { consumeLoop } from './consumeLoop.ts';
import { paperOutcome } from './paperOutcome.ts';
import { publishReliably } from './publishReliably.ts';
import type { BusTopology } from './topology.ts';
import { envelopeId, groupBy, openEnvelope, sealEnvelope, type Envelope } from './envelope.ts';
import {
  busClock,
  decodeMessage,
  encodeMessage,
  rowToWire,
  type DecisionMessage,
  type OutcomeMessage,
} from './wire.ts';

export interface RunExecutorOptions {
  js: JetStreamClient;
  topology: BusTopology;
  /** Durable consumer name (from ensureExecutorConsumer). */
  consumer: string;
  signal: AbortSignal;
  metrics?: BusMetrics;
  maxMessages?: number;
}

export interface ExecutorStats {
  executed: number;
  /** Decisions that differed from the paper market's (recorded as stale). */
  diverged: number;
}

export async function runExecutor(o: RunExecutorOptions): Promise<ExecutorStats> {
  const inflight = new Set<Promise<void>>();
  const stats: ExecutorStats = { executed: 0, diverged: 0 };
  await consumeLoop({
    js: o.js,
    stream: o.topology.streams.dec,
    consumer: o.consumer,
    maxMessages: o.maxMessages ?? 2_000,
    signal: o.signal,
    onMessage(m) {
      o.metrics?.consumed();
      if (m.redelivered) o.metrics?.redelivered();
      const decisions = openEnvelope(decodeMessage<Envelope<DecisionMessage>>(m.data));
      const outcomes = decisions.map((d): OutcomeMessage & { chain: string; id: string } => {
        const { row, matched } = paperOutcome(d);
        if (!matched) stats.diverged++;
        return {
          id: d.opp.id,
          chain: d.opp.chain,
          row: rowToWire(row),
          publishedAt: d.opp.publishedAt,
          decidedAt: d.decidedAt,
          executedAt: busClock(),
        };
      });
      const publishes = [...groupBy(outcomes, (x) => x.chain)].map(([chain, group]) =>
        publishReliably({
          js: o.js,
          subject: o.topology.outcomeSubject(chain),
          data: encodeMessage(
            sealEnvelope(
              group.map(({ row, publishedAt, decidedAt, executedAt }) => ({ row, publishedAt, decidedAt, executedAt })),
            ),
          ),
          msgId: envelopeId(group.map((x) => x.id)),
          signal: o.signal,
        }),
      );
      const p = Promise.all(publishes).then((stored) => {
        inflight.delete(p);
        if (!stored.every(Boolean)) return;
        m.ack();
        stats.executed += outcomes.length;
        o.metrics?.published(publishes.length);
        o.metrics?.acked();
      });
      inflight.add(p);
    },
  });
  await Promise.all(inflight);
  return stats;
}
