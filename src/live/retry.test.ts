import { describe, expect, it } from 'vitest';
import { InvalidInputError, RetryableIoError } from '../core/errors.ts';
import { parseRetryAfter, withBackoff } from './retry.ts';
import { TokenBucket } from './tokenBucket.ts';

describe('backoff and rate limiting', () => {
  it('Retry-After in seconds or as an HTTP date', () => {
    expect(parseRetryAfter('2')).toBe(2_000);
    expect(parseRetryAfter('0.25')).toBe(250);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:10 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(10_000);
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
  });

  it('exponential delays capped, the server delay when given, non-retryable errors at once, bounded attempts', async () => {
    const waits: number[] = [];
    const sleep = async (ms: number): Promise<void> => void waits.push(ms);
    let calls = 0;
    const v = await withBackoff(
      async () => {
        calls++;
        if (calls === 3) throw new RetryableIoError('429', { meta: { retryAfterMs: 1_500 } });
        if (calls < 6) throw new RetryableIoError('503');
        return 'ok';
      },
      { sleep, baseDelayMs: 100, maxDelayMs: 1_000 },
    );
    expect(v).toBe('ok');
    expect(waits).toEqual([100, 200, 1_000, 800, 1_000]);
    await expect(
      withBackoff(
        async () => {
          throw new InvalidInputError('401');
        },
        { sleep },
      ),
    ).rejects.toThrow('401');
    let n = 0;
    await expect(
      withBackoff(
        async () => {
          n++;
          throw new RetryableIoError('down');
        },
        { sleep, attempts: 3 },
      ),
    ).rejects.toThrow('down');
    expect(n).toBe(3);
  });

  it('token bucket: a burst of `capacity`, then one token per 1/rate s', async () => {
    let now = 0;
    const waits: number[] = [];
    const bucket = new TokenBucket({
      ratePerSecond: 4,
      capacity: 2,
      now: () => now,
      sleep: async (ms) => void (waits.push(ms), (now += ms)),
    });
    for (let i = 0; i < 5; i++) await bucket.take();
    expect(waits).toEqual([250, 250, 250]);
    now += 10_000;
    await bucket.take();
    await bucket.take();
    expect(waits).toHaveLength(3);
  });
});
