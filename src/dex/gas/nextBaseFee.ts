/**
 * EIP-1559 base fee of the next block, exactly as the spec computes it: target = gasLimit / 2; the fee moves by
 * baseFee * |gasUsed - target| / target / 8 (integer divisions in that order), at least 1 wei when going up.
 */
import { InvalidInputError } from '../../core/errors.ts';

export const ELASTICITY_MULTIPLIER = 2n;
export const BASE_FEE_MAX_CHANGE_DENOMINATOR = 8n;

export interface ParentBlock {
  baseFeePerGas: bigint;
  gasUsed: bigint;
  gasLimit: bigint;
}

export function nextBaseFee({ baseFeePerGas, gasUsed, gasLimit }: ParentBlock): bigint {
  if (baseFeePerGas < 0n || gasUsed < 0n || gasLimit <= 0n || gasUsed > gasLimit) {
    throw new InvalidInputError('nextBaseFee: need baseFee >= 0, gasLimit > 0 and 0 <= gasUsed <= gasLimit', {
      meta: { baseFeePerGas, gasUsed, gasLimit },
    });
  }
  const target = gasLimit / ELASTICITY_MULTIPLIER;
  if (target === 0n || gasUsed === target) return baseFeePerGas;
  if (gasUsed > target) {
    const delta = (baseFeePerGas * (gasUsed - target)) / target / BASE_FEE_MAX_CHANGE_DENOMINATOR;
    return baseFeePerGas + (delta > 1n ? delta : 1n);
  }
  const delta = (baseFeePerGas * (target - gasUsed)) / target / BASE_FEE_MAX_CHANGE_DENOMINATOR;
  return baseFeePerGas - delta;
}
