/**
 * Train/serve parity of the slippage model: the vector a decider hands the model for an opportunity equals the
 * vector training reads back from that opportunity's ledger row. Before the ledger kept recent pool volatility and
 * competitor pressure, deciders served them while training saw them missing (NaN), so this test failed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Decider } from '../domain/decider.ts';
import type { OpportunityRow } from '../domain/opportunityRow.ts';
import { simulateToStore } from '../exec/simulateToStore.ts';
import { toFeatureVector, type SlippageFeatures } from '../slippage/slippageFeatures.ts';
import { slippageFeaturesOf } from '../slippage/slippageFeaturesOf.ts';
import { SlippagePredictor } from '../slippage/slippagePredictor.ts';
import { syntheticSlippage } from '../slippage/syntheticSlippage.ts';
import { SlippageAwareDecider } from './slippageAwareDecider.ts';

const dir = mkdtempSync(join(tmpdir(), 'arbml-serving-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A real model whose predictions are recorded with the opportunity being decided. */
function recordingModel(served: Map<string, number[]>, current: { id: string }): SlippagePredictor {
  const { features } = syntheticSlippage({ rows: 200, seed: 3 });
  const model = SlippagePredictor.train({
    rows: features,
    targets: features.map(() => 0),
    seed: 1,
    params: { numRounds: 3 },
  });
  const predict = model.predictSlippageBps.bind(model);
  model.predictSlippageBps = (x: SlippageFeatures) => (served.set(current.id, toFeatureVector(x)), predict(x));
  return model;
}

describe('slippage features: served = trained', () => {
  it('gives the ledger row and the decision the same vector for every opportunity decided', async () => {
    const served = new Map<string, number[]>();
    const current = { id: '' };
    const inner = new SlippageAwareDecider({ predictorAt: () => model });
    const model = recordingModel(served, current);
    const decider: Decider = { name: inner.name, decide: (o, c) => ((current.id = o.id), inner.decide(o, c)) };
    const rows: OpportunityRow[] = [];
    await simulateToStore({
      seed: 5,
      days: 1,
      chains: ['polygon'],
      decider,
      journalPath: join(dir, 'journal.ndjson'),
      insert: async (batch) => (rows.push(...batch), { inserted: batch.length, duplicates: 0 }),
    });
    const decided = rows.filter((r) => served.has(r.id) && (r.route as { route_index: number }).route_index === 0);
    expect(decided.length).toBeGreaterThan(100);
    const withPressure = decided.filter((r) => (r.competitorPressure ?? 0) > 0).length;
    expect(withPressure).toBeGreaterThan(0);
    for (const row of decided) expect(toFeatureVector(slippageFeaturesOf(row))).toEqual(served.get(row.id));
  });
});
