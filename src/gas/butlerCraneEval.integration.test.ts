import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { butlerCraneEval } from './butlerCraneEval.ts';
import { loadGasFile } from './loadGasFile.ts';
import { readEvalPoints } from './readEvalPoints.ts';

const dataDir = process.env.ARBML_DATA_DIR;
if (!dataDir) console.warn('skipping Butler & Crane protocol test: ARBML_DATA_DIR unset');

describe.skipIf(!dataDir)('Butler & Crane protocol on the real gas file', () => {
  it('reproduces the paper-protocol persistence RMSE and the ridge forecaster beats it at every horizon', async () => {
    const { series, rejected } = loadGasFile(join(dataDir!, 'gas/eth-5min-2021-11-26_2022-01-26.csv'));
    expect(rejected).toEqual([]);
    expect(series.length).toBe(17_856);
    expect(series.gaps).toEqual([]);
    const { points, errors } = readEvalPoints(join(dataDir!, 'gas/butler-crane-eval-points.csv'));
    expect(errors).toEqual([]);
    expect(points).toHaveLength(70_788);
    const r = await butlerCraneEval({ series, points, seed: 1, lstm: false, gbdt: false });
    expect(r.horizons_min).toEqual([5, 10, 15, 20, 25, 30, 35, 40, 45, 50]);
    const two = (a: number[]) => a.slice(0, 3).map((x) => Number(x.toFixed(2)));
    expect(two(r.sets.attention!.persistence.rmse)).toEqual([23.86, 31.48, 34.39]);
    expect(two(r.sets.hybrid!.persistence.rmse)).toEqual([25.54, 33.7, 37.65]);
    for (const set of ['attention', 'hybrid']) {
      const s = r.sets[set]!;
      expect(s.windows.map((w) => w.window)).toEqual([0, 1]);
      for (const w of s.windows)
        w.model.rmse.forEach((m, h) => expect(m, `${set} w${w.window} h${h + 1}`).toBeLessThan(w.persistence.rmse[h]!));
    }
    // ridge alone (no trees, no LSTM; its held-out blend weight scales it): pinned so a change in features or targets shows
    expect(two(r.sets.attention!.model.rmse)).toEqual([20.65, 26.36, 28.12]);
    expect(two(r.sets.hybrid!.model.rmse)).toEqual([22.77, 28.98, 31.18]);
  });
});
