/**
 * Imports what a real-data folder (ARBML_DATA_DIR, laid out as shared/data's README describes) holds: the 5-minute
 * gas file, the ETH 1-minute klines (freqtrade JSON and Binance CSV) and the Uniswap V3 pool minute files. Missing
 * parts are skipped and named.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Store } from '../openStore.ts';
import { importCandleFiles } from './importCandleFiles.ts';
import { importGasFiles } from './importGasFiles.ts';
import { importPoolFiles } from './importPoolFiles.ts';
import type { ImportProgress, ImportSummary } from './importSummary.ts';

export interface DataDirImport {
  gas?: ImportSummary;
  candles?: ImportSummary;
  pool?: ImportSummary;
  /** Parts of the folder that were not found. */
  missing: string[];
}

export interface ImportDataDirOptions {
  store: Store;
  dataDir: string;
  /** Progress per part (`gas`, `candles`, `pool`). */
  progress?: (part: string) => { onProgress: ImportProgress; stop(): void };
}

function listFiles(dir: string, pattern: RegExp): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => pattern.test(f))
    .sort()
    .map((f) => join(dir, f));
}

export const dataDirParts = {
  gas: { dir: 'gas', pattern: /^eth-5min-.*\.csv$/ },
  candles: { dir: 'cex/binance', pattern: /^(ETH_USDT-1m_.*\.json|ETHUSDT-1m-.*\.csv)$/ },
  pool: { dir: 'dex/univ3-polygon-usdc-weth-005', pattern: /\.csv$/ },
} as const;

export async function importDataDir({ store, dataDir, progress }: ImportDataDirOptions): Promise<DataDirImport> {
  const result: DataDirImport = { missing: [] };
  const importers = {
    gas: (files: string[], onProgress?: ImportProgress) => importGasFiles({ store, files, onProgress }),
    candles: (files: string[], onProgress?: ImportProgress) => importCandleFiles({ store, files, onProgress }),
    pool: (files: string[], onProgress?: ImportProgress) => importPoolFiles({ store, files, onProgress }),
  };
  for (const part of ['gas', 'candles', 'pool'] as const) {
    const { dir, pattern } = dataDirParts[part];
    const files = listFiles(join(dataDir, dir), pattern);
    if (files.length === 0) {
      result.missing.push(`${join(dataDir, dir)}/${pattern.source}`);
      continue;
    }
    const bar = progress?.(part);
    result[part] = await importers[part](files, bar?.onProgress);
    bar?.stop();
  }
  return result;
}
