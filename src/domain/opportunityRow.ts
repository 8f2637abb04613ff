/**
 * One row of the opportunity ledger (`arbitrage_opportunities`), as every stage writes and reads it: the
 * opportunity's features at detection, the decision and the outcome. Exact amounts are bigint base units; NUMERIC
 * columns take a number or an exact decimal string. The store maps it to columns (store/opportunities.ts).
 */
/** A decimal value for a NUMERIC column: a number, or an exact decimal string (e.g. from formatEther). */
export type DecimalValue = number | string;

export type Decision = 'execute' | 'wait' | 'skip';
export type Outcome = 'success' | 'reverted' | 'not_included' | 'front_run' | 'stale' | 'skipped';

export interface OpportunityRow {
  /** Unique per opportunity and stable across replays (e.g. `${runId}:${chain}:${block}:${n}`). */
  id: string;
  timestamp: Date;
  symbol: string;
  chain: string;
  cexPrice: DecimalValue | null;
  dexPrice: DecimalValue | null;
  edgeBps: number | null;
  poolLiquidityQuote: DecimalValue | null;
  gasPriceGwei: DecimalValue | null;
  estimatedSlippageBps: number | null;
  /** NULL for a revert or an opportunity not executed. */
  actualSlippageBps: number | null;
  executed: boolean;
  profitable: boolean | null;
  profitEth: DecimalValue | null;
  tradeSizeQuote: DecimalValue | null;
  hopCount: number | null;
  priceVolatility1h: number | null;
  /** Pools and DEXes of the route, stored as JSONB. */
  route: unknown;
  flashLoanProvider: string | null;
  flashFeeBps: number | null;
  gasUsed: bigint | null;
  gasCostQuote: DecimalValue | null;
  predictedSlippageBps: number | null;
  predictedGasGwei: DecimalValue | null;
  decision: Decision | null;
  /** `heuristic`, or `ml` with model versions. */
  decidedBy: string | null;
  outcome: Outcome | null;
  counterfactualProfitEth: DecimalValue | null;
  blockNumber: bigint | null;
  txHash: string | null;
  latencyMs: number | null;
  /** Route input in the borrowed token's base units. */
  amountInRaw: bigint | null;
  /** Quoted and executed route output in base units (exact slippage source). */
  quotedOutputRaw: bigint | null;
  executedOutputRaw: bigint | null;
  /** Std of the mispriced pool's recent block-to-block mid changes at detection, bps. */
  recentPoolVolatilityBps: number | null;
  /** Share (0-1) of recent blocks in which a competitor hit one of the route's pools, at detection. */
  competitorPressure: number | null;
}
