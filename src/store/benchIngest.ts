/**
 * `arbml bench ingest`: seeded synthetic opportunity rows written through our store path into PGlite and into
 * PostgreSQL, beside `psql \copy` of the same rows (the same CSV) into an identical empty table in the same run.
 * Each target gets a fresh empty table (PostgreSQL: its own schema, dropped afterwards). The machine is shared and
 * noisy, so psql and our path alternate for several runs and the best run of each is compared.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { csvChunks, fieldEncoder } from './csv.ts';
import { columnList } from './db.ts';
import { openStore } from './openStore.ts';
import { opportunityColumnNames, opportunityValues } from './opportunities.ts';
import type { OpportunityRow } from '../domain/opportunityRow.ts';
import { syntheticOpportunities } from './syntheticOpportunities.ts';
import { tableMeta, type TableMeta } from './tableMeta.ts';

export interface IngestBenchResult {
  rows: number;
  pglite_rows_per_s: number | null;
  postgres_rows_per_s: number | null;
  psql_copy_rows_per_s: number | null;
  ratio_to_psql: number | null;
  /** Alternating runs of psql and of our path; the rates above are the best run of each. */
  repeats: number;
  postgres_runs?: number[];
  psql_copy_runs?: number[];
  /** Median of our runs over median of psql's: the typical ratio, beside the best-of ratio above. */
  ratio_to_psql_median?: number;
  /** Why the PostgreSQL parts did not run, when they did not. */
  skipped?: string;
}

export interface IngestBenchOptions {
  rows: number;
  seed: number;
  databaseUrl?: string;
  /** Rows per store transaction (the ledger writer's batch). */
  batchRows?: number;
  /** Alternating runs per PostgreSQL target (default 3); the best of each is reported. */
  repeats?: number;
  log?: (line: string) => void;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return (performance.now() - start) / 1000;
}

async function pgliteRate(rows: OpportunityRow[], batchRows: number | undefined): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'arbml-bench-ingest-'));
  try {
    const store = await openStore({ dbPath: dir, databaseUrl: undefined });
    const s = await timed(() => store.insertOpportunities(rows, { batchRows }));
    await store.close();
    return rows.length / s;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function runPsql(url: string, schema: string, command: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('psql', [url, '-q', '-v', 'ON_ERROR_STOP=1', '-c', command], {
      env: { ...process.env, PGOPTIONS: `-c search_path=${schema}` },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`psql exited ${code}: ${stderr.trim()}`))));
  });
}

/** Writes the rows as the CSV our path would send, for psql to load. */
function writeCsvFile(rows: OpportunityRow[], meta: TableMeta, file: string): void {
  const encoders = opportunityColumnNames.map((c) => fieldEncoder(meta.columns.get(c)!));
  writeFileSync(file, [...csvChunks(rows.map(opportunityValues), encoders)].join(''));
}

interface PostgresRuns {
  store: number[];
  psql: number[];
}

/**
 * Alternates psql \copy and our store path `repeats` times, each into an empty identical table in its own schema,
 * so both see the same machine load.
 */
async function postgresRuns(
  rows: OpportunityRow[],
  url: string,
  schemas: [string, string],
  opts: RunOptions,
): Promise<PostgresRuns> {
  const [ours, theirs] = schemas;
  const store = await openStore({ dbPath: '', databaseUrl: url }, { schema: ours });
  const psqlTarget = await openStore({ dbPath: '', databaseUrl: url }, { schema: theirs });
  const dir = mkdtempSync(join(tmpdir(), 'arbml-bench-psql-'));
  const file = join(dir, 'opportunities.csv');
  const runs: PostgresRuns = { store: [], psql: [] };
  try {
    writeCsvFile(rows, await tableMeta(psqlTarget.db, 'arbitrage_opportunities'), file);
    const copy = `\\copy arbitrage_opportunities (${columnList(opportunityColumnNames)}) FROM '${file}' WITH (FORMAT csv)`;
    for (let rep = 1; rep <= opts.repeats; rep++) {
      await psqlTarget.db.exec('TRUNCATE arbitrage_opportunities');
      const psqlRate = rows.length / (await timed(() => runPsql(url, theirs, copy)));
      runs.psql.push(psqlRate);
      await store.db.exec('TRUNCATE arbitrage_opportunities');
      const storeRate =
        rows.length / (await timed(() => store.insertOpportunities(rows, { batchRows: opts.batchRows })));
      runs.store.push(storeRate);
      opts.log(
        `bench ingest: run ${rep}/${opts.repeats}: psql \\copy ${Math.round(psqlRate)} rows/s, store ${Math.round(storeRate)} rows/s`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await store.close();
    await psqlTarget.close();
  }
  return runs;
}

async function dropSchemas(url: string, schemas: string[]): Promise<void> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    for (const s of schemas) await sql.unsafe(`DROP SCHEMA IF EXISTS "${s}" CASCADE`);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

interface RunOptions {
  repeats: number;
  batchRows?: number;
  log: (line: string) => void;
}

export async function benchIngest({
  rows: count,
  seed,
  databaseUrl,
  batchRows,
  repeats = 3,
  log = () => {},
}: IngestBenchOptions): Promise<IngestBenchResult> {
  const rows = syntheticOpportunities({ count, seed, idPrefix: 'bench' });
  log(`bench ingest: ${count} rows into PGlite...`);
  const pglite = await pgliteRate(rows, batchRows);
  log(`bench ingest: PGlite ${Math.round(pglite)} rows/s`);
  const result: IngestBenchResult = {
    rows: count,
    pglite_rows_per_s: pglite,
    postgres_rows_per_s: null,
    psql_copy_rows_per_s: null,
    ratio_to_psql: null,
    repeats,
  };
  if (!databaseUrl) return { ...result, skipped: 'no PostgreSQL server (set DATABASE_URL)' };
  const tag = `${process.pid}_${Date.now().toString(36)}`;
  const schemas: [string, string] = [`bench_ingest_store_${tag}`, `bench_ingest_psql_${tag}`];
  try {
    const runs = await postgresRuns(rows, databaseUrl, schemas, { repeats, batchRows, log });
    result.postgres_rows_per_s = Math.max(...runs.store);
    result.psql_copy_rows_per_s = Math.max(...runs.psql);
    result.ratio_to_psql = result.postgres_rows_per_s / result.psql_copy_rows_per_s;
    result.postgres_runs = runs.store;
    result.psql_copy_runs = runs.psql;
    result.ratio_to_psql_median = median(runs.store) / median(runs.psql);
  } catch (err) {
    result.skipped = `PostgreSQL part failed: ${err instanceof Error ? err.message : String(err)}`;
  } finally {
    await dropSchemas(databaseUrl, schemas).catch(() => {});
  }
  return result;
}
