/**
 * `arbml bench ingest`: seeded synthetic opportunity rows written through our store path into PGlite and into
 * PostgreSQL, beside `psql \copy` of the same rows (the same CSV) into an identical empty table in the same run.
 * Each target gets a fresh empty table (PostgreSQL: its own schema, dropped afterwards).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { csvChunks, fieldEncoder } from './csv.ts';
import { columnList } from './db.ts';
import { openStore } from './openStore.ts';
import { opportunityColumnNames, opportunityValues, type OpportunityRow } from './opportunities.ts';
import { syntheticOpportunities } from './syntheticOpportunities.ts';
import { tableMeta } from './tableMeta.ts';

export interface IngestBenchResult {
  rows: number;
  pglite_rows_per_s: number | null;
  postgres_rows_per_s: number | null;
  psql_copy_rows_per_s: number | null;
  ratio_to_psql: number | null;
  /** Why the PostgreSQL parts did not run, when they did not. */
  skipped?: string;
}

export interface IngestBenchOptions {
  rows: number;
  seed: number;
  databaseUrl?: string;
  /** Rows per store transaction (the ledger writer's batch). */
  batchRows?: number;
  log?: (line: string) => void;
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

async function postgresRate(rows: OpportunityRow[], url: string, schema: string, batchRows?: number): Promise<number> {
  const store = await openStore({ dbPath: '', databaseUrl: url }, { schema });
  try {
    const s = await timed(() => store.insertOpportunities(rows, { batchRows }));
    return rows.length / s;
  } finally {
    await store.close();
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

async function psqlCopyRate(rows: OpportunityRow[], url: string, schema: string): Promise<number> {
  const store = await openStore({ dbPath: '', databaseUrl: url }, { schema });
  const meta = await tableMeta(store.db, 'arbitrage_opportunities');
  await store.close();
  const columns = opportunityColumnNames;
  const encoders = columns.map((c) => fieldEncoder(meta.columns.get(c)!));
  const dir = mkdtempSync(join(tmpdir(), 'arbml-bench-psql-'));
  const file = join(dir, 'opportunities.csv');
  try {
    writeFileSync(file, [...csvChunks(rows.map(opportunityValues), encoders)].join(''));
    const copy = `\\copy arbitrage_opportunities (${columnList(columns)}) FROM '${file}' WITH (FORMAT csv)`;
    return rows.length / (await timed(() => runPsql(url, schema, copy)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function dropSchemas(url: string, schemas: string[]): Promise<void> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    for (const s of schemas) await sql.unsafe(`DROP SCHEMA IF EXISTS "${s}" CASCADE`);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

export async function benchIngest({
  rows: count,
  seed,
  databaseUrl,
  batchRows,
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
  };
  if (!databaseUrl) return { ...result, skipped: 'no PostgreSQL server (set DATABASE_URL)' };
  const tag = `${process.pid}_${Date.now().toString(36)}`;
  const schemas = [`bench_ingest_store_${tag}`, `bench_ingest_psql_${tag}`];
  try {
    log('bench ingest: psql \\copy of the same rows...');
    result.psql_copy_rows_per_s = await psqlCopyRate(rows, databaseUrl, schemas[1]!);
    log(`bench ingest: psql \\copy ${Math.round(result.psql_copy_rows_per_s)} rows/s; now our PostgreSQL path...`);
    result.postgres_rows_per_s = await postgresRate(rows, databaseUrl, schemas[0]!, batchRows);
    result.ratio_to_psql = result.postgres_rows_per_s / result.psql_copy_rows_per_s;
    log(
      `bench ingest: PostgreSQL ${Math.round(result.postgres_rows_per_s)} rows/s (${result.ratio_to_psql.toFixed(2)} of psql)`,
    );
  } catch (err) {
    result.skipped = `PostgreSQL part failed: ${err instanceof Error ? err.message : String(err)}`;
  } finally {
    await dropSchemas(databaseUrl, schemas).catch(() => {});
  }
  return result;
}
