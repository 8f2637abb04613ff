/**
 * Exchange klines from either freqtrade's JSON `[[ms,o,h,l,c,v],...]` or Binance's 12-column CSV without header
 * (open_time, open, high, low, close, volume, close_time, quote_volume, trades, taker_buy_base, taker_buy_quote,
 * ignore), told apart by content. Symbol and interval come from names like `ETH_USDT-1m_2021-11-11_2021-12-11.json`
 * or `ETHUSDT-1m-2022-08-01_02.csv`.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { csvRows } from './csvRows.ts';
import { parseFreqtradeJson } from './freqtradeJson.ts';
import { klineFromFields, type Kline } from './klineRow.ts';
import type { RowError } from './rowError.ts';
import { textLines } from './textLines.ts';

export type { Kline } from './klineRow.ts';

export type KlineFormat = 'freqtrade-json' | 'binance-csv';

export interface KlineFile {
  rows: Kline[];
  errors: RowError[];
  format: KlineFormat;
  /** `BASE/QUOTE`, e.g. `ETH/USDT`, when the file name says it. */
  symbol?: string;
  /** Candle interval such as `1m` or `5m`, when the file name says it. */
  interval?: string;
}

const quoteAssets = ['USDT', 'USDC', 'BUSD', 'TUSD', 'FDUSD', 'USD', 'DAI', 'EUR', 'BTC', 'ETH', 'BNB'];

/** `ETH_USDT` or `ETHUSDT` -> `ETH/USDT`; unknown quote assets are left as written. */
function normaliseSymbol(raw: string): string {
  const upper = raw.toUpperCase();
  if (upper.includes('_')) return upper.replace('_', '/');
  const quote = quoteAssets.find((q) => upper.endsWith(q) && upper.length > q.length);
  return quote ? `${upper.slice(0, -quote.length)}/${quote}` : upper;
}

/** Symbol and interval from a kline file name. */
export function klineFileInfo(path: string): { symbol?: string; interval?: string } {
  const m = /^([A-Za-z0-9]+(?:_[A-Za-z0-9]+)?)-(\d+[smhdwM])(?:[-_.]|$)/.exec(basename(path));
  if (!m) return {};
  return { symbol: normaliseSymbol(m[1]!), interval: m[2] };
}

function parseBinanceCsv(text: string, file: string): { rows: Kline[]; errors: RowError[] } {
  let lines = textLines(text);
  if (lines[0] && /open_time/i.test(lines[0].text)) lines = lines.slice(1);
  return csvRows<Kline>({ lines, file, fieldCount: 12, parse: klineFromFields });
}

export function parseKlines(text: string, file: string): KlineFile {
  const info = klineFileInfo(file);
  const first = text.trimStart()[0];
  if (first === '[') return { ...parseFreqtradeJson(text, file), format: 'freqtrade-json', ...info };
  return { ...parseBinanceCsv(text, file), format: 'binance-csv', ...info };
}

export function readKlines(path: string): KlineFile {
  return parseKlines(readFileSync(path, 'utf8'), path);
}
