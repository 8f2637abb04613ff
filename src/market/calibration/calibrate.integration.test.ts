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
    // recomputed (numpy) from the MEV files: the figures
    expect(byName.capture_distance_ethereum_0!.real).toBeCloseTo(0.40377, 4);
    expect(byName.capture_distance_ethereum_1!.real).toBeCloseTo(0.2278, 3);
    expect(byName.capture_distance_ethereum_2!.real).toBeCloseTo(0.1095, 3);
    expect(byName.capture_distance_ethereum_3!.real).toBeCloseTo(0.0542, 3);
    expect(byName.builder_payment_bps_of_volume_p50!.real).toBeCloseTo(3.08, 1);
    expect(byName.builder_payment_bps_of_volume_p95!.real).toBeCloseTo(31.6, 0);
    expect(byName.losing_arb_share!.real).toBeCloseTo(0.3157, 3);
    expect(byName.polygon_v3_tick_change_1m_p50!.real).toBe(3);
    expect(byName.polygon_v3_tick_change_1m_p90!.real).toBe(17);
    expect(byName.polygon_v3_no_swap_minute_share!.real).toBeCloseTo(0.02324, 4);
    // the JSON contract: name, model, real, tolerance, ok, source
    expect(Object.keys(report.stats[0]!).sort()).toEqual(['model', 'name', 'ok', 'real', 'source', 'tolerance']);
    expect(report.stats.every((s) => s.source !== '')).toBe(true);
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
