import type { Command } from 'commander';
import { InvalidInputError } from '../../core/errors.ts';
import { verifyContracts, verifyPassed, type VerifyContractsReport } from '../../evm/verify/verifyContracts.ts';
import { commandGroup } from '../group.ts';
import { info, report } from '../output.ts';

interface Flags {
  cases: string;
  seed: string;
  json?: boolean;
}

function human(r: VerifyContractsReport): string {
  const flash = Object.entries(r.flash)
    .map(([k, ok]) => `${k} ${ok ? 'equal' : 'NOT EQUAL'}`)
    .join(', ');
  return [
    `V2 (real UniswapV2Pair): ${r.v2.equal}/${r.v2.cases} cases equal to the wei`,
    `V3 (real UniswapV3Pool): ${r.v3.equal}/${r.v3.cases} swaps equal to the wei`,
    `flash loans, owner's profit = prediction: ${flash}`,
    `init code hashes = npm bytecode: ${r.init_code_hashes ? 'yes' : 'NO'}`,
    verifyPassed(r) ? 'all equal' : 'MISMATCH: this installation does not reproduce the real contracts',
  ].join('\n');
}

/**
 * `arbml verify contracts`: deploys the real Uniswap V2/V3, Aave V3 and Balancer V2 bytecode (npm) in-process and
 * checks the TypeScript math against it to the wei. Exit 1 when anything differs.
 */
export function register(program: Command): void {
  commandGroup(program, 'verify')
    .command('contracts')
    .description('Deploy the real protocol contracts in-process and check the TypeScript math against them to the wei')
    .option('--cases <n>', 'random V2 states and random V3 swaps to check (each)', '1000')
    .option('--seed <n>', 'seed of the random cases', '18')
    .option('--json', 'print one JSON object on stdout')
    .action(async (opts: Flags) => {
      const cases = Number(opts.cases);
      const seed = Number(opts.seed);
      if (!Number.isInteger(cases) || cases < 1)
        throw new InvalidInputError(`--cases must be a positive integer, got ${opts.cases}`);
      if (!Number.isInteger(seed) || seed < 0)
        throw new InvalidInputError(`--seed must be a non-negative integer, got ${opts.seed}`);
      const { report: result, details } = await verifyContracts({
        cases,
        seed,
        onProgress: (line) => info(`verify contracts: ${line}`),
      });
      info(
        `verify contracts: V2 ${details.v2.swapped} swaps paid, ${details.v2.exactOut} exact-out; V3 ${details.v3.multiTick} crossed >= 2 initialised ticks, ${details.v3.exactOut} exact-out, ${details.v3.limited} with a price limit, by fee ${JSON.stringify(details.v3.byFee)}; ${details.seconds.toFixed(1)} s`,
      );
      report({ json: !!opts.json, result, human });
      if (!verifyPassed(result)) process.exitCode = 1;
    });
}
