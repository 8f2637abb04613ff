/**
 * Loads the 5-minute gas CSV into a GasSeries for training and evaluation. Rejected rows are returned (file:line and
 * reason) for the caller to count and show; a missing file is an InvalidInputError naming the path.
 */
import { existsSync } from 'node:fs';
import { InvalidInputError } from '../core/errors.ts';
import { readGasCsv } from '../market/files/readGasCsv.ts';
import type { RowError } from '../market/files/rowError.ts';
import { gasSeries, type GasSeries } from './gasSeries.ts';

export function loadGasFile(path: string): { series: GasSeries; rejected: RowError[] } {
  if (!existsSync(path)) throw new InvalidInputError(`gas data file not found: ${path}`);
  const { rows, errors } = readGasCsv(path);
  if (rows.length === 0)
    throw new InvalidInputError(`gas data file ${path}: no valid rows`, { details: errors[0]?.reason });
  return { series: gasSeries(rows), rejected: errors };
}
