import type { Command } from 'commander';
import { openStore } from '../../store/openStore.ts';
import { parseAge, retain, type RetainTableResult } from '../../store/retain.ts';
import { commandGroup } from '../group.ts';
import { configFromFlags, withCommonOptions, type CommonFlags } from '../options.ts';
import { report } from '../output.ts';

interface RetainFlags extends CommonFlags {
  olderThan: string;
  table?: string[];
}

/** `arbml db retain --older-than 90d`: drop old time-table rows (drop_chunks on hypertables, DELETE elsewhere). */
export function register(program: Command): void {
  withCommonOptions(
    commandGroup(program, 'db')
      .command('retain')
      .description(
        'Remove rows older than an age from the time tables: whole chunks with drop_chunks on TimescaleDB ' +
          'hypertables, a DELETE on PGlite and plain PostgreSQL; prints the rows removed per table',
      )
      .requiredOption('--older-than <age>', 'age such as 90d, 12h or 30m')
      .option('--table <name...>', 'only these time tables (default all)'),
  ).action(async (opts: RetainFlags) => {
    const cutoff = new Date(Date.now() - parseAge(opts.olderThan));
    const store = await openStore(configFromFlags(opts));
    try {
      const tables = await retain(store.db, { cutoff, tables: opts.table });
      const result = { backend: store.backend, cutoff: cutoff.toISOString(), tables };
      report({
        json: !!opts.json,
        result,
        human: (x) =>
          `removed rows older than ${x.cutoff}:\n` +
          Object.entries(x.tables as Record<string, RetainTableResult>)
            .map(
              ([t, r]) =>
                `${t.padEnd(24)} ${String(r.rows).padStart(9)} rows (${r.method}${r.chunks ? `, ${r.chunks} chunks` : ''})`,
            )
            .join('\n'),
      });
    } finally {
      await store.close();
    }
  });
}
