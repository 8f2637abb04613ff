/**
 * Attacks on FlashArb while a loan is in flight, on the real protocols: a hostile token in the route re-enters the
 * real Aave Pool and Balancer Vault, the loan callbacks, the V3 callback, execute and withdraw mid-route (directly
 * and through a careless smart-wallet owner); hostile V3 pools ask for twice the input, call back twice, or ask for
 * the output token. Then every custom error of FlashArb is reached at least once (the last test checks the list
 * against the ABI).
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Address, Hex } from 'viem';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileContracts, REPO_ROOT } from '../compile.ts';
import { startLocalChain, type LocalChain } from '../localChain.ts';
import { deployProtocols } from '../protocols/deployProtocols.ts';
import {
  arm,
  deployAttackRig,
  flashArbCalldata,
  hop,
  LENDER,
  loan,
  revertName,
  usdcHostRoute,
  wethUsdcPair,
  type AttackRig,
} from './attackRig.ts';
import { writeAndMine } from '../deploy.ts';
import { artifactOf } from '../compile.ts';

const USDC = (n: bigint) => n * 10n ** 6n;

describe('FlashArb under attack with a loan in flight (real Aave V3, Balancer V2, Uniswap V2/V3)', () => {
  let chain: LocalChain;
  let rig: AttackRig;
  let snap: Hex;
  const reached = new Set<string>();

  beforeAll(async () => {
    chain = await startLocalChain();
    const artifacts = compileContracts();
    const d = await deployProtocols({ ctx: { clients: chain, from: chain.accounts[0] }, artifacts });
    rig = await deployAttackRig(chain, artifacts, d);
  }, 120_000);
  beforeEach(async () => {
    snap = await chain.snapshot();
  });
  afterEach(async () => {
    await chain.revert(snap);
  });

  async function expectError(o: Parameters<typeof revertName>[1], name: string): Promise<void> {
    const got = await revertName(rig, o);
    expect(got).toBe(name);
    reached.add(name);
  }

  const usdc = () => rig.d.tokens.usdc.address as Address;
  const lenders = () => ({
    aave: loan(LENDER.aave, rig.d.aave.pool, usdc(), USDC(1000n)),
    balancer: loan(LENDER.balancer, rig.d.balancer.vault, usdc(), USDC(1000n)),
    v2: loan(LENDER.v2, wethUsdcPair(rig.d, 'flash-v2'), usdc(), USDC(1000n), 30),
  });
  const execute = (l: ReturnType<typeof loan>, hops = usdcHostRoute(rig)) => ({
    functionName: 'execute',
    args: [l, hops, 0n],
  });
  /** Arms the hostile token to fire when FlashArb sends HOST to the sushi pair (hop 2, mid-route). */
  const armMidRoute = (target: Address, data: Hex) => arm(rig, target, data, rig.d.flashArb);

  it('a hostile token re-entering the real Aave Pool gets the loan refused (initiator is not FlashArb)', async () => {
    const payload = flashArbCalldata(rig, 'execute', [lenders().aave, usdcHostRoute(rig), 0n]);
    const aaveAbi = [
      {
        type: 'function',
        name: 'flashLoanSimple',
        stateMutability: 'nonpayable',
        inputs: [
          { name: 'r', type: 'address' },
          { name: 'a', type: 'address' },
          { name: 'm', type: 'uint256' },
          { name: 'p', type: 'bytes' },
          { name: 'c', type: 'uint16' },
        ],
        outputs: [],
      },
    ] as const;
    const { encodeFunctionData } = await import('viem');
    const reenter = encodeFunctionData({
      abi: aaveAbi,
      functionName: 'flashLoanSimple',
      args: [rig.d.flashArb, usdc(), USDC(10n), payload, 0],
    });
    for (const l of [lenders().aave, lenders().balancer, lenders().v2]) {
      await armMidRoute(rig.d.aave.pool, reenter);
      await expectError(execute(l), 'UnauthorizedCallback');
    }
  });

  it("a hostile token re-entering the real Balancer Vault: refused by FlashArb, or by the Vault's own lock", async () => {
    const { encodeFunctionData } = await import('viem');
    const vaultAbi = artifactOf(rig.artifacts, 'TestBalancerVault').abi;
    const reenter = encodeFunctionData({
      abi: vaultAbi,
      functionName: 'flashLoan',
      args: [rig.d.flashArb, [usdc()], [USDC(10n)], '0x'],
    });
    await armMidRoute(rig.d.balancer.vault, reenter);
    await expectError(execute(lenders().aave), 'UnauthorizedCallback');
    await armMidRoute(rig.d.balancer.vault, reenter);
    expect(await revertName(rig, execute(lenders().balancer))).toBe('Error(BAL#400)'); // Vault reentrancy guard
  });

  it('the loan callbacks, the V3 callback, execute and withdraw called mid-route by a hostile token are refused', async () => {
    const l = lenders();
    const data = '0x';
    const attempts: [ReturnType<typeof loan>, Hex, string][] = [
      [
        l.aave,
        flashArbCalldata(rig, 'executeOperation', [usdc(), USDC(1000n), 500_000n, rig.d.flashArb, data]),
        'UnauthorizedCallback',
      ],
      [
        l.balancer,
        flashArbCalldata(rig, 'receiveFlashLoan', [[usdc()], [USDC(1000n)], [0n], data]),
        'UnauthorizedCallback',
      ],
      [l.v2, flashArbCalldata(rig, 'uniswapV2Call', [rig.d.flashArb, USDC(1000n), 0n, data]), 'UnauthorizedCallback'],
      [l.aave, flashArbCalldata(rig, 'uniswapV3SwapCallback', [USDC(1000n), 0n, data]), 'UnauthorizedCallback'],
      [l.aave, flashArbCalldata(rig, 'execute', [l.aave, usdcHostRoute(rig), 0n]), 'NotOwner'],
      [l.balancer, flashArbCalldata(rig, 'withdraw', [usdc(), rig.host, 1n]), 'NotOwner'],
    ];
    for (const [lender, payload, expected] of attempts) {
      await armMidRoute(rig.d.flashArb, payload);
      await expectError(execute(lender), expected);
    }
  });

  it('an owner contract made to re-enter execute or withdraw mid-route hits LoanInFlight', async () => {
    const proxyAbi = artifactOf(rig.artifacts, 'OwnerProxy').abi;
    const { encodeFunctionData } = await import('viem');
    const inner = flashArbCalldata(rig, 'execute', [lenders().aave, usdcHostRoute(rig), 0n]);
    const viaProxy = (payload: Hex) => encodeFunctionData({ abi: proxyAbi, functionName: 'forward', args: [payload] });
    for (const payload of [inner, flashArbCalldata(rig, 'withdraw', [usdc(), rig.host, 1n])]) {
      await arm(rig, rig.proxy, viaProxy(payload), rig.proxyArb);
      await expectError(
        { address: rig.proxy, abi: [...proxyAbi, ...rig.abi], functionName: 'forward', args: [inner] },
        'LoanInFlight',
      );
    }
  });

  it('a V3 callback forged by the output token before the pool asks is refused', async () => {
    // USDC -> HOST through a V3-style pool that pays HOST out with a transfer; the transfer calls FlashArb's V3
    // callback asking for USDC while the hop is open.
    const forged = flashArbCalldata(
      rig,
      'uniswapV3SwapCallback',
      usdc().toLowerCase() < rig.host.toLowerCase() ? [USDC(1000n), 0n, '0x'] : [0n, USDC(1000n), '0x'],
    );
    await arm(rig, rig.d.flashArb, forged, rig.hostV3);
    const hops = [hop(rig.hostV3, usdc(), rig.host, { isV3: true }), hop(rig.hostSushi, rig.host, usdc())];
    await expectError(execute(lenders().aave, hops), 'UnauthorizedCallback');
  });

  it('a V3 pool asking twice the input, calling back twice, or asking for the output token is refused', async () => {
    const weth = rig.d.tokens.weth.address;
    const hops = [hop(rig.evilV3, usdc(), weth, { isV3: true }), hop(wethUsdcPair(rig.d, 'uniswap-v2'), weth, usdc())];
    const poolAbi = artifactOf(rig.artifacts, 'HostileV3Pool').abi;
    const outcomes: Record<number, string> = {};
    for (const mode of [0, 1, 2, 3]) {
      await writeAndMine({
        clients: chain,
        address: rig.evilV3,
        abi: poolAbi,
        functionName: 'setMode',
        args: [mode],
        from: rig.d.owner,
      });
      outcomes[mode] = await revertName(rig, execute(lenders().balancer, hops));
      reached.add(outcomes[mode]);
    }
    // Mode 0 asks honestly: the callback pays, and the absurd 1:1 unit rate then fails the profit check.
    expect(outcomes).toEqual({
      0: 'InsufficientProfit',
      1: 'V3PaymentTooHigh',
      2: 'UnauthorizedCallback',
      3: 'UnauthorizedCallback',
    });
  });

  it('the simple guards: owner, deadline, coinbase share, route shape, loan shape, silent lender, false-returning token', async () => {
    const l = lenders();
    const weth = rig.d.tokens.weth.address as Address;
    const dai = rig.d.tokens.dai.address as Address;
    const block = await chain.publicClient.getBlockNumber();
    const uni = wethUsdcPair(rig.d, 'uniswap-v2');
    const sushi = wethUsdcPair(rig.d, 'sushi-v2');
    const closed = [hop(uni, usdc(), weth), hop(sushi, weth, usdc())];
    const cases: [Parameters<typeof revertName>[1], string][] = [
      [{ ...execute(l.aave, closed), from: chain.accounts[5] }, 'NotOwner'],
      [{ functionName: 'executeWithDeadline', args: [l.aave, closed, 0n, block - 1n, 0] }, 'Expired'],
      [
        { functionName: 'executeWithDeadline', args: [l.aave, closed, 0n, block + 10n, 10_001] },
        'CoinbaseShareTooHigh',
      ],
      [execute(l.aave, []), 'EmptyRoute'],
      [execute(loan(LENDER.v2, uni, dai, 10n ** 18n, 30), closed), 'AssetNotInPair'],
      [execute(loan(LENDER.v2, uni, usdc(), USDC(1n), 10_000), closed), 'FeeTooHigh'],
      [execute(loan(LENDER.aave, rig.d.aave.pool, usdc(), 1n << 255n), closed), 'AmountTooLarge'],
      [execute(l.aave, [hop(uni, weth, usdc()), hop(sushi, usdc(), weth)]), 'HopTokenMismatch'],
      [execute(l.aave, [hop(uni, usdc(), weth)]), 'RouteNotClosed'],
      [execute(l.aave, [hop(uni, usdc(), weth, { minOut: 10n ** 30n }), hop(sushi, weth, usdc())]), 'HopOutputTooLow'],
      [execute(l.balancer, closed), 'InsufficientProfit'],
      [execute(loan(LENDER.aave, rig.silent, usdc(), USDC(1n)), closed), 'LoanNotTaken'],
      [execute(loan(LENDER.balancer, rig.silent, usdc(), USDC(1n)), closed), 'LoanNotTaken'],
    ];
    for (const [o, name] of cases) await expectError(o, name);
    const tokenAbi = artifactOf(rig.artifacts, 'HostileToken').abi;
    await writeAndMine({
      clients: chain,
      address: rig.host,
      abi: tokenAbi,
      functionName: 'mint',
      args: [rig.d.flashArb, 5n],
      from: rig.d.owner,
    });
    await writeAndMine({
      clients: chain,
      address: rig.host,
      abi: tokenAbi,
      functionName: 'setReturnFalse',
      args: [true],
      from: rig.d.owner,
    });
    await expectError({ functionName: 'withdraw', args: [rig.host, rig.d.owner, 5n] }, 'TransferFailed');
    // Callbacks called directly by a stranger, with no loan in flight.
    await expectError(
      { functionName: 'uniswapV3SwapCallback', args: [1n, 0n, '0x'], from: chain.accounts[5] },
      'UnauthorizedCallback',
    );
  });

  it('every custom error of FlashArb was reached by a test above', () => {
    // The errors FlashArb.sol itself declares (its ABI also lists library errors such as V2Math's).
    const source = readFileSync(join(REPO_ROOT, 'contracts', 'FlashArb.sol'), 'utf8');
    const declared = [...source.matchAll(/^\s*error (\w+)\(/gm)].map((m) => m[1]).sort();
    expect(declared).toHaveLength(16);
    expect([...reached].filter((n) => declared.includes(n)).sort()).toEqual(declared);
  });
});
