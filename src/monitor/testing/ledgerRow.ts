/**
 * A ledger row with every optional column NULL, for tests that need a few rows with exactly known values.
 */
import type { OpportunityRow } from '../../domain/opportunityRow.ts';

export function ledgerRow(fields: Partial<OpportunityRow> & Pick<OpportunityRow, 'id' | 'timestamp'>): OpportunityRow {
  return {
    symbol: 'WETH/USDC',
    chain: 'ethereum',
    cexPrice: null,
    dexPrice: null,
    edgeBps: null,
    poolLiquidityQuote: null,
    gasPriceGwei: null,
    estimatedSlippageBps: null,
    actualSlippageBps: null,
    executed: false,
    profitable: null,
    profitEth: null,
    tradeSizeQuote: null,
    hopCount: null,
    priceVolatility1h: null,
    route: null,
    flashLoanProvider: null,
    flashFeeBps: null,
    gasUsed: null,
    gasCostQuote: null,
    predictedSlippageBps: null,
    predictedGasGwei: null,
    decision: null,
    decidedBy: null,
    outcome: null,
    counterfactualProfitEth: null,
    blockNumber: null,
    txHash: null,
    latencyMs: null,
    amountInRaw: null,
    quotedOutputRaw: null,
    executedOutputRaw: null,
    recentPoolVolatilityBps: null,
    competitorPressure: null,
    ...fields,
  };
}
