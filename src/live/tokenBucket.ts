/**
 * A token bucket: `ratePerSecond` requests per second on average, bursts of at most `capacity`. `take()` waits
 * until a token is free, so a feed never sends faster than the exchange allows.
 */
import { InvalidInputError } from '../core/errors.ts';
import { sleep } from './retry.ts';

export interface TokenBucketOptions {
  ratePerSecond: number;
  capacity: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export class TokenBucket {
  private tokens: number;
  private last: number;
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly o: TokenBucketOptions) {
    if (!(o.ratePerSecond > 0) || !(o.capacity >= 1))
      throw new InvalidInputError('token bucket: ratePerSecond must be > 0 and capacity >= 1');
    this.tokens = o.capacity;
    this.last = this.now();
  }

  private now(): number {
    return (this.o.now ?? Date.now)();
  }

  private refill(): void {
    const t = this.now();
    this.tokens = Math.min(this.o.capacity, this.tokens + ((t - this.last) / 1000) * this.o.ratePerSecond);
    this.last = t;
  }

  /** Waits for one token (callers are served in order). */
  take(): Promise<void> {
    const next = this.queue.then(async () => {
      this.refill();
      if (this.tokens < 1) {
        await (this.o.sleep ?? sleep)(((1 - this.tokens) / this.o.ratePerSecond) * 1000);
        this.refill();
      }
      this.tokens -= 1;
    });
    this.queue = next;
    return next;
  }
}
