import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../core/errors.ts';
import { gasDecision } from './gasDecision.ts';
import type { HorizonForecast } from './gasForecaster.ts';

const path = (gwei: number[]): HorizonForecast[] =>
  gwei.map((g, i) => ({ horizonMin: 5 * (i + 1), gwei: g, low: g * 0.8, high: g * 1.2 }));

const base = { currentGwei: 100, gasUnits: 300_000, profitBeforeGasEth: 0.05 };

describe('gasDecision', () => {
  it('executes now when gas is forecast to rise more than 20 gwei within the lifetime (the seed rule)', () => {
    const d = gasDecision({ ...base, forecast: path([110, 121, 130]), opportunityLifetimeBlocks: 100 });
    expect(d.action).toBe('execute_now');
    expect(d.reason).toContain('rise to 130.0 gwei in 15 min');
    // 120 is not more than current + 20
    expect(
      gasDecision({ ...base, forecast: path([120]), opportunityLifetimeBlocks: 100, profitBeforeGasEth: 1 }).action,
    ).toBe('execute_now');
    expect(gasDecision({ ...base, forecast: path([120]), opportunityLifetimeBlocks: 100 }).reason).not.toContain(
      'rise',
    );
  });

  it('ignores a spike forecast after the opportunity has closed', () => {
    // lifetime 30 blocks = 6 min: only the 5-minute forecast counts; thin profit (0.001 ETH net now), big fall
    const d = gasDecision({
      ...base,
      profitBeforeGasEth: 0.031,
      forecast: path([20, 200, 300]),
      opportunityLifetimeBlocks: 30,
    });
    expect(d.action).toBe('wait');
    expect(d.waitMin).toBe(5);
  });

  it('waits when a long-lived opportunity can ride an expected fall', () => {
    // saving at 5 min: 40 gwei x 300k gas = 0.012 ETH; P(gone) over 25 blocks at lifetime 1000 = 1-(0.999)^25 = 0.02470
    const d = gasDecision({ ...base, forecast: path([60]), opportunityLifetimeBlocks: 1000 });
    const pGone = 1 - 0.999 ** 25;
    const netNow = 0.05 - 100 * 300_000 * 1e-9;
    expect(d.action).toBe('wait');
    expect(d.expectedGainEth).toBeCloseTo((1 - pGone) * 0.012 - pGone * netNow, 12);
  });

  it('executes now when the opportunity is likely gone before the fall arrives', () => {
    // lifetime 26 blocks: P(gone by 25 blocks) = 1-(25/26)^25 = 0.625; 0.375*0.012 < 0.625*0.02
    const d = gasDecision({ ...base, forecast: path([60]), opportunityLifetimeBlocks: 26 });
    expect(d.action).toBe('execute_now');
    expect(d.reason).toContain('risk');
  });

  it('executes now with no forecast inside the lifetime, and rejects nonsense inputs', () => {
    expect(gasDecision({ ...base, forecast: path([50]), opportunityLifetimeBlocks: 10 }).action).toBe('execute_now');
    expect(() => gasDecision({ ...base, currentGwei: 0, forecast: [], opportunityLifetimeBlocks: 10 })).toThrow(
      InvalidInputError,
    );
  });
});
