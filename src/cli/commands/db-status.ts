import type { Command } from 'commander';
import { openStore } from '../../store/openStore.ts';
import type { StoreStatus } from '../../store/status.ts';
import { commandGroup } from '../group.ts';
import { configFromFlags, withCommonOptions, type CommonFlags } from '../options.ts';
import { report } from '../output.ts';

export function formatStatus(s: StoreStatus & { location?: string }): string {
  const lines = [
    `backend: ${s.backend}${s.location ? ` (${s.location})` : ''}`,
    `timescale: ${s.timescale ? 'yes' : 'no'}`,
    `schema version: ${s.version}`,
  ];
  const tables = Object.entries(s.tables);
  if (tables.length === 0) lines.push('no tables yet: run `arbml db migrate`');
  for (const [name, t] of tables)
    lines.push(
      `${name.padEnd(24)} ${String(t.rows).padStart(9)} rows${t.hypertable ? ' (hypertable)' : ''}  ${t.columns.join(', ')}`,
    );
  return lines.join('\n');
}

/** `arbml db status`: backend, TimescaleDB yes/no, tables with row counts and columns. */
export function register(program: Command): void {
  withCommonOptions(
    commandGroup(program, 'db')
      .command('status')
      .description('Show the backend, whether TimescaleDB is used, and each table with its row count and columns'),
  ).action(async (opts: CommonFlags) => {
    const store = await openStore(configFromFlags(opts), { migrate: false });
    try {
      const status = await store.status();
      report({ json: !!opts.json, result: { ...status, location: store.location }, human: formatStatus });
    } finally {
      await store.close();
    }
  });
}
