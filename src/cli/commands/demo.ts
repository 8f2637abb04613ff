import type { Command } from 'commander';
import { importDataDir, type DataDirImport } from '../../store/import/importDataDir.ts';
import { openStore } from '../../store/openStore.ts';
import type { StoreStatus } from '../../store/status.ts';
import { configFromFlags, withCommonOptions, type CommonFlags } from '../options.ts';
import { info, report, setLogLevel, warn } from '../output.ts';
import { formatStatus } from './db-status.ts';
import { formatImportSummary, progressReporter } from './import-common.ts';
import { HeuristicDecider } from '../../decide/heuristicDecider.ts';
import { simulateToStore } from '../../exec/simulateToStore.ts';
import { createProgress, setStageBoard } from '../progress.ts';
import { createStageBoard } from '../stageBoard.ts';
import { parseDays, simulateJson } from './simulate.ts';
import type { BacktestResult } from '../../eval/backtestResult.ts';
import { runCliBacktest } from '../backtestRun.ts';
import { formatBacktestTable } from './backtest.ts';
import { trainSlippageStep } from '../trainSlippageStep.ts';

interface DemoFlags extends CommonFlags {
  dataDir?: string;
  quiet?: boolean;
  days: string;
  report: string;
}

interface DemoResult {
  imports: DataDirImport | null;
  simulate: Record<string, unknown>;
  train: { slippage: Record<string, unknown> | null };
  backtest: Pick<BacktestResult, 'days' | 'seed' | 'deciders'> & { report: string; seconds: number };
  status: StoreStatus & { location: string };
  /** Seconds per stage. */
  timings: Record<string, number>;
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
  lines.push('', formatStatus(r.status));
  const stages = Object.entries(r.timings).map(([stage, s]) => `${stage} ${s} s`);
  lines.push('', `demo done in ${r.seconds} s (${stages.join(', ')})`);
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
      .option('--report <file>', 'backtest report', 'reports/backtest.html')
      .option('--quiet', 'print only the result (no progress)'),
  ).action(async (opts: DemoFlags) => {
    const demoStarted = performance.now();
    const config = configFromFlags(opts);
    const days = parseDays(opts.days);
    if (opts.quiet || opts.json) setLogLevel('warn');
    const stages = [...(config.dataDir ? ['import'] : []), 'simulate', 'train', 'backtest'];
    const board = createStageBoard({ stages, tty: !!process.stderr.isTTY, write: (t) => void process.stderr.write(t) });
    const showProgress = config.progress && !opts.quiet && !opts.json;
    if (showProgress) setStageBoard(board);
    const chains = config.chains;
    // The demo is the two-command, no-server path: only an explicit --database-url sends it to a server.
    const store = await openStore({ dbPath: config.dbPath, databaseUrl: opts.databaseUrl, dbSchema: config.dbSchema });
    try {
      info(`demo: ${store.backend} database at ${store.location}, schema migrated`);
      let imports: DataDirImport | null = null;
      if (config.dataDir) {
        board.start('import');
        info(`demo: importing real data from ${config.dataDir}`);
        imports = await importDataDir({
          store,
          dataDir: config.dataDir,
          progress: (part) => progressReporter(`import ${part}`),
        });
        board.done('import');
      } else {
        warn(noDataHelp);
      }
      info(
        `demo: simulating ${opts.days} days (seed ${config.seed}, ${chains.join(' and ')}) with the heuristic decider`,
      );
      let progress: ReturnType<typeof createProgress> | undefined;
      const started = performance.now();
      board.start('simulate');
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
      board.done('simulate', `${sim.rowsLogged} opportunities logged`);
      board.start('train');
      const train = { slippage: await trainSlippageStep(store, config) };
      board.done('train');
      board.start('backtest');
      info(
        `demo: walk-forward backtest over ${days} days (seed ${config.seed}): heuristic, heuristic + ML slippage, full ML, oracle`,
      );
      const bt = await runCliBacktest({
        days,
        seed: config.seed,
        chains,
        reportFile: opts.report,
        progress: showProgress,
        label: 'demo backtest',
      });
      board.done('backtest', `report ${opts.report}`);
      board.close();
      setStageBoard(undefined);
      const backtest = {
        days: bt.result.days,
        seed: bt.result.seed,
        deciders: bt.result.deciders,
        report: opts.report,
        seconds: bt.result.seconds,
      };
      const status = { ...(await store.status()), location: store.location };
      const seconds = Number(((performance.now() - demoStarted) / 1000).toFixed(1));
      const timings = board.timings();
      report({ json: !!opts.json, result: { imports, simulate, train, backtest, status, timings, seconds }, human });
    } finally {
      setStageBoard(undefined);
      await store.close();
    }
  });
}
