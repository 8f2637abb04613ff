import type { Command } from 'commander';
import { importDataDir, type DataDirImport } from '../../store/import/importDataDir.ts';
import { openStore } from '../../store/openStore.ts';
import type { StoreStatus } from '../../store/status.ts';
import { configFromFlags, withCommonOptions, type CommonFlags } from '../options.ts';
import { info, report } from '../output.ts';
import { formatStatus } from './db-status.ts';
import { formatImportSummary, progressReporter } from './import-common.ts';

interface DemoFlags extends CommonFlags {
  dataDir?: string;
}

interface DemoResult {
  imports: DataDirImport | null;
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
  lines.push('', formatStatus(r.status));
  return lines.join('\n');
}

/**
 * `arbml demo` (what `npm start` runs): migrate the embedded database, import the real data ARBML_DATA_DIR holds,
 * print db status. Later stages add their steps here.
 */
export function register(program: Command): void {
  withCommonOptions(
    program
      .command('demo')
      .description(
        'Run the demo on the embedded database (or --database-url): migrate, import the real data in ARBML_DATA_DIR ' +
          '(gas, ETH 1-minute klines, Uniswap V3 pool minutes; re-running adds nothing), then print db status',
      )
      .option('--data-dir <dir>', 'real data folder (default: env ARBML_DATA_DIR)'),
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
      const status = { ...(await store.status()), location: store.location };
      report({ json: !!opts.json, result: { imports, status }, human });
    } finally {
      await store.close();
    }
  });
}
