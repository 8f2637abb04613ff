import { describe, expect, it } from 'vitest';
import { binMatrix } from './binMatrix.ts';
import { histogramCuts, searchBin } from './histogramCuts.ts';
import { sketchLimitSize } from './quantileSketch.ts';

describe('histogramCuts (XGBoost hist cut points)', () => {
  it('uses every distinct value but the first as a cut when there are fewer than max_bin, plus one above all', () => {
    const data = Float32Array.from([3, 1, 2, 10, 4, 5, 6, 7, 8, 9]);
    const cuts = histogramCuts({ matrix: { data, rows: 10, cols: 1 } });
    expect(Array.from(cuts.values)).toEqual([
      2,
      3,
      4,
      5,
      6,
      7,
      8,
      9,
      10,
      Math.fround(10 + Math.fround(10 + Math.fround(1e-5))),
    ]);
    expect(cuts.minValues[0]).toBe(Math.fround(-1e-5));
    expect(searchBin(cuts, 0, 1)).toBe(0);
    expect(searchBin(cuts, 0, 2)).toBe(1);
    expect(searchBin(cuts, 0, 9.5)).toBe(8);
    expect(searchBin(cuts, 0, 1e9)).toBe(9);
  });

  it('keeps at most max_bin strictly increasing cuts per feature on large data and ignores NaN', () => {
    const rows = 50_000;
    const data = new Float32Array(rows * 2);
    for (let r = 0; r < rows; r++) {
      data[2 * r] = (Math.sin(r * 12.9898) * 43758.5453) % 1;
      data[2 * r + 1] = r % 7 === 0 ? NaN : r % 3;
    }
    const cuts = histogramCuts({ matrix: { data, rows, cols: 2 }, maxBin: 256 });
    const f0 = Array.from(cuts.values.subarray(cuts.ptrs[0], cuts.ptrs[1]));
    expect(f0.length).toBeLessThanOrEqual(256);
    expect(f0.length).toBeGreaterThan(200);
    for (let i = 1; i < f0.length; i++) expect(f0[i]).toBeGreaterThan(f0[i - 1]);
    expect(Array.from(cuts.values.subarray(cuts.ptrs[1], cuts.ptrs[2]))).toEqual([
      1,
      2,
      Math.fround(2 + Math.fround(2 + Math.fround(1e-5))),
    ]);
    const bins = binMatrix({ matrix: { data, rows, cols: 2 }, cuts });
    expect(bins.hasMissing).toBe(true);
    expect(bins.bins[1]).toBe(3); // row 0, feature 1 is NaN: its missing code is the bin count
    expect(bins.bins[3]).toBe(1); // row 1, feature 1 = 1
  });

  it('sizes sketch levels like XGBoost LimitSizeLevel', () => {
    expect(sketchLimitSize(80_000, 1 / 2048)).toBe(8193);
    expect(sketchLimitSize(10, 1 / 80)).toBe(10);
    expect(sketchLimitSize(3000, 1 / 2048)).toBe(2049);
  });
});
