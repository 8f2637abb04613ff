/**
 * `arbml retrain` end to end on the embedded database: a 2-day simulated ledger and 12 days of gas rows; the first
 * run records version 1 of each model and promotes those that beat their baseline; the second trains the same
 * candidates and keeps the active ones (not strictly better on the same holdout); `models list` shows both;
 * `--every 1s --max-runs 2` retrains twice and stops.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeReplayFiles } from '../../eval/testing.ts';
import { runCli } from '../testing.ts';
import { parseInterval } from './retrain.ts';

const run = runCli;

interface Outcome {
  artefactDir: string;
  registryVersion: number;
  promoted: boolean;
  candidate: number;
  current: number | null;
  baseline: number;
  higherIsBetter: boolean;
}

describe('arbml retrain (embedded database)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'arbml-retrain-'));
  const db = ['--db-path', join(dir, 'db')];
  const models = join(dir, 'models');
  const common = [
    ...db,
    '--models-dir',
    models,
    '--rl-episodes',
    '300',
    '--rl-days',
    '1',
    '--gas-epochs',
    '2',
    '--json',
  ];
  const saved = process.env.DATABASE_URL;
  let first: Record<string, Outcome>, second: Record<string, Outcome>;
  beforeAll(async () => {
    delete process.env.DATABASE_URL;
    // 14 days: in a world where searchers race every edge the heuristic executes few trades, and the slippage
    // retrain needs 50 usable executed rows (7 days of seed 1 give 37).
    expect((await run(['simulate', '--days', '14', '--seed', '1', ...db, '--json'])).code).toBe(0);
    const { gasFile } = writeReplayFiles({ dir, startMs: Date.UTC(2021, 10, 26), days: 12, seed: 2 });
    expect((await run(['import', 'gas', gasFile, ...db])).code).toBe(0);
    first = JSON.parse((await run(['retrain', ...common])).stdout).models;
    second = JSON.parse((await run(['retrain', ...common])).stdout).models;
  }, 180_000);
  afterAll(() => {
    if (saved !== undefined) process.env.DATABASE_URL = saved;
    rmSync(dir, { recursive: true, force: true });
  });

  it('first run: version 1 of each model, promoted exactly when it beats its baseline, current files published', () => {
    for (const kind of ['slippage', 'gas', 'rl']) {
      const o = first[kind]!;
      expect(o.registryVersion).toBe(1);
      expect(o.current).toBeNull();
      expect(o.promoted).toBe(o.higherIsBetter ? o.candidate > o.baseline : o.candidate < o.baseline);
    }
    expect(first.slippage!.promoted).toBe(true);
    expect(existsSync(join(models, 'slippage_xgb.json'))).toBe(first.slippage!.promoted);
    expect(existsSync(join(models, 'gas-forecaster.json'))).toBe(first.gas!.promoted);
    // The RL version's folder holds the policy and the profitability model the ML decider uses with it.
    expect(existsSync(join(first.rl!.artefactDir, 'rl_policy.json'))).toBe(true);
    expect(existsSync(join(first.rl!.artefactDir, 'profitability.json'))).toBe(true);
  });

  it('second run: same data, same holdout -> the active model scores what the candidate scores and stays active', () => {
    expect(second.slippage!.registryVersion).toBe(2);
    expect(second.slippage!.current).toBe(first.slippage!.candidate);
    expect(second.slippage!.candidate).toBe(first.slippage!.candidate);
    expect(second.slippage!.promoted).toBe(false);
    expect(first.gas!.promoted).toBe(true);
    expect(second.gas!.current).toBe(first.gas!.candidate);
    expect(second.gas!.promoted).toBe(false);
  });

  it('models list shows both versions with their status', async () => {
    const { models: rows } = JSON.parse(
      (await run(['models', 'list', '--kind', 'slippage', ...db, '--json'])).stdout,
    ) as { models: { version: number; status: string }[] };
    expect(rows.map((r) => `${r.version}:${r.status}`)).toEqual(['1:active', '2:candidate']);
  });

  it('--every 1s --max-runs 2 retrains twice, then stops', async () => {
    expect(parseInterval('7d')).toBe(604_800_000);
    expect(() => parseInterval('7 days')).toThrow(/--every/);
    const r = await run(['retrain', '--every', '1s', '--max-runs', '2', '--kinds', 'slippage', ...common]);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { run: number; models: Record<string, Outcome> });
    expect(lines.map((l) => l.run)).toEqual([1, 2]);
    expect(lines.map((l) => l.models.slippage!.registryVersion)).toEqual([3, 4]);
  }, 60_000);
});
