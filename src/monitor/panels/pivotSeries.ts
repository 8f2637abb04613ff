/**
 * Turns Grafana-style long rows (time, metric, value) into uPlot's aligned columns: one sorted time axis (seconds
 * since the epoch) and one value array per series, NULL where a series has no row at that time.
 */
export interface LongRow {
  time: Date;
  metric: string;
  value: number | null;
}

export interface SeriesColumn {
  name: string;
  values: (number | null)[];
}

export interface AlignedSeries {
  /** Seconds since the epoch, ascending. */
  times: number[];
  /** Series sorted by name. */
  series: SeriesColumn[];
}

export function pivotSeries(rows: readonly LongRow[]): AlignedSeries {
  const times = [...new Set(rows.map((r) => r.time.getTime() / 1000))].sort((a, b) => a - b);
  const index = new Map(times.map((t, i) => [t, i]));
  const byName = new Map<string, (number | null)[]>();
  for (const row of rows) {
    let values = byName.get(row.metric);
    if (!values) byName.set(row.metric, (values = new Array<number | null>(times.length).fill(null)));
    values[index.get(row.time.getTime() / 1000)!] = row.value === null ? null : Number(row.value);
  }
  const series = [...byName.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, values]) => ({ name, values }));
  return { times, series };
}
