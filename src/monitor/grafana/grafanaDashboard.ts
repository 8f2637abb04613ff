/**
 * The Grafana dashboard as a typed object (checked by tsc against @grafana/schema's Dashboard). The committed
 * grafana/dashboards/arbml.json is exactly `renderGrafanaDashboard()`; regenerate it with
 * `npx tsx src/monitor/grafana/writeGrafanaDashboard.ts` (a test fails when the two differ).
 */
import type { Dashboard, VariableModel } from '@grafana/schema';
import { grafanaBucketQuery, grafanaBucketVariable } from '../panels/sqlDialect.ts';
import { postgresSource, promPanel, sqlPanel } from './grafanaPanels.ts';

const points = { drawStyle: 'points', pointSize: 6 };
const bars = { drawStyle: 'bars', fillOpacity: 80, stacking: { mode: 'normal', group: 'A' } };

export function grafanaDashboard(): Dashboard {
  return {
    uid: 'arbml',
    title: 'arbml',
    description:
      'Opportunities, decisions and model quality from the arbml ledger (PostgreSQL) and /metrics (Prometheus).',
    tags: ['arbml', 'arbitrage', 'mev'],
    editable: true,
    graphTooltip: 1,
    refresh: '10s',
    schemaVersion: 39,
    version: 1,
    time: { from: 'now-7d', to: 'now' },
    timezone: 'utc',
    templating: {
      list: [
        { name: 'postgres', label: 'PostgreSQL', type: 'datasource', query: 'grafana-postgresql-datasource' },
        { name: 'prometheus', label: 'Prometheus', type: 'datasource', query: 'prometheus' },
        {
          name: grafanaBucketVariable,
          label: 'Time bucket function',
          description: 'time_bucket where TimescaleDB is installed, date_bin elsewhere',
          type: 'query',
          datasource: postgresSource,
          query: grafanaBucketQuery,
          refresh: 1 as VariableModel['refresh'],
          hide: 2 as VariableModel['hide'],
        },
      ],
    },
    panels: [
      sqlPanel({
        id: 1,
        key: 'summary',
        type: 'stat',
        grid: { x: 0, y: 0, w: 24, h: 4 },
        options: { reduceOptions: { values: false, calcs: ['lastNotNull'], fields: '' } },
      }),
      sqlPanel({
        id: 2,
        key: 'slippage',
        type: 'xychart',
        grid: { x: 0, y: 4, w: 12, h: 9 },
        unit: 'none',
        options: { mapping: 'auto', series: [{}] },
      }),
      sqlPanel({
        id: 3,
        key: 'rl',
        type: 'timeseries',
        grid: { x: 12, y: 4, w: 12, h: 9 },
        custom: { ...points, drawStyle: 'line', showPoints: 'always' },
      }),
      sqlPanel({ id: 4, key: 'gas', type: 'timeseries', grid: { x: 0, y: 13, w: 12, h: 9 }, unit: 'none' }),
      sqlPanel({
        id: 5,
        key: 'profit',
        type: 'timeseries',
        grid: { x: 12, y: 13, w: 12, h: 9 },
        custom: { spanNulls: true },
      }),
      sqlPanel({ id: 6, key: 'success', type: 'timeseries', grid: { x: 0, y: 22, w: 12, h: 9 }, unit: 'percentunit' }),
      sqlPanel({ id: 7, key: 'outcomes', type: 'timeseries', grid: { x: 12, y: 22, w: 12, h: 9 }, custom: bars }),
      promPanel({
        id: 8,
        title: 'Opportunities per second (runner)',
        description: 'Seen and taken opportunities per chain, from the runner /metrics.',
        type: 'timeseries',
        grid: { x: 0, y: 31, w: 12, h: 8 },
        unit: 'ops',
        exprs: [
          { expr: 'sum by (chain) (rate(arbml_opportunities_seen_total[$__rate_interval]))', legend: 'seen {{chain}}' },
          {
            expr: 'sum by (chain) (rate(arbml_opportunities_taken_total[$__rate_interval]))',
            legend: 'taken {{chain}}',
          },
        ],
      }),
      promPanel({
        id: 9,
        title: 'Decision latency (runner)',
        description: 'p50 and p95 of detection-to-decision time.',
        type: 'timeseries',
        grid: { x: 12, y: 31, w: 12, h: 8 },
        unit: 's',
        exprs: [
          {
            expr: 'histogram_quantile(0.5, sum by (le) (rate(arbml_decision_latency_seconds_bucket[$__rate_interval])))',
            legend: 'p50',
          },
          {
            expr: 'histogram_quantile(0.95, sum by (le) (rate(arbml_decision_latency_seconds_bucket[$__rate_interval])))',
            legend: 'p95',
          },
        ],
      }),
      promPanel({
        id: 10,
        title: 'Live model errors (runner)',
        description:
          'Slippage MAE (bps) and gas forecast MAE (gwei) over the rate window, from the histograms sum/count.',
        type: 'timeseries',
        grid: { x: 0, y: 39, w: 12, h: 8 },
        exprs: [
          {
            expr: 'rate(arbml_slippage_abs_error_bps_sum[$__rate_interval]) / rate(arbml_slippage_abs_error_bps_count[$__rate_interval])',
            legend: 'slippage MAE bps',
          },
          {
            expr: 'rate(arbml_gas_forecast_abs_error_gwei_sum[$__rate_interval]) / rate(arbml_gas_forecast_abs_error_gwei_count[$__rate_interval])',
            legend: 'gas MAE gwei',
          },
        ],
      }),
      promPanel({
        id: 11,
        title: 'Models in use, journal backlog, profit (runner)',
        description: 'Model version per kind, ledger rows waiting in the journal, realised profit per chain (ETH).',
        type: 'stat',
        grid: { x: 12, y: 39, w: 12, h: 8 },
        exprs: [
          { expr: 'arbml_model_version', legend: '{{kind}} version' },
          { expr: 'arbml_journal_backlog_rows', legend: 'journal backlog' },
          { expr: 'arbml_realised_profit_eth', legend: 'profit {{chain}} ETH' },
        ],
      }),
    ],
  };
}

/** The JSON file's exact text. */
export function renderGrafanaDashboard(): string {
  return JSON.stringify(grafanaDashboard(), null, 2) + '\n';
}
