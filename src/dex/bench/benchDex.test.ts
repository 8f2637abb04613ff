import { describe, expect, it } from 'vitest';
import { benchDex } from './benchDex.ts';

describe('benchDex (correctness only; speed is reported by arbml bench dex)', () => {
  it('screens, confirms and ranks a small seeded set consistently', () => {
    const r = benchDex({ seed: 3, pools: 300, routes: 3000, confirm: 60, v3Swaps: 50, passes: 1 });
    expect(r.routes).toBe(3000);
    expect(r.confirmed).toBe(60);
    expect(r.top_routes_overlap).toBe(10);
    expect(r.top_routes_match).toBe(true);
  });
});
