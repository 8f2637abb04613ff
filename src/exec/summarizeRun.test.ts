import { describe, expect, it } from 'vitest';
import { summarizeRun } from './summarizeRun.ts';

const row = (o: Partial<Parameters<typeof summarizeRun>[0] extends Iterable<infer R> ? R : never>) => ({
  executed: false,
  profitable: false,
  profitEth: 0,
  outcome: 'skipped' as const,
  counterfactualProfitEth: 0,
  estimatedSlippageBps: 50,
  actualSlippageBps: null,
  ...o,
});

describe('summarizeRun (DESIGN.md definitions)', () => {
  it('rates over executed add to 1; profit over executed; missed = positive counterfactuals of skipped; MAE over rows with actual slippage', () => {
    const s = summarizeRun([
      row({
        executed: true,
        profitable: true,
        profitEth: '0.1',
        outcome: 'success',
        counterfactualProfitEth: null,
        actualSlippageBps: 10,
      }),
      row({
        executed: true,
        profitable: true,
        profitEth: 0.05,
        outcome: 'success',
        counterfactualProfitEth: null,
        actualSlippageBps: -2,
      }),
      row({ executed: true, profitable: false, profitEth: -0.01, outcome: 'front_run', counterfactualProfitEth: null }),
      row({ executed: true, profitable: false, profitEth: 0, outcome: 'not_included', counterfactualProfitEth: null }),
      row({ counterfactualProfitEth: '0.2' }),
      row({ counterfactualProfitEth: -0.3 }),
      row({ counterfactualProfitEth: null }), // withdrawn before sending: skipped, no counterfactual
    ]);
    expect(s).toEqual({
      opportunities: 7,
      executed: 4,
      success_rate: 0.5,
      false_positive_rate: 0.5,
      avg_profit_eth: 0.035,
      total_profit_eth: 0.14,
      missed_profit_eth: 0.2,
      slippage_mae_bps: 46,
      zero_slippage_share: 0,
      outcomes: { success: 2, front_run: 1, reverted: 0, not_included: 1, stale: 0, skipped: 3 },
    });
  });

  it('no executed rows: zero rates, not NaN', () => {
    expect(summarizeRun([row({})])).toMatchObject({
      executed: 0,
      success_rate: 0,
      false_positive_rate: 0,
      avg_profit_eth: 0,
      slippage_mae_bps: 0,
    });
  });
});
