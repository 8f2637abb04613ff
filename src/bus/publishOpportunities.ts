/**
 * Publishes opportunity messages (a collector's output, or synthetic ones for benchmarks and tests) to their
 * chain's subject with Nats-Msg-Id = id, each stamped with its publish time, at most `maxInflight` unconfirmed at
 * once, optionally paced to `ratePerS`. Resolves when every message is confirmed stored (retrying as needed).
 */
import type { JetStreamClient } from '@nats-io/jetstream';
import { envelopeId, sealEnvelope } from './envelope.ts';
import { publishReliably } from './publishReliably.ts';
import type { BusTopology } from './topology.ts';
import { busClock, encodeMessage, type OpportunityMessage } from './wire.ts';

export interface PublishOpportunitiesOptions {
  js: JetStreamClient;
  topology: BusTopology;
  messages: readonly OpportunityMessage[];
  /** Messages per second (default: as fast as confirmations allow). */
  ratePerS?: number;
  maxInflight?: number;
  /** Opportunities per message (consecutive ones of one chain; default 1). */
  messageBatch?: number;
  signal?: AbortSignal;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export async function publishOpportunities(
  o: PublishOpportunitiesOptions,
): Promise<{ published: number; seconds: number }> {
  const maxInflight = o.maxInflight ?? 4_000;
  const inflight = new Set<Promise<boolean>>();
  const started = busClock();
  let published = 0;
  const k = Math.max(1, o.messageBatch ?? 1);
  for (let i = 0; i < o.messages.length;) {
    if (o.signal?.aborted) break;
    if (o.ratePerS) {
      const due = started + (i * 1000) / o.ratePerS;
      const wait = due - busClock();
      if (wait > 1) await sleep(wait);
    }
    while (inflight.size >= maxInflight) await Promise.race(inflight);
    const chain = o.messages[i]!.chain;
    const group: OpportunityMessage[] = [];
    const now = busClock();
    while (i < o.messages.length && group.length < k && o.messages[i]!.chain === chain)
      group.push({ ...o.messages[i++]!, publishedAt: now });
    const data = encodeMessage(sealEnvelope(group));
    const p = publishReliably({
      js: o.js,
      subject: o.topology.oppSubject(chain),
      data,
      msgId: envelopeId(group.map((m) => m.id)),
      signal: o.signal,
    });
    inflight.add(p);
    void p.then((stored) => {
      inflight.delete(p);
      if (stored) published += group.length;
    });
  }
  await Promise.all(inflight);
  return { published, seconds: (busClock() - started) / 1000 };
}
