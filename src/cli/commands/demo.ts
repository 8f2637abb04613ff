import type { Command } from 'commander';
import { importDataDir, type DataDirImport } from '../../store/import/importDataDir.ts';
import { openStore } from '../../store/openStore.ts';
import type { StoreStatus } from '../../store/status.ts';
import { configFromFlags, withCommonOptions, type CommonFlags } from '../options.ts';
import { info, report } from '../output.ts';
import { formatStatus } from './db-status.ts';
import { formatImportSummary, progressReporter } from './import-common.ts';
import { HeuristicDecider } from '../../decide/heuristicDecider.ts';
import { simulateToStore } from '../../exec/simulateToStore.ts';
import { createProgress } from '../progress.ts';
import { parseDays, simulateJson } from './simulate.ts';
import type { Chain } from '../../dex/types.ts';

interface DemoFlags extends CommonFlags {
  dataDir?: string;
  days: string;
}

interface DemoResult {
  imports: DataDirImport | null;
  simulate: Record<string, unknown>;
  status: StoreStatus & { location: string };
}

const noDataHelp =
  'no real data: set ARBML_DATA_DIR (or pass --data-dir) to the shared data folder, e.g.\n' +
  '  ARBML_DATA_DIR=/path/to/shared/data npm start\n' +
  'it should hold gas/eth-5min-*.csv, cex/binance/ETH_USDT-1m_*.json and dex/univ3-polygon-usdc-weth-005/*.csv';

function human(r: DemoResult): string {
  const lines: string[] = [];
  if (r.imports) {
    for (const part of ['gas', 'candles', 'pool'] as const) {
      const s = r.imports[part];
      if (s) lines.push(formatImportSummary(`import ${part}`, s));
    }
    for (const m of r.imports.missing) lines.push(`not found: ${m}`);
  }
  lines.push('', 'simulate (heuristic decider, the "Before ML" baseline):');
  for (const [k, v] of Object.entries(r.simulate)) lines.push(`  ${k.padEnd(20)} ${String(v)}`);
  lines.push('', formatStatus(r.status));
  return lines.join('\n');
}

/**
 * `arbml demo` (what `npm start` runs): migrate the embedded database, import the real data ARBML_DATA_DIR holds,
 * simulate 7 days of paper flash-arb trading with the heuristic decider (every opportunity to the ledger), print the
 * run summary and db status. Later stages add their steps here.
 */
export function register(program: Command): void {
  withCommonOptions(
    program
      .command('demo')
      .description(
        'Run the demo on the embedded database (or --database-url): migrate, import the real data in ARBML_DATA_DIR ' +
          '(gas, ETH 1-minute klines, Uniswap V3 pool minutes; re-running adds nothing), simulate 7 days with the ' +
          'heuristic decider and print its summary, then db status',
      )
      .option('--data-dir <dir>', 'real data folder (default: env ARBML_DATA_DIR)')
      .option('--days <n>', 'simulated days', '7'),
  ).action(async (opts: DemoFlags) => {
    const config = configFromFlags(opts);
    // The demo is the two-command, no-server path: only an explicit --database-url sends it to a server.
    const store = await openStore({ dbPath: config.dbPath, databaseUrl: opts.databaseUrl });
    try {
      info(`demo: ${store.backend} database at ${store.location}, schema migrated`);
      let imports: DataDirImport | null = null;
      if (config.dataDir) {
        info(`demo: importing real data from ${config.dataDir}`);
        imports = await importDataDir({
          store,
          dataDir: config.dataDir,
          progress: (part) => progressReporter(`import ${part}`),
        });
      } else {
        info(`demo: ${noDataHelp}`);
      }
      info(`demo: simulating ${opts.days} days (seed ${config.seed}, ethereum and polygon) with the heuristic decider`);
      let progress: ReturnType<typeof createProgress> | undefined;
      const started = performance.now();
      const sim = await simulateToStore({
        seed: config.seed, days: parseDays(opts.days), chains: config.chains.split(',') as Chain[], decider: new HeuristicDecider(),
        insert: (rows) => store.insertOpportunities(rows), journalPath: config.journalPath, warn: info,
        onStart: (m) => (progress = createProgress({ label: 'simulate', total: m.totalBlocks, enabled: config.progress })),
        onProgress: (n) => progress?.update(n),
      });
      progress?.stop();
      const simulate = simulateJson(sim, (performance.now() - started) / 1000);
      const status = { ...(await store.status()), location: store.location };
      report({ json: !!opts.json, result: { imports, simulate, status }, human });
    } finally {
      await store.close();
    }
  });
}
