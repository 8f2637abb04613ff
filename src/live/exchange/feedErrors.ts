/**
 * How a feed reacts to an HTTP status: 401/403 are bad credentials (InvalidInputError naming the feed, never the
 * key: retrying cannot help); 429 and 5xx are retryable, with the server's Retry-After when it sent one.
 */
import { InvalidInputError, RetryableIoError } from '../../core/errors.ts';
import { parseRetryAfter } from '../retry.ts';

export function credentialsError(feed: string, status: number): InvalidInputError {
  return new InvalidInputError(
    `${feed}: credentials rejected (HTTP ${status}); check the API key/token in the environment`,
    { meta: { feed, status } },
  );
}

export function statusError(feed: string, what: string, status: number, retryAfter?: string | null): Error {
  if (status === 401 || status === 403) return credentialsError(feed, status);
  if (status === 429 || status >= 500) {
    return new RetryableIoError(`${feed}: ${what} answered HTTP ${status}`, {
      meta: { feed, status, retryAfterMs: parseRetryAfter(retryAfter) },
    });
  }
  return new InvalidInputError(`${feed}: ${what} answered HTTP ${status}`, { meta: { feed, status } });
}
