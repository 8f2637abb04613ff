import { describe, expect, it } from 'vitest';
import { benchScan } from './benchScan.ts';

describe('benchScan (correctness only; speed is reported by arbml bench scan)', () => {
  it('reports exactly the contract fields, with the same cycles for the same seed', () => {
    const a = benchScan({ seed: 2, pools: 120, blocks: 30, quotes: 2000 });
    const b = benchScan({ seed: 2, pools: 120, blocks: 30, quotes: 2000 });
    expect(Object.keys(a).sort()).toEqual(['cycles_per_block', 'p50_ms', 'p99_ms', 'pools', 'v3_quotes_per_s']);
    expect(a.pools).toBe(120);
    expect(a.cycles_per_block).toBe(b.cycles_per_block);
    expect(a.cycles_per_block).toBeGreaterThan(0);
    expect(a.p99_ms).toBeGreaterThanOrEqual(a.p50_ms);
    expect(a.v3_quotes_per_s).toBeGreaterThan(0);
  });
});
