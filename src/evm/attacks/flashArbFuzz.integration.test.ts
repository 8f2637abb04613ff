/**
 * Invariant fuzz: 1,200 seeded random calls to every FlashArb function from random senders (the owner included,
 * for execute and for well-formed trades through the real lenders, a tenth of the calls), each mined as a
 * transaction on the real protocols, FlashArb holding some of every token. After
 * every call: FlashArb's token balances are unchanged and it has no allowance to anyone, the owner's tokens never
 * decreased (only gas is spent), and every lender is whole (Aave aTokens and the Balancer Vault hold at least what
 * they held, the flash pairs' K did not fall).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { parseAbi, type Address } from 'viem';
import { createRng } from '../../core/random.ts';
import { artifactOf, compileContracts } from '../compile.ts';
import { writeAndMine } from '../deploy.ts';
import { startLocalChain, type LocalChain } from '../localChain.ts';
import { deployProtocols, type ProtocolsDeployment } from '../protocols/deployProtocols.ts';
import { mintTo } from '../protocols/deployUniswap.ts';
import { FLASH_ARB_FUNCTIONS, randomCall, type FuzzFunction } from './randomCalls.ts';

const CASES = 1200;
const ERC20 = parseAbi([
  'function balanceOf(address) view returns (uint256)',
  'function allowance(address, address) view returns (uint256)',
  'function getReserves() view returns (uint112, uint112, uint32)',
]);

describe('FlashArb invariant fuzz (real protocols)', () => {
  let chain: LocalChain;
  let d: ProtocolsDeployment;

  beforeAll(async () => {
    chain = await startLocalChain();
    d = await deployProtocols({ ctx: { clients: chain, from: chain.accounts[0] }, artifacts: compileContracts() });
    const ctx = { clients: chain, from: d.owner };
    for (const t of Object.values(d.tokens))
      await mintTo(ctx, t.address as Address, d.flashArb, 1_000n * 10n ** BigInt(t.decimals));
    // WETH dear on the sushi pair, so the owner's well-formed trades pay for a while (and exercise every lender).
    const sushi = d.v2.pairs['sushi-v2:WETH/USDC'];
    await mintTo(ctx, d.tokens.usdc.address as Address, sushi, 1_000_000n * 10n ** 6n);
    await writeAndMine({
      clients: chain,
      address: sushi,
      abi: parseAbi(['function sync()']),
      functionName: 'sync',
      from: d.owner,
    });
  }, 120_000);

  const tokens = () => Object.values(d.tokens).map((t) => t.address as Address);
  const bal = (token: Address, who: Address) =>
    chain.publicClient.readContract({ address: token, abi: ERC20, functionName: 'balanceOf', args: [who] });

  async function state() {
    const ts = tokens();
    const flashPairs = Object.entries(d.v2.pairs)
      .filter(([k]) => k.startsWith('flash-v2'))
      .map(([, a]) => a);
    const spenders = [
      d.aave.pool,
      d.balancer.vault,
      d.owner,
      ...Object.values(d.v2.pairs),
      ...Object.values(d.v3.pools),
    ];
    const [arb, owner, aave, vault, k, allowances] = await Promise.all([
      Promise.all(ts.map((t) => bal(t, d.flashArb))),
      Promise.all(ts.map((t) => bal(t, d.owner))),
      Promise.all(Object.entries(d.aave.aTokens).map(([asset, aToken]) => bal(asset as Address, aToken))),
      Promise.all(ts.map((t) => bal(t, d.balancer.vault))),
      Promise.all(
        flashPairs.map(async (p) => {
          const [r0, r1] = await chain.publicClient.readContract({
            address: p,
            abi: ERC20,
            functionName: 'getReserves',
          });
          return r0 * r1;
        }),
      ),
      Promise.all(
        ts.flatMap((t) =>
          spenders.map((s) =>
            chain.publicClient.readContract({
              address: t,
              abi: ERC20,
              functionName: 'allowance',
              args: [d.flashArb, s],
            }),
          ),
        ),
      ),
    ]);
    return { arb, owner, aave, vault, k, allowances };
  }

  it(`${CASES} random calls from random senders: FlashArb unchanged, owner never loses tokens, lenders whole`, async () => {
    const abi = artifactOf(compileContracts(), 'FlashArb').abi;
    const rng = createRng(1818);
    const start = await state();
    const counts = Object.fromEntries(FLASH_ARB_FUNCTIONS.map((f) => [f, { sent: 0, reverted: 0 }])) as Record<
      FuzzFunction,
      { sent: number; reverted: number }
    >;
    let previous = start;
    for (let i = 0; i < CASES; i++) {
      const blockNumber = await chain.publicClient.getBlockNumber();
      const call = randomCall(rng, { abi, d, accounts: chain.accounts.slice(0, 6), blockNumber });
      const hash = await chain.wallet(call.from).sendTransaction({ to: d.flashArb, data: call.data, gas: 3_000_000n });
      const receipt = await chain.publicClient.getTransactionReceipt({ hash });
      counts[call.fn].sent++;
      if (receipt.status !== 'success') counts[call.fn].reverted++;
      const now = await state();
      const label = `case ${i} (${call.fn} from ${call.from}, ${receipt.status}): ${call.data.slice(0, 74)}`;
      expect(now.arb, label).toEqual(start.arb);
      expect(
        now.allowances.every((a) => a === 0n),
        label,
      ).toBe(true);
      now.owner.forEach((b, j) => expect(b >= previous.owner[j], `${label} owner token ${j}`).toBe(true));
      now.aave.forEach((b, j) => expect(b >= previous.aave[j], `${label} aave ${j}`).toBe(true));
      now.vault.forEach((b, j) => expect(b >= previous.vault[j], `${label} vault ${j}`).toBe(true));
      now.k.forEach((b, j) => expect(b >= previous.k[j], `${label} flash pair ${j}`).toBe(true));
      previous = now;
    }
    // Every function was called many times, and strangers' calls all failed.
    for (const f of FLASH_ARB_FUNCTIONS)
      expect(counts[f].sent, f).toBeGreaterThan(CASES / FLASH_ARB_FUNCTIONS.length / 2);
    for (const f of [
      'executeOperation',
      'receiveFlashLoan',
      'uniswapV2Call',
      'uniswapV3SwapCallback',
      'withdraw',
    ] as const)
      expect(counts[f].reverted, f).toBe(counts[f].sent);
    // Some of the owner's trades went through (loans taken and repaid under the invariants), some did not.
    expect(counts.route.sent - counts.route.reverted).toBeGreaterThan(10);
    expect(counts.route.reverted).toBeGreaterThan(0);
    process.stderr.write(`fuzz: ${JSON.stringify(counts)}\n`);
  }, 600_000);
});
