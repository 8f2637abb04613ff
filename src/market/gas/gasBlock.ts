/**
 * What a chain's gas looks like at one block: the base fee (exact EIP-1559), the typical tip on top of it, the
 * smallest tip included, and the block's utilisation. Both the simulator and the replay produce these.
 */
export interface GasBlock {
  baseFeeWei: bigint;
  /** Typical (average) priority fee paid in the block, wei. */
  priorityFeeWei: bigint;
  /** Smallest priority fee included in the block, wei. */
  minPriorityFeeWei: bigint;
  /** gasUsed / gasLimit of the block. */
  utilisation: number;
}

export interface GasSource {
  /** Gas of the block at this time; called once per block in time order. */
  next(timeMs: number): GasBlock;
}

export const GWEI = 1_000_000_000;

export function gweiToWei(gwei: number): bigint {
  return BigInt(Math.max(0, Math.round(gwei * GWEI)));
}
