/**
 * Opportunity lifetime statistics (blocks from creation to the arbitrage that closed it): the share closed in the
 * same block, within 1, 3 and 10 blocks. Shares rather than quantiles because lifetimes are small integers.
 */
export function lifetimeStats(lifetimes: readonly number[], prefix: string): Record<string, number> {
  const share = (k: number): number => lifetimes.filter((x) => x <= k).length / Math.max(1, lifetimes.length);
  return {
    [`${prefix}.share_0_blocks`]: share(0),
    [`${prefix}.share_le_1_block`]: share(1),
    [`${prefix}.share_le_3_blocks`]: share(3),
    [`${prefix}.share_le_10_blocks`]: share(10),
  };
}
