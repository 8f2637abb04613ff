/**
 * `arbml bench scan [--json]`: the hot path on the default universe scaled to 1,000 pools (src/decide/scan/
 * benchScan.ts): per block, the time from new pool states to every profitable 2- and 3-hop cycle through the
 * changed pools sized, priced exactly and decided by the heuristic decider; and float V3 quotes per second.
 * Targets: p99 under 5 ms on one core, at least 500,000 V3 quotes/s. Seeded and deterministic (but for timings).
 */
import type { Command } from 'commander';
import { InvalidInputError } from '../../core/errors.ts';
import { benchScan } from '../../decide/scan/benchScan.ts';
import { commandGroup } from '../group.ts';
import { info, report } from '../output.ts';

interface BenchScanFlags {
  json?: boolean;
  seed: string;
  pools: string;
  blocks: string;
  universe?: string;
}

function integer(text: string, flag: string, min: number): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < min)
    throw new InvalidInputError(
      `${flag} must be ${min === 0 ? 'a non-negative integer' : `an integer >= ${min}`}, got ${text}`,
    );
  return n;
}

export function register(program: Command): void {
  commandGroup(program, 'bench')
    .command('scan')
    .description(
      'universe scan speed: per-block time to every profitable cycle sized and decided, V3 quotes per second',
    )
    .option('--seed <n>', 'seed of the universe pools and the noise', '1')
    .option('--pools <n>', 'pools (the default universe repeated on more venues)', '1000')
    .option('--blocks <n>', 'timed blocks (the three chains in turn)', '600')
    .option('--universe <file>', 'universe file (default: src/market/universe/default-universe.json)')
    .option('--json', 'print one JSON object on stdout and nothing else there')
    .action((flags: BenchScanFlags) => {
      const result = benchScan({
        seed: integer(flags.seed, '--seed', 0),
        pools: integer(flags.pools, '--pools', 2),
        blocks: integer(flags.blocks, '--blocks', 1),
        universeFile: flags.universe,
        onStep: (m) => info(`bench scan: ${m}`),
      });
      report({
        json: !!flags.json,
        result,
        human: (r) =>
          [
            `pools: ${r.pools}, profitable cycles per block: ${r.cycles_per_block.toFixed(2)}`,
            `per block, new states to decisions: p50 ${r.p50_ms.toFixed(3)} ms, p99 ${r.p99_ms.toFixed(3)} ms (target p99 < 5 ms)`,
            `V3 quotes/s (float, survivors confirmed by swapV3): ${Math.round(r.v3_quotes_per_s).toLocaleString()} (target >= 500,000)`,
          ].join('\n'),
      });
    });
}
