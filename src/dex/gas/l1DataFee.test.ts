import { describe, expect, it } from 'vitest';
import { chainProfile } from './chainProfiles.ts';
import { l1DataFee, l1DataGasUnits } from './l1DataFee.ts';

const v3 = { pool: { kind: 'v3' as const } };

describe('l1DataFee (Arbitrum: L1 price per byte * compressed bytes)', () => {
  it('charges arbitrum per compressed byte of the route, and nothing on ethereum or polygon', () => {
    const arbitrum = chainProfile('arbitrum');
    // (120 + 3 * 40) bytes * 2 gwei per byte.
    expect(l1DataFee({ profile: arbitrum, route: { hops: [v3, v3, v3] } })).toBe(240n * 2_000_000_000n);
    expect(l1DataFee({ profile: arbitrum, route: { hops: [v3, v3] }, pricePerByteWei: 5n })).toBe(200n * 5n);
    expect(l1DataFee({ profile: chainProfile('ethereum'), route: { hops: [v3, v3] } })).toBe(0n);
    expect(l1DataFee({ profile: chainProfile('polygon'), route: { hops: [v3, v3] } })).toBe(0n);
  });

  it('converts the L1 cost to extra L2 gas units, rounded up', () => {
    expect(l1DataGasUnits(1_000n, 300n)).toBe(4n);
    expect(l1DataGasUnits(900n, 300n)).toBe(3n);
    expect(() => l1DataGasUnits(1n, 0n)).toThrow(/L2 gas price/);
  });

  it('gives arbitrum 0.25 s blocks and first-come-first-served ordering', () => {
    expect(chainProfile('arbitrum').blockTimeSeconds).toBe(0.25);
    expect(chainProfile('arbitrum').ordering).toBe('first-come-first-served');
    expect(chainProfile('ethereum').ordering).toBe('builder-auction');
  });
});
