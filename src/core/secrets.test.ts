import { describe, expect, it } from 'vitest';
import { childEnv } from './childEnv.ts';
import { describeError } from './describeError.ts';
import { RetryableIoError } from './errors.ts';
import { isLoopbackUrl } from './isLoopbackUrl.ts';
import { scrubSecrets } from './scrubSecrets.ts';
import { captureEnvSecrets, takePrivateKey } from './secrets.ts';

const KEY = '0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d';
const RPC = 'https://mainnet.infura.io/v3/9aa3d95b3bc440fa88ea12eaa4456161?apikey=Zq8xWv3Lr2';

describe('secrets never reach an output', () => {
  it('captures the environment: every secret registered, the private key moved out of env and not inherited', () => {
    const env: NodeJS.ProcessEnv = {
      ARBML_RPC_URL_ETHEREUM: RPC,
      ARBML_PRIVATE_KEY: KEY,
      ARBML_OANDA_TOKEN: 'oanda-bearer-7f3a9c',
      DATABASE_URL: 'postgres://arb:s3cr3t-pw@db.example:5432/arbml',
      PATH: '/usr/bin',
    };
    captureEnvSecrets(env);
    expect(env.ARBML_PRIVATE_KEY).toBeUndefined();
    expect(takePrivateKey()).toBe(KEY);
    const child = childEnv({ EXTRA: '1' }, env);
    expect(child).toEqual({ PATH: '/usr/bin', EXTRA: '1' });

    const viemLike = `HTTP request failed.\n\nURL: ${RPC}\nRequest body: {"method":"eth_chainId"}\nkey ${KEY.toUpperCase().replace('0X', '0x')} token oanda-bearer-7f3a9c pw s3cr3t-pw`;
    const scrubbed = scrubSecrets(viemLike);
    for (const s of [
      '9aa3d95b3bc440fa88ea12eaa4456161',
      'Zq8xWv3Lr2',
      KEY.slice(2),
      'oanda-bearer-7f3a9c',
      's3cr3t-pw',
    ])
      expect(scrubbed.toLowerCase()).not.toContain(s.toLowerCase());
    expect(scrubbed).toContain('URL: https://mainnet.infura.io/<redacted>');
    // An unknown key in any URL path or query is removed as well.
    expect(scrubSecrets('see https://eth-mainnet.g.alchemy.com/v2/abcUnknownKey42 now')).toBe(
      'see https://eth-mainnet.g.alchemy.com/<redacted> now',
    );
    expect(scrubSecrets('node http://127.0.0.1:8545 up')).toBe('node http://127.0.0.1:8545 up');
    expect(scrubSecrets('metrics at http://127.0.0.1:9464/metrics')).toBe('metrics at http://127.0.0.1:9464/metrics');
    expect(scrubSecrets('rpc http://127.0.0.1:9464/metrics/key123')).toBe('rpc http://127.0.0.1:9464/<redacted>');
  });

  it('describes an error as one scrubbed line with its cause chain', () => {
    const inner = new Error(`fetch failed\n  at http://user:pw@rpc.example/secretpath?k=1`);
    const e = new RetryableIoError('RPC eth_chainId failed', {
      cause: new Error('HTTP request failed', { cause: inner }),
    });
    const line = describeError(e);
    expect(line).not.toContain('\n');
    expect(line).toContain('RPC eth_chainId failed');
    expect(line).toContain('fetch failed');
    expect(line).not.toMatch(/secretpath|user:pw/);
  });

  it('loopback means this machine only', () => {
    expect(['http://127.0.0.1:1', 'http://localhost/x', 'http://[::1]:8545'].map(isLoopbackUrl)).toEqual([
      true,
      true,
      true,
    ]);
    expect(['http://10.0.0.1', 'http://127.0.0.1.evil.example', 'http://0.0.0.0'].map(isLoopbackUrl)).toEqual([
      false,
      false,
      false,
    ]);
  });
});
