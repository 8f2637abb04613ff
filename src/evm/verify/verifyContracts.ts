/**
 * `arbml verify contracts`: stands up the real protocols (npm bytecode) on the in-process EVM and checks the
 * TypeScript money math against them to the wei: `cases` random V2 states on the real pair, `cases` random V3
 * swaps on real pools, flash loans through the real Aave V3 Pool, Balancer V2 Vault and a V2 pair's flash swap
 * (owner's profit = prediction), and the address book's init code hashes against the npm bytecode. Seeded: the
 * same seed gives the same cases.
 */
import type { Address } from 'viem';
import { createRng } from '../../core/random.ts';
import type { FlashProviderKind } from '../../dex/flash/flashProvider.ts';
import { checkInitCodeHashes } from '../addressBook/initCodeHashes.ts';
import { compileContracts } from '../compile.ts';
import { deployContract } from '../deploy.ts';
import { startLocalChain } from '../localChain.ts';
import { randomCaseV3 } from '../propertyCases.ts';
import { deployProtocols } from '../protocols/deployProtocols.ts';
import { createPairV2 } from '../protocols/deployUniswap.ts';
import { checkRealFlashLoans, type FlashCheck } from './realFlashLoans.ts';
import { predictProbeV2, probesOf, randomRealCaseV2, runProbeV2 } from './realV2Cases.ts';
import { predictV3, runProbeV3 } from './realV3Cases.ts';

export interface VerifyContractsReport {
  v2: { cases: number; equal: number };
  v3: { cases: number; equal: number };
  flash: Record<FlashProviderKind, boolean>;
  init_code_hashes: boolean;
}

export interface VerifyContractsDetails {
  v2: { exactOut: number; swapped: number; firstUnequal?: number };
  v3: {
    exactOut: number;
    limited: number;
    multiTick: number;
    reverted: number;
    byFee: Record<number, number>;
    firstUnequal?: number;
  };
  flash: FlashCheck[];
  seconds: number;
}

export interface VerifyContractsOptions {
  cases: number;
  seed?: number;
  onProgress?: (line: string) => void;
}

const BATCH = 25;
const same = (a: unknown, b: unknown) =>
  JSON.stringify(a, (_k, v) => (typeof v === 'bigint' ? v.toString() : v)) ===
  JSON.stringify(b, (_k, v) => (typeof v === 'bigint' ? v.toString() : v));

export async function verifyContracts({
  cases,
  seed = 18,
  onProgress = () => {},
}: VerifyContractsOptions): Promise<{ report: VerifyContractsReport; details: VerifyContractsDetails }> {
  const started = Date.now();
  const artifacts = compileContracts();
  const chain = await startLocalChain();
  const from = chain.accounts[0];
  const ctx = { clients: chain, from };
  const d = await deployProtocols({ ctx, artifacts, onStage: (s) => onProgress(`deploy: ${s}`) });
  const probe = await deployContract({ clients: chain, artifacts, contractName: 'RealPoolProbe', from });
  const token = (s: string): Promise<Address> =>
    deployContract({ clients: chain, artifacts, contractName: 'TestERC20', args: [s, s, 18], from });
  const [tokenA, tokenB] = [await token('PA'), await token('PB')];
  const pair = await createPairV2(ctx, d.v2.uniswapFactory, tokenA, tokenB);

  const rng = createRng(seed);
  const v2Rng = rng.fork('verify/v2');
  const v2 = { cases, equal: 0 };
  const v2d: VerifyContractsDetails['v2'] = { exactOut: 0, swapped: 0 };
  for (let i = 0; i < cases; i += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, cases - i) }, () => randomRealCaseV2(v2Rng));
    const results = await Promise.all(
      batch.map(async (c) => {
        const probes = probesOf(c);
        const evm = await Promise.all(
          probes.map(([x, y]) => runProbeV2({ clients: chain, artifacts, probe, pair }, c, x, y)),
        );
        return probes.every(([x, y], k) => same(evm[k], predictProbeV2(c, x, y))) && (evm[0].accepted ? 1 : 0);
      }),
    );
    results.forEach((r, j) => {
      if (r !== false) v2.equal++;
      else v2d.firstUnequal ??= i + j;
      if (r === 1) v2d.swapped++;
      if (!batch[j].exactIn) v2d.exactOut++;
    });
    if ((i / BATCH) % 8 === 0 || i + BATCH >= cases)
      onProgress(`v2: ${Math.min(i + BATCH, cases)}/${cases} cases, ${v2.equal} equal`);
  }

  const v3Rng = rng.fork('verify/v3');
  const v3 = { cases, equal: 0 };
  const v3d: VerifyContractsDetails['v3'] = { exactOut: 0, limited: 0, multiTick: 0, reverted: 0, byFee: {} };
  const v3Options = { clients: chain, artifacts, probe, factory: d.v3.factory, tokenA, tokenB };
  for (let i = 0; i < cases; i += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, cases - i) }, () => randomCaseV3(v3Rng));
    const evm = await Promise.all(batch.map((c) => runProbeV3(v3Options, c)));
    batch.forEach((c, j) => {
      const ts = predictV3(c);
      if (same(evm[j], ts.outcome)) v3.equal++;
      else v3d.firstUnequal ??= i + j;
      if (ts.outcome === 'reverted') v3d.reverted++;
      if (ts.ticksCrossed >= 2) v3d.multiTick++;
      if (c.amountSpecified < 0n) v3d.exactOut++;
      if (c.sqrtPriceLimitX96 !== undefined) v3d.limited++;
      v3d.byFee[c.feePips] = (v3d.byFee[c.feePips] ?? 0) + 1;
    });
    if ((i / BATCH) % 8 === 0 || i + BATCH >= cases)
      onProgress(`v3: ${Math.min(i + BATCH, cases)}/${cases} swaps, ${v3.equal} equal`);
  }

  const flashChecks = await checkRealFlashLoans({ chain, artifacts, d });
  for (const f of flashChecks)
    onProgress(
      f.error
        ? `flash ${f.shape} ${f.kind}: NOT EQUAL: ${f.error}`
        : `flash ${f.shape} ${f.kind}: borrowed ${f.amountIn}, predicted ${f.predicted}, owner got ${f.paidToOwner}, lender +${f.lenderRepaid} (fee ${f.fee}), gas ${f.gasUsed}: ${f.equal ? 'equal' : 'NOT EQUAL'}`,
    );
  const flash = { 'aave-v3': true, 'balancer-v2': true, 'uniswap-v2': true } as Record<FlashProviderKind, boolean>;
  for (const f of flashChecks) flash[f.kind] &&= f.equal;
  const hashes = checkInitCodeHashes();
  onProgress(
    `init code hashes: V2 ${hashes.v2.npm}, V3 ${hashes.v3.npm}: ${hashes.ok ? 'equal' : 'NOT EQUAL'} to the address book`,
  );
  const report: VerifyContractsReport = {
    v2,
    v3,
    flash: { 'aave-v3': flash['aave-v3'], 'balancer-v2': flash['balancer-v2'], 'uniswap-v2': flash['uniswap-v2'] },
    init_code_hashes: hashes.ok,
  };
  return { report, details: { v2: v2d, v3: v3d, flash: flashChecks, seconds: (Date.now() - started) / 1000 } };
}

/** True when every case was equal and every flash loan and hash check passed. */
export function verifyPassed(r: VerifyContractsReport): boolean {
  return (
    r.v2.equal === r.v2.cases &&
    r.v3.equal === r.v3.cases &&
    Object.values(r.flash).every(Boolean) &&
    r.init_code_hashes
  );
}
