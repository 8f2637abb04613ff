/**
 * The time range the built-in dashboard shows. Simulated and replayed ledgers carry market time, not wall-clock
 * time, so by default the window is the ledger's own span (first to last row), or its last `lastSeconds`. The
 * bucket step is the smallest round step giving at most `maxBuckets` buckets.
 */
import { InvalidInputError } from '../../core/errors.ts';
import type { Db } from '../../store/db.ts';

export interface DashboardWindow {
  /** Inclusive. */
  from: Date;
  /** Exclusive. */
  to: Date;
  stepSeconds: number;
}

export interface WindowRequest {
  from?: Date;
  to?: Date;
  /** Show only the last N seconds before the newest row (or before `to`). */
  lastSeconds?: number;
  maxBuckets?: number;
}

const roundSteps = [1, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400, 604800];

export function chooseStep(spanSeconds: number, maxBuckets = 60): number {
  const wanted = spanSeconds / Math.max(1, maxBuckets);
  return roundSteps.find((s) => s >= wanted) ?? Math.ceil(wanted / 604800) * 604800;
}

/** A query-string time: ISO 8601 or milliseconds since the epoch. */
export function parseTimeParam(name: string, value: string | undefined): Date | undefined {
  if (value === undefined || value === '') return undefined;
  const date = /^\d+$/.test(value) ? new Date(Number(value)) : new Date(value);
  if (Number.isNaN(date.getTime()))
    throw new InvalidInputError(`query parameter "${name}": not a time: "${value}" (ISO 8601 or epoch ms)`);
  return date;
}

/** The window to show, or null while the ledger (or the requested part of it) is empty. */
export async function resolveWindow(db: Db, request: WindowRequest = {}): Promise<DashboardWindow | null> {
  let { from, to } = request;
  if (!from || !to) {
    const [span] = await db.query<{ first: Date | null; last: Date | null }>(
      'SELECT min(timestamp) AS first, max(timestamp) AS last FROM arbitrage_opportunities',
    );
    if (!span?.first || !span.last) return null;
    to ??= new Date(new Date(span.last).getTime() + 1);
    from ??= request.lastSeconds ? new Date(to.getTime() - request.lastSeconds * 1000) : new Date(span.first);
  }
  if (from.getTime() >= to.getTime())
    throw new InvalidInputError(
      `query window is empty: from ${from.toISOString()} is not before to ${to.toISOString()}`,
    );
  const stepSeconds = chooseStep((to.getTime() - from.getTime()) / 1000, request.maxBuckets);
  return { from, to, stepSeconds };
}
