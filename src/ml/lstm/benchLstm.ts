/**
 * The LSTM speed benchmark against PyTorch in the same run: one training epoch of the seed's shape (input 10,
 * hidden 64, 2 layers, linear head), batch 64, sequence 100, 5,000 seeded random sequences, Adam, clipping at 1;
 * best of `epochs` epochs each for PyTorch (1 thread), arbml on 1 thread and on 2 worker threads. Plus the time of
 * one forecast (one sequence, forward only; median of 500 calls).
 */
import { spawnSync } from 'node:child_process';
import { childEnv } from '../../core/childEnv.ts';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRng } from '../../core/random.ts';
import { LstmPredictor } from './lstmPredictor.ts';
import { initParams, paramLayout } from './lstmShape.ts';
import { trainLstm } from './trainLstm.ts';

export interface BenchLstmResult {
  torch_epoch_s: number | null;
  arbml_epoch_s_1thread: number;
  arbml_epoch_s_2threads: number;
  ratio_1thread: number | null;
  ratio_2threads: number | null;
  forecast_ms: number;
  torch_forecast_ms: number | null;
  sequences: number;
  skipped?: string;
}

export interface BenchLstmOptions {
  sequences?: number;
  epochs?: number;
  python?: string;
  onStep?: (msg: string) => void;
}

const shape = { inputSize: 10, hiddenSize: 64, layers: 2, outputSize: 1 };
const seqLen = 100;
const peerScript = fileURLToPath(new URL('../../../bench/peers/lstm_torch_epoch.py', import.meta.url));

function torchEpoch(python: string, sequences: number): { epoch_s: number; forecast_ms: number } | string {
  if (!existsSync(python)) return `${python} not found`;
  const r = spawnSync(python, [peerScript, '1', String(sequences)], {
    encoding: 'utf8',
    env: childEnv({ OMP_NUM_THREADS: '1' }),
  });
  if (r.status !== 0) {
    const err = r.stderr ?? '';
    return /No module named 'torch'/.test(err)
      ? `PyTorch missing for ${python}`
      : `torch peer failed: ${err.trim().split('\n').pop()}`;
  }
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as { epoch_s: number; forecast_ms: number };
}

async function arbmlEpoch(threads: 1 | 2, sequences: number, epochs: number): Promise<number> {
  const rng = createRng(1);
  const x = new Float32Array(sequences * seqLen * shape.inputSize).map(() => rng.normal());
  const y = new Float32Array(sequences).map(() => rng.normal());
  const trained = await trainLstm({
    shape,
    train: { count: sequences, seqLen, inputSize: shape.inputSize, outputSize: 1, x, y },
    epochs,
    patience: epochs,
    seed: 1,
    threads,
    batchSize: 64,
    lr: 1e-3,
    clipNorm: 1,
  });
  return Math.min(...trained.history.map((h) => h.seconds));
}

async function forecastMs(): Promise<number> {
  const rng = createRng(2);
  const params = new Float32Array(paramLayout(shape).total);
  initParams(shape, 2, params);
  const p = LstmPredictor.create(shape, params, seqLen);
  const x = new Float32Array(seqLen * shape.inputSize).map(() => rng.normal());
  for (let i = 0; i < 50; i++) await p.predict(x, 1);
  // Median of single calls: robust to other processes preempting a few of them on a shared machine.
  const times: number[] = [];
  for (let i = 0; i < 500; i++) {
    const t0 = performance.now();
    await p.predict(x, 1);
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[250]!;
}

export async function benchLstm(o: BenchLstmOptions = {}): Promise<BenchLstmResult> {
  const sequences = o.sequences ?? 5000,
    epochs = o.epochs ?? 2,
    python = o.python ?? '/usr/bin/python3';
  o.onStep?.('PyTorch, 1 thread');
  const torch = torchEpoch(python, sequences);
  o.onStep?.(typeof torch === 'string' ? `PyTorch skipped: ${torch}` : `PyTorch epoch ${torch.epoch_s.toFixed(2)} s`);
  o.onStep?.('arbml, 1 thread');
  const one = await arbmlEpoch(1, sequences, epochs);
  o.onStep?.(`arbml 1 thread epoch ${one.toFixed(2)} s; arbml, 2 worker threads`);
  const two = await arbmlEpoch(2, sequences, epochs);
  o.onStep?.(`arbml 2 threads epoch ${two.toFixed(2)} s; one forecast`);
  const forecast = await forecastMs();
  const t = typeof torch === 'string' ? null : torch;
  return {
    torch_epoch_s: t?.epoch_s ?? null,
    arbml_epoch_s_1thread: one,
    arbml_epoch_s_2threads: two,
    ratio_1thread: t ? one / t.epoch_s : null,
    ratio_2threads: t ? two / t.epoch_s : null,
    forecast_ms: forecast,
    torch_forecast_ms: t?.forecast_ms ?? null,
    sequences,
    ...(typeof torch === 'string' ? { skipped: torch } : {}),
  };
}
