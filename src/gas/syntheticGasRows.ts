/**
 * A seeded synthetic 5-minute gas series for tests: the base fee follows the EIP-1559 drift of a mean-reverting
 * utilisation, plus tips, spikes and a daily cycle. Not market data; only for exercising code paths.
 */
import { rngFor } from '../core/random.ts';
import type { GasRow } from '../market/files/readGasCsv.ts';
import { binMs } from './gasSeries.ts';

export function syntheticGasRows(count: number, seed: number, startMs = Date.UTC(2021, 10, 26)): GasRow[] {
  const rng = rngFor(seed, 'gas/synthetic');
  let logBase = Math.log(80),
    u = 0.5,
    eth = 4000;
  const rows: GasRow[] = [];
  for (let i = 0; i < count; i++) {
    const timeMs = startMs + i * binMs;
    const daily = 0.03 * Math.sin((2 * Math.PI * (timeMs % 86_400_000)) / 86_400_000);
    u = Math.min(
      0.95,
      Math.max(0.05, u + 0.3 * (0.5 - u) + daily - 0.02 * (logBase - Math.log(80)) + 0.05 * rng.normal()),
    );
    logBase += 6.25 * (u - 0.5) * 0.2;
    const spike = rng.next() < 0.01 ? 1 + 2 * rng.next() : 0;
    const minGas = Math.exp(logBase + spike) + 1;
    eth *= Math.exp(0.002 * rng.normal());
    const gasLimit = 30_000_000;
    rows.push({
      timeMs,
      gasLimit,
      gasUsed: u * gasLimit,
      ethPrice: eth,
      minGasPrice: minGas,
      avgGasPrice: minGas * (1.1 + 0.1 * rng.next()),
      maxGasPrice: minGas * (3 + rng.next()),
      blockUtilisation: u,
    });
  }
  return rows;
}
