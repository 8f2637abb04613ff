/**
 * Imports real gas files (the 5-minute Butler & Crane layout) into `gas_prices` for one chain.
 */
import { basename } from 'node:path';
import { readGasCsv } from '../../market/files/readGasCsv.ts';
import type { Store } from '../openStore.ts';
import type { GasPriceRow } from '../gasPrices.ts';
import { importRows } from './importRows.ts';
import type { ImportProgress, ImportSummary } from './importSummary.ts';

export interface ImportGasFilesOptions {
  store: Store;
  files: readonly string[];
  /** Chain the file describes (default ethereum). */
  chain?: string;
  onProgress?: ImportProgress;
}

export function importGasFiles({
  store,
  files,
  chain = 'ethereum',
  onProgress,
}: ImportGasFilesOptions): Promise<ImportSummary> {
  return importRows<GasPriceRow>({
    files,
    onProgress,
    parse: (file) => {
      const { rows, errors } = readGasCsv(file);
      const source = basename(file);
      return {
        errors,
        rows: rows.map((r) => ({
          chain,
          timeMs: r.timeMs,
          minGasPriceGwei: r.minGasPrice,
          avgGasPriceGwei: r.avgGasPrice,
          maxGasPriceGwei: r.maxGasPrice,
          gasUsed: r.gasUsed,
          gasLimit: r.gasLimit,
          utilisation: r.blockUtilisation,
          ethPrice: r.ethPrice,
          source,
        })),
      };
    },
    write: (rows) => store.insertGasPrices(rows),
  });
}
