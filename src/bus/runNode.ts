/**
 * One bus role as a long-running process: connects (reconnecting forever), makes sure the streams and consumers
 * exist, serves /metrics, runs the role until it ends (a collector at the end of its market) or the signal aborts
 * (SIGTERM: stop taking messages, finish and acknowledge what is in hand, drain the connection), then closes.
 */
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import type { ArbmlConfig } from '../core/config.ts';
import { InvalidInputError } from '../core/errors.ts';
import type { Chain } from '../dex/types.ts';
import { startMetricsServer } from '../monitor/metricsServer.ts';
import type { Store } from '../store/openStore.ts';
import { createBusMetrics } from './busMetrics.ts';
import { runCollector } from './collector.ts';
import { connectBus } from './connectBus.ts';
import { runExecutor } from './executor.ts';
import { runLedgerWriter } from './ledgerWriter.ts';
import { openStoreWhenReachable } from './openStoreWhenReachable.ts';
import { runStrategy } from './strategy.ts';
import { busTopology, ensureExecutorConsumer, ensureTopology, type BusTopologyOptions } from './topology.ts';
import { runWorker } from './worker.ts';
import { encodeMessage } from './wire.ts';

export const ROLES = ['collector', 'strategy', 'executor', 'ledger', 'worker'] as const;
export type Role = (typeof ROLES)[number];

export interface RunNodeOptions extends BusTopologyOptions {
  role: Role;
  busUrl: string;
  signal: AbortSignal;
  /** For the ledger's store. */
  config: ArbmlConfig;
  chain?: Chain;
  /** Collector: several chains in one process (`simulate --bus`); default [chain]. */
  chains?: readonly Chain[];
  cexFile?: string;
  gasFile?: string;
  account?: string;
  seed?: number;
  days?: number;
  /** /metrics port (0 = any free port; undefined = no server). */
  metricsPort?: number;
  batchRows?: number;
  /** Ledger: opportunities per message expected (sizes its pull-ahead). */
  messageBatch?: number;
  /** One line per step (ready, ledger batches) for logs and tests. */
  log: (line: string) => void;
}

export async function runNode(o: RunNodeOptions): Promise<Record<string, unknown>> {
  if (o.role === 'executor' && !o.chain) throw new InvalidInputError('--role executor needs --chain');
  if (o.role === 'collector' && !o.chain && !o.chains?.length)
    throw new InvalidInputError('--role collector needs --chain');
  if (o.role === 'executor' && !o.account) throw new InvalidInputError('--role executor needs --account');
  const topology = busTopology(o);
  const metrics = createBusMetrics(o.role);
  const nc = await connectBus({ url: o.busUrl, name: `arbml ${o.role}` });
  const server =
    o.metricsPort === undefined
      ? undefined
      : await startMetricsServer({ registry: metrics.registry, port: o.metricsPort });
  let store: Store | undefined;
  try {
    const jsm = await jetstreamManager(nc);
    await ensureTopology(jsm, topology);
    const js = jetstream(nc);
    const base = { js, topology, signal: o.signal, metrics };
    const executorConsumer =
      o.role === 'executor' ? await ensureExecutorConsumer(jsm, topology, o.chain!, o.account!) : '';
    o.log(`${o.role}: ready${server ? `, metrics at ${server.url}` : ''}`);
    switch (o.role) {
      case 'collector':
        return {
          ...(await runCollector({
            ...base,
            chains: o.chains ?? [o.chain!],
            seed: o.seed ?? 1,
            days: o.days ?? 1,
            cexFile: o.cexFile,
            gasFile: o.gasFile,
          })),
        };
      case 'strategy':
        return { ...(await runStrategy({ ...base, account: () => o.account ?? 'paper' })) };
      case 'executor':
        return { ...(await runExecutor({ ...base, consumer: executorConsumer })) };
      case 'ledger':
        store = await openStoreWhenReachable({ config: o.config, signal: o.signal, log: o.log });
        if (!store) return { inserted: 0, duplicates: 0 };
        o.log('ledger: database reachable');
        return {
          ...(await runLedgerWriter({
            ...base,
            store,
            batchRows: o.batchRows,
            messageBatchHint: o.messageBatch,
            trace: (l) => o.log(`ledger: ${l}`),
            // Core-NATS notice per committed batch (not stored): latencies for `bench bus` and dashboards.
            onCommitted: (commitMs, decisionMs) =>
              nc.publish(topology.committedSubject, encodeMessage({ commitMs, decisionMs })),
          })),
        };
      case 'worker':
        return { ...(await runWorker(base)) };
      default:
        throw new InvalidInputError(`unknown role ${String(o.role)}`);
    }
  } finally {
    await nc.drain().catch(() => {});
    await store?.close().catch(() => {});
    await server?.close().catch(() => {});
  }
}
