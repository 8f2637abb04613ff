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
import type { BacktestResult } from '../../eval/backtestResult.ts';
import { runCliBacktest } from '../backtestRun.ts';
import { formatBacktestTable } from './backtest.ts';
import { trainSlippageStep } from '../trainSlippageStep.ts';

interface DemoFlags extends CommonFlags {
  dataDir?: string;
  days: string;
  report: string;
}

interface DemoResult {
  imports: DataDirImport | null;
  simulate: Record<string, unknown>;
  train: { slippage: Record<string, unknown> | null };
  backtest: Pick<BacktestResult, 'days' | 'seed' | 'deciders'> & { report: string; seconds: number };
  status: StoreStatus & { location: string };
  seconds: number;
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
  if (r.train.slippage)
    lines.push(
      '',
      `train slippage (from the ledger): holdout MAE ${Number(r.train.slippage.holdout_mae_bps).toFixed(3)} bps, model_versions #${String(r.train.slippage.registry_version)} ${String(r.train.slippage.status)}`,
    );
  lines.push('', formatBacktestTable(r.backtest.deciders), `report: ${r.backtest.report}`);
  lines.push('', formatStatus(r.status), '', `demo done in ${r.seconds} s`);
  return lines.join('\n');
}

/**
 * `arbml demo` (what `npm start` runs): migrate the embedded database, import the real data ARBML_DATA_DIR holds,
 * simulate N days (default 30) with the heuristic decider (every opportunity to the ledger), train the slippage
 * model on that ledger, run the N-day walk-forward backtest (heuristic, heuristic + ML slippage, full ML, oracle),
 * print its table and write the HTML report.
 */
export function register(program: Command): void {
  withCommonOptions(
    program
      .command('demo')
      .description(
        'Run the demo on the embedded database (or --database-url): migrate, import the real data in ARBML_DATA_DIR ' +
          '(gas, ETH 1-minute klines, Uniswap V3 pool minutes; re-running adds nothing), simulate --days days with the ' +
          'heuristic decider, train the slippage model on that ledger, run the walk-forward backtest (heuristic, ML, ' +
          'oracle), print its table and write the HTML report',
      )
      .option('--data-dir <dir>', 'real data folder (default: env ARBML_DATA_DIR)')
      .option('--days <n>', 'simulated days (simulation and backtest)', '30')
      .option('--report <file>', 'backtest report', 'reports/backtest.html'),
  ).action(async (opts: DemoFlags) => {
    const demoStarted = performance.now();
    const config = configFromFlags(opts);
    const days = parseDays(opts.days);
    const chains = config.chains;
    // The demo is the two-command, no-server path: only an explicit --database-url sends it to a server.
    const store = await openStore({ dbPath: config.dbPath, databaseUrl: opts.databaseUrl, dbSchema: config.dbSchema });
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
      info(
        `demo: simulating ${opts.days} days (seed ${config.seed}, ${chains.join(' and ')}) with the heuristic decider`,
      );
      let progress: ReturnType<typeof createProgress> | undefined;
      const started = performance.now();
      const sim = await simulateToStore({
        seed: config.seed,
        days,
        chains,
        decider: new HeuristicDecider(),
        insert: (rows) => store.insertOpportunities(rows),
        journalPath: config.journalPath,
        warn: info,
        onStart: (m) =>
          (progress = createProgress({ label: 'simulate', total: m.totalBlocks, enabled: config.progress })),
        onProgress: (n) => progress?.update(n),
      });
      progress?.stop();
      const simulate = simulateJson(sim, (performance.now() - started) / 1000);
      const train = { slippage: await trainSlippageStep(store, config) };
      info(
        `demo: walk-forward backtest over ${days} days (seed ${config.seed}): heuristic, heuristic + ML slippage, full ML, oracle`,
      );
      const bt = await runCliBacktest({
        days,
        seed: config.seed,
        chains,
        reportFile: opts.report,
        progress: config.progress,
        label: 'demo backtest',
      });
      const backtest = {
        days: bt.result.days,
        seed: bt.result.seed,
        deciders: bt.result.deciders,
        report: opts.report,
        seconds: bt.result.seconds,
      };
      const status = { ...(await store.status()), location: store.location };
      const seconds = Number(((performance.now() - demoStarted) / 1000).toFixed(1));
      report({ json: !!opts.json, result: { imports, simulate, train, backtest, status, seconds }, human });
    } finally {
      await store.close();
    }
  });
}
