/**
 * Opens the store for a ledger writer, waiting for the database when it is unreachable (an outage at start is like
 * an outage later: the bus holds the messages meanwhile). Other errors (bad configuration) are thrown at once.
 */
import type { ArbmlConfig } from '../core/config.ts';
import { RetryableIoError } from '../core/errors.ts';
import { openStore, type Store } from '../store/openStore.ts';

export interface OpenStoreWhenReachableOptions {
  config: ArbmlConfig;
  signal: AbortSignal;
  log: (line: string) => void;
  /** Pause between attempts (default 1 s). */
  retryMs?: number;
}

/** The store, or undefined when the signal aborted before the database came back. */
export async function openStoreWhenReachable({
  config,
  signal,
  log,
  retryMs = 1_000,
}: OpenStoreWhenReachableOptions): Promise<Store | undefined> {
  for (let attempt = 0; !signal.aborted; attempt++) {
    try {
      return await openStore(config, { max: 2 });
    } catch (err) {
      if (!(err instanceof RetryableIoError)) throw err;
      if (attempt === 0) log(`ledger: waiting for the database (${err.message})`);
      await new Promise((r) => setTimeout(r, retryMs));
    }
  }
  return undefined;
}
