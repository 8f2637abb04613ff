/**
 * The real protocols against the TypeScript math, as `arbml verify contracts` runs them: 1,000 random V2 states
 * on the real UniswapV2Pair and 1,000 random V3 swaps on real UniswapV3Pools (every fee tier, exact in and out,
 * price limits, more than 20% crossing two or more initialised ticks) equal to the wei; flash loans through the
 * real Aave V3 Pool, Balancer V2 Vault and V2 flash swap pay the owner exactly the prediction; init code hashes
 * match. Also the CLI end to end (one JSON object, exit 0) on a quick run.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../../cli/testing.ts';
import { verifyContracts } from './verifyContracts.ts';

describe('verify contracts (real protocol bytecode)', () => {
  it('1,000 V2 states and 1,000 V3 swaps equal to the wei, three real flash loans pay exactly the prediction', async () => {
    const { report, details } = await verifyContracts({ cases: 1000, seed: 18 });
    expect(report).toEqual({
      v2: { cases: 1000, equal: 1000 },
      v3: { cases: 1000, equal: 1000 },
      flash: { 'aave-v3': true, 'balancer-v2': true, 'uniswap-v2': true },
      init_code_hashes: true,
    });
    // The generators exercise what they claim.
    expect(details.v2.swapped).toBeGreaterThan(600);
    expect(details.v2.exactOut).toBeGreaterThan(300);
    expect(details.v3.multiTick).toBeGreaterThan(200);
    expect(details.v3.exactOut).toBeGreaterThan(200);
    expect(details.v3.limited).toBeGreaterThan(200);
    for (const fee of [100, 500, 3000, 10000]) expect(details.v3.byFee[fee]).toBeGreaterThan(150);
    for (const f of details.flash) {
      expect(f.predicted, f.kind).toBeGreaterThan(0n);
      expect(f.paidToOwner, f.kind).toBe(f.predicted);
      expect(f.lenderRepaid, f.kind).toBe(f.fee);
    }
    // Aave's real premium is 5 bps, half-up: the fee is exactly (amount * 5 + 5000) / 10000.
    const aave = details.flash.find((f) => f.kind === 'aave-v3')!;
    expect(aave.fee).toBe((aave.amountIn * 5n + 5_000n) / 10_000n);
  }, 300_000);

  it('the CLI prints exactly the report as one JSON object and exits 0', async () => {
    const { code, stdout } = await runCli(['verify', 'contracts', '--cases', '30', '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      v2: { cases: 30, equal: 30 },
      v3: { cases: 30, equal: 30 },
      flash: { 'aave-v3': true, 'balancer-v2': true, 'uniswap-v2': true },
      init_code_hashes: true,
    });
    expect(stdout.trim().split('\n')).toHaveLength(1);
  }, 120_000);

  it('rejects a bad --cases with exit 2', async () => {
    expect((await runCli(['verify', 'contracts', '--cases', '0'])).code).toBe(2);
  });
});
