/**
 * Runs one panel's SQL for the built-in dashboard and shapes the rows for uPlot: aligned series for time-series
 * panels, columns for the slippage scatter, one object for the totals. Money stays exact text (see sqlDialect).
 */
import type { Db } from '../../store/db.ts';
import type { DashboardWindow } from './dashboardWindow.ts';
import { panelQuery, type PanelKey } from './panelQueries.ts';
import { pivotSeries, type AlignedSeries, type LongRow } from './pivotSeries.ts';
import { literalDialect } from './sqlDialect.ts';

export interface SeriesPanelData extends AlignedSeries {
  kind: 'series';
  stepSeconds: number;
}

export interface ScatterPanelData {
  kind: 'scatter';
  predicted: number[];
  actual: number[];
  decider: string[];
}

export interface SummaryPanelData {
  kind: 'summary';
  values: Record<string, number | string | null>;
}

export type PanelData = SeriesPanelData | ScatterPanelData | SummaryPanelData;

export interface RunPanelOptions {
  db: Db;
  key: PanelKey;
  /** The ledger window; null while the ledger is empty. */
  window: DashboardWindow | null;
  /** Schema of the timescaledb extension when installed (buckets then use time_bucket). */
  timescaleSchema?: string;
}

export async function runPanel({ db, key, window, timescaleSchema }: RunPanelOptions): Promise<PanelData> {
  const query = panelQuery(key);
  const stepSeconds = window?.stepSeconds ?? 60;
  // Model training happens in wall-clock time while the ledger carries market time: the RL panel is not windowed.
  const bounded = key !== 'rl';
  const dialect = literalDialect({
    from: bounded ? window?.from : undefined,
    to: bounded ? window?.to : undefined,
    stepSeconds,
    timescaleSchema,
  });
  if (bounded && !window && key !== 'summary') return emptyPanel(key, stepSeconds);
  const rows = await db.query<Record<string, unknown>>(query.sql(dialect));
  if (key === 'slippage') {
    return {
      kind: 'scatter',
      predicted: rows.map((r) => Number(r.predicted)),
      actual: rows.map((r) => Number(r.actual)),
      decider: rows.map((r) => String(r.decider)),
    };
  }
  if (key === 'summary') return { kind: 'summary', values: summaryValues(rows[0] ?? {}) };
  const long = rows.map((r) => ({ time: new Date(r.time as Date), metric: String(r.metric), value: r.value }));
  return { kind: 'series', stepSeconds, ...pivotSeries(long as LongRow[]) };
}

function emptyPanel(key: PanelKey, stepSeconds: number): PanelData {
  if (key === 'slippage') return { kind: 'scatter', predicted: [], actual: [], decider: [] };
  return { kind: 'series', stepSeconds, times: [], series: [] };
}

function summaryValues(row: Record<string, unknown>): Record<string, number | string | null> {
  const out: Record<string, number | string | null> = {};
  for (const [k, v] of Object.entries(row)) {
    if (v === null || v === undefined) out[k] = null;
    else if (k.endsWith('_eth')) out[k] = String(v);
    else out[k] = Number(v);
  }
  return out;
}
