import type { Command } from 'commander';
import { openStore } from '../../store/openStore.ts';
import { commandGroup } from '../group.ts';
import { configFromFlags, withCommonOptions, type CommonFlags } from '../options.ts';
import { report } from '../output.ts';

/** `arbml db migrate`: apply pending schema migrations (idempotent). */
export function register(program: Command): void {
  withCommonOptions(
    commandGroup(program, 'db')
      .command('migrate')
      .description(
        'Apply pending schema migrations to the embedded PGlite database (--db-path, default .arbml/db) or to ' +
          'PostgreSQL when DATABASE_URL / --database-url is set; makes the time tables hypertables where TimescaleDB ' +
          'is available. Safe to run again.',
      ),
  ).action(async (opts: CommonFlags) => {
    const store = await openStore(configFromFlags(opts), { migrate: false });
    try {
      const r = await store.migrate();
      const result = { backend: store.backend, location: store.location, ...r };
      report({
        json: !!opts.json,
        result,
        human: (x) =>
          `${x.backend} at ${x.location}: schema version ${x.version}` +
          (x.applied.length ? ` (applied ${x.applied.join(', ')})` : ' (up to date)') +
          `; timescale ${x.timescale ? 'yes' : 'no'}`,
      });
    } finally {
      await store.close();
    }
  });
}
