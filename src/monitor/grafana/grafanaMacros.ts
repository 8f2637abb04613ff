/**
 * Expands the Grafana PostgreSQL macros arbml's dashboard uses, the way Grafana does before it sends a query:
 * `$__timeFilter(col)` -> `col BETWEEN 'from' AND 'to'`, `$__timeFrom()`, `$__timeTo()`, `$__interval_ms`,
 * `$__interval`. Used to run the dashboard's SQL in tests; a macro it does not know is an error, not a silent pass.
 */
import { InvalidInputError } from '../../core/errors.ts';

export interface GrafanaMacroContext {
  from: Date;
  to: Date;
  intervalMs: number;
  /** Dashboard variables (`${name}` / `$name`), e.g. bucket_fn. */
  variables?: Readonly<Record<string, string>>;
}

function grafanaInterval(ms: number): string {
  if (ms % 86_400_000 === 0) return `${ms / 86_400_000}d`;
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000}h`;
  if (ms % 60_000 === 0) return `${ms / 60_000}m`;
  if (ms % 1000 === 0) return `${ms / 1000}s`;
  return `${ms}ms`;
}

export function expandGrafanaMacros(
  sql: string,
  { from, to, intervalMs, variables = {} }: GrafanaMacroContext,
): string {
  const f = `'${from.toISOString()}'`;
  const t = `'${to.toISOString()}'`;
  const out = sql
    .replace(/\$__timeFilter\(\s*([^)]+?)\s*\)/g, (_m, col: string) => `${col} BETWEEN ${f} AND ${t}`)
    .replace(/\$__timeFrom\(\)/g, f)
    .replace(/\$__timeTo\(\)/g, t)
    .replace(/\$__interval_ms\b/g, String(intervalMs))
    .replace(/\$__interval\b/g, grafanaInterval(intervalMs))
    .replace(/\$\{(\w+)\}|\$(?!__)(\w+)/g, (m, a?: string, b?: string) => variables[(a ?? b)!] ?? m);
  const left = /\$__\w+|\$\{?\w+/.exec(out);
  if (left) throw new InvalidInputError(`unexpanded Grafana macro or variable "${left[0]}" in: ${sql.slice(0, 80)}...`);
  return out;
}
