/**
 * `arbml quote --chain ethereum --pools FILE.json [--json]`: every profitable route through the pools in the
 * file (format: src/dex/io/parsePoolsFile.ts, example examples/pools.ethereum.json), with its optimal size,
 * gross profit, flash fee, gas and net profit, all from exact bigint math.
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { InvalidInputError } from '../../core/errors.ts';
import { parsePoolsFile } from '../../dex/io/parsePoolsFile.ts';
import { formatUnits } from '../../dex/price/units.ts';
import { routePath } from '../../dex/routes/route.ts';
import { scanRoutes } from '../../dex/routes/scanRoutes.ts';
import type { RouteQuote } from '../../dex/routes/evaluateRoute.ts';
import { report, warn } from '../output.ts';

interface QuoteFlags {
  chain: string;
  pools: string;
  json?: boolean;
  maxHops?: string;
}

function routeRow(q: RouteQuote) {
  const d = q.route.token.decimals;
  return {
    route: routePath(q.route),
    pools: q.route.hops.map((h) => ({
      dex: h.pool.dex,
      address: h.pool.address,
      type: h.pool.kind,
      zeroForOne: h.zeroForOne,
    })),
    token: q.route.token.symbol,
    amount_in: q.amountIn,
    amount_out: q.amountOut,
    gross_profit: q.grossProfit,
    flash_provider: q.provider.name,
    flash_fee: q.flashFee,
    gas_used: q.gasUsed,
    gas_cost_wei: q.gasCost.wei,
    gas_cost_token: q.gasCost.token,
    net_profit: q.netProfit,
    display: {
      amount_in: formatUnits(q.amountIn, d),
      gross_profit: formatUnits(q.grossProfit, d),
      flash_fee: formatUnits(q.flashFee, d),
      gas_cost: formatUnits(q.gasCost.token, d),
      net_profit: formatUnits(q.netProfit, d),
    },
  };
}

type Row = ReturnType<typeof routeRow>;

function human(r: { chain: string; routes_found: number; profitable: Row[]; rejected: unknown[] }): string {
  const lines = [`${r.chain}: ${r.routes_found} routes, ${r.profitable.length} profitable after flash fee and gas`];
  for (const p of r.profitable) {
    lines.push(
      `${p.route} via ${p.pools.map((x) => x.dex).join(' -> ')}  size ${p.display.amount_in} ${p.token}  gross ${p.display.gross_profit}  ` +
        `flash ${p.display.flash_fee} (${p.flash_provider})  gas ${p.gas_used} = ${p.display.gas_cost}  net ${p.display.net_profit} ${p.token}`,
    );
  }
  return lines.join('\n');
}

export function register(program: Command): void {
  program
    .command('quote')
    .description(
      'Profitable arbitrage routes through the pool states in a JSON file (exact bigint sizing and net profit)',
    )
    .requiredOption('--chain <chain>', 'ethereum or polygon (must match the file)')
    .requiredOption('--pools <file>', 'pool-state JSON file (see examples/pools.ethereum.json)')
    .option('--max-hops <n>', '2 (cross-pool pairs) or 3 (also triangles)', '3')
    .option('--json', 'print one JSON object on stdout and nothing else there')
    .action((flags: QuoteFlags) => {
      let text: string;
      try {
        text = readFileSync(flags.pools, 'utf8');
      } catch (cause) {
        throw new InvalidInputError(`cannot read pools file ${flags.pools}`, { cause });
      }
      const file = parsePoolsFile(text, flags.pools);
      if (file.chain !== flags.chain)
        throw new InvalidInputError(`--chain ${flags.chain} but ${flags.pools} describes ${file.chain}`);
      if (flags.maxHops !== '2' && flags.maxHops !== '3') throw new InvalidInputError('--max-hops must be 2 or 3');
      for (const r of file.rejected) warn(`rejected ${r.reason}`);
      const scan = scanRoutes({
        chain: file.chain,
        pools: file.pools,
        providers: file.providers,
        baseFeeWei: file.baseFeeWei,
        priorityFeeWei: file.priorityFeeWei,
        tokenPerNative: file.tokenPerNative,
        maxHops: flags.maxHops === '2' ? 2 : 3,
      });
      for (const s of scan.skipped) if (s.reason.startsWith('no native price')) warn(`skipped ${s.route}: ${s.reason}`);
      const result = {
        chain: file.chain,
        pools: file.pools.length,
        routes_found: scan.routesFound,
        routes_evaluated: scan.quotes.length,
        routes_skipped: scan.skipped.length,
        profitable: scan.quotes.filter((q) => q.netProfit > 0n).map(routeRow),
        rejected: file.rejected,
      };
      report({ json: !!flags.json, result, human });
    });
}
