import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProgram } from '../main.ts';
import { runCli } from '../testing.ts';

const run = runCli;

const KEYS = [
  'opportunities',
  'executed',
  'success_rate',
  'false_positive_rate',
  'avg_profit_eth',
  'total_profit_eth',
  'missed_profit_eth',
  'slippage_mae_bps',
  'zero_slippage_share',
  'rows_logged',
  'seconds',
];

describe('arbml simulate --json (embedded database)', () => {
  let dir: string;
  const env = { DATABASE_URL: process.env.DATABASE_URL, ARBML_JOURNAL_PATH: process.env.ARBML_JOURNAL_PATH };
  beforeAll(() => {
    // Embedded database only: a DATABASE_URL would send the rows to a server's public schema.
    delete process.env.DATABASE_URL;
    dir = mkdtempSync(join(tmpdir(), 'arbml-simulate-'));
    process.env.ARBML_JOURNAL_PATH = join(dir, 'journal.ndjson');
  });
  afterAll(() => {
    for (const [k, v] of Object.entries(env))
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints one JSON object with the contract keys; the same seed twice gives the same JSON apart from seconds', async () => {
    const args = ['simulate', '--days', '0.1', '--seed', '8', '--json', '--db-path', join(dir, 'db')];
    const first = await run(args);
    const second = await run(args);
    expect(first.code).toBe(0);
    const a = JSON.parse(first.stdout) as Record<string, number>;
    const b = JSON.parse(second.stdout) as Record<string, number>;
    for (const k of KEYS) expect(typeof a[k], k).toBe('number');
    expect(a.success_rate + a.false_positive_rate).toBeCloseTo(1, 9);
    // Seed 8, 0.1 day: the counts runSimulation.test.ts pins; every row confirmed in the database (the second run
    // finds them all there already).
    expect(a).toMatchObject({ opportunities: 111, executed: 2, success_rate: 0.5, rows_logged: 111 });
    expect(a.outcomes).toEqual({ success: 1, front_run: 1, reverted: 0, not_included: 0, stale: 0, skipped: 109 });
    expect({ ...b, seconds: 0 }).toEqual({ ...a, seconds: 0 });
    expect(first.stdout.trim().split('\n')).toHaveLength(1);
  }, 60_000);

  it('has help for simulate and bench simulate', async () => {
    const program = await buildProgram();
    const simulate = program.commands.find((c) => c.name() === 'simulate')!;
    expect(simulate.helpInformation()).toContain('--metrics-port');
    const bench = program.commands.find((c) => c.name() === 'bench')!.commands.find((c) => c.name() === 'simulate')!;
    expect(bench.helpInformation()).toContain('--days');
  });
});
