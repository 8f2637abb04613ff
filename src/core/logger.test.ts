import { describe, expect, it } from 'vitest';
import { createLogger, LOG_LEVELS, type LogLevel } from './logger.ts';

function linesAt(level: LogLevel): string[] {
  const lines: string[] = [];
  const log = createLogger({ level, write: (l) => lines.push(l) });
  for (const l of LOG_LEVELS) log[l](l);
  return lines;
}

describe('createLogger', () => {
  it('writes a line only at or above its level', () => {
    expect(linesAt('error')).toEqual(['error']);
    expect(linesAt('warn')).toEqual(['error', 'warn']);
    expect(linesAt('info')).toEqual(['error', 'warn', 'info']);
    expect(linesAt('debug')).toEqual(['error', 'warn', 'info', 'debug']);
  });

  it('reports its level', () => {
    expect(createLogger({ level: 'warn', write: () => {} }).level).toBe('warn');
  });
});
