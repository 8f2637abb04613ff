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
