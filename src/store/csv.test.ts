import { describe, expect, it } from 'vitest';
import { csvField, csvLine } from './csv.ts';

describe('csvField', () => {
  it('encodes each kind of value the way PostgreSQL CSV COPY reads it', () => {
    expect(csvField(null, 'c')).toBe('');
    expect(csvField('', 'c')).toBe('""');
    expect(csvField('plain', 'c')).toBe('plain');
    expect(csvField('a,"b"\nc', 'c')).toBe('"a,""b""\nc"');
    expect(csvField(2n ** 200n, 'c')).toBe('1606938044258990275541962092341162602522202993782792835301376');
    expect(csvField(-0.125, 'c')).toBe('-0.125');
    expect(csvField(true, 'c')).toBe('t');
    expect(csvField(new Date(Date.UTC(2021, 10, 26)), 'c')).toBe('2021-11-26T00:00:00.000Z');
    expect(csvField({ a: [1, 'x"y'], b: 5n }, 'c')).toBe('"{""a"":[1,""x\\""y""],""b"":""5""}"');
    expect(csvLine([1, null, 'x'], ['a', 'b', 'c'])).toBe('1,,x\n');
  });

  it('refuses values COPY would reject or that are not numbers', () => {
    expect(() => csvField(Number.NaN, 'edge_bps')).toThrow(/edge_bps: non-finite number NaN/);
    expect(() => csvField(Infinity, 'x')).toThrow(/non-finite/);
    expect(() => csvField('a\0b', 'symbol')).toThrow(/symbol: text contains a NUL/);
  });
});
