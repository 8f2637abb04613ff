import { describe, expect, it } from 'vitest';
import { ArbmlError, InvalidInputError, InvariantError, RetryableIoError, invariant } from './errors.ts';

describe('ArbmlError', () => {
  it('keeps the short message, details and cause', () => {
    const cause = new Error('socket hang up');
    const err = new RetryableIoError('database unreachable', { cause });
    expect(err).toBeInstanceOf(ArbmlError);
    expect(err.shortMessage).toBe('database unreachable');
    expect(err.details).toBe('socket hang up');
    expect(err.message).toBe('database unreachable\nDetails: socket hang up');
    expect(err.cause).toBe(cause);
    expect(err.name).toBe('RetryableIoError');
  });

  it('prefers explicit details over the cause text', () => {
    const err = new InvalidInputError('bad row', { details: 'gas.csv:12: NaN in min_gas_price', cause: new Error('x') });
    expect(err.message).toBe('bad row\nDetails: gas.csv:12: NaN in min_gas_price');
  });

  it('invariant throws only when the condition fails', () => {
    expect(() => invariant(1 + 1 === 2, 'math')).not.toThrow();
    expect(() => invariant(false, 'reserves must be positive', { reserve0: 0n })).toThrow(InvariantError);
  });
});
