/**
 * The dashboard's panels and their SQL, written once for Grafana and the built-in dashboard (see sqlDialect.ts).
 * Time-series queries return Grafana's long format: `time` (TIMESTAMPTZ), `metric` (series name), `value` (float).
 * Definitions follow docs/metrics.md: success rate = executed and profitable / executed; the decider is the first
 * word of decided_by (`heuristic`, `ml`).
 */
import type { SqlDialect } from './sqlDialect.ts';

export type PanelKey = 'slippage' | 'rl' | 'gas' | 'profit' | 'success' | 'outcomes' | 'summary';

export interface PanelQuery {
  key: PanelKey;
  title: string;
  description: string;
  /** Grafana's result format; time_series queries return time, metric, value. */
  format: 'time_series' | 'table';
  /** Columns the query returns, in order. */
  columns: readonly string[];
  sql(d: SqlDialect): string;
}

const ledger = 'arbitrage_opportunities';
const decider = `split_part(COALESCE(decided_by, 'unknown'), ' ', 1)`;
const longFormat = ['time', 'metric', 'value'] as const;

/** A float from one number-valued key of the metrics JSON, NULL when absent or not a number. */
function jsonNumber(path: string): string {
  return `CASE WHEN jsonb_typeof(metrics${path}) = 'number' THEN (metrics${path})::text::float8 END`;
}

export const panelQueries: readonly PanelQuery[] = [
  {
    key: 'slippage',
    title: 'Predicted vs actual slippage (bps)',
    description: 'Executed trades: the slippage model prediction against the slippage measured at inclusion.',
    format: 'table',
    columns: ['predicted', 'actual', 'decider'],
    sql: (d) => `SELECT predicted_slippage_bps AS predicted, actual_slippage_bps AS actual, ${decider} AS decider
FROM ${ledger}
WHERE ${d.timeFilter('timestamp')} AND predicted_slippage_bps IS NOT NULL AND actual_slippage_bps IS NOT NULL
ORDER BY timestamp DESC, id
LIMIT 2000`,
  },
  {
    key: 'rl',
    title: 'RL policy reward',
    description:
      "Average reward of each RL model version (model_versions kind 'rl': metrics.avg_reward, else eval.rl.avg_profit_eth, else the last point of metrics.curve).",
    format: 'time_series',
    columns: longFormat,
    sql: (d) => `SELECT trained_at AS "time", 'average reward' AS metric, reward AS value
FROM (
  SELECT trained_at, COALESCE(${jsonNumber("->'avg_reward'")}, ${jsonNumber("->'eval'->'rl'->'avg_profit_eth'")},
    ${jsonNumber("->'curve'-> -1 -> 1")}) AS reward
  FROM model_versions
  WHERE kind = 'rl' AND ${d.timeFilter('trained_at')}
) r
WHERE reward IS NOT NULL
ORDER BY 1`,
  },
  {
    key: 'gas',
    title: 'Gas forecast MAE (gwei)',
    description: 'Mean absolute error of predicted_gas_gwei against gas_price_gwei, per chain and time bucket.',
    format: 'time_series',
    columns: longFormat,
    sql: (d) => `SELECT ${d.bucket('timestamp')} AS "time", chain AS metric,
  avg(abs(predicted_gas_gwei - gas_price_gwei))::float8 AS value
FROM ${ledger}
WHERE ${d.timeFilter('timestamp')} AND predicted_gas_gwei IS NOT NULL AND gas_price_gwei IS NOT NULL
GROUP BY 1, 2
ORDER BY 1, 2`,
  },
  {
    key: 'profit',
    title: 'Cumulative profit by decider (ETH)',
    description:
      'Realised net profit of executed trades, summed over time for each decider (profit improvement trend).',
    format: 'time_series',
    columns: longFormat,
    sql: (d) => `SELECT "time", metric, (sum(profit) OVER (PARTITION BY metric ORDER BY "time"))::float8 AS value
FROM (
  SELECT ${d.bucket('timestamp')} AS "time", ${decider} AS metric, sum(profit_eth) AS profit
  FROM ${ledger}
  WHERE ${d.timeFilter('timestamp')} AND executed AND profit_eth IS NOT NULL
  GROUP BY 1, 2
) b
ORDER BY 1, 2`,
  },
  {
    key: 'success',
    title: 'Success rate',
    description: 'Executed and profitable / executed, per chain and time bucket.',
    format: 'time_series',
    columns: longFormat,
    sql: (d) => `SELECT ${d.bucket('timestamp')} AS "time", chain AS metric,
  (count(*) FILTER (WHERE profitable))::float8 / count(*) AS value
FROM ${ledger}
WHERE ${d.timeFilter('timestamp')} AND executed
GROUP BY 1, 2
ORDER BY 1, 2`,
  },
  {
    key: 'outcomes',
    title: 'Outcome breakdown',
    description:
      'Opportunities per outcome (success, reverted, not_included, front_run, stale, skipped) per time bucket.',
    format: 'time_series',
    columns: longFormat,
    sql: (
      d,
    ) => `SELECT ${d.bucket('timestamp')} AS "time", COALESCE(outcome, 'undecided') AS metric, count(*)::float8 AS value
FROM ${ledger}
WHERE ${d.timeFilter('timestamp')}
GROUP BY 1, 2
ORDER BY 1, 2`,
  },
  {
    key: 'summary',
    title: 'Totals',
    description: 'Totals over the range, as DESIGN.md defines them.',
    format: 'table',
    columns: [
      'opportunities',
      'executed',
      'success_rate',
      'false_positive_rate',
      'total_profit_eth',
      'avg_profit_eth',
      'missed_profit_eth',
      'slippage_mae_bps',
      'gas_mae_gwei',
    ],
    sql: (d) => `SELECT count(*)::float8 AS opportunities,
  (count(*) FILTER (WHERE executed))::float8 AS executed,
  (count(*) FILTER (WHERE executed AND profitable))::float8 / NULLIF(count(*) FILTER (WHERE executed), 0) AS success_rate,
  (count(*) FILTER (WHERE executed AND profitable IS NOT TRUE))::float8
    / NULLIF(count(*) FILTER (WHERE executed), 0) AS false_positive_rate,
  ${d.money('COALESCE(sum(profit_eth) FILTER (WHERE executed), 0)')} AS total_profit_eth,
  ${d.money('avg(profit_eth) FILTER (WHERE executed)')} AS avg_profit_eth,
  ${d.money('COALESCE(sum(counterfactual_profit_eth) FILTER (WHERE NOT executed AND counterfactual_profit_eth > 0), 0)')} AS missed_profit_eth,
  avg(abs(predicted_slippage_bps - actual_slippage_bps)) AS slippage_mae_bps,
  avg(abs(predicted_gas_gwei - gas_price_gwei))::float8 AS gas_mae_gwei
FROM ${ledger}
WHERE ${d.timeFilter('timestamp')}`,
  },
];

export function panelQuery(key: PanelKey): PanelQuery {
  return panelQueries.find((p) => p.key === key)!;
}
