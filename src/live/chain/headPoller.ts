/**
 * New heads by polling `eth_blockNumber` at a bounded interval (HTTP endpoints have no subscriptions). Transient
 * node failures (refused connections while a node restarts, timeouts) are retried with backoff inside the wait;
 * the wait itself is bounded by a deadline so a run always ends on time.
 */
import { isTransientRpcError, type LivePublicClient } from './chainClient.ts';
import { sleep } from '../retry.ts';

export interface HeadPollerOptions {
  client: LivePublicClient;
  /** Poll interval (default 250 ms; bounded to 20..5,000 ms). */
  intervalMs?: number;
  /** Called on each failed poll (for counters and one-line logs). */
  onError?: (error: unknown, consecutive: number) => void;
}

export class HeadPoller {
  private last = -1n;
  private readonly interval: number;

  constructor(private readonly o: HeadPollerOptions) {
    this.interval = Math.min(5_000, Math.max(20, o.intervalMs ?? 250));
  }

  /** The newest head above the last one returned, or undefined when the deadline (epoch ms, read on every poll) passes first. */
  async next(deadline: () => number): Promise<bigint | undefined> {
    let failures = 0;
    while (Date.now() < deadline()) {
      try {
        const head = await this.o.client.getBlockNumber({ cacheTime: 0 });
        failures = 0;
        if (head > this.last) {
          this.last = head;
          return head;
        }
      } catch (error) {
        if (!isTransientRpcError(error)) throw error;
        failures++;
        this.o.onError?.(error, failures);
        await sleep(Math.min(2_000, this.interval * 2 ** Math.min(failures, 6), Math.max(0, deadline() - Date.now())));
        continue;
      }
      await sleep(Math.min(this.interval, Math.max(0, deadline() - Date.now())));
    }
    return undefined;
  }
}
