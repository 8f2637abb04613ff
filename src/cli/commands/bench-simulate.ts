/**
 * `arbml bench simulate [--days 30] [--seed 1] [--json]`: simulated blocks per second of the runner with full
 * logging (every row through the Ledger into a fresh embedded database, or --database-url), beside the market model
 * alone over the same days in the same run (the peer: what the runner adds on top of the world it trades in).
 * Target: a 30-day two-chain simulation in under 2 minutes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import { HeuristicDecider } from '../../decide/heuristicDecider.ts';
import { simulateToStore } from '../../exec/simulateToStore.ts';
import { createMarket } from '../../market/market.ts';
import { openStore } from '../../store/openStore.ts';
import { commandGroup } from '../group.ts';
import { info, report, warn } from '../output.ts';
import { parseDays } from './simulate.ts';

interface BenchSimulateFlags {
  days: string;
  seed: string;
  databaseUrl?: string;
  json?: boolean;
}

const TARGET_SECONDS_30D = 120;

export function register(program: Command): void {
  commandGroup(program, 'bench')
    .command('simulate')
    .description('runner blocks per second with full logging, beside the market model alone (same run)')
    .option('--days <n>', 'simulated days (both chains)', '30')
    .option('--seed <n>', 'seed', '1')
    .option('--database-url <url>', 'log to this PostgreSQL server instead of a fresh embedded database')
    .option('--json', 'print one JSON object on stdout and nothing else there')
    .action(async (flags: BenchSimulateFlags) => {
      const days = parseDays(flags.days);
      const seed = Number(flags.seed);
      const dir = mkdtempSync(join(tmpdir(), 'arbml-bench-simulate-'));
      const store = await openStore(
        { dbPath: join(dir, 'db'), databaseUrl: flags.databaseUrl },
        flags.databaseUrl ? { schema: `bench_simulate_${process.pid}` } : {},
      );
      try {
        info(`bench simulate: market model alone, ${days} days`);
        let t = performance.now();
        const market = createMarket({ seed, days });
        let marketBlocks = 0;
        while (market.step()) marketBlocks++;
        const marketSeconds = (performance.now() - t) / 1000;
        info(`bench simulate: runner with logging to ${store.backend}`);
        t = performance.now();
        const r = await simulateToStore({
          seed,
          days,
          decider: new HeuristicDecider(),
          insert: (rows) => store.insertOpportunities(rows),
          journalPath: join(dir, 'journal.ndjson'),
          warn,
          onProgress: (n) =>
            n % 100_000 === 0 && info(`bench simulate: ${n} blocks, ${((performance.now() - t) / 1000).toFixed(1)} s`),
        });
        const seconds = (performance.now() - t) / 1000;
        const blocksPerS = r.blocks / seconds;
        const result = {
          days,
          seed,
          backend: store.backend,
          blocks: r.blocks,
          rows: r.rowsLogged,
          seconds: Number(seconds.toFixed(3)),
          blocks_per_s: Math.round(blocksPerS),
          rows_per_s: Math.round(r.rowsLogged / seconds),
          market_only_seconds: Number(marketSeconds.toFixed(3)),
          market_blocks_per_s: Math.round(marketBlocks / marketSeconds),
          ratio_to_market: Number((blocksPerS / (marketBlocks / marketSeconds)).toFixed(3)),
          projected_30d_two_chain_seconds: Number(((30 * 86_400 * (1 / 12 + 1 / 2)) / blocksPerS).toFixed(1)),
          target_30d_seconds: TARGET_SECONDS_30D,
        };
        report({
          json: !!flags.json,
          result,
          human: (j) =>
            Object.entries(j)
              .map(([k, v]) => `${k.padEnd(32)} ${String(v)}`)
              .join('\n'),
        });
      } finally {
        if (flags.databaseUrl)
          await store.db.exec(`DROP SCHEMA IF EXISTS "bench_simulate_${process.pid}" CASCADE`).catch(() => {});
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      }
    });
}
