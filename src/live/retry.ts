/**
 * Retries with exponential backoff for the live adapters (RPC node, exchange REST). Only errors the caller marks
 * retryable are retried; a server's Retry-After (in the error's `retryAfterMs`) is honoured instead of the
 * computed delay. Every wait is bounded by `maxDelayMs`, every call by `attempts`.
 */
import { RetryableIoError } from '../core/errors.ts';

export interface BackoffOptions {
  /** Total tries including the first (default 6). */
  attempts?: number;
  /** First delay, doubled each retry (default 100 ms). */
  baseDelayMs?: number;
  /** Cap of one delay (default 5,000 ms). */
  maxDelayMs?: number;
  /** Default: RetryableIoError only. */
  retryable?: (error: unknown) => boolean;
  /** Called before each wait (for logs and counters). */
  onRetry?: (error: unknown, attempt: number, delayMs: number) => void;
  sleep?: (ms: number) => Promise<void>;
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Delay a server asked for (seconds or an HTTP date), in ms; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, nowMs = Date.now()): number | undefined {
  if (value === null || value === undefined || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isFinite(at) ? Math.max(0, at - nowMs) : undefined;
}

function retryAfterOf(error: unknown): number | undefined {
  const meta = error instanceof RetryableIoError ? (error.meta as { retryAfterMs?: unknown } | undefined) : undefined;
  return typeof meta?.retryAfterMs === 'number' ? meta.retryAfterMs : undefined;
}

export async function withBackoff<T>(fn: (attempt: number) => Promise<T>, o: BackoffOptions = {}): Promise<T> {
  const attempts = o.attempts ?? 6;
  const base = o.baseDelayMs ?? 100;
  const max = o.maxDelayMs ?? 5_000;
  const retryable = o.retryable ?? ((e: unknown) => e instanceof RetryableIoError);
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (error) {
      if (attempt >= attempts || !retryable(error)) throw error;
      const delay = Math.min(max, retryAfterOf(error) ?? base * 2 ** (attempt - 1));
      o.onRetry?.(error, attempt, delay);
      await (o.sleep ?? sleep)(delay);
    }
  }
}
