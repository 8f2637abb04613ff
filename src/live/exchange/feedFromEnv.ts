/**
 * The price feed a run uses, from its name and the environment: `binance` (ccxt; ARBML_BINANCE_API_URL overrides
 * the REST base, ARBML_BINANCE_API_KEY / ARBML_BINANCE_SECRET for private endpoints) or `oanda`
 * (ARBML_OANDA_API_URL, default the live v20 host; token in ARBML_OANDA_TOKEN). Secrets are passed to the feed and
 * never printed.
 */
import { InvalidInputError } from '../../core/errors.ts';
import { CcxtFeed } from './ccxtFeed.ts';
import { OandaFeed } from './oandaFeed.ts';
import type { PriceFeed } from './priceFeed.ts';

export type FeedName = 'binance' | 'oanda';

/** Default symbol of ETH in USD terms on each feed. */
export const DEFAULT_SYMBOL: Readonly<Record<FeedName, string>> = { binance: 'ETH/USDT', oanda: 'ETH/USD' };

export function feedFromEnv(name: string, env: NodeJS.ProcessEnv = process.env): PriceFeed {
  if (name === 'binance') {
    return new CcxtFeed({
      publicApiUrl: env.ARBML_BINANCE_API_URL,
      apiKey: env.ARBML_BINANCE_API_KEY,
      secret: env.ARBML_BINANCE_SECRET,
    });
  }
  if (name === 'oanda') {
    const token = env.ARBML_OANDA_TOKEN;
    if (!token) throw new InvalidInputError('oanda feed needs its API token in ARBML_OANDA_TOKEN');
    return new OandaFeed({ baseUrl: env.ARBML_OANDA_API_URL ?? 'https://api-fxtrade.oanda.com', token });
  }
  throw new InvalidInputError(`--feed must be binance or oanda, got ${name}`);
}
