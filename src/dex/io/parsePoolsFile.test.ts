import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatUnits } from '../price/units.ts';
import { quoteRoute } from '../routes/quoteRoute.ts';
import { scanRoutes } from '../routes/scanRoutes.ts';
import { parsePoolsFile } from './parsePoolsFile.ts';

const examplePath = new URL('../../../examples/pools.ethereum.json', import.meta.url);
const exampleText = readFileSync(examplePath, 'utf8');

describe('parsePoolsFile', () => {
  it('loads the example file and finds its profitable routes, all confirmed in bigint', () => {
    const file = parsePoolsFile(exampleText, 'pools.ethereum.json');
    expect(file.pools.length).toBe(5);
    expect(file.providers.map((p) => p.kind)).toEqual(['aave-v3', 'balancer-v2', 'uniswap-v2']);
    expect(file.baseFeeWei).toBe(25n * 10n ** 9n);
    expect(file.rejected).toEqual([]);
    const scan = scanRoutes({
      chain: file.chain,
      pools: file.pools,
      providers: file.providers,
      baseFeeWei: file.baseFeeWei,
      priorityFeeWei: file.priorityFeeWei,
      tokenPerNative: file.tokenPerNative,
    });
    expect(scan.routesFound).toBe(30);
    const profitable = scan.quotes.filter((q) => q.netProfit > 0n);
    expect(profitable.length).toBe(4);
    const best = profitable[0];
    // Sushiswap is 1% above Uniswap: borrow WETH, sell on Sushiswap, buy back on Uniswap V2, Balancer (no fee).
    expect(best.route.hops.map((h) => h.pool.dex)).toEqual(['sushiswap', 'uniswap-v2']);
    expect(best.provider.kind).toBe('balancer-v2');
    expect(best.amountOut).toBe(quoteRoute(best.route, best.amountIn).amounts[2]);
    // 252,000 gas at 26 gwei (two V2 hops through the Balancer Vault)
    expect(best.gasCost.wei).toBe(252_000n * 26n * 10n ** 9n);
    expect(formatUnits(best.netProfit, 18)).toBe(formatUnits(best.grossProfit - best.gasCost.wei, 18));
  });

  it('rejects bad pools with the file and field named, and keeps the good ones', () => {
    const raw = JSON.parse(exampleText);
    raw.pools[0].reserve0 = 12.5;
    raw.pools[1].token1 = 'XYZ';
    raw.pools[2].tick = raw.pools[2].tick + 500;
    raw.pools.push({ type: 'v4' });
    raw.flashProviders.push({ kind: 'dydx', liquidity: {} });
    const file = parsePoolsFile(JSON.stringify(raw), 'bad.json');
    expect(file.pools.length).toBe(2);
    expect(file.providers.length).toBe(3);
    expect(file.rejected.map((r) => r.reason)).toEqual([
      'bad.json: flashProviders[3].kind must be aave-v3, balancer-v2 or uniswap-v2',
      'bad.json: pools[0].reserve0 must be a decimal string of base units',
      'bad.json: pools[1].token1: unknown token "XYZ" (declare it under "tokens")',
      expect.stringMatching(/^bad\.json: pools\[2\]: pool 0x88e6.*tick .* does not match sqrtPriceX96/),
      'bad.json: pools[5].type must be "v2" or "v3"',
    ]);
    expect(() => parsePoolsFile('{', 'x.json')).toThrow(/x\.json is not a valid pools JSON/);
    expect(() => parsePoolsFile(JSON.stringify({ ...raw, chain: 'solana' }), 'x.json')).toThrow(/chain must be one of/);
  });
});
