/**
 * 5-minute bins of a gas source, built like the real file's columns: min_gas_price = mean over the bin's blocks of
 * (base fee + smallest tip), tip spread = mean of (typical tip - smallest tip) (the real avg - min), utilisation =
 * mean block utilisation.
 */
import type { GasSource } from '../gas/gasBlock.ts';
import { GWEI } from '../gas/gasBlock.ts';

export interface GasBins {
  minGasPrice: Float64Array;
  tipSpread: Float64Array;
  utilisation: Float64Array;
}

export interface GasBinsOptions {
  source: GasSource;
  startMs: number;
  bins: number;
  blockTimeSeconds: number;
}

export function gasBins({ source, startMs, bins, blockTimeSeconds }: GasBinsOptions): GasBins {
  const perBin = Math.round(300 / blockTimeSeconds);
  const out: GasBins = {
    minGasPrice: new Float64Array(bins),
    tipSpread: new Float64Array(bins),
    utilisation: new Float64Array(bins),
  };
  let t = startMs;
  for (let b = 0; b < bins; b++) {
    let minGas = 0;
    let spread = 0;
    let util = 0;
    for (let k = 0; k < perBin; k++) {
      const g = source.next(t);
      t += blockTimeSeconds * 1000;
      minGas += Number(g.baseFeeWei + g.minPriorityFeeWei) / GWEI;
      spread += Number(g.priorityFeeWei - g.minPriorityFeeWei) / GWEI;
      util += g.utilisation;
    }
    out.minGasPrice[b] = minGas / perBin;
    out.tipSpread[b] = spread / perBin;
    out.utilisation[b] = util / perBin;
  }
  return out;
}
