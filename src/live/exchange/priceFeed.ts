/**
 * One interface over every price source the live runner reads (ccxt exchanges, OANDA v20): the top of book now
 * and recent candles. Prices are floats (quote currency per base unit): they are features and edges, never
 * on-chain amounts.
 */
export interface PriceQuote {
  /** Symbol as the caller asked, e.g. `ETH/USDT`. */
  symbol: string;
  bid: number;
  ask: number;
  /** (bid + ask) / 2. */
  mid: number;
  /** When the feed answered, ms UTC. */
  timeMs: number;
  /** Feed name, e.g. `binance` or `oanda`. */
  source: string;
}

export interface PriceCandle {
  openTimeMs: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
}

export interface CandlesRequest {
  /** `1m` (default) or `5m`. */
  interval?: '1m' | '5m';
  /** Most recent N candles (default 60). */
  limit?: number;
}

export interface PriceFeed {
  readonly name: string;
  quote(symbol: string): Promise<PriceQuote>;
  candles(symbol: string, request?: CandlesRequest): Promise<PriceCandle[]>;
}

export function quoteOf(symbol: string, bid: number, ask: number, source: string, timeMs = Date.now()): PriceQuote {
  return { symbol, bid, ask, mid: (bid + ask) / 2, timeMs, source };
}
