import { describe, expect, it } from 'vitest';
import type { OpportunityRow } from '../../domain/opportunityRow.ts';
import { stepRewards, type CandidateQuote } from './stepRewards.ts';

const usdc = (x: number): bigint => BigInt(Math.round(x * 1e6));
// Gas: 200,000 units cost 6 USD at inclusion; ETH at 3,000 USD -> 0.002 ETH, 1e-8 ETH per gas unit.
const base = { quotedOutputRaw: usdc(10_000), gasUsed: 200_000n, gasCostQuote: 6 } as Partial<OpportunityRow>;
const quote = (amountIn: number, amountOut: number, gasUsed = 200_000n): CandidateQuote => ({
  amountIn: usdc(amountIn),
  amountOut: usdc(amountOut),
  flashFee: 0n,
  gasUsed,
  decimals: 6,
});
const quotes = [quote(5_000, 5_020), quote(10_000, 10_030), null];

describe('stepRewards', () => {
  it('applies the realised slippage to each action and charges gas at inclusion', () => {
    // executed 9,995 of 10,000 quoted: 5 bps
    const row = { ...base, route: { counterfactual_output: usdc(9_995).toString() } } as OpportunityRow;
    const r = stepRewards({ row, quotes, cexPrice: 3_000, ethUsd: 3_000 });
    expect(r.realisedSlippageBps).toBeCloseTo(5, 9);
    // 5,020 * (1 - 5e-4) - 5,000 = 17.49 USDC = 0.00583 ETH, minus 0.002 ETH gas
    expect(r.rewards[0]).toBeCloseTo(17.49 / 3_000 - 0.002, 9);
    // 10,030 * 0.9995 - 10,000 = 24.985 USDC
    expect(r.rewards[1]).toBeCloseTo(24.985 / 3_000 - 0.002, 9);
    expect(r.rewards[2]).toBeNaN();
  });

  it('reverts (minus gas) when the guard fails or the route reverted; nothing sent is 0', () => {
    const slipped = { ...base, route: { counterfactual_output: usdc(9_980).toString() } } as OpportunityRow;
    // 5,020 * 0.998 - 5,000 = 9.96 USDC = 0.00332 ETH >= gas: pays; 10,030 * 0.998 - 10,000 = 9.94 USDC also pays
    expect(stepRewards({ row: slipped, quotes, cexPrice: 3_000, ethUsd: 3_000 }).rewards[0]).toBeCloseTo(
      9.96 / 3_000 - 0.002,
      9,
    );
    const deep = { ...base, route: { counterfactual_output: usdc(9_990).toString() } } as OpportunityRow;
    const small = [quote(5_000, 5_008)];
    // 5,008 * 0.999 - 5,000 = 2.992 USDC = 0.000997 ETH < 0.002 ETH gas: FlashArb's minProfit guard reverts
    expect(stepRewards({ row: deep, quotes: small, cexPrice: 3_000, ethUsd: 3_000 }).rewards[0]).toBeCloseTo(
      -0.002,
      12,
    );
    const reverted = { ...base, route: { revert_reason: 'front_run' } } as OpportunityRow;
    expect(
      stepRewards({ row: reverted, quotes: [quote(1, 2, 100_000n)], cexPrice: 3_000, ethUsd: 3_000 }).rewards[0],
    ).toBeCloseTo(-0.001, 12);
    const stale = { ...base, route: {} } as OpportunityRow;
    expect(stepRewards({ row: stale, quotes, cexPrice: 3_000, ethUsd: 3_000 }).rewards[0]).toBe(0);
  });
});
