/**
 * `arbml bench dex [--json]`: DEX engine throughput on seeded random pools (see src/dex/bench/benchDex.ts):
 * float64 V2-V2 route screening, bigint confirmation of the top routes, and exact V3 swaps, all on one core.
 */
import type { Command } from 'commander';
import { InvalidInputError } from '../../core/errors.ts';
import { benchDex } from '../../dex/bench/benchDex.ts';
import { commandGroup } from '../group.ts';
import { info, report } from '../output.ts';

interface BenchDexFlags {
  json?: boolean;
  seed: string;
  pools: string;
  routes: string;
  confirm: string;
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
    .command('dex')
    .description('DEX engine speed: V2 route screening, bigint confirmations and V3 swaps per second')
    .option('--seed <n>', 'seed of the random pools and routes', '1')
    .option('--pools <n>', 'random V2 pools', '10000')
    .option('--routes <n>', 'random 2-hop routes', '100000')
    .option('--confirm <n>', 'top routes confirmed in bigint', '1000')
    .option('--json', 'print one JSON object on stdout and nothing else there')
    .action((flags: BenchDexFlags) => {
      const result = benchDex({
        seed: integer(flags.seed, '--seed', 0),
        pools: integer(flags.pools, '--pools', 2),
        routes: integer(flags.routes, '--routes', 1),
        confirm: integer(flags.confirm, '--confirm', 1),
        onStep: (m) => info(`bench dex: ${m}`),
      });
      report({
        json: !!flags.json,
        result,
        human: (r) =>
          [
            `V2 routes/s (float screen, size + net): ${Math.round(r.v2_routes_per_s).toLocaleString()}`,
            `bigint confirmations/s: ${Math.round(r.bigint_confirmations_per_s).toLocaleString()} (screen is ${r.fast_path_speedup.toFixed(0)}x faster)`,
            `V3 swaps/s: ${Math.round(r.v3_swaps_per_s).toLocaleString()}`,
            `screen top 10 = bigint top 10: ${r.top_routes_match} (overlap ${r.top_routes_overlap}/10)`,
          ].join('\n'),
      });
    });
}
