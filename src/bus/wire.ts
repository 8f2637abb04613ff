/**
 * What travels on the bus, as JSON: an opportunity (what a strategy needs to decide, plus the ledger row the paper
 * market resolved for it), a decision (the opportunity and what the strategy chose), an outcome (the ledger row as
 * the executor resolved it). bigint amounts travel as decimal strings, times as epoch milliseconds (fractional:
 * `busClock()` has sub-millisecond resolution and is comparable between processes of one machine).
 */
import type { DecisionResult } from '../domain/decider.ts';
import type { HeuristicInput } from '../decide/heuristicDecider.ts';
import type { OpportunityRow } from '../domain/opportunityRow.ts';

/** Epoch ms with sub-ms resolution. */
export const busClock = (): number => performance.timeOrigin + performance.now();

export interface WireQuote {
  edgeBps: number;
  gasPriceGwei: number;
  /** Per route, best first: gross profit, output, flash fee and gas cost in borrowed-token base units. */
  routes: { grossProfit: string; amountOut: string; flashFee: string; gasCostToken: string }[];
}

type BigField = 'gasUsed' | 'blockNumber' | 'amountInRaw' | 'quotedOutputRaw' | 'executedOutputRaw';
const bigFields: readonly BigField[] = [
  'gasUsed',
  'blockNumber',
  'amountInRaw',
  'quotedOutputRaw',
  'executedOutputRaw',
];

export type WireRow = Omit<OpportunityRow, 'timestamp' | BigField> & { timestamp: number } & Record<
    BigField,
    string | null
  >;

export interface OpportunityMessage {
  id: string;
  chain: string;
  /** When the collector published it (busClock). */
  publishedAt: number;
  quote: WireQuote;
  /** The row the paper market resolved for this opportunity (its own decision); live collectors leave it out. */
  paper?: WireRow;
}

export type WireDecision = Pick<
  DecisionResult,
  'decision' | 'sizeFactor' | 'routeIndex' | 'estimatedSlippageBps' | 'decidedBy'
>;

export interface DecisionMessage {
  opp: OpportunityMessage;
  decision: WireDecision;
  account: string;
  decidedAt: number;
}

export interface OutcomeMessage {
  row: WireRow;
  publishedAt: number;
  decidedAt: number;
  executedAt: number;
}

export function rowToWire(row: OpportunityRow): WireRow {
  const out = { ...row, timestamp: row.timestamp.getTime() } as unknown as Record<string, unknown>;
  for (const f of bigFields) out[f] = row[f] === null ? null : row[f].toString();
  return out as unknown as WireRow;
}

export function rowFromWire(w: WireRow): OpportunityRow {
  const out = { ...w, timestamp: new Date(w.timestamp) } as unknown as Record<string, unknown>;
  for (const f of bigFields) out[f] = w[f] === null ? null : BigInt(w[f]);
  return out as unknown as OpportunityRow;
}

/** The quote as the heuristic decider reads it. */
export function quoteInput(q: WireQuote): HeuristicInput {
  return {
    edgeBps: q.edgeBps,
    gasPriceGwei: q.gasPriceGwei,
    routes: q.routes.map((r) => ({
      grossProfit: BigInt(r.grossProfit),
      amountOut: BigInt(r.amountOut),
      flashFee: BigInt(r.flashFee),
      gasCost: { token: BigInt(r.gasCostToken) },
    })),
  };
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();
export const encodeMessage = (m: unknown): Uint8Array => encoder.encode(JSON.stringify(m));
export const decodeMessage = <T>(data: Uint8Array): T => JSON.parse(decoder.decode(data)) as T;
