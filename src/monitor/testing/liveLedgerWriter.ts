/**
 * Stands in for `arbml simulate` while the runner does not exist: writes seeded synthetic ledger rows through the
 * store's insertOpportunities every `intervalMs`, and records each row in runner metrics when given. The browser
 * test only needs a LedgerWriter, so the real simulation can replace this one (see browser.test.ts).
 */
import type { Store } from '../../store/openStore.ts';
import { syntheticOpportunities } from '../../store/syntheticOpportunities.ts';
import type { RunnerMetrics } from '../../domain/runnerMetrics.ts';

export interface LedgerWriter {
  /** Rows written so far. */
  readonly rows: number;
  /** Stops after the batch in flight; resolves with the number of rows written, rejects if a write failed. */
  stop(): Promise<number>;
}

export interface StartSyntheticLedgerWriterOptions {
  store: Store;
  seed: number;
  intervalMs?: number;
  rowsPerTick?: number;
  /** Market time of the first row (rows are 2 s apart). */
  startMs?: number;
  metrics?: RunnerMetrics;
}

export function startSyntheticLedgerWriter({
  store,
  seed,
  intervalMs = 250,
  rowsPerTick = 40,
  startMs = Date.UTC(2024, 0, 1),
  metrics,
}: StartSyntheticLedgerWriterOptions): LedgerWriter {
  let rows = 0;
  let tick = 0;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<void> = Promise.resolve();
  let failure: unknown;

  const writeBatch = async () => {
    const batch = syntheticOpportunities({
      count: rowsPerTick,
      seed: seed * 100_003 + tick,
      idPrefix: `live-${seed}-${tick}`,
      startMs: startMs + tick * rowsPerTick * 2000,
    });
    tick++;
    await store.insertOpportunities(batch);
    rows += batch.length;
    for (const row of batch) metrics?.recordOpportunity(row);
  };
  const loop = () => {
    if (stopped) return;
    inFlight = writeBatch().then(
      () => {
        if (!stopped) timer = setTimeout(loop, intervalMs);
      },
      (err: unknown) => {
        stopped = true;
        failure = err;
      },
    );
  };
  loop();

  return {
    get rows() {
      return rows;
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await inFlight;
      if (failure) throw failure;
      return rows;
    },
  };
}
