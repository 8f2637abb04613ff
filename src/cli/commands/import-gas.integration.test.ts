import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProgram } from '../main.ts';
import { runCli } from '../testing.ts';

const run = runCli;

describe('arbml db and import commands (embedded database)', () => {
  let dir: string;
  let db: string;
  const databaseUrl = process.env.DATABASE_URL;
  beforeAll(() => {
    // These runs are for the embedded database: a DATABASE_URL in the environment would send them to a server's
    // public schema, which tests must not touch (the store tests cover PostgreSQL in their own schemas).
    delete process.env.DATABASE_URL;
    dir = mkdtempSync(join(tmpdir(), 'arbml-cli-'));
    db = join(dir, 'db');
  });
  afterAll(() => {
    if (databaseUrl !== undefined) process.env.DATABASE_URL = databaseUrl;
    rmSync(dir, { recursive: true, force: true });
  });

  it('db migrate then db status --json lists every table, printing one JSON object', async () => {
    expect((await run(['db', 'migrate', '--db-path', db])).code).toBe(0);
    const { code, stdout } = await run(['db', 'status', '--json', '--db-path', db]);
    expect(code).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    const status = JSON.parse(stdout) as {
      backend: string;
      timescale: boolean;
      tables: Record<string, { rows: number; columns: string[] }>;
    };
    expect(status.backend).toBe('pglite');
    expect(status.timescale).toBe(false);
    expect(Object.keys(status.tables).sort()).toEqual(
      [
        'arbitrage_opportunities',
        'gas_prices',
        'model_versions',
        'oanda_candles',
        'oanda_transactions',
        'pool_states',
      ].sort(),
    );
    expect(status.tables.arbitrage_opportunities!.columns.slice(0, 4)).toEqual(['id', 'timestamp', 'symbol', 'chain']);
  });

  it('import gas --json: counts, then all duplicates; bad rows listed with file:line', async () => {
    const file = join(dir, 'gas.csv');
    writeFileSync(
      file,
      [
        'datetime,gas_limit,gas_used,Open,avg_gas_price,max_gas_price,min_gas_price,block_utilisation',
        '2021-11-26 00:00:00,30000000,15000000,4530.29,109.3,1068.48,96.11,0.5',
        '2021-11-26 00:05:00,30000000,15000000,-4530.29,109.3,1068.48,96.11,0.5',
        '2021-11-26 00:10:00,30000000,15000000,4530.29,109.3,1068.48,96.11,0.5',
      ].join('\n') + '\n',
    );
    const first = await run(['import', 'gas', file, '--json', '--db-path', db]);
    expect(JSON.parse(first.stdout)).toEqual({
      inserted: 2,
      duplicates: 0,
      rejected: 1,
      errors: [{ file, line: 3, reason: 'Open: negative price (-4530.29)' }],
    });
    const second = await run(['import', 'gas', file, '--json', '--db-path', db]);
    expect(JSON.parse(second.stdout)).toMatchObject({ inserted: 0, duplicates: 2, rejected: 1 });
  });

  it('every command of this area has help text', async () => {
    const program = await buildProgram();
    const find = (path: string[]) => path.reduce((cmd, name) => cmd.commands.find((c) => c.name() === name)!, program);
    for (const path of [
      ['db', 'migrate'],
      ['db', 'status'],
      ['import', 'gas'],
      ['import', 'candles'],
      ['import', 'pool'],
      ['bench', 'ingest'],
      ['demo'],
    ]) {
      const help = find(path).helpInformation();
      expect(help).toContain(path.at(-1)!);
      expect(help.length).toBeGreaterThan(200);
    }
  });
});
