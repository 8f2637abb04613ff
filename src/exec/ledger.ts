/**
 * Ledger writes for the runner: rows are buffered and written in batches through the store (COPY, idempotent on
 * (timestamp, id)). When a write fails or times out (database unreachable), the batch goes to the append-only
 * journal and the runner carries on; later flushes append to the journal until a retry replays it into the
 * database and empties it. A row is counted as logged once, by the write that confirmed it, so nothing is lost
 * (it is in the database or the journal) and nothing doubles (a replay of rows already stored adds nothing).
 */
import type { RunnerMetrics } from '../domain/runnerMetrics.ts';
import type { BulkInsertResult } from '../store/bulkInsert.ts';
import type { OpportunityRow } from '../domain/opportunityRow.ts';
import { Journal } from './journal.ts';
import type { RowSink } from './runSimulation.ts';

export interface LedgerOptions {
  insert: (rows: readonly OpportunityRow[]) => Promise<BulkInsertResult>;
  journalPath: string;
  /** A write that takes longer than this counts as failed (default 15 s). */
  timeoutMs?: number;
  /** While the database is down, replay the journal at most this often (default 1 s). */
  retryMs?: number;
  metrics?: RunnerMetrics;
  warn?: (message: string) => void;
}

export interface LedgerStats {
  /** Rows confirmed in the database (inserted + already there). */
  logged: number;
  inserted: number;
  duplicates: number;
  /** Rows that went through the journal. */
  journaled: number;
  /** Rows still in the journal (not yet in the database). */
  backlog: number;
  /** Journal lines that could not be read back. */
  unreadable: number;
  outages: number;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export class Ledger implements RowSink {
  private rows: OpportunityRow[] = [];
  private readonly journal: Journal;
  private backlog: number;
  private down = false;
  private nextRetry = 0;
  private readonly stats = { logged: 0, inserted: 0, duplicates: 0, journaled: 0, unreadable: 0, outages: 0 };

  constructor(private readonly o: LedgerOptions) {
    this.journal = new Journal(o.journalPath);
    // Rows a previous run left in the journal are replayed with this run's first flush.
    this.backlog = this.journal.read().rows.length;
  }

  get buffered(): number {
    return this.rows.length;
  }

  push(row: OpportunityRow): void {
    this.rows.push(row);
  }

  async flush(): Promise<void> {
    const batch = this.rows;
    this.rows = [];
    if (this.backlog > 0 && !(await this.replay())) {
      this.toJournal(batch);
      return;
    }
    if (batch.length > 0 && !(await this.write(batch))) this.toJournal(batch);
  }

  /** Flushes, then keeps replaying the journal until it is empty or `waitMs` has passed. */
  async close(waitMs = 60_000): Promise<LedgerStats> {
    await this.flush();
    const until = Date.now() + waitMs;
    while (this.backlog > 0 && Date.now() < until) {
      await sleep(Math.min(this.o.retryMs ?? 1_000, Math.max(0, until - Date.now())));
      this.nextRetry = 0;
      await this.replay();
    }
    if (this.backlog > 0)
      this.o.warn?.(`ledger: ${this.backlog} rows remain in ${this.o.journalPath}; the next run replays them`);
    return this.result();
  }

  result(): LedgerStats {
    return { ...this.stats, backlog: this.backlog };
  }

  private toJournal(batch: OpportunityRow[]): void {
    this.journal.append(batch);
    this.backlog += batch.length;
    this.stats.journaled += batch.length;
    this.o.metrics?.journalBacklog(this.backlog);
  }

  /** Writes rows; false when the database could not take them. */
  private async write(batch: readonly OpportunityRow[]): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`ledger write timed out after ${this.o.timeoutMs ?? 15_000} ms`)),
          this.o.timeoutMs ?? 15_000,
        );
      });
      const r = await Promise.race([this.o.insert(batch), timeout]);
      this.stats.inserted += r.inserted;
      this.stats.duplicates += r.duplicates;
      this.stats.logged += r.inserted + r.duplicates;
      if (this.down) this.o.warn?.('ledger: database reachable again');
      this.down = false;
      return true;
    } catch (err) {
      if (!this.down) {
        this.stats.outages++;
        this.o.warn?.(
          `ledger: database write failed (${err instanceof Error ? err.message : String(err)}); journaling to ${this.o.journalPath}`,
        );
      }
      this.down = true;
      this.nextRetry = Date.now() + (this.o.retryMs ?? 1_000);
      return false;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Replays the journal into the database; true when it is empty afterwards. */
  private async replay(): Promise<boolean> {
    if (this.down && Date.now() < this.nextRetry) return false;
    const { rows, unreadable } = this.journal.read();
    if (!(await this.write(rows))) return false;
    this.stats.unreadable += unreadable;
    this.journal.clear();
    this.backlog = 0;
    this.o.metrics?.journalBacklog(0);
    return true;
  }
}
