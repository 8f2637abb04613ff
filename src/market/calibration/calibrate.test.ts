import { describe, expect, it } from 'vitest';
import { DEFAULT_MARKET_PARAMS } from '../defaultParams.ts';
import { fitCex } from '../cex/fitCex.ts';
import { replayCex } from '../cex/replayCex.ts';
import { readKlines } from '../files/readKlines.ts';
import { join } from 'node:path';
import { calibrate } from './calibrate.ts';
import { TOLERANCES } from './tolerances.ts';

const dataDir = process.env.ARBML_DATA_DIR;
if (!dataDir) console.warn('skipping calibration tests: ARBML_DATA_DIR unset');

describe.skipIf(!dataDir)('calibrate on the real data', () => {
  it('every statistic of the committed defaults (seed 1) is within its tolerance', () => {
    const report = calibrate({ dataDir: dataDir!, seed: 1, marketDays: 7 });
    expect(report.stats.map((s) => s.name)).toEqual(Object.keys(TOLERANCES));
    const failing = report.stats.filter((s) => !s.ok);
    expect(failing).toEqual([]);
    const byName = Object.fromEntries(report.stats.map((s) => [s.name, s]));
    // real figures measured independently (numpy) on the same files
    expect(byName['cex.log_return_1m.std']!.real).toBeCloseTo(0.0011986, 6);
    expect(byName['gas.log_change_5m.std']!.real).toBeCloseTo(0.162875, 5);
    expect(byName['gas.log_level.acf1']!.real).toBeCloseTo(0.934125, 5);
    expect(byName['gas.min_price_gwei.p50']!.real).toBeCloseTo(98.8409, 3);
    expect(byName['lifetime.ethereum.share_0_blocks']!.real).toBeCloseTo(0.40377, 4);
    expect(byName['competitor.tip_to_base_fee.p50']!.real).toBeCloseTo(0.5864, 3);
    // the JSON contract: name, model, real, tolerance, ok
    expect(Object.keys(report.stats[0]!).sort()).toEqual(['model', 'name', 'ok', 'real', 'tolerance']);
  });

  it('the committed CEX parameters are what fitCex gives on the real ETH/USDT minutes', () => {
    const file = join(dataDir!, 'cex/binance/ETH_USDT-1m_2021-11-11_2021-12-11.json');
    const fit = fitCex(replayCex(readKlines(file).rows, file).minutePrices);
    const committed = DEFAULT_MARKET_PARAMS.cex;
    expect(fit.sigma).toBeCloseTo(committed.sigma, 8);
    expect(fit.logVolStd).toBeCloseTo(committed.logVolStd, 5);
    expect(fit.logVolPersistence).toBeCloseTo(committed.logVolPersistence, 6);
    expect(fit.jumpProbability).toBeCloseTo(committed.jumpProbability, 7);
    expect(fit.jumpStd).toBeCloseTo(committed.jumpStd, 7);
  });
});
