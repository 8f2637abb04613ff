import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../core/errors.ts';
import { feedFromEnv } from './feedFromEnv.ts';

describe('exchange base URLs from the environment', () => {
  it('https anywhere, plain http only on loopback (a token in clear text never leaves the machine)', () => {
    expect(feedFromEnv('binance', { ARBML_BINANCE_API_URL: 'https://api.binance.com/api/v3' }).name).toBe('binance');
    expect(feedFromEnv('binance', { ARBML_BINANCE_API_URL: 'http://127.0.0.1:9000/api/v3' }).name).toBe('binance');
    expect(
      feedFromEnv('oanda', { ARBML_OANDA_API_URL: 'http://localhost:9000', ARBML_OANDA_TOKEN: 't0ken-123456' }).name,
    ).toBe('oanda');
    for (const env of [
      { ARBML_BINANCE_API_URL: 'http://api.binance.com/api/v3' },
      { ARBML_OANDA_API_URL: 'http://api-fxtrade.oanda.com', ARBML_OANDA_TOKEN: 't0ken-123456' },
      { ARBML_OANDA_API_URL: 'ftp://127.0.0.1', ARBML_OANDA_TOKEN: 't0ken-123456' },
    ]) {
      const name = 'ARBML_BINANCE_API_URL' in env ? 'binance' : 'oanda';
      expect(() => feedFromEnv(name, env)).toThrow(InvalidInputError);
      expect(() => feedFromEnv(name, env)).toThrow(/must be https:\/\/ \(plain http:\/\/ only to a loopback address\)/);
    }
  });
});
