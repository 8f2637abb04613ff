/**
 * The strategy role: takes opportunities from the shared `strategy` consumer (any number of processes split the
 * work), decides with the heuristic, and publishes the decision for the account that executes on that chain with
 * Nats-Msg-Id = the opportunity id. The opportunity is acknowledged only after JetStream confirmed the decision, so a
 * strategy killed at any point leaves its unacknowledged opportunities to be redelivered, and the decision a
 * redelivery publishes again is dropped by the duplicate window: every opportunity gets exactly one decision.
 */
import type { JetStreamClient } from '@nats-io/jetstream';
import { HeuristicDecider } from '../decide/heuristicDecider.ts';
import type { BusMetrics } from './busMetrics.ts';
import { consumeLoop } from './consumeLoop.ts';
import { publishReliably } from './publishReliably.ts';
import type { BusTopology } from './topology.ts';
import { envelopeId, groupBy, openEnvelope, sealEnvelope, type Envelope } from './envelope.ts';
import {
  busClock,
  decodeMessage,
  encodeMessage,
  quoteInput,
  type DecisionMessage,
  type OpportunityMessage,
} from './wire.ts';

export interface RunStrategyOptions {
  js: JetStreamClient;
  topology: BusTopology;
  signal: AbortSignal;
  /** Account whose executor takes the decisions of each chain (default `paper`). */
  account?: (chain: string) => string;
  metrics?: BusMetrics;
  /** Opportunities pulled ahead (default 2,000). */
  maxMessages?: number;
}

export interface StrategyStats {
  decided: number;
  /** Deliveries that were redeliveries (held by a strategy that died, or not confirmed in time). */
  redelivered: number;
}

export async function runStrategy(o: RunStrategyOptions): Promise<StrategyStats> {
  const decider = new HeuristicDecider();
  const account = o.account ?? (() => 'paper');
  const inflight = new Set<Promise<void>>();
  let decided = 0;
  let redelivered = 0;
  await consumeLoop({
    js: o.js,
    stream: o.topology.streams.opp,
    consumer: o.topology.consumers.strategy,
    maxMessages: o.maxMessages ?? 2_000,
    signal: o.signal,
    onMessage(m) {
      o.metrics?.consumed();
      if (m.redelivered) {
        redelivered++;
        o.metrics?.redelivered();
      }
      const opps = openEnvelope(decodeMessage<Envelope<OpportunityMessage>>(m.data));
      const decisions = opps.map((opp): DecisionMessage => {
        const d = decider.decide(quoteInput(opp.quote));
        const decidedAt = busClock();
        o.metrics?.decisionLatency((decidedAt - opp.publishedAt) / 1000);
        return {
          opp,
          account: account(opp.chain),
          decidedAt,
          decision: {
            decision: d.decision,
            sizeFactor: d.sizeFactor,
            routeIndex: d.routeIndex,
            estimatedSlippageBps: d.estimatedSlippageBps,
            decidedBy: d.decidedBy,
          },
        };
      });
      const publishes = [...groupBy(decisions, (d) => o.topology.decisionSubject(d.opp.chain, d.account))].map(
        ([subject, group]) =>
          publishReliably({
            js: o.js,
            subject,
            data: encodeMessage(sealEnvelope(group)),
            msgId: envelopeId(group.map((d) => d.opp.id)),
            signal: o.signal,
          }),
      );
      const p = Promise.all(publishes).then((stored) => {
        inflight.delete(p);
        if (!stored.every(Boolean)) return; // shutting down: left unacknowledged, redelivered to another strategy
        m.ack();
        decided += decisions.length;
        o.metrics?.published(publishes.length);
        o.metrics?.acked();
      });
      inflight.add(p);
    },
  });
  await Promise.all(inflight);
  return { decided, redelivered };
}
