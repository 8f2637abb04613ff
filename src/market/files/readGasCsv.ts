/**
 * The real 5-minute Ethereum gas file (Butler & Crane): columns datetime, gas_limit, gas_used, Open (ETH/USDT),
 * avg_gas_price, max_gas_price, min_gas_price (gwei), block_utilisation. Times are UTC bin starts.
 */
import { readFileSync } from 'node:fs';
import { csvRows, headerIndex, type ParsedRows } from './csvRows.ts';
import type { RowError } from './rowError.ts';
import {
  checkTimeOrder,
  nonNegativeField,
  numberField,
  positivePriceField,
  RowReject,
  utcDateTimeField,
} from './rowFields.ts';
import { textLines } from './textLines.ts';

export interface GasRow {
  timeMs: number;
  gasLimit: number;
  gasUsed: number;
  /** Binance ETH/USDT open price of the bin. */
  ethPrice: number;
  /** Gas prices in gwei (means over the bin's blocks). */
  avgGasPrice: number;
  maxGasPrice: number;
  minGasPrice: number;
  /** gas_used / gas_limit, 0..1. */
  blockUtilisation: number;
}

export const gasCsvColumns = [
  'datetime',
  'gas_limit',
  'gas_used',
  'Open',
  'avg_gas_price',
  'max_gas_price',
  'min_gas_price',
  'block_utilisation',
] as const;

export function parseGasCsv(text: string, file: string): { rows: GasRow[]; errors: RowError[] } {
  const lines = textLines(text);
  const header = headerIndex(lines[0], file, gasCsvColumns);
  if ('reason' in header) return { rows: [], errors: [header] };
  const ix = header.index;
  const result: ParsedRows<GasRow> = csvRows<GasRow>({
    lines: lines.slice(1),
    file,
    fieldCount: header.fieldCount,
    parse: (f, previous) => {
      const timeMs = utcDateTimeField(f[ix.datetime!]!, 'datetime');
      const row: GasRow = {
        timeMs,
        gasLimit: nonNegativeField(f[ix.gas_limit!]!, 'gas_limit'),
        gasUsed: nonNegativeField(f[ix.gas_used!]!, 'gas_used'),
        ethPrice: positivePriceField(f[ix.Open!]!, 'Open'),
        avgGasPrice: nonNegativeField(f[ix.avg_gas_price!]!, 'avg_gas_price', 'price'),
        maxGasPrice: nonNegativeField(f[ix.max_gas_price!]!, 'max_gas_price', 'price'),
        minGasPrice: nonNegativeField(f[ix.min_gas_price!]!, 'min_gas_price', 'price'),
        blockUtilisation: numberField(f[ix.block_utilisation!]!, 'block_utilisation'),
      };
      if (row.blockUtilisation < 0 || row.blockUtilisation > 1) {
        throw new RowReject(`block_utilisation: outside 0..1 (${row.blockUtilisation})`);
      }
      if (row.gasUsed > row.gasLimit)
        throw new RowReject(`gas_used above gas_limit (${row.gasUsed} > ${row.gasLimit})`);
      if (row.minGasPrice > row.avgGasPrice || row.avgGasPrice > row.maxGasPrice) {
        throw new RowReject(
          `gas prices not ordered min <= avg <= max (${row.minGasPrice}, ${row.avgGasPrice}, ${row.maxGasPrice})`,
        );
      }
      checkTimeOrder(timeMs, previous?.timeMs, 'datetime');
      return row;
    },
  });
  return result;
}

export function readGasCsv(path: string): { rows: GasRow[]; errors: RowError[] } {
  return parseGasCsv(readFileSync(path, 'utf8'), path);
}
