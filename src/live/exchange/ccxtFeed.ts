/**
 * CEX prices through ccxt (Binance spot): top of book from `GET /api/v3/ticker/bookTicker`, best levels from
 * `/api/v3/depth`, candles from `/api/v3/klines`, called through ccxt's implicit API (no market list to load).
 * The REST base URL can be pointed elsewhere (`urls.api.public`, the loopback server in tests). ccxt's own
 * limiter is off: a token bucket paces requests and retries with backoff follow the HTTP status, which we take from
 * ccxt's transport (a wrapped fetch), so a 429's Retry-After is honoured and 401/403 become a credentials error
 * naming the feed. Keys (for private endpoints) come from the environment and are never logged.
 */
import ccxt from 'ccxt';
import { InvalidInputError, RetryableIoError } from '../../core/errors.ts';
import { withBackoff, type BackoffOptions } from '../retry.ts';
import { TokenBucket } from '../tokenBucket.ts';
import { statusError } from './feedErrors.ts';
import { quoteOf, type CandlesRequest, type PriceCandle, type PriceFeed, type PriceQuote } from './priceFeed.ts';

export interface CcxtFeedOptions {
  /** REST base of the spot public API, e.g. https://api.binance.com/api/v3 (default: ccxt's). */
  publicApiUrl?: string;
  apiKey?: string;
  secret?: string;
  ratePerSecond?: number;
  backoff?: BackoffOptions;
  timeoutMs?: number;
}

interface Implicit {
  publicGetTickerBookTicker(p: Record<string, string>): Promise<{ bidPrice: string; askPrice: string }>;
  publicGetDepth(p: Record<string, string | number>): Promise<{ bids: [string, string][]; asks: [string, string][] }>;
  publicGetKlines(p: Record<string, string | number>): Promise<(string | number)[][]>;
}

/** `ETH/USDT` -> `ETHUSDT`. */
export function binanceSymbol(symbol: string): string {
  return symbol.replace('/', '').toUpperCase();
}

export class CcxtFeed implements PriceFeed {
  readonly name = 'binance';
  private readonly exchange: Implicit;
  private readonly bucket: TokenBucket;
  private last: { status: number; retryAfter: string | null } = { status: 0, retryAfter: null };

  constructor(private readonly o: CcxtFeedOptions = {}) {
    const record = async (url: string, init: RequestInit): Promise<Response> => {
      this.last = { status: 0, retryAfter: null };
      const res = await fetch(url, init);
      this.last = { status: res.status, retryAfter: res.headers.get('retry-after') };
      return res;
    };
    const ex = new ccxt.binance({
      enableRateLimit: false,
      timeout: o.timeoutMs ?? 5_000,
      apiKey: o.apiKey,
      secret: o.secret,
      ...(o.publicApiUrl ? { urls: { api: { public: o.publicApiUrl } } } : {}),
    });
    (ex as unknown as { fetchImplementation: typeof record }).fetchImplementation = record;
    this.exchange = ex as unknown as Implicit;
    this.bucket = new TokenBucket({ ratePerSecond: o.ratePerSecond ?? 10, capacity: 5 });
  }

  private call<T>(what: string, fn: () => Promise<T>): Promise<T> {
    return withBackoff(async () => {
      await this.bucket.take();
      try {
        return await fn();
      } catch (e) {
        const { status, retryAfter } = this.last;
        if (status >= 400) throw statusError(this.name, what, status, retryAfter);
        if (e instanceof ccxt.NetworkError)
          throw new RetryableIoError(`${this.name}: ${what} failed (${e.constructor.name})`);
        throw new InvalidInputError(`${this.name}: ${what} failed (${(e as Error).constructor.name})`);
      }
    }, this.o.backoff);
  }

  async quote(symbol: string): Promise<PriceQuote> {
    const t = await this.call('bookTicker', () =>
      this.exchange.publicGetTickerBookTicker({ symbol: binanceSymbol(symbol) }),
    );
    const bid = Number(t.bidPrice);
    const ask = Number(t.askPrice);
    if (!(bid > 0) || !(ask >= bid))
      throw new InvalidInputError(
        `${this.name}: bookTicker for ${symbol} has bad prices (${t.bidPrice}/${t.askPrice})`,
      );
    return quoteOf(symbol, bid, ask, this.name);
  }

  /** Best bid and ask from the order book (depth 5). */
  async orderBookTop(symbol: string): Promise<PriceQuote> {
    const d = await this.call('depth', () => this.exchange.publicGetDepth({ symbol: binanceSymbol(symbol), limit: 5 }));
    const bid = Number(d.bids[0]?.[0]);
    const ask = Number(d.asks[0]?.[0]);
    if (!(bid > 0) || !(ask >= bid))
      throw new InvalidInputError(`${this.name}: empty or crossed order book for ${symbol}`);
    return quoteOf(symbol, bid, ask, this.name);
  }

  async candles(symbol: string, request: CandlesRequest = {}): Promise<PriceCandle[]> {
    const rows = await this.call('klines', () =>
      this.exchange.publicGetKlines({
        symbol: binanceSymbol(symbol),
        interval: request.interval ?? '1m',
        limit: request.limit ?? 60,
      }),
    );
    return rows.map((r) => ({
      openTimeMs: Number(r[0]),
      open: Number(r[1]),
      high: Number(r[2]),
      low: Number(r[3]),
      close: Number(r[4]),
      volume: Number(r[5]),
    }));
  }
}
