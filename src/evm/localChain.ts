/**
 * An in-process local EVM for tests and the paper/fork runner: hardhat 2.29's EDR network, no node process, no
 * sockets, driven through viem.
 *
 * How (the least fragile way we found in hardhat 2.29.1): `import hre from 'hardhat'` would need a hardhat.config
 * in the working directory, load every plugin and task, and try to download a compiler. Instead we use the two
 * functions hre itself uses to build `hre.network.provider`:
 *   - `resolveConfig(path, userConfig)` (hardhat/internal/core/config/config-resolution) fills hardhat's defaults
 *     (20 funded accounts from the standard test mnemonic, chain id 31337, automine); `path` only anchors the
 *     project root (we pass this repo's package.json; nothing is read from it).
 *   - `createProvider(config, 'hardhat')` (hardhat/internal/core/providers/construction) creates the EDR provider
 *     with hardhat's usual wrappers (sender, gas), an EIP-1193 object.
 * Both are CommonJS deep imports with no `exports` map, stable through hardhat 2.x. We set hardfork cancun (the
 * evmVersion we compile for), allowUnlimitedContractSize, and throwOnTransactionFailures false so a reverted
 * transaction is mined with status 0 and its gas charged, like on a real chain.
 * viem wraps the provider with `custom(provider)`. Transactions are mined on send (automine), so helpers read the
 * receipt right away instead of polling.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import {
  createPublicClient,
  createTestClient,
  createWalletClient,
  custom,
  type Address,
  type EIP1193RequestFn,
  type Hex,
  type PublicClient,
  type TestClient,
  type Transport,
  type WalletClient,
  type Account,
  type Chain,
} from 'viem';
import { hardhat } from 'viem/chains';
import { InvalidInputError } from '../core/errors.ts';
import { REPO_ROOT } from './compile.ts';

export interface Eip1193Provider {
  request: EIP1193RequestFn;
}

export interface LocalChain {
  readonly provider: Eip1193Provider;
  readonly chain: Chain;
  readonly publicClient: PublicClient<Transport, Chain>;
  readonly testClient: TestClient<'hardhat', Transport, Chain>;
  /** Funded, unlocked accounts (10,000 ETH each by default). accounts[0] is the usual deployer/owner. */
  readonly accounts: readonly Address[];
  /** A wallet client that sends from `account` (default accounts[0]). */
  wallet(account?: Address): WalletClient<Transport, Chain, Account>;
  /** evm_snapshot: an id to revert to. Each id can be reverted to once (take a new one after reverting). */
  snapshot(): Promise<Hex>;
  /** evm_revert to a snapshot; throws if the node refused. */
  revert(id: Hex): Promise<void>;
}

export interface StartLocalChainOptions {
  /** Default 31337. */
  chainId?: number;
  /** Balance of each account in wei. Default 10,000 ETH. */
  accountsBalance?: bigint;
  /** Default 20. */
  accountCount?: number;
  /** Default 60,000,000 so large test transactions (setState with many ticks) fit. */
  blockGasLimit?: number;
}

type ResolveConfig = (path: string, userConfig: unknown) => unknown;
type CreateProvider = (config: unknown, network: string) => Promise<Eip1193Provider>;

export async function startLocalChain(options: StartLocalChainOptions = {}): Promise<LocalChain> {
  const require = createRequire(import.meta.url);
  const { resolveConfig } = require('hardhat/internal/core/config/config-resolution') as {
    resolveConfig: ResolveConfig;
  };
  const { createProvider } = require('hardhat/internal/core/providers/construction') as {
    createProvider: CreateProvider;
  };
  const chainId = options.chainId ?? hardhat.id;
  const config = resolveConfig(join(REPO_ROOT, 'package.json'), {
    networks: {
      hardhat: {
        chainId,
        hardfork: 'cancun',
        allowUnlimitedContractSize: true,
        throwOnTransactionFailures: false,
        throwOnCallFailures: true,
        blockGasLimit: options.blockGasLimit ?? 60_000_000,
        loggingEnabled: false,
        accounts: {
          count: options.accountCount ?? 20,
          accountsBalance: (options.accountsBalance ?? 10_000n * 10n ** 18n).toString(),
        },
      },
    },
  });
  const provider = await createProvider(config, 'hardhat');
  const chain: Chain = { ...hardhat, id: chainId };
  // No retries: the in-process node never fails transiently, and retrying a revert only adds backoff delay.
  const transport = custom(provider, { retryCount: 0 });
  const publicClient = createPublicClient({ chain, transport, pollingInterval: 10 }) as PublicClient<Transport, Chain>;
  const testClient = createTestClient({ chain, transport, mode: 'hardhat', pollingInterval: 10 });
  const accounts = (await provider.request({ method: 'eth_accounts' })) as Address[];
  return {
    provider,
    chain,
    publicClient,
    testClient,
    accounts,
    wallet: (account = accounts[0]) => createWalletClient({ chain, transport, account, pollingInterval: 10 }),
    snapshot: () => testClient.snapshot(),
    revert: async (id) => {
      const ok = await provider.request({ method: 'evm_revert', params: [id] } as never);
      if (ok !== true) throw new InvalidInputError(`evm_revert(${id}) refused: unknown or already used snapshot id`);
    },
  };
}
