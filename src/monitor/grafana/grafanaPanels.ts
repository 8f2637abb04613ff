/**
 * Grafana panel builders for arbml's dashboard: SQL panels take their query from panelQueries.ts rendered with
 * Grafana's macros; Prometheus panels query the runner's /metrics series (metrics.ts). Data sources are the
 * dashboard's `${postgres}` and `${prometheus}` variables, so the JSON works provisioned or imported by hand.
 */
import type { DataSourceRef, Panel } from '@grafana/schema';
import { panelQuery, type PanelKey } from '../panels/panelQueries.ts';
import { grafanaDialect } from '../panels/sqlDialect.ts';

export const postgresSource: DataSourceRef = { type: 'grafana-postgresql-datasource', uid: '${postgres}' };
export const prometheusSource: DataSourceRef = { type: 'prometheus', uid: '${prometheus}' };

export interface Grid {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface SqlPanelOptions {
  id: number;
  key: PanelKey;
  type: 'timeseries' | 'xychart' | 'stat' | 'barchart';
  grid: Grid;
  unit?: string;
  /** fieldConfig.defaults.custom (draw style, stacking, ...). */
  custom?: Record<string, unknown>;
  options?: Record<string, unknown>;
}

export function sqlPanel({ id, key, type, grid, unit, custom, options }: SqlPanelOptions): Panel {
  const q = panelQuery(key);
  return {
    id,
    type,
    title: q.title,
    description: q.description,
    datasource: postgresSource,
    gridPos: grid,
    fieldConfig: { defaults: { ...(unit ? { unit } : {}), ...(custom ? { custom } : {}) }, overrides: [] },
    options: options ?? {},
    targets: [
      {
        refId: 'A',
        datasource: postgresSource,
        editorMode: 'code',
        rawQuery: true,
        format: q.format,
        rawSql: q.sql(grafanaDialect),
      },
    ],
  };
}

export interface PromPanelOptions {
  id: number;
  title: string;
  description: string;
  type: 'timeseries' | 'stat';
  grid: Grid;
  unit?: string;
  /** PromQL expressions with their legend format. */
  exprs: readonly { expr: string; legend: string }[];
}

export function promPanel({ id, title, description, type, grid, unit, exprs }: PromPanelOptions): Panel {
  return {
    id,
    type,
    title,
    description,
    datasource: prometheusSource,
    gridPos: grid,
    fieldConfig: { defaults: unit ? { unit } : {}, overrides: [] },
    options: {},
    targets: exprs.map(({ expr, legend }, i) => ({
      refId: String.fromCharCode(65 + i),
      datasource: prometheusSource,
      editorMode: 'code',
      expr,
      legendFormat: legend,
      range: true,
    })),
  };
}
