/**
 * `arbml bench gbdt`: arbml's GBDT against Python XGBoost (hist, 1 thread) in the same run, on the same data
 * (written as float32 files for the peer): 100 rounds, depth 6, 80/20 holdout.
 * Training time is one cold run each (ours includes binning and JIT warm-up, theirs its sketch); prediction is
 * the best of 10 passes over the holdout; single-row latency is the p99 of one-row calls.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DenseMatrix } from '../denseMatrix.ts';
import { rmse } from '../../../core/statistics.ts';
import { trainGbdt } from '../trainGbdt.ts';
import { runXgboostPeer, type PeerResult } from './xgboostPeer.ts';

export interface BenchGbdtOptions {
  matrix: DenseMatrix;
  labels: Float32Array;
  /** The first rows train, the rest are the holdout. */
  trainRows: number;
  rounds?: number;
  depth?: number;
  onStep?: (message: string) => void;
}

export interface BenchGbdtResult {
  rows: number;
  arbml: { train_s: number; predict_rows_per_s: number; rmse: number; single_row_p99_us: number };
  xgboost: { train_s: number; predict_rows_per_s: number; rmse: number } | null;
  train_ratio: number | null;
  predict_ratio: number | null;
  rmse_ratio: number | null;
  skipped?: string;
}

/** Prediction passes per side; the best counts (the machine is shared, the best pass is the least disturbed). */
const PREDICT_REPEATS = 10;

function slice(m: DenseMatrix, from: number, to: number): DenseMatrix {
  return { data: m.data.subarray(from * m.cols, to * m.cols), rows: to - from, cols: m.cols };
}

function singleRowP99Us(predictRow: (row: Float32Array) => number, test: DenseMatrix, calls: number): number {
  const rows = Array.from({ length: Math.min(test.rows, 1000) }, (_, i) =>
    test.data.subarray(i * test.cols, (i + 1) * test.cols),
  );
  let sink = 0;
  for (let i = 0; i < calls; i++) sink += predictRow(rows[i % rows.length]);
  const times = new Float64Array(calls);
  for (let i = 0; i < calls; i++) {
    const t0 = process.hrtime.bigint();
    sink += predictRow(rows[i % rows.length]);
    times[i] = Number(process.hrtime.bigint() - t0) / 1000;
  }
  if (Number.isNaN(sink)) throw new Error('prediction produced NaN');
  times.sort();
  return times[Math.floor(0.99 * (calls - 1))];
}

export async function benchGbdt({
  matrix,
  labels,
  trainRows: nTrain,
  rounds = 100,
  depth = 6,
  onStep,
}: BenchGbdtOptions): Promise<BenchGbdtResult> {
  const rows = matrix.rows;
  const train = slice(matrix, 0, nTrain);
  const test = slice(matrix, nTrain, rows);
  const testLabels = labels.subarray(nTrain);
  onStep?.(`arbml: training ${rounds} rounds, depth ${depth} on ${nTrain} rows`);
  let t0 = performance.now();
  const model = trainGbdt({
    matrix: train,
    labels: labels.subarray(0, nTrain),
    params: { numRounds: rounds, maxDepth: depth },
  });
  const trainS = (performance.now() - t0) / 1000;
  let pred = model.predict(test);
  let best = Infinity;
  for (let i = 0; i < PREDICT_REPEATS; i++) {
    t0 = performance.now();
    pred = model.predict(test);
    best = Math.min(best, (performance.now() - t0) / 1000);
  }
  const arbml = {
    train_s: trainS,
    predict_rows_per_s: test.rows / best,
    rmse: rmse(testLabels, pred),
    single_row_p99_us: singleRowP99Us((r) => model.predictRow(r), test, 20_000),
  };
  const dir = mkdtempSync(join(tmpdir(), 'arbml-bench-gbdt-'));
  let peer: PeerResult;
  try {
    writeFileSync(join(dir, 'x.f32'), matrix.data);
    writeFileSync(join(dir, 'y.f32'), labels);
    onStep?.('xgboost: same data, hist, 1 thread');
    peer = await runXgboostPeer([
      'bench',
      '--x',
      join(dir, 'x.f32'),
      '--y',
      join(dir, 'y.f32'),
      '--cols',
      String(matrix.cols),
      '--train-rows',
      String(nTrain),
      '--rounds',
      String(rounds),
      '--depth',
      String(depth),
      '--repeats',
      String(PREDICT_REPEATS),
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (!peer.ok)
    return {
      rows,
      arbml,
      xgboost: null,
      train_ratio: null,
      predict_ratio: null,
      rmse_ratio: null,
      skipped: peer.reason,
    };
  const x = peer.result as { train_s: number; predict_rows_per_s: number; rmse: number };
  const xgboost = { train_s: x.train_s, predict_rows_per_s: x.predict_rows_per_s, rmse: x.rmse };
  return {
    rows,
    arbml,
    xgboost,
    train_ratio: arbml.train_s / xgboost.train_s,
    predict_ratio: arbml.predict_rows_per_s / xgboost.predict_rows_per_s,
    rmse_ratio: arbml.rmse / xgboost.rmse,
  };
}
