/**
 * EIP-1559 fees for a send: the tip is the chain's minimum priority fee (or more when the decider asks for it),
 * and the fee cap leaves room for two full base-fee rises (each block may raise it 12.5%): maxFee = 2 * nextBaseFee
 * + tip. The sender pays baseFee + tip at inclusion, never the cap.
 */
export interface Eip1559Fees {
  maxFeePerGas: bigint;
  maxPriorityFeePerGas: bigint;
}

export interface ChooseFeesOptions {
  nextBaseFeeWei: bigint;
  /** The chain's minimum priority fee, wei (ChainProfile.minPriorityFeeWei). */
  minPriorityFeeWei: bigint;
  /** A tip the decision asked for; never below the minimum. */
  tipWei?: bigint;
}

export function chooseFees({ nextBaseFeeWei, minPriorityFeeWei, tipWei }: ChooseFeesOptions): Eip1559Fees {
  const tip = tipWei !== undefined && tipWei > minPriorityFeeWei ? tipWei : minPriorityFeeWei;
  return { maxPriorityFeePerGas: tip, maxFeePerGas: 2n * nextBaseFeeWei + tip };
}
