import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('arbml quote', () => {
  it('prints one JSON object with the profitable routes of the example file', () => {
    const stdout = execFileSync(
      'npx',
      ['tsx', 'src/cli/main.ts', 'quote', '--chain', 'ethereum', '--pools', 'examples/pools.ethereum.json', '--json'],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const result = JSON.parse(stdout);
    expect(result.chain).toBe('ethereum');
    expect(result.routes_found).toBe(30);
    expect(result.profitable.length).toBe(4);
    const best = result.profitable[0];
    expect(best.route).toBe('WETH>USDC>WETH');
    expect(BigInt(best.net_profit)).toBe(
      BigInt(best.gross_profit) - BigInt(best.flash_fee) - BigInt(best.gas_cost_token),
    );
    expect(BigInt(best.net_profit)).toBeGreaterThan(0n);
  });
});
