/**
 * Gas forecasts for a decider inside a running market (paper or live): the tape folds each Ethereum block into
 * 5-minute bins; when a bin completes, a forecast from the history up to it starts, and decisions read the latest
 * finished one (never a bin that was not complete). The runner awaits the forecast before the block's decisions, so a
 * simulation is reproducible; a forecast older than `maxAgeMs` is not used.
 */
import type { BlockSnapshot } from '../market/blockSnapshot.ts';
import type { GasForecaster, HorizonForecast } from './gasForecaster.ts';
import { binMs } from './gasSeries.ts';
import { GasTape } from './gasTape.ts';

export class LiveGasForecast {
  private readonly tape = new GasTape();
  private bins = 0;
  private latest: { originMs: number; ratios: number[]; low: number[]; high: number[] } | null = null;
  /** Forecasts that failed (logged once each by the caller's warn). */
  failures = 0;

  constructor(
    private readonly forecaster: GasForecaster,
    private readonly maxAgeMs = 3 * binMs,
    private readonly warn: (m: string) => void = () => {},
  ) {}

  /** Records a block; when it completes a bin, returns the forecast in flight (await it for a reproducible run). */
  observe(b: BlockSnapshot): Promise<void> | undefined {
    this.tape.observe(b);
    const rows = this.tape.rows;
    if (rows.length === this.bins) return undefined;
    this.bins = rows.length;
    if (rows.length < this.forecaster.historyBins) return undefined;
    const history = rows.slice(-this.forecaster.historyBins);
    const origin = history[history.length - 1]!;
    return this.forecaster.predict(history).then(
      (f) => {
        if (this.latest && this.latest.originMs > origin.timeMs) return;
        const now = origin.minGasPrice;
        this.latest = {
          originMs: origin.timeMs,
          ratios: f.map((x) => x.gwei / now),
          low: f.map((x) => x.low / now),
          high: f.map((x) => x.high / now),
        };
      },
      (e: unknown) => {
        this.failures++;
        this.warn(`gas forecast failed: ${e instanceof Error ? e.message : String(e)}`);
      },
    );
  }

  /** The latest finished forecast, as changes applied to `currentGwei`; null if none is recent enough. */
  forecastAt(timeMs: number, currentGwei: number): HorizonForecast[] | null {
    const f = this.latest;
    if (!f || timeMs - (f.originMs + binMs) > this.maxAgeMs) return null;
    return f.ratios.map((r, h) => ({
      horizonMin: 5 * (h + 1),
      gwei: currentGwei * r,
      low: currentGwei * f.low[h]!,
      high: currentGwei * f.high[h]!,
    }));
  }
}
