import { describe, expect, it } from 'vitest';
import {
  ArbmlError,
  InvalidInputError,
  InvariantError,
  RetryableIoError,
  asArbmlError,
  exitCodeOf,
  invariant,
  oneLine,
  redactUrls,
} from './errors.ts';

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
    const err = new InvalidInputError('bad row', {
      details: 'gas.csv:12: NaN in min_gas_price',
      cause: new Error('x'),
    });
    expect(err.message).toBe('bad row\nDetails: gas.csv:12: NaN in min_gas_price');
  });

  it('invariant throws only when the condition fails', () => {
    expect(() => invariant(1 + 1 === 2, 'math')).not.toThrow();
    expect(() => invariant(false, 'reserves must be positive', { reserve0: 0n })).toThrow(InvariantError);
  });
});

describe('exit codes', () => {
  it('maps bad input to 2, an unavailable service to 3, a bug or anything else to 1', () => {
    expect(exitCodeOf(new InvalidInputError('bad flag'))).toBe(2);
    expect(exitCodeOf(new RetryableIoError('db down'))).toBe(3);
    expect(exitCodeOf(new InvariantError('broken'))).toBe(1);
    expect(exitCodeOf(new ArbmlError('unclassified'))).toBe(1);
    expect(exitCodeOf(new Error('plain'))).toBe(1);
    expect(exitCodeOf('a string')).toBe(1);
  });

  it('classifies Node errors at the boundary: a named file is input, a refused connection a service', () => {
    const missing = Object.assign(new Error("ENOENT: no such file or directory, open 'x.csv'"), {
      code: 'ENOENT',
      path: 'x.csv',
    });
    const file = asArbmlError(missing);
    expect(file).toBeInstanceOf(InvalidInputError);
    expect(oneLine(file)).toBe("cannot open x.csv (ENOENT: no such file or directory, open 'x.csv')");
    const refused = asArbmlError(
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }),
    );
    expect(refused).toBeInstanceOf(RetryableIoError);
    expect(exitCodeOf(refused)).toBe(3);
    const bug = asArbmlError(new TypeError('x is undefined'));
    expect(bug).toBeInstanceOf(InvariantError);
    expect(bug.shortMessage).toBe('unexpected error: x is undefined');
    const typed = new InvalidInputError('kept');
    expect(asArbmlError(typed)).toBe(typed);
  });

  it('prints one line: short message and details, newlines folded', () => {
    expect(oneLine(new InvalidInputError('bad row', { details: 'gas.csv:12:\n  NaN' }))).toBe(
      'bad row (gas.csv:12: NaN)',
    );
    expect(oneLine(new RetryableIoError('db down'))).toBe('db down');
  });
});

describe('no secret in the line', () => {
  it('cuts every URL to scheme://host:port', () => {
    expect(redactUrls('at https://eth.example.com/v2/k3y?x=1 and postgres://arb:pw@db.local:5432/prod.')).toBe(
      'at https://eth.example.com and postgres://db.local:5432',
    );
    expect(redactUrls('no url here')).toBe('no url here');
  });

  it('oneLine keeps the host of an RPC error but not the key in its path', () => {
    const cause = new Error('HTTP request failed.\nURL: https://eth-mainnet.example.com/v2/SECRETKEY\nStatus: 429');
    const line = oneLine(new RetryableIoError('RPC eth_blockNumber failed', { cause }));
    expect(line).toBe(
      'RPC eth_blockNumber failed (HTTP request failed. URL: https://eth-mainnet.example.com Status: 429)',
    );
    expect(line).not.toContain('SECRETKEY');
  });
});
