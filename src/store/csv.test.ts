import { describe, expect, it } from 'vitest';
import { csvChunks, fieldEncoder } from './csv.ts';
import type { ColumnKind } from './tableMeta.ts';

const enc = (kind: ColumnKind, notNull = false, type = kind as string) =>
  fieldEncoder({ name: 'c', type, kind, notNull });

describe('fieldEncoder', () => {
  it('encodes each kind of value the way PostgreSQL CSV COPY reads it', () => {
    expect(enc('text')(null)).toBe('');
    expect(enc('text')('')).toBe('""');
    expect(enc('text')('plain')).toBe('plain');
    expect(enc('text')('a,"b"\nc')).toBe('"a,""b""\nc"');
    expect(enc('integer')(2n ** 200n)).toBe('1606938044258990275541962092341162602522202993782792835301376');
    expect(enc('integer')('-123')).toBe('-123');
    expect(enc('decimal')(-0.125)).toBe('-0.125');
    expect(enc('decimal')('0.050000000000000001')).toBe('0.050000000000000001');
    expect(enc('boolean')(true)).toBe('t');
    expect(enc('timestamp')(new Date(Date.UTC(2021, 10, 26)))).toBe('2021-11-26T00:00:00.000Z');
    expect(enc('json')({ a: [1, 'x"y'], b: 5n })).toBe('"{""a"":[1,""x\\""y""],""b"":""5""}"');
  });

  it('refuses every value COPY would reject, naming the column', () => {
    expect(() => enc('float')(Number.NaN)).toThrow(/column c: expected a finite number/);
    expect(() => enc('decimal')(Infinity)).toThrow(/finite/);
    expect(() => enc('decimal')('12abc')).toThrow(/expected a finite number or decimal string/);
    expect(() => enc('integer')(1.5)).toThrow(/expected an integer/);
    expect(() => enc('integer')('1e3')).toThrow(/expected an integer/);
    expect(() => enc('text')('a\0b')).toThrow(/NUL character/);
    expect(() => enc('text')(5)).toThrow(/expected a string, got number 5/);
    expect(() => enc('boolean')('t')).toThrow(/expected a boolean/);
    expect(() => enc('timestamp')(new Date(Number.NaN))).toThrow(/valid Date/);
    expect(() => enc('text', true)(null)).toThrow(/column c: NULL in a NOT NULL column/);
  });

  it('chunks rows into whole lines and names the row of a bad value', () => {
    const encoders = [enc('integer'), enc('text')];
    const rows = Array.from({ length: 1000 }, (_, i) => [i, `r${i}`]);
    const chunks = [...csvChunks(rows, encoders, 1000)];
    expect(chunks.length).toBeGreaterThan(5);
    expect(chunks.every((c) => c.endsWith('\n'))).toBe(true);
    expect(chunks.join('').split('\n')[999]).toBe('999,r999');
    expect(() => [
      ...csvChunks(
        [
          [1, 'a'],
          [2, 3],
        ],
        encoders,
      ),
    ]).toThrow(/row 1: column c: expected a string/);
  });
});
