/**
 * OANDA v20 REST candles (`GET /v3/instruments/{instrument}/candles`, Bearer token from the environment, never
 * logged), as the seed's `oanda_candles`: mid candles of the last N minutes, and a quote from the latest bid/ask
 * candle. Rate-limited by a token bucket; 429/5xx retried with backoff (Retry-After honoured); 401/403 are a clear
 * credentials error naming the feed.
 */
import { InvalidInputError, RetryableIoError } from '../../core/errors.ts';
import { withBackoff, type BackoffOptions } from '../retry.ts';
import { TokenBucket } from '../tokenBucket.ts';
import { statusError } from './feedErrors.ts';
import { quoteOf, type CandlesRequest, type PriceCandle, type PriceFeed, type PriceQuote } from './priceFeed.ts';

export interface OandaFeedOptions {
  /** e.g. https://api-fxtrade.oanda.com (tests: the loopback server). */
  baseUrl: string;
  token: string;
  ratePerSecond?: number;
  backoff?: BackoffOptions;
  timeoutMs?: number;
}

interface OandaCandle {
  time: string;
  volume: number;
  complete: boolean;
  mid?: { o: string; h: string; l: string; c: string };
  bid?: { c: string };
  ask?: { c: string };
}

/** `ETH/USD` -> `ETH_USD` (OANDA instrument names). */
export function oandaInstrument(symbol: string): string {
  return symbol.replace('/', '_').toUpperCase();
}

export class OandaFeed implements PriceFeed {
  readonly name = 'oanda';
  private readonly bucket: TokenBucket;

  constructor(private readonly o: OandaFeedOptions) {
    if (!o.token) throw new InvalidInputError('oanda: API token is empty (set it in the environment)');
    this.bucket = new TokenBucket({ ratePerSecond: o.ratePerSecond ?? 20, capacity: 5 });
  }

  private async get(symbol: string, params: Record<string, string>): Promise<OandaCandle[]> {
    const url = new URL(`/v3/instruments/${encodeURIComponent(oandaInstrument(symbol))}/candles`, this.o.baseUrl);
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
    return withBackoff(async () => {
      await this.bucket.take();
      let res: Response;
      try {
        res = await fetch(url, {
          headers: { Authorization: `Bearer ${this.o.token}`, 'Accept-Datetime-Format': 'RFC3339' },
          signal: AbortSignal.timeout(this.o.timeoutMs ?? 5_000),
        });
      } catch (e) {
        throw new RetryableIoError(`oanda: candles request failed (${(e as Error).name})`);
      }
      if (!res.ok) throw statusError('oanda', 'candles', res.status, res.headers.get('retry-after'));
      const body = (await res.json()) as { candles?: OandaCandle[] };
      if (!Array.isArray(body.candles)) throw new InvalidInputError('oanda: candles response has no `candles` array');
      return body.candles;
    }, this.o.backoff);
  }

  async candles(symbol: string, request: CandlesRequest = {}): Promise<PriceCandle[]> {
    const granularity = request.interval === '5m' ? 'M5' : 'M1';
    const rows = await this.get(symbol, { granularity, count: String(request.limit ?? 60), price: 'M' });
    return rows.map((c, i) => {
      if (!c.mid) throw new InvalidInputError(`oanda: candle ${i} of ${symbol} has no mid prices`);
      return {
        openTimeMs: Date.parse(c.time),
        open: Number(c.mid.o),
        high: Number(c.mid.h),
        low: Number(c.mid.l),
        close: Number(c.mid.c),
        volume: c.volume,
      };
    });
  }

  async quote(symbol: string): Promise<PriceQuote> {
    const [last] = (await this.get(symbol, { granularity: 'M1', count: '1', price: 'BA' })).slice(-1);
    if (!last?.bid || !last.ask) throw new InvalidInputError(`oanda: no bid/ask candle for ${symbol}`);
    return quoteOf(symbol, Number(last.bid.c), Number(last.ask.c), this.name);
  }
}
