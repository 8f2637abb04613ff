/**
 * One error base for the whole project, in the style of viem's BaseError: a short message a person can act on,
 * optional details, and the underlying cause. Subclasses say how a caller must react.
 */
export interface ArbmlErrorOptions {
  details?: string;
  cause?: unknown;
  meta?: Record<string, unknown>;
}

export class ArbmlError extends Error {
  override name = 'ArbmlError';
  readonly shortMessage: string;
  readonly details?: string;
  readonly meta?: Record<string, unknown>;

  constructor(shortMessage: string, options: ArbmlErrorOptions = {}) {
    const causeText = options.cause instanceof Error ? options.cause.message : undefined;
    const parts = [shortMessage];
    if (options.details) parts.push(`Details: ${options.details}`);
    else if (causeText) parts.push(`Details: ${causeText}`);
    super(parts.join('\n'), { cause: options.cause });
    this.shortMessage = shortMessage;
    this.details = options.details ?? causeText;
    this.meta = options.meta;
  }
}

/** The caller gave something invalid (a flag, a config value, a file row). Fix the input; retrying will not help. */
export class InvalidInputError extends ArbmlError {
  override name = 'InvalidInputError';
}

/** An I/O operation failed in a way that may succeed later (database down, RPC timeout, HTTP 429/5xx). */
export class RetryableIoError extends ArbmlError {
  override name = 'RetryableIoError';
}

/** Something that must always hold did not: a bug, or state that cannot be trusted. Stop and report. */
export class InvariantError extends ArbmlError {
  override name = 'InvariantError';
}

/** Throws an InvariantError when the condition is false. */
export function invariant(condition: unknown, message: string, meta?: Record<string, unknown>): asserts condition {
  if (!condition) throw new InvariantError(message, { meta });
}

/**
 * The process exit code of a failure, the CLI's contract (README, "Exit codes"): 2 bad input, 3 a service that is
 * unavailable now (retry later), 1 a bug or anything not classified.
 */
export function exitCodeOf(error: unknown): 1 | 2 | 3 {
  if (error instanceof InvalidInputError) return 2;
  if (error instanceof RetryableIoError) return 3;
  return 1;
}

const FILE_CODES = new Set(['ENOENT', 'EACCES', 'EISDIR', 'ENOTDIR', 'EPERM']);
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * Classifies a failure that is not yet an ArbmlError at the CLI boundary: a Node file error on a path (a file the
 * user named) is bad input, a refused or timed-out connection is a service unavailable, anything else a bug.
 */
export function asArbmlError(error: unknown): ArbmlError {
  if (error instanceof ArbmlError) return error;
  const e = error as { code?: unknown; path?: unknown; message?: unknown } | null;
  const code = typeof e?.code === 'string' ? e.code : undefined;
  if (code && FILE_CODES.has(code) && typeof e?.path === 'string')
    return new InvalidInputError(`cannot open ${e.path}`, { cause: error });
  if (code && NETWORK_CODES.has(code)) return new RetryableIoError(`service unavailable (${code})`, { cause: error });
  const text = error instanceof Error ? error.message : String(error);
  return new InvariantError(`unexpected error: ${text}`, {
    cause: error,
    details: 'a bug; run with --verbose for the stack',
  });
}

/**
 * Every URL in a text cut to scheme://host:port: user, password, path and query go (an RPC URL's path often holds
 * its API key, and a library's message may quote the URL it called).
 */
export function redactUrls(text: string): string {
  return text.replace(/\b([a-z][a-z0-9+.-]*):\/\/(?:[^\s/@]*@)?([^\s/?#@]+)[^\s]*/gi, '$1://$2');
}

/** One line for a person: the short message and its details, no stack, no URL beyond its host. */
export function oneLine(error: ArbmlError): string {
  const text = error.details ? `${error.shortMessage} (${error.details})` : error.shortMessage;
  return redactUrls(text.replace(/\s*\n\s*/g, ' '));
}
