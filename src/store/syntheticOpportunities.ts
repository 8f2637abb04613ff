/**
 * Seeded synthetic ledger rows for benchmarks and tests: every column filled (or NULL where the definition says so),
 * with plausible values. Same seed, same rows.
 */
import { rngFor } from '../core/random.ts';
import type { Decision, OpportunityRow, Outcome } from '../domain/opportunityRow.ts';

export interface SyntheticOpportunitiesOptions {
  count: number;
  seed: number;
  /** Prefix of every id (default `syn`). */
  idPrefix?: string;
  /** Timestamp of the first row; rows are 2 s apart. */
  startMs?: number;
}

const outcomes: Outcome[] = ['success', 'reverted', 'not_included', 'front_run', 'stale'];
const providers = ['aave-v3', 'balancer-v2', 'uniswap-v2-flash'];

export function syntheticOpportunities({
  count,
  seed,
  idPrefix = 'syn',
  startMs = Date.UTC(2024, 0, 1),
}: SyntheticOpportunitiesOptions): OpportunityRow[] {
  const rng = rngFor(seed, 'synthetic-opportunities');
  const rows: OpportunityRow[] = [];
  for (let i = 0; i < count; i++) {
    const chain = rng.next() < 0.5 ? 'ethereum' : 'polygon';
    const cex = 1500 + 1000 * rng.next();
    const edgeBps = 200 * rng.normal();
    const dex = cex * (1 - edgeBps / 1e4);
    const decision: Decision = (['execute', 'wait', 'skip'] as const)[rng.int(3)]!;
    const executed = decision === 'execute';
    const outcome: Outcome = executed ? outcomes[rng.int(outcomes.length)]! : 'skipped';
    const profit = executed ? 0.05 * rng.normal() : null;
    const amountIn = BigInt(1 + rng.int(1_000_000)) * 10n ** 15n;
    const quoted = amountIn + BigInt(rng.int(1_000_000_000)) * 10n ** 6n;
    const reverted = outcome === 'reverted';
    rows.push({
      id: `${idPrefix}:${i}`,
      timestamp: new Date(startMs + i * 2000),
      symbol: 'WETH/USDC',
      chain,
      cexPrice: Number(cex.toFixed(6)),
      dexPrice: Number(dex.toFixed(6)),
      edgeBps,
      poolLiquidityQuote: Math.round(1e6 + 5e7 * rng.next()),
      gasPriceGwei: Number((chain === 'ethereum' ? 20 + 120 * rng.next() : 30 + 300 * rng.next()).toFixed(9)),
      estimatedSlippageBps: 50,
      actualSlippageBps: executed && !reverted ? 30 * rng.normal() : null,
      executed,
      profitable: executed ? profit! > 0 : null,
      profitEth: profit === null ? null : profit.toFixed(18),
      tradeSizeQuote: Math.round(1000 + 100_000 * rng.next()),
      hopCount: 2 + rng.int(2),
      priceVolatility1h: 0.002 + 0.01 * rng.next(),
      route: { pools: ['0xaaa', '0xbbb'], dexes: ['uniswap-v3', 'sushiswap'] },
      flashLoanProvider: providers[rng.int(providers.length)]!,
      flashFeeBps: 5,
      gasUsed: BigInt(150_000 + rng.int(250_000)),
      gasCostQuote: Number((5 + 50 * rng.next()).toFixed(6)),
      predictedSlippageBps: 20 + 10 * rng.normal(),
      predictedGasGwei: Number((20 + 100 * rng.next()).toFixed(9)),
      decision,
      decidedBy: rng.next() < 0.5 ? 'heuristic' : 'ml slippage@1 gas@1 rl@1',
      outcome,
      counterfactualProfitEth: executed ? null : (0.05 * rng.normal()).toFixed(18),
      blockNumber: BigInt(18_000_000 + i),
      txHash: executed ? `0x${i.toString(16).padStart(64, '0')}` : null,
      latencyMs: 1 + 20 * rng.next(),
      amountInRaw: amountIn,
      quotedOutputRaw: quoted,
      executedOutputRaw: executed && !reverted ? quoted - BigInt(rng.int(1_000_000)) : null,
      recentPoolVolatilityBps: (i % 40) / 4,
      competitorPressure: (i % 10) / 10,
    });
  }
  return rows;
}
