/**
 * The fees a trade may pay under the run's limits. The tip is the decision's (or the chain minimum) capped by
 * `maxPriorityFeeGwei` and, above the chain minimum, by `maxBidShare` of the trade's expected profit spread over its
 * gas; the fee cap is 2 x next base fee + tip capped by `maxFeePerGasGwei`. When the capped fee could not pay the
 * next block's base fee plus the tip the trade is refused (it could not be included within the limits).
 */
import type { Eip1559Fees } from '../chain/feeChoice.ts';
import type { LiveLimits } from './liveLimits.ts';

export interface CapFeesOptions {
  fees: Eip1559Fees;
  nextBaseFeeWei: bigint;
  minPriorityFeeWei: bigint;
  limits: LiveLimits;
  /** Gas units the trade is expected to use. */
  gasUnits: bigint;
  /** Expected profit before gas, native wei. */
  expectedProfitWei: bigint;
}

export const gweiToWei = (gwei: number): bigint => BigInt(Math.round(gwei * 1e9));

export function capFees(o: CapFeesOptions): { fees: Eip1559Fees } | { refused: string } {
  const maxTip = gweiToWei(o.limits.maxPriorityFeeGwei);
  const bidShareBps = BigInt(Math.round(o.limits.maxBidShare * 10_000));
  const bidTip =
    o.gasUnits > 0n && o.expectedProfitWei > 0n ? (o.expectedProfitWei * bidShareBps) / 10_000n / o.gasUnits : 0n;
  const bidCap = bidTip > o.minPriorityFeeWei ? bidTip : o.minPriorityFeeWei;
  let tip = o.fees.maxPriorityFeePerGas;
  if (tip > bidCap) tip = bidCap;
  if (tip > maxTip) tip = maxTip;
  const cap = gweiToWei(o.limits.maxFeePerGasGwei);
  const wanted = 2n * o.nextBaseFeeWei + tip;
  const maxFee = wanted < cap ? wanted : cap;
  if (maxFee < o.nextBaseFeeWei + tip)
    return {
      refused: `next base fee ${o.nextBaseFeeWei} wei + tip ${tip} wei is above --max-fee-per-gas-gwei ${o.limits.maxFeePerGasGwei}`,
    };
  return { fees: { maxFeePerGas: maxFee, maxPriorityFeePerGas: tip } };
}
