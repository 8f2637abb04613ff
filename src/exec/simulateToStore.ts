/**
 * One simulation run end to end, shared by `arbml simulate`, `arbml bench simulate` and `arbml demo`: build the
 * market, run the decider over it with every row written to the store through the Ledger (journal while the
 * database is down), and return the summary with the number of rows confirmed in the database.
 */
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type { Decider } from '../domain/decider.ts';
import type { Chain } from '../dex/types.ts';
import { createMarket, type MarketInfo } from '../market/market.ts';
import type { RunnerMetrics } from '../domain/runnerMetrics.ts';
import type { BulkInsertResult } from '../store/bulkInsert.ts';
import type { OpportunityRow } from '../domain/opportunityRow.ts';
import type { BlockSnapshot } from '../market/blockSnapshot.ts';
import { Ledger, type LedgerStats } from './ledger.ts';
import { runSimulation } from './runSimulation.ts';
import type { RunSummary } from './summarizeRun.ts';

export interface SimulateToStoreOptions {
  seed: number;
  days: number;
  chains?: readonly Chain[];
  cexFile?: string;
  gasFile?: string;
  decider: Decider;
  /** Writes a batch to the database (store.insertOpportunities). */
  insert: (rows: readonly OpportunityRow[]) => Promise<BulkInsertResult>;
  journalPath: string;
  metrics?: RunnerMetrics;
  /** Progress: total blocks once known, then blocks done. */
  onStart?: (info: MarketInfo) => void;
  onProgress?: (blocksDone: number) => void;
  warn?: (message: string) => void;
  flushRows?: number;
  /** Sleep this long every 2,000 blocks (runSimulation's paceMs). */
  paceMs?: number;
  /** Sees every block before the runner acts on it; a returned promise is awaited (a decider's gas forecaster). */
  onBlock?: (b: BlockSnapshot) => Promise<void> | void;
  /** How long closing waits for the database to come back before leaving rows in the journal (ms). */
  closeWaitMs?: number;
}

export interface SimulateToStoreResult {
  summary: RunSummary;
  rowsLogged: number;
  blocks: number;
  runTag: string;
  market: MarketInfo;
  ledger: LedgerStats;
}

/** Id prefix of a run: the seed plus a short hash of everything else that shapes its rows. */
export function runTagFor(
  o: Pick<SimulateToStoreOptions, 'seed' | 'days' | 'chains' | 'cexFile' | 'gasFile' | 'decider'>,
): string {
  const shape = JSON.stringify([
    o.days,
    o.chains ?? null,
    o.cexFile ? basename(o.cexFile) : null,
    o.gasFile ? basename(o.gasFile) : null,
    o.decider.name,
  ]);
  return `s${o.seed}-${createHash('sha256').update(shape).digest('hex').slice(0, 8)}`;
}

export async function simulateToStore(o: SimulateToStoreOptions): Promise<SimulateToStoreResult> {
  const model = createMarket({ seed: o.seed, days: o.days, chains: o.chains, cexFile: o.cexFile, gasFile: o.gasFile });
  const market = model;
  for (const r of model.info.rejectedRows.slice(0, 20)) o.warn?.(`rejected input row: ${r}`);
  o.onStart?.(model.info);
  const ledger = new Ledger({ insert: o.insert, journalPath: o.journalPath, metrics: o.metrics, warn: o.warn });
  const runTag = runTagFor(o);
  const run = await runSimulation({
    market,
    decider: o.decider,
    seed: o.seed,
    runTag,
    sink: ledger,
    metrics: o.metrics,
    onProgress: o.onProgress,
    flushRows: o.flushRows,
    paceMs: o.paceMs,
    beforeBlock: o.onBlock,
  });
  const stats = await ledger.close(o.closeWaitMs);
  return {
    summary: run.summary,
    rowsLogged: stats.logged,
    blocks: run.blocks,
    runTag,
    market: model.info,
    ledger: stats,
  };
}
