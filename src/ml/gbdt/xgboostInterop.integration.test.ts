import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createRng } from '../../core/random.ts';
import { runXgboostPeer, xgboostAvailable } from './bench/xgboostPeer.ts';
import { trainGbdt } from './trainGbdt.ts';
import { fromXgboostJson, toXgboostJson, xgboostJsonText } from './xgboostJson.ts';

const available = await xgboostAvailable();
if (available !== true) console.warn(`skipping XGBoost interop tests: ${available}`);

const dir = mkdtempSync(join(tmpdir(), 'arbml-xgb-interop-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const rng = createRng(8);
const rows = 4000;
const cols = 5;
const data = new Float32Array(rows * cols);
const labels = new Float32Array(rows);
for (let r = 0; r < rows; r++) {
  const v = [rng.normal(), rng.next() * 100, rng.next() < 0.15 ? NaN : rng.next(), rng.int(4), Math.exp(rng.normal())];
  data.set(v, r * cols);
  labels[r] =
    5 * Math.tanh(v[0]) + Math.sqrt(v[1]) + (Number.isNaN(v[2]) ? -3 : 4 * v[2]) + v[3] * v[4] + rng.normal() * 0.3;
}
const matrix = { data, rows, cols };
const names = ['a', 'b', 'c', 'd', 'e'];
writeFileSync(join(dir, 'x.f32'), data);
writeFileSync(join(dir, 'y.f32'), labels);

async function pythonPredict(model: string): Promise<Float32Array> {
  const out = join(dir, 'pred.f32');
  const res = await runXgboostPeer([
    'predict',
    '--model',
    model,
    '--x',
    join(dir, 'x.f32'),
    '--cols',
    String(cols),
    '--out',
    out,
  ]);
  if (!res.ok) throw new Error(res.reason);
  return new Float32Array(readFileSync(out).buffer.slice(0));
}

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

describe.skipIf(available !== true)('XGBoost interop (Python xgboost 1.7)', () => {
  it('Python xgboost loads our model file and predicts the same', async () => {
    const model = trainGbdt({
      matrix,
      labels,
      featureNames: names,
      params: {
        numRounds: 40,
        maxDepth: 5,
        objective: 'reg:pseudohubererror',
        huberSlope: 3,
        baseScore: 8,
        subsample: 0.8,
        colsampleBytree: 0.8,
        seed: 3,
      },
    });
    const path = join(dir, 'ours.json');
    writeFileSync(path, xgboostJsonText(model));
    const theirs = await pythonPredict(path);
    expect(theirs.length).toBe(rows);
    expect(maxAbsDiff(theirs, model.predict(matrix))).toBeLessThanOrEqual(1e-5);
  });

  it('a model trained by Python xgboost loads into arbml and predicts the same', async () => {
    const path = join(dir, 'theirs.json');
    const params = {
      num_rounds: 50,
      max_depth: 6,
      eta: 0.2,
      subsample: 0.7,
      colsample_bytree: 0.6,
      min_child_weight: 3,
      lambda: 2,
      gamma: 0.1,
      seed: 9,
      feature_names: names,
    };
    const res = await runXgboostPeer([
      'train',
      '--x',
      join(dir, 'x.f32'),
      '--y',
      join(dir, 'y.f32'),
      '--cols',
      String(cols),
      '--params',
      JSON.stringify(params),
      '--save',
      path,
    ]);
    expect(res.ok).toBe(true);
    const loaded = fromXgboostJson(JSON.parse(readFileSync(path, 'utf8')));
    expect(loaded.trees.length).toBe(50);
    expect(loaded.featureNames).toEqual(names);
    expect(maxAbsDiff(loaded.predict(matrix), await pythonPredict(path))).toBeLessThanOrEqual(1e-5);
  });

  it('trains the same trees as xgboost hist on the same data and parameters', async () => {
    const path = join(dir, 'same.json');
    const res = await runXgboostPeer([
      'train',
      '--x',
      join(dir, 'x.f32'),
      '--y',
      join(dir, 'y.f32'),
      '--cols',
      String(cols),
      '--params',
      JSON.stringify({
        num_rounds: 30,
        max_depth: 6,
        eta: 0.3,
        min_child_weight: 2,
        lambda: 1.5,
        gamma: 0.05,
        base_score: 0.5,
      }),
      '--save',
      path,
    ]);
    expect(res.ok).toBe(true);
    const theirs = JSON.parse(readFileSync(path, 'utf8')).learner.gradient_booster.model.trees;
    const ours = (
      toXgboostJson(
        trainGbdt({
          matrix,
          labels,
          params: { numRounds: 30, maxDepth: 6, eta: 0.3, minChildWeight: 2, lambda: 1.5, gamma: 0.05 },
        }),
      ) as { learner: { gradient_booster: { model: { trees: typeof theirs } } } }
    ).learner.gradient_booster.model.trees;
    expect(ours.length).toBe(theirs.length);
    for (let t = 0; t < theirs.length; t++) {
      expect(ours[t].split_indices).toEqual(theirs[t].split_indices);
      expect(ours[t].left_children).toEqual(theirs[t].left_children);
      expect(ours[t].default_left).toEqual(theirs[t].default_left);
      expect(ours[t].split_conditions.map(Math.fround)).toEqual(theirs[t].split_conditions.map(Math.fround));
    }
  });
});
