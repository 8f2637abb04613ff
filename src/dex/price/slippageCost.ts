/**
 * The cost of a slippage of `bps` on a quoted output, in the output token's base units, resolved to 1/100 bps:
 * ceil(output * round(bps * 100) / 1e6). A positive slippage is rounded up (a cost is never understated); a
 * negative one (price improvement) is truncated toward zero (a gain is never overstated).
 */
import { InvalidInputError } from '../../core/errors.ts';

export function slippageCost(quotedOutput: bigint, bps: number): bigint {
  if (!Number.isFinite(bps)) throw new InvalidInputError(`slippage ${bps} bps is not a finite number`);
  const num = quotedOutput * BigInt(Math.round(bps * 100));
  const q = num / 1_000_000n;
  return num > 0n && num % 1_000_000n !== 0n ? q + 1n : q;
}
