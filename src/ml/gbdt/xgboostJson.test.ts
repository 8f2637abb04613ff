import { describe, expect, it } from 'vitest';
import { trainGbdt } from './trainGbdt.ts';
import { fromXgboostJson, xgboostJsonText } from './xgboostJson.ts';

const rows = 500;
const data = Float32Array.from({ length: rows * 2 }, (_, i) => (i % 11 === 0 ? NaN : ((i * 7919) % 1000) / 10));
const labels = Array.from({ length: rows }, (_, r) => (data[2 * r] > 50 ? 10 : 0) + (data[2 * r + 1] || 0) / 10);
const matrix = { data, rows, cols: 2 };
const model = trainGbdt({
  matrix,
  labels,
  featureNames: ['x', 'y'],
  params: { numRounds: 12, maxDepth: 4, objective: 'reg:pseudohubererror', huberSlope: 2, baseScore: 5 },
});

describe('XGBoost JSON model format', () => {
  const text = xgboostJsonText(model);
  const doc = JSON.parse(text);

  it('writes the learner / gradient_booster / trees layout with float arrays XGBoost parses as floats', () => {
    expect(doc.version).toEqual([1, 7, 4]);
    expect(doc.learner.objective).toEqual({ name: 'reg:pseudohubererror', pseudo_huber_param: { huber_slope: '2' } });
    expect(doc.learner.learner_model_param.base_score).toBe('5');
    expect(doc.learner.feature_names).toEqual(['x', 'y']);
    const trees = doc.learner.gradient_booster.model.trees;
    expect(trees).toHaveLength(12);
    expect(trees[0].parents[0]).toBe(2147483647);
    expect(Number(trees[0].tree_param.num_nodes)).toBe(trees[0].left_children.length);
    expect(text).not.toMatch(/"split_conditions":\[[^\]]*[,[]-?\d+[,\]]/); // no bare integers in float arrays
  });

  it('round-trips to identical predictions', () => {
    const back = fromXgboostJson(doc);
    expect(Array.from(back.predict(matrix))).toEqual(Array.from(model.predict(matrix)));
    expect(back.objective).toBe('reg:pseudohubererror');
    expect(back.huberSlope).toBe(2);
    expect(xgboostJsonText(back)).toBe(text);
  });

  it('rejects what it cannot predict exactly, naming the field', () => {
    const clone = () => JSON.parse(text);
    const cat = clone();
    cat.learner.gradient_booster.model.trees[3].split_type[0] = 1;
    expect(() => fromXgboostJson(cat)).toThrow(/trees\[3\] has categorical splits/);
    const obj = clone();
    obj.learner.objective.name = 'binary:logistic';
    expect(() => fromXgboostJson(obj)).toThrow(/objective binary:logistic is not supported/);
    const bad = clone();
    bad.learner.gradient_booster.model.trees[0].left_children[0] = 0;
    expect(() => fromXgboostJson(bad)).toThrow(/repeated/);
    const short = clone();
    short.learner.gradient_booster.model.trees[1].split_indices.pop();
    expect(() => fromXgboostJson(short)).toThrow(/trees\[1\].split_indices is not an array of/);
    expect(() => fromXgboostJson({})).toThrow(/learner is not an object/);
  });
});
