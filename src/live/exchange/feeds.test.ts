import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../core/errors.ts';
import { readKlines, type Kline } from '../../market/files/readKlines.ts';
import { startExchangeServer, type ExchangeServer } from '../testing/exchangeServer.ts';
import { CcxtFeed } from './ccxtFeed.ts';
import { OandaFeed } from './oandaFeed.ts';

const dataDir = process.env.ARBML_DATA_DIR;
if (!dataDir) console.warn('skipping live exchange feed tests: ARBML_DATA_DIR unset');

describe.skipIf(!dataDir)('price feeds against the loopback exchange (real Binance klines)', () => {
  let klines: Kline[];
  let server: ExchangeServer;
  const token = 'oanda-test-token-0123456789';

  beforeAll(async () => {
    klines = readKlines(join(dataDir!, 'cex/binance/ETH_USDT-1m_2021-11-11_2021-12-11.json')).rows;
    server = await startExchangeServer({ klines, startIndex: 100, oandaToken: token });
  });
  afterAll(() => server?.close());

  it('ccxt binance: book ticker, depth and klines equal the served kline', async () => {
    const feed = new CcxtFeed({ publicApiUrl: `${server.baseUrl}/api/v3` });
    const k = klines[server.currentIndex()]!;
    const q = await feed.quote('ETH/USDT');
    expect(q.bid).toBeCloseTo(k.close - 0.005, 8);
    expect(q.ask).toBeCloseTo(k.close + 0.005, 8);
    expect(q.mid).toBeCloseTo(k.close, 8);
    const top = await feed.orderBookTop('ETH/USDT');
    expect(top.mid).toBeCloseTo(k.close, 8);
    const candles = await feed.candles('ETH/USDT', { limit: 30 });
    expect(candles).toHaveLength(30);
    expect(candles.at(-1)).toEqual({
      openTimeMs: k.openTimeMs,
      open: k.open,
      high: k.high,
      low: k.low,
      close: k.close,
      volume: k.volume,
    });
    expect(candles[0]!.openTimeMs).toBe(klines[server.currentIndex() - 29]!.openTimeMs);
  });

  it('ccxt: a 429 with Retry-After is honoured, then the call succeeds; 5xx is retried', async () => {
    const waits: number[] = [];
    const feed = new CcxtFeed({
      publicApiUrl: `${server.baseUrl}/api/v3`,
      backoff: { onRetry: (_e, _a, ms) => waits.push(ms) },
    });
    const before = server.hits.get('/api/v3/ticker/bookTicker') ?? 0;
    server.failNext(1, 429, 1);
    server.failNext(1, 503);
    const t = Date.now();
    const q = await feed.quote('ETH/USDT');
    expect(Date.now() - t).toBeGreaterThanOrEqual(1_000);
    expect(waits).toEqual([1_000, 200]);
    expect(server.hits.get('/api/v3/ticker/bookTicker')).toBe(before + 3);
    expect(q.mid).toBeCloseTo(klines[server.currentIndex()]!.close, 8);
  });

  it('ccxt: 401 and 403 are credentials errors naming the feed, not retried', async () => {
    const feed = new CcxtFeed({ publicApiUrl: `${server.baseUrl}/api/v3`, apiKey: 'SECRET-KEY-XYZ' });
    for (const status of [401, 403]) {
      const before = server.hits.get('/api/v3/klines') ?? 0;
      server.failNext(1, status);
      const err = await feed.candles('ETH/USDT').catch((e: unknown) => e);
      expect(err).toBeInstanceOf(InvalidInputError);
      expect((err as Error).message).toMatch(/^binance: credentials rejected/);
      expect((err as Error).message).not.toContain('SECRET-KEY-XYZ');
      expect(server.hits.get('/api/v3/klines')).toBe(before + 1);
    }
  });

  it('oanda: candles and bid/ask quote from the served data; a wrong token is a clear error', async () => {
    const feed = new OandaFeed({ baseUrl: server.baseUrl, token });
    const k = klines[server.currentIndex()]!;
    const candles = await feed.candles('ETH/USD', { limit: 10 });
    expect(candles).toHaveLength(10);
    expect(candles.at(-1)!.close).toBe(k.close);
    expect(candles.at(-1)!.openTimeMs).toBe(k.openTimeMs);
    const q = await feed.quote('ETH/USD');
    expect(q.mid).toBeCloseTo(k.close, 8);
    const bad = new OandaFeed({ baseUrl: server.baseUrl, token: 'wrong-token-123' });
    const err = await bad.candles('ETH/USD').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InvalidInputError);
    expect((err as Error).message).toBe(
      'oanda: credentials rejected (HTTP 401); check the API key/token in the environment',
    );
  });

  it('oanda: 429 is retried after Retry-After', async () => {
    const feed = new OandaFeed({ baseUrl: server.baseUrl, token });
    server.failNext(2, 429, 0.2);
    const t = Date.now();
    const candles = await feed.candles('ETH/USD', { limit: 3 });
    expect(Date.now() - t).toBeGreaterThanOrEqual(400);
    expect(candles).toHaveLength(3);
  });
});
