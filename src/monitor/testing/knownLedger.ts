/**
 * Four ledger rows and five model versions whose panel values are worked out by hand (see runPanel.test.ts):
 * 2024-01-01 00:00:00 .. 00:02:30 UTC, two chains, both deciders, every outcome kind the panels group by.
 */
import type { Store } from '../../store/openStore.ts';
import type { OpportunityRow } from '../../domain/opportunityRow.ts';
import { ledgerRow } from './ledgerRow.ts';

export const knownStart = Date.UTC(2024, 0, 1);

export const knownRows: readonly OpportunityRow[] = [
  ledgerRow({
    id: 'k1',
    timestamp: new Date(knownStart),
    chain: 'ethereum',
    executed: true,
    profitable: true,
    profitEth: '0.1',
    decision: 'execute',
    decidedBy: 'heuristic',
    outcome: 'success',
    predictedSlippageBps: 10,
    actualSlippageBps: 14,
    gasPriceGwei: '30',
    predictedGasGwei: '32',
  }),
  ledgerRow({
    id: 'k2',
    timestamp: new Date(knownStart + 30_000),
    chain: 'ethereum',
    executed: true,
    profitable: false,
    profitEth: '-0.02',
    decision: 'execute',
    decidedBy: 'ml slippage@1 gas@1 rl@1',
    outcome: 'reverted',
    predictedSlippageBps: 5,
    actualSlippageBps: null,
    gasPriceGwei: '40',
    predictedGasGwei: '37',
  }),
  ledgerRow({
    id: 'k3',
    timestamp: new Date(knownStart + 90_000),
    chain: 'polygon',
    executed: false,
    decision: 'skip',
    decidedBy: 'ml slippage@1 gas@1 rl@1',
    outcome: 'skipped',
    counterfactualProfitEth: '0.03',
    gasPriceGwei: '100',
    predictedGasGwei: '110',
  }),
  ledgerRow({
    id: 'k4',
    timestamp: new Date(knownStart + 150_000),
    chain: 'polygon',
    executed: true,
    profitable: true,
    profitEth: '0.05',
    decision: 'execute',
    decidedBy: 'ml slippage@1 gas@1 rl@1',
    outcome: 'success',
    predictedSlippageBps: 20,
    actualSlippageBps: 17,
    gasPriceGwei: '50',
    predictedGasGwei: '50',
  }),
];

/** model_versions rows: rl v1..v4 (v4 has no reward) and one gas model that the RL panel must ignore. */
export interface ModelVersionSeed {
  kind: string;
  version: number;
  trainedAt: string;
  metrics: unknown;
}

export const knownModelVersions: readonly ModelVersionSeed[] = [
  { kind: 'rl', version: 1, trainedAt: '2024-02-01T00:00:00Z', metrics: { avg_reward: 0.01 } },
  { kind: 'rl', version: 2, trainedAt: '2024-02-08T00:00:00Z', metrics: { eval: { rl: { avg_profit_eth: 0.02 } } } },
  {
    kind: 'rl',
    version: 3,
    trainedAt: '2024-02-15T00:00:00Z',
    metrics: {
      curve: [
        [100, 0.001],
        [200, 0.03],
      ],
    },
  },
  { kind: 'rl', version: 4, trainedAt: '2024-02-22T00:00:00Z', metrics: {} },
  { kind: 'gas', version: 1, trainedAt: '2024-02-01T00:00:00Z', metrics: { avg_reward: 9 } },
];

export async function insertModelVersions(store: Store, rows: readonly ModelVersionSeed[]): Promise<void> {
  for (const r of rows)
    await store.db.execute(
      'INSERT INTO model_versions (kind, version, trained_at, metrics) VALUES ($1, $2, $3, $4::jsonb)',
      [r.kind, r.version, r.trainedAt, r.metrics],
    );
}

export async function insertKnownLedger(store: Store): Promise<void> {
  await store.insertOpportunities(knownRows);
  await insertModelVersions(store, knownModelVersions);
}
