/**
 * Imports per-minute Uniswap V3 pool files into `pool_states`. Chain and pool address come from each file name
 * (`Polygon-0x45dd...-2022-07-19.csv`) unless given.
 */
import { basename } from 'node:path';
import { poolFileInfo, readPoolMinutes } from '../../market/files/readPoolMinutes.ts';
import type { Store } from '../openStore.ts';
import type { PoolStateRow } from '../poolStates.ts';
import { importRows } from './importRows.ts';
import type { ImportProgress, ImportSummary } from './importSummary.ts';

export interface ImportPoolFilesOptions {
  store: Store;
  files: readonly string[];
  chain?: string;
  pool?: string;
  /** DEX of the pool (default uniswap-v3). */
  dex?: string;
  onProgress?: ImportProgress;
}

export function importPoolFiles(options: ImportPoolFilesOptions): Promise<ImportSummary> {
  const { store, files, onProgress, dex = 'uniswap-v3' } = options;
  return importRows<PoolStateRow>({
    files,
    onProgress,
    parse: (file) => {
      const info = poolFileInfo(file);
      const chain = options.chain ?? info.chain;
      const pool = options.pool?.toLowerCase() ?? info.pool;
      if (!chain || !pool) {
        const missing = !pool ? 'pool address (--pool)' : 'chain (--chain)';
        return {
          rows: [],
          errors: [{ file, line: 0, reason: `file name does not give the ${missing}; pass it as a flag` }],
        };
      }
      const { rows, errors } = readPoolMinutes(file);
      const source = basename(file);
      return {
        errors,
        rows: rows.map((m) => ({
          chain,
          pool,
          dex,
          timeMs: m.timeMs,
          openTick: m.openTick,
          closeTick: m.closeTick,
          lowestTick: m.lowestTick,
          highestTick: m.highestTick,
          liquidity: m.currentLiquidity,
          netAmount0: m.netAmount0,
          netAmount1: m.netAmount1,
          inAmount0: m.inAmount0,
          inAmount1: m.inAmount1,
          source,
        })),
      };
    },
    write: (rows) => store.insertPoolStates(rows),
  });
}
