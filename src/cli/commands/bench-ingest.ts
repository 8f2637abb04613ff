import type { Command } from 'commander';
import { InvalidInputError } from '../../core/errors.ts';
import { benchIngest } from '../../store/benchIngest.ts';
import { commandGroup } from '../group.ts';
import { configFromFlags, withCommonOptions, type CommonFlags } from '../options.ts';
import { info, report, warn } from '../output.ts';

interface BenchIngestFlags extends CommonFlags {
  rows: string;
  batchRows?: string;
  repeats: string;
}

/** `arbml bench ingest`: ledger write rate into PGlite and PostgreSQL against psql's \copy of the same rows. */
export function register(program: Command): void {
  withCommonOptions(
    commandGroup(program, 'bench')
      .command('ingest')
      .description(
        'Write seeded synthetic opportunity rows through the store into PGlite and PostgreSQL (DATABASE_URL), and ' +
          "time psql's \\copy of the same CSV in the same run; prints rows per second and our ratio to psql",
      )
      .option('--rows <n>', 'number of opportunity rows', '200000')
      .option('--seed <n>', 'seed of the synthetic rows', '1')
      .option('--batch-rows <n>', 'rows per store transaction (default 50000)')
      .option('--repeats <n>', 'alternating runs of psql and of our path; the best of each is reported', '3'),
  ).action(async (opts: BenchIngestFlags) => {
    const config = configFromFlags(opts);
    const rows = Number(opts.rows);
    if (!Number.isInteger(rows) || rows <= 0)
      throw new InvalidInputError(`--rows must be a positive integer, got ${opts.rows}`);
    const result = await benchIngest({
      rows,
      seed: config.seed,
      databaseUrl: config.databaseUrl,
      batchRows: opts.batchRows ? Number(opts.batchRows) : undefined,
      repeats: Math.max(1, Number(opts.repeats) || 1),
      log: info,
    });
    if (result.skipped) warn(`bench ingest: ${result.skipped}`);
    report({
      json: !!opts.json,
      result,
      human: (r) =>
        [
          `rows: ${r.rows}`,
          `PGlite:          ${fmt(r.pglite_rows_per_s)} rows/s`,
          `PostgreSQL:      ${fmt(r.postgres_rows_per_s)} rows/s`,
          `psql \\copy:      ${fmt(r.psql_copy_rows_per_s)} rows/s`,
          `ratio to psql:   ${r.ratio_to_psql === null ? 'n/a' : r.ratio_to_psql.toFixed(3)} (target >= 0.70)`,
        ].join('\n'),
    });
  });
}

function fmt(x: number | null): string {
  return x === null ? 'n/a' : Math.round(x).toLocaleString('en-US');
}
