/**
 * A loopback exchange for the live tests (node:http on 127.0.0.1, random port): answers Binance's spot REST calls
 * as ccxt makes them (`/api/v3/ticker/bookTicker`, `/api/v3/depth`, `/api/v3/klines`) and OANDA v20 candles
 * (`/v3/instruments/{instrument}/candles`, Bearer token checked), all built from one real kline file. It replays the
 * file from `startIndex`, one kline per `minuteMs` of wall time; the book is the current kline's close +- half a
 * cent. Every quote served is recorded (tests compare the runner's prices with them), and `failNext` injects
 * HTTP errors (429 with Retry-After, 5xx, 401) for the fault tests.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Kline } from '../../market/files/readKlines.ts';

export interface ExchangeServerOptions {
  klines: readonly Kline[];
  startIndex?: number;
  /** Wall-clock ms per replayed kline (default 60,000: real time). */
  minuteMs?: number;
  oandaToken: string;
  /** Half the bid-ask spread, quote units (default 0.005). */
  halfSpread?: number;
}

export interface ServedQuote {
  path: string;
  bid: number;
  ask: number;
  openTimeMs: number;
}

export interface ExchangeServer {
  readonly baseUrl: string;
  /** Quotes served so far. */
  readonly served: readonly ServedQuote[];
  /** Requests received per path (including failed ones). */
  readonly hits: ReadonlyMap<string, number>;
  /** The next `count` requests answer `status` (with Retry-After seconds when given). */
  failNext(count: number, status: number, retryAfterSeconds?: number): void;
  /** Index of the kline served now. */
  currentIndex(): number;
  close(): Promise<void>;
}

const round = (x: number): number => Math.round(x * 1e8) / 1e8;

export async function startExchangeServer(o: ExchangeServerOptions): Promise<ExchangeServer> {
  const t0 = Date.now();
  const start = o.startIndex ?? 60;
  const minuteMs = o.minuteMs ?? 60_000;
  const half = o.halfSpread ?? 0.005;
  const served: ServedQuote[] = [];
  const hits = new Map<string, number>();
  const faults: { status: number; retryAfter?: number }[] = [];
  const currentIndex = (): number => Math.min(o.klines.length - 1, start + Math.floor((Date.now() - t0) / minuteMs));
  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };
  const book = (path: string): { bid: number; ask: number; k: Kline } => {
    const k = o.klines[currentIndex()]!;
    const q = { bid: round(k.close - half), ask: round(k.close + half), k };
    served.push({ path, bid: q.bid, ask: q.ask, openTimeMs: k.openTimeMs });
    return q;
  };
  const recent = (limit: number, stepMinutes: number): Kline[] => {
    const end = currentIndex();
    const out: Kline[] = [];
    for (let i = end - (limit - 1) * stepMinutes; i <= end; i += stepMinutes) if (i >= 0) out.push(o.klines[i]!);
    return out;
  };
  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    hits.set(url.pathname, (hits.get(url.pathname) ?? 0) + 1);
    const fault = faults.shift();
    if (fault)
      return send(
        res,
        fault.status,
        { code: -1003, msg: 'injected fault' },
        fault.retryAfter !== undefined ? { 'retry-after': String(fault.retryAfter) } : {},
      );
    const q = url.searchParams;
    const limit = Math.max(1, Math.min(1000, Number(q.get('limit') ?? q.get('count') ?? 60)));
    if (url.pathname === '/api/v3/ticker/bookTicker') {
      const b = book(url.pathname);
      return send(res, 200, {
        symbol: q.get('symbol'),
        bidPrice: String(b.bid),
        bidQty: '10.0',
        askPrice: String(b.ask),
        askQty: '10.0',
      });
    }
    if (url.pathname === '/api/v3/depth') {
      const b = book(url.pathname);
      return send(res, 200, {
        lastUpdateId: currentIndex(),
        bids: [[String(b.bid), '10.0']],
        asks: [[String(b.ask), '10.0']],
      });
    }
    if (url.pathname === '/api/v3/klines') {
      const step = q.get('interval') === '5m' ? 5 : 1;
      return send(
        res,
        200,
        recent(limit, step).map((k) => [
          k.openTimeMs,
          String(k.open),
          String(k.high),
          String(k.low),
          String(k.close),
          String(k.volume),
          k.openTimeMs + step * 60_000 - 1,
        ]),
      );
    }
    const oanda = /^\/v3\/instruments\/([A-Z_]+)\/candles$/.exec(url.pathname);
    if (oanda) {
      if (req.headers.authorization !== `Bearer ${o.oandaToken}`)
        return send(res, 401, { errorMessage: 'Insufficient authorization to perform request.' });
      const step = q.get('granularity') === 'M5' ? 5 : 1;
      const ba = (q.get('price') ?? 'M').includes('B');
      const candles = recent(limit, step).map((k) => {
        const c: Record<string, unknown> = {
          complete: true,
          volume: Math.round(k.volume),
          time: new Date(k.openTimeMs).toISOString(),
        };
        if (ba) {
          const b = book(url.pathname);
          c.bid = { o: String(b.bid), h: String(b.bid), l: String(b.bid), c: String(b.bid) };
          c.ask = { o: String(b.ask), h: String(b.ask), l: String(b.ask), c: String(b.ask) };
        } else c.mid = { o: String(k.open), h: String(k.high), l: String(k.low), c: String(k.close) };
        return c;
      });
      return send(res, 200, {
        instrument: oanda[1],
        granularity: step === 5 ? 'M5' : 'M1',
        candles: ba ? candles.slice(-1) : candles,
      });
    }
    send(res, 404, { msg: `no route ${url.pathname}` });
  };
  const server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    served,
    hits,
    failNext: (count, status, retryAfter) => {
      for (let i = 0; i < count; i++) faults.push({ status, retryAfter });
    },
    currentIndex,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
