/**
 * The mainnet address book: init code hashes equal keccak256 of the npm creation code, CREATE2 from the mainnet
 * factories gives pools known on chain, every address carries a valid checksum, the Balancer Vault matches
 * @balancer-labs/v2-deployments' outputs, and on the local chain the real factories put pairs and pools exactly
 * where the same derivation says.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { getAddress, type Address } from 'viem';
import { describe, expect, it } from 'vitest';
import { compileContracts } from '../compile.ts';
import { startLocalChain } from '../localChain.ts';
import { createPairV2, createPoolV3, deployV2Factory, deployV3Factory } from '../protocols/deployUniswap.ts';
import { deployContract } from '../deploy.ts';
import { checkInitCodeHashes } from './initCodeHashes.ts';
import {
  MAINNET_ADDRESSES,
  UNISWAP_V2_INIT_CODE_HASH,
  UNISWAP_V3_INIT_CODE_HASH,
  type MainnetChain,
} from './mainnetAddresses.ts';
import { mainnetPoolAddress, v2PairAddress, v3PoolAddress } from './poolAddress.ts';

describe('mainnet address book', () => {
  it('init code hashes are keccak256 of the npm pair and pool creation code', () => {
    const check = checkInitCodeHashes();
    expect(check.v2.npm).toBe('0x96e8ac4277198ff8b6f785478aa9a39f403cb768dd02cbee326c3e7da348845f');
    expect(check.v3.npm).toBe('0xe34f199b19b2b4f47f68442619d555527d244f78a3297ea89325f843f87b8b54');
    expect(check.ok).toBe(true);
  });

  it('CREATE2 from the mainnet factories gives the known pools', () => {
    expect(
      mainnetPoolAddress({ chain: 'ethereum', tokenA: 'USDC', tokenB: 'WETH', venue: 'uniswap-v3', feePips: 500 }),
    ).toBe('0x88e6A0c2dDD26FEEb64F039a2c41296FcB3f5640');
    expect(
      mainnetPoolAddress({ chain: 'polygon', tokenA: 'WETH', tokenB: 'USDC', venue: 'uniswap-v3', feePips: 500 }),
    ).toBe('0x45dDa9cb7c25131DF268515131f647d726f50608');
    expect(mainnetPoolAddress({ chain: 'ethereum', tokenA: 'USDC', tokenB: 'WETH', venue: 'uniswap-v2' })).toBe(
      '0xB4e16d0168e52d35CaCD2c6185b44281Ec28C9Dc',
    );
    expect(
      mainnetPoolAddress({ chain: 'arbitrum', tokenA: 'WETH', tokenB: 'USDC', venue: 'uniswap-v3', feePips: 500 }),
    ).toBe('0xC6962004f452bE9203591991D15f6b388e09E8D0');
    expect(
      mainnetPoolAddress({ chain: 'ethereum', tokenA: 'WETH', tokenB: 'USDT', venue: 'uniswap-v3', feePips: 500 }),
    ).toBe('0x11b815efB8f581194ae79006d24E0d814B7697F6');
    expect(
      mainnetPoolAddress({ chain: 'ethereum', tokenA: 'WBTC', tokenB: 'WETH', venue: 'uniswap-v3', feePips: 3000 }),
    ).toBe('0xCBCdF9626bC03E24f779434178A73a0B4bad62eD');
    expect(mainnetPoolAddress({ chain: 'polygon', tokenA: 'WETH', tokenB: 'USDC', venue: 'quickswap' })).toBe(
      '0x853Ee4b2A13f8a742d64C8F088bE7bA2131f670d',
    );
    // Token order does not matter; a different fee gives a different pool.
    expect(
      mainnetPoolAddress({ chain: 'ethereum', tokenA: 'WETH', tokenB: 'USDC', venue: 'uniswap-v3', feePips: 500 }),
    ).toBe('0x88e6A0c2dDD26FEEb64F039a2c41296FcB3f5640');
    expect(
      mainnetPoolAddress({ chain: 'ethereum', tokenA: 'WETH', tokenB: 'USDC', venue: 'uniswap-v3', feePips: 3000 }),
    ).not.toBe('0x88e6A0c2dDD26FEEb64F039a2c41296FcB3f5640');
  });

  it('every address has a valid EIP-55 checksum and the Balancer Vault matches the npm deployment outputs', () => {
    const require = createRequire(import.meta.url);
    const npmNetwork: Record<MainnetChain, string> = { ethereum: 'mainnet', polygon: 'polygon', arbitrum: 'arbitrum' };
    for (const [chain, book] of Object.entries(MAINNET_ADDRESSES) as [
      MainnetChain,
      (typeof MAINNET_ADDRESSES)[MainnetChain],
    ][]) {
      const all: Address[] = [
        book.uniswapV3.factory,
        book.aaveV3Pool,
        book.balancerVault,
        ...Object.values(book.v2).map((v) => v.factory),
        ...Object.values(book.tokens).map((t) => t.address),
      ];
      for (const a of all) expect(getAddress(a), `${chain} ${a}`).toBe(a);
      const output = JSON.parse(
        readFileSync(
          require.resolve(`@balancer-labs/v2-deployments/dist/tasks/20210418-vault/output/${npmNetwork[chain]}.json`),
          'utf8',
        ),
      ) as { Vault: string };
      expect(book.balancerVault, chain).toBe(output.Vault);
    }
  });

  it('on the local chain the real factories create pairs and pools at the derived addresses', async () => {
    const chain = await startLocalChain();
    const ctx = { clients: chain, from: chain.accounts[0] };
    const artifacts = compileContracts();
    const token = (s: string) =>
      deployContract({ clients: chain, artifacts, contractName: 'TestERC20', args: [s, s, 18] });
    const [a, b] = [await token('A'), await token('B')];
    const v2Factory = await deployV2Factory(ctx);
    expect(await createPairV2(ctx, v2Factory, a, b)).toBe(
      v2PairAddress({ factory: v2Factory, initCodeHash: UNISWAP_V2_INIT_CODE_HASH, tokenA: b, tokenB: a }),
    );
    const v3Factory = await deployV3Factory(ctx);
    for (const feePips of [100, 500, 3000, 10000]) {
      expect(await createPoolV3(ctx, v3Factory, a, b, feePips, 2n ** 96n)).toBe(
        v3PoolAddress({ factory: v3Factory, initCodeHash: UNISWAP_V3_INIT_CODE_HASH, tokenA: a, tokenB: b, feePips }),
      );
    }
  });
});
