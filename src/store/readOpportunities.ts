/**
 * Reads ledger rows back as OpportunityRow: NUMERIC money as exact decimal strings, on-chain integers as bigint,
 * floats as numbers, oldest first.
 */
import type { Db } from './db.ts';
import { opportunityColumns } from './opportunities.ts';
import type { OpportunityRow } from '../domain/opportunityRow.ts';

export interface ReadOpportunitiesOptions {
  /** Inclusive lower bound on timestamp. */
  from?: Date;
  /** Exclusive upper bound on timestamp. */
  to?: Date;
  chain?: string;
  limit?: number;
}

const bigintFields = new Set<keyof OpportunityRow>([
  'gasUsed',
  'blockNumber',
  'amountInRaw',
  'quotedOutputRaw',
  'executedOutputRaw',
]);

export function opportunityFromRecord(record: Record<string, unknown>): OpportunityRow {
  const row: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(opportunityColumns) as [keyof OpportunityRow, string][]) {
    const value = record[column];
    if (value === null || value === undefined) row[field] = null;
    else if (bigintFields.has(field)) row[field] = BigInt(value as string);
    else if (field === 'timestamp') row[field] = value instanceof Date ? value : new Date(value as string);
    else row[field] = value;
  }
  return row as unknown as OpportunityRow;
}

export async function readOpportunities(db: Db, options: ReadOpportunitiesOptions = {}): Promise<OpportunityRow[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (options.from) where.push(`timestamp >= $${params.push(options.from.toISOString())}`);
  if (options.to) where.push(`timestamp < $${params.push(options.to.toISOString())}`);
  if (options.chain) where.push(`chain = $${params.push(options.chain)}`);
  const limit = options.limit !== undefined ? ` LIMIT ${Math.max(0, Math.floor(options.limit))}` : '';
  const records = await db.query<Record<string, unknown>>(
    `SELECT * FROM arbitrage_opportunities${where.length ? ' WHERE ' + where.join(' AND ') : ''} ORDER BY timestamp, id${limit}`,
    params,
  );
  return records.map(opportunityFromRecord);
}
