/**
 * Loads the optional real files of a market run and works out the simulated window: with a CEX file the run
 * starts at its first minute; with a gas file too, at the start of their overlap, and it never runs past the end
 * of what is replayed (days are clamped, and the clamp is reported).
 */
import { InvalidInputError } from '../core/errors.ts';
import { rngFor } from '../core/random.ts';
import { cexEndMs, type CexPath } from './cex/cexPath.ts';
import { replayCex } from './cex/replayCex.ts';
import { simulateCex } from './cex/simulateCex.ts';
import { readGasCsv, type GasRow } from './files/readGasCsv.ts';
import { readKlines } from './files/readKlines.ts';
import { gasFileSpan } from './gas/replayGas.ts';
import type { MarketParams } from './params.ts';

/** Start of the simulated clock when no file fixes it: the first day the real CEX and gas files share. */
export const DEFAULT_START_MS = Date.UTC(2021, 10, 26);
const DAY_MS = 86_400_000;

export interface MarketSources {
  cex: CexPath;
  gasRows?: GasRow[];
  startMs: number;
  endMs: number;
  /** Rows the file parsers rejected (file:line and reason each). */
  rejectedRows: string[];
}

export interface MarketSourcesOptions {
  seed: number;
  days: number;
  params: MarketParams;
  cexFile?: string;
  gasFile?: string;
}

export function loadMarketSources({ seed, days, params, cexFile, gasFile }: MarketSourcesOptions): MarketSources {
  if (!(days > 0)) throw new InvalidInputError(`days must be > 0, got ${days}`);
  const rejectedRows: string[] = [];
  let cex: CexPath | undefined;
  if (cexFile) {
    const k = readKlines(cexFile);
    for (const e of k.errors) rejectedRows.push(JSON.stringify(e));
    if (k.interval && k.interval !== '1m')
      throw new InvalidInputError(`${cexFile}: need 1-minute klines, file says ${k.interval}`);
    cex = replayCex(k.rows, cexFile);
  }
  let gasRows: GasRow[] | undefined;
  let startMs = cex?.startMs ?? DEFAULT_START_MS;
  let endMs = cex ? cexEndMs(cex) : startMs + days * DAY_MS;
  if (gasFile) {
    const g = readGasCsv(gasFile);
    for (const e of g.errors) rejectedRows.push(JSON.stringify(e));
    if (g.rows.length < 2) throw new InvalidInputError(`${gasFile}: no usable gas rows`);
    gasRows = g.rows;
    const span = gasFileSpan(g.rows);
    startMs = cex ? Math.max(cex.startMs, span.startMs) : span.startMs;
    endMs = cex ? Math.min(endMs, span.endMs) : span.endMs;
    if (endMs <= startMs) throw new InvalidInputError(`${cexFile} and ${gasFile} do not overlap in time`);
  }
  endMs = Math.min(endMs, startMs + days * DAY_MS);
  if (!cex) {
    const minutes = Math.ceil((endMs - startMs) / 60_000) + 1;
    cex = simulateCex({ rng: rngFor(seed, 'market/cex'), startMs, minutes, params: params.cex });
  }
  return { cex, gasRows, startMs, endMs, rejectedRows };
}
