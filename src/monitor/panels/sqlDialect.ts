/**
 * Every dashboard panel's SQL is written once (panelQueries.ts) against this small dialect, and rendered twice:
 * with Grafana's macros for grafana/dashboards/arbml.json, and with literal bounds for the built-in dashboard.
 *
 * Time bucketing: TimescaleDB's `time_bucket` when the extension is installed, PostgreSQL's `date_bin` (PG 14+,
 * PGlite) elsewhere; both take (interval, time, origin) and give the same buckets for a fixed origin. The built-in
 * dashboard knows the schema of the extension when it renders; the static Grafana JSON asks the database once, with
 * a hidden dashboard variable `bucket_fn` (grafanaBucketQuery) that names the function to call.
 */

export interface SqlDialect {
  /** A boolean SQL condition keeping rows of the chosen time range (`column >= from AND column < to`). */
  timeFilter(column: string): string;
  /** A TIMESTAMPTZ expression: the start of the bucket `column` falls in. */
  bucket(column: string): string;
  /** How a NUMERIC money aggregate leaves the database: exact text for the API, float for Grafana. */
  money(expression: string): string;
}

/** Fixed bucket origin, so date_bin and time_bucket agree (time_bucket's default origin is 2000-01-03 for weeks). */
const origin = `TIMESTAMPTZ '2000-01-01 00:00:00+00'`;

/** Name of the Grafana variable holding the bucket function. */
export const grafanaBucketVariable = 'bucket_fn';

/** The variable's query: schema-qualified time_bucket where TimescaleDB is installed, else date_bin. */
export const grafanaBucketQuery =
  `SELECT coalesce((SELECT quote_ident(n.nspname) || '.time_bucket' FROM pg_extension e ` +
  `JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'timescaledb'), 'date_bin') AS ${grafanaBucketVariable}`;

export const grafanaDialect: SqlDialect = {
  timeFilter: (column) => `$__timeFilter(${column})`,
  bucket: (column) =>
    `\${${grafanaBucketVariable}}(($__interval_ms || ' milliseconds')::interval, ${column}, ${origin})`,
  money: (expression) => `(${expression})::float8`,
};

export interface LiteralDialectOptions {
  /** Inclusive lower bound; undefined means unbounded. */
  from?: Date;
  /** Exclusive upper bound; undefined means unbounded. */
  to?: Date;
  stepSeconds: number;
  /** Schema of the timescaledb extension when it is installed; then buckets use time_bucket. */
  timescaleSchema?: string;
}

function timestampLiteral(date: Date): string {
  // toISOString only emits [0-9TZ:.-]: safe to inline.
  return `TIMESTAMPTZ '${date.toISOString()}'`;
}

/** The built-in dashboard's dialect: bounds and step are inlined as literals (no parameters to mismatch). */
export function literalDialect({ from, to, stepSeconds, timescaleSchema }: LiteralDialectOptions): SqlDialect {
  const step = `INTERVAL '${Math.max(1, Math.round(stepSeconds))} seconds'`;
  const bucket = timescaleSchema
    ? (column: string) =>
        `"${timescaleSchema.replace(/"/g, '""')}".time_bucket(${step}, ${column}, origin => ${origin})`
    : (column: string) => `date_bin(${step}, ${column}, ${origin})`;
  return {
    timeFilter(column) {
      const parts: string[] = [];
      if (from) parts.push(`${column} >= ${timestampLiteral(from)}`);
      if (to) parts.push(`${column} < ${timestampLiteral(to)}`);
      return parts.length ? `(${parts.join(' AND ')})` : 'TRUE';
    },
    bucket,
    money: (expression) => `(${expression})::text`,
  };
}
