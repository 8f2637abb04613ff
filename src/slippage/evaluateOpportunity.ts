/**
 * The execute decision of the seed's Phase 3: net = gross - predicted slippage cost - gas cost - flash fee, taken
 * when net > min profit. Amounts are bigint base units of one token (the profit token); the slippage cost is
 * the predicted bps of the quoted output, rounded up (never understated). Without a model the caller passes
 * the heuristic's 50 bps (see slippageBpsFor).
 */
import { InvalidInputError } from '../core/errors.ts';
import type { SlippageFeatures } from './slippageFeatures.ts';
import { HEURISTIC_SLIPPAGE_BPS, type SlippagePredictor } from './slippagePredictor.ts';

export interface EvaluateOpportunityOptions {
  /** Output minus input at quote, before gas and flash fee. */
  grossProfit: bigint;
  /** The route's quoted output, the amount slippage applies to. */
  quotedOutput: bigint;
  predictedSlippageBps: number;
  gasCost: bigint;
  flashFee: bigint;
  minProfit: bigint;
}

export interface OpportunityDecision {
  take: boolean;
  netProfit: bigint;
  slippageCost: bigint;
  slippageBps: number;
}

/**
 * Cost of `bps` on an output, resolved to 1/100 bps: ceil(output * round(bps * 100) / 1e6). A negative
 * prediction (price improvement) gives a negative cost, truncated toward zero (also never overstating the gain).
 */
export function slippageCost(quotedOutput: bigint, bps: number): bigint {
  if (!Number.isFinite(bps)) throw new InvalidInputError(`predicted slippage ${bps} bps is not a finite number`);
  const centiBps = BigInt(Math.round(bps * 100));
  const num = quotedOutput * centiBps;
  const q = num / 1_000_000n;
  return num > 0n && num % 1_000_000n !== 0n ? q + 1n : q;
}

export function evaluateOpportunity(o: EvaluateOpportunityOptions): OpportunityDecision {
  if (o.quotedOutput < 0n) throw new InvalidInputError('quoted output must not be negative');
  const cost = slippageCost(o.quotedOutput, o.predictedSlippageBps);
  const netProfit = o.grossProfit - cost - o.gasCost - o.flashFee;
  return { take: netProfit > o.minProfit, netProfit, slippageCost: cost, slippageBps: o.predictedSlippageBps };
}

/** The model's prediction, or the static 50 bps when there is no model. */
export function slippageBpsFor(predictor: SlippagePredictor | null, features: SlippageFeatures): number {
  return predictor ? predictor.predictSlippageBps(features) : HEURISTIC_SLIPPAGE_BPS;
}
