import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSlippagePredictorOrNull } from './loadSlippagePredictorOrNull.ts';
import { META_FILE, MODEL_FILE, SlippagePredictor } from './slippagePredictor.ts';
import { syntheticSlippage, syntheticSlippageBps } from './syntheticSlippage.ts';
import { SLIPPAGE_FEATURE_NAMES } from './slippageFeatures.ts';

const dir = mkdtempSync(join(tmpdir(), 'arbml-slippage-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const data = syntheticSlippage({ rows: 6000, seed: 3 });
const trainedAt = new Date('2024-05-01T00:00:00Z');
const predictor = SlippagePredictor.train({
  rows: data.features,
  targets: data.targets,
  seed: 5,
  trainedAt,
  window: { from: '2024-04-01T00:00:00Z', to: '2024-05-01T00:00:00Z' },
});
const m = predictor.meta.metrics;

describe('SlippagePredictor on a known nonlinear slippage law', () => {
  it('beats the static 50 bps assumption by more than 3x and the linear baseline on the holdout', () => {
    expect(m.samples).toBe(6000);
    expect(m.holdout_rows).toBe(1200);
    expect(m.train_rows + m.validation_rows).toBe(4800);
    expect(m.static_mae_bps / m.holdout_mae_bps).toBeGreaterThan(3);
    expect(m.holdout_mae_bps).toBeLessThan(m.linear_mae_bps);
    // noise is N(0, 2 bps): its MAE is 1.6 bps, no model can beat it
    expect(m.holdout_mae_bps).toBeGreaterThan(1.5);
    expect(m.holdout_mae_bps).toBeLessThan(5);
  });

  it('predicts close to the noise-free law for fresh opportunities', () => {
    const fresh = syntheticSlippage({ rows: 500, seed: 99 });
    let err = 0;
    for (const x of fresh.features) err += Math.abs(predictor.predictSlippageBps(x) - syntheticSlippageBps(x));
    expect(err / 500).toBeLessThan(5);
  });

  it('is reproducible: same data, seed and time give the same version', () => {
    const again = SlippagePredictor.train({ rows: data.features, targets: data.targets, seed: 5, trainedAt });
    expect(again.version).toBe(predictor.version);
    expect(predictor.version).toMatch(/^slippage-20240501T000000-[0-9a-f]{8}$/);
  });

  it('saves XGBoost JSON with metadata beside it and loads back to identical predictions', () => {
    const path = predictor.save(dir);
    expect(path).toBe(join(dir, MODEL_FILE));
    const loaded = SlippagePredictor.load(dir);
    expect(loaded.version).toBe(predictor.version);
    expect(loaded.meta.features).toEqual([...SLIPPAGE_FEATURE_NAMES]);
    expect(loaded.meta.training_window).toEqual({ from: '2024-04-01T00:00:00Z', to: '2024-05-01T00:00:00Z' });
    for (const x of data.features.slice(0, 300))
      expect(loaded.predictSlippageBps(x)).toBe(predictor.predictSlippageBps(x));
    const loadedFile = SlippagePredictor.load(path);
    expect(loadedFile.predictSlippageBps(data.features[0])).toBe(predictor.predictSlippageBps(data.features[0]));
  });

  it('routes a missing optional feature by the learned default direction', () => {
    const x = { ...data.features[0], competitorPressure: undefined, edgeBps: undefined };
    expect(Number.isFinite(predictor.predictSlippageBps(x))).toBe(true);
  });

  it('rejects bad training input with the row and field named', () => {
    const rows = data.features.slice(0, 30).map((r, i) => (i === 7 ? { ...r, gasPriceGwei: NaN } : r));
    expect(() => SlippagePredictor.train({ rows, targets: data.targets.slice(0, 30) })).toThrow(/row 7: gasPriceGwei/);
    expect(() =>
      SlippagePredictor.train({ rows: data.features.slice(0, 10), targets: data.targets.slice(0, 10) }),
    ).toThrow(/at least 20/);
  });
});

describe('loadSlippagePredictorOrNull', () => {
  it('returns null with exactly one warning for a missing model', () => {
    const warnings: string[] = [];
    expect(loadSlippagePredictorOrNull(join(dir, 'nope', MODEL_FILE), (w) => warnings.push(w))).toBeNull();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/static 50 bps/);
  });

  it('returns null with one warning for a corrupt model and for a model of other features', () => {
    const bad = mkdtempSync(join(dir, 'bad-'));
    writeFileSync(join(bad, MODEL_FILE), '{"learner": ');
    const warnings: string[] = [];
    expect(loadSlippagePredictorOrNull(bad, (w) => warnings.push(w))).toBeNull();
    const other = mkdtempSync(join(dir, 'other-'));
    const doc = JSON.parse(
      JSON.stringify({
        learner: {
          learner_model_param: { num_feature: '1', base_score: '0.5' },
          objective: { name: 'reg:squarederror' },
          gradient_booster: { name: 'gbtree', model: { gbtree_model_param: { num_parallel_tree: '1' }, trees: [] } },
        },
      }),
    );
    writeFileSync(join(other, MODEL_FILE), JSON.stringify(doc));
    expect(loadSlippagePredictorOrNull(other, (w) => warnings.push(w))).toBeNull();
    expect(warnings).toHaveLength(2);
    expect(warnings[1]).toMatch(/features/);
  });

  it('loads a good model', () => {
    expect(loadSlippagePredictorOrNull(dir, () => {})?.version).toBe(predictor.version);
    expect(JSON.parse(JSON.stringify(predictor.meta))).toHaveProperty('metrics.holdout_mae_bps');
    expect(META_FILE).toBe('slippage_xgb.meta.json');
  });
});
