/**
 * The collector role for paper runs: the market model of one chain (or several) runs through the paper runner
 * (runSimulation, unchanged), and each opportunity is published to `<ns>.opp.<chain>` with Nats-Msg-Id = its id.
 * The message carries what a strategy decides on (the quote at detection) and the row the paper runner resolved for
 * it, which the paper executor reports. It is published when the paper runner has resolved it (a few blocks after
 * detection); a live collector publishes at detection and leaves `paper` out.
 *
 * Publishing waits for JetStream's confirmation; while the server is away it retries with the same message id (the
 * duplicate window keeps one copy), and the runner stops at its next flush until the backlog is confirmed.
 */
import type { JetStreamClient } from '@nats-io/jetstream';
import { HeuristicDecider } from '../decide/heuristicDecider.ts';
import type { Chain } from '../dex/types.ts';
import { runSimulation, type RowSink } from '../exec/runSimulation.ts';
import { runTagFor } from '../exec/simulateToStore.ts';
import { createMarket } from '../market/market.ts';
import type { OpportunityRow } from '../domain/opportunityRow.ts';
import type { BusMetrics } from './busMetrics.ts';
import { publishReliably } from './publishReliably.ts';
import type { BusTopology } from './topology.ts';
import { busClock, encodeMessage, rowToWire, type OpportunityMessage, type WireQuote } from './wire.ts';

export interface RunCollectorOptions {
  js: JetStreamClient;
  topology: BusTopology;
  chains: readonly Chain[];
  seed: number;
  days: number;
  cexFile?: string;
  gasFile?: string;
  signal: AbortSignal;
  metrics?: BusMetrics;
  /** Unconfirmed publishes before the runner waits (default 2,000). */
  maxInflight?: number;
}

export interface CollectorStats {
  published: number;
  blocks: number;
  runTag: string;
}

class BusSink implements RowSink {
  readonly quotes = new Map<string, WireQuote>();
  private readonly inflight = new Set<Promise<boolean>>();
  published = 0;
  constructor(private readonly o: RunCollectorOptions) {}

  get buffered(): number {
    return this.inflight.size;
  }

  push(row: OpportunityRow): void {
    const quote = this.quotes.get(row.id);
    this.quotes.delete(row.id);
    if (!quote) return;
    const msg: OpportunityMessage = {
      id: row.id,
      chain: row.chain,
      publishedAt: busClock(),
      quote,
      paper: rowToWire(row),
    };
    const p = publishReliably({
      js: this.o.js,
      subject: this.o.topology.oppSubject(row.chain),
      data: encodeMessage(msg),
      msgId: row.id,
      signal: this.o.signal,
    });
    this.inflight.add(p);
    void p.then((stored) => {
      this.inflight.delete(p);
      if (stored) {
        this.published++;
        this.o.metrics?.published();
      }
    });
  }

  async flush(): Promise<void> {
    await Promise.all(this.inflight);
  }
}

export async function runCollector(o: RunCollectorOptions): Promise<CollectorStats> {
  const decider = new HeuristicDecider();
  const market = createMarket({ seed: o.seed, days: o.days, chains: o.chains, cexFile: o.cexFile, gasFile: o.gasFile });
  const runTag = runTagFor({
    seed: o.seed,
    days: o.days,
    chains: o.chains,
    cexFile: o.cexFile,
    gasFile: o.gasFile,
    decider,
  });
  const sink = new BusSink(o);
  const run = await runSimulation({
    market,
    decider,
    seed: o.seed,
    runTag,
    sink,
    flushRows: o.maxInflight ?? 2_000,
    beforeBlock: () => {
      if (o.signal.aborted) throw new CollectorStopped();
    },
    onDecision(opp) {
      sink.quotes.set(opp.id, {
        edgeBps: opp.edgeBps,
        gasPriceGwei: opp.gasPriceGwei,
        routes: opp.routes.map((r) => ({
          grossProfit: r.grossProfit.toString(),
          amountOut: r.amountOut.toString(),
          flashFee: r.flashFee.toString(),
          gasCostToken: r.gasCost.token.toString(),
        })),
      });
    },
  }).catch(async (err: unknown) => {
    if (!(err instanceof CollectorStopped)) throw err;
    await sink.flush();
    return undefined;
  });
  return { published: sink.published, blocks: run?.blocks ?? 0, runTag };
}

/** Thrown from the runner's block hook to stop a collector on SIGTERM (what was published stays published). */
class CollectorStopped extends Error {}
