/**
 * The targets for the full ML decider against the heuristic and the oracle, each with the measured value and
 * whether it is met (the report shows them beside the table; the CLI can print them).
 */
import type { BacktestResult } from '../backtestResult.ts';

export interface TargetCheck {
  name: string;
  target: string;
  measured: string;
  met: boolean;
}

export function mlTargets(r: BacktestResult): TargetCheck[] {
  const ml = r.deciders.ml,
    h = r.deciders.heuristic;
  const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
  const ratio = h.avg_profit_eth > 0 ? ml.avg_profit_eth / h.avg_profit_eth : NaN;
  return [
    { name: 'success rate', target: '>= 90%', measured: pct(ml.success_rate), met: ml.success_rate >= 0.9 },
    {
      name: 'false positives',
      target: '<= 10%',
      measured: pct(ml.false_positive_rate),
      met: ml.executed > 0 && ml.false_positive_rate <= 0.1,
    },
    {
      name: 'avg profit per trade',
      target: '>= 1.6x heuristic',
      measured: Number.isFinite(ratio) ? `${ratio.toFixed(2)}x` : '-',
      met: ratio >= 1.6,
    },
    {
      name: 'slippage MAE',
      target: '<= 5 bps',
      measured: ml.slippage_mae_bps === null ? '-' : `${ml.slippage_mae_bps.toFixed(2)} bps`,
      met: ml.slippage_mae_bps !== null && ml.slippage_mae_bps <= 5,
    },
    {
      name: 'share of oracle profit',
      target: '>= 85%',
      measured: pct(ml.pct_of_oracle),
      met: ml.pct_of_oracle >= 0.85,
    },
  ];
}
