/**
 * The price feed a run uses, from its name and the environment: `binance` (ccxt; ARBML_BINANCE_API_URL overrides
 * the REST base, ARBML_BINANCE_API_KEY / ARBML_BINANCE_SECRET for private endpoints) or `oanda`
 * (ARBML_OANDA_API_URL, default the live v20 host; token in ARBML_OANDA_TOKEN). Secrets are passed to the feed and
 * never printed.
 */
import { InvalidInputError } from '../../core/errors.ts';
import { isLoopbackUrl } from '../../core/isLoopbackUrl.ts';
import { CcxtFeed } from './ccxtFeed.ts';
import { OandaFeed } from './oandaFeed.ts';
import type { PriceFeed } from './priceFeed.ts';

export type FeedName = 'binance' | 'oanda';

/** Default symbol of ETH in USD terms on each feed. */
export const DEFAULT_SYMBOL: Readonly<Record<FeedName, string>> = { binance: 'ETH/USDT', oanda: 'ETH/USD' };

/** An exchange base URL from the environment: https, or plain http only to this machine (a token in clear text). */
function baseUrl(name: string, env: NodeJS.ProcessEnv): string | undefined {
  const url = env[name];
  if (url === undefined || url === '') return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new InvalidInputError(`${name} is not a valid URL`);
  }
  if (parsed.protocol === 'https:') return url;
  if (parsed.protocol === 'http:' && isLoopbackUrl(url)) return url;
  throw new InvalidInputError(`${name} must be https:// (plain http:// only to a loopback address)`);
}

export function feedFromEnv(name: string, env: NodeJS.ProcessEnv = process.env): PriceFeed {
  if (name === 'binance') {
    return new CcxtFeed({
      publicApiUrl: baseUrl('ARBML_BINANCE_API_URL', env),
      apiKey: env.ARBML_BINANCE_API_KEY,
      secret: env.ARBML_BINANCE_SECRET,
    });
  }
  if (name === 'oanda') {
    const token = env.ARBML_OANDA_TOKEN;
    if (!token) throw new InvalidInputError('oanda feed needs its API token in ARBML_OANDA_TOKEN');
    return new OandaFeed({ baseUrl: baseUrl('ARBML_OANDA_API_URL', env) ?? 'https://api-fxtrade.oanda.com', token });
  }
  throw new InvalidInputError(`--feed must be binance or oanda, got ${name}`);
}
