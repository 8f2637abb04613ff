/**
 * ABI and creation bytecode of the real protocol contracts, read from their published npm packages (pinned exact
 * versions, devDependencies): @uniswap/v2-core 1.0.1 (factory, pair), @uniswap/v3-core 1.0.1 (factory, pool),
 * @aave/core-v3 1.19.3 (Pool and its logic libraries, configurator, tokens, oracle) and
 * @balancer-labs/v2-deployments 3.2.0 (the 2021-04-18 Vault and Authorizer tasks). Nothing is compiled here: this
 * is the bytecode mainnet runs (Aave's library addresses are linked at deploy time, see linkBytecode.ts).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Abi, Hex } from 'viem';
import { InvalidInputError } from '../../core/errors.ts';

/** Library placeholders: source file -> library name -> byte offsets of the 20-byte address in the bytecode. */
export type LinkReferences = Readonly<
  Record<string, Readonly<Record<string, readonly { start: number; length: number }[]>>>
>;

export interface ProtocolArtifact {
  readonly name: string;
  readonly abi: Abi;
  /** Creation bytecode; may hold unlinked library placeholders (see linkReferences). */
  readonly bytecode: Hex;
  readonly linkReferences: LinkReferences;
}

const AAVE = '@aave/core-v3/artifacts/contracts';
const BALANCER = '@balancer-labs/v2-deployments/dist/tasks';

/** Package-relative JSON path of every contract we deploy, keyed by the name used in this repository. */
const PATHS = {
  UniswapV2Factory: '@uniswap/v2-core/build/UniswapV2Factory.json',
  UniswapV2Pair: '@uniswap/v2-core/build/UniswapV2Pair.json',
  UniswapV3Factory: '@uniswap/v3-core/artifacts/contracts/UniswapV3Factory.sol/UniswapV3Factory.json',
  UniswapV3Pool: '@uniswap/v3-core/artifacts/contracts/UniswapV3Pool.sol/UniswapV3Pool.json',
  PoolAddressesProvider: `${AAVE}/protocol/configuration/PoolAddressesProvider.sol/PoolAddressesProvider.json`,
  ACLManager: `${AAVE}/protocol/configuration/ACLManager.sol/ACLManager.json`,
  Pool: `${AAVE}/protocol/pool/Pool.sol/Pool.json`,
  PoolConfigurator: `${AAVE}/protocol/pool/PoolConfigurator.sol/PoolConfigurator.json`,
  DefaultReserveInterestRateStrategy: `${AAVE}/protocol/pool/DefaultReserveInterestRateStrategy.sol/DefaultReserveInterestRateStrategy.json`,
  AToken: `${AAVE}/protocol/tokenization/AToken.sol/AToken.json`,
  StableDebtToken: `${AAVE}/protocol/tokenization/StableDebtToken.sol/StableDebtToken.json`,
  VariableDebtToken: `${AAVE}/protocol/tokenization/VariableDebtToken.sol/VariableDebtToken.json`,
  AaveOracle: `${AAVE}/misc/AaveOracle.sol/AaveOracle.json`,
  MockAggregator: `${AAVE}/mocks/oracle/CLAggregators/MockAggregator.sol/MockAggregator.json`,
  BorrowLogic: `${AAVE}/protocol/libraries/logic/BorrowLogic.sol/BorrowLogic.json`,
  BridgeLogic: `${AAVE}/protocol/libraries/logic/BridgeLogic.sol/BridgeLogic.json`,
  ConfiguratorLogic: `${AAVE}/protocol/libraries/logic/ConfiguratorLogic.sol/ConfiguratorLogic.json`,
  EModeLogic: `${AAVE}/protocol/libraries/logic/EModeLogic.sol/EModeLogic.json`,
  FlashLoanLogic: `${AAVE}/protocol/libraries/logic/FlashLoanLogic.sol/FlashLoanLogic.json`,
  LiquidationLogic: `${AAVE}/protocol/libraries/logic/LiquidationLogic.sol/LiquidationLogic.json`,
  PoolLogic: `${AAVE}/protocol/libraries/logic/PoolLogic.sol/PoolLogic.json`,
  SupplyLogic: `${AAVE}/protocol/libraries/logic/SupplyLogic.sol/SupplyLogic.json`,
  BalancerVault: `${BALANCER}/20210418-vault/artifact/Vault.json`,
  BalancerAuthorizer: `${BALANCER}/20210418-authorizer/artifact/Authorizer.json`,
} as const;

export type ProtocolContractName = keyof typeof PATHS;

interface RawArtifact {
  abi: Abi;
  bytecode?: string | { object?: string };
  evm?: { bytecode?: { object?: string; linkReferences?: LinkReferences } };
  linkReferences?: LinkReferences;
}

function hex(value: string | undefined): Hex {
  if (!value) return '0x';
  return (value.startsWith('0x') ? value : `0x${value}`) as Hex;
}

const memo = new Map<ProtocolContractName, ProtocolArtifact>();

/** The npm artifact of a real protocol contract; throws naming the package when it is not installed. */
export function protocolArtifact(name: ProtocolContractName): ProtocolArtifact {
  const cached = memo.get(name);
  if (cached) return cached;
  let path: string;
  try {
    path = createRequire(import.meta.url).resolve(PATHS[name]);
  } catch (cause) {
    throw new InvalidInputError(
      `${name}: ${PATHS[name]} not found (run npm ci: the protocol packages are devDependencies)`,
      { cause },
    );
  }
  const raw = JSON.parse(readFileSync(path, 'utf8')) as RawArtifact;
  const bytecode =
    typeof raw.bytecode === 'string' ? raw.bytecode : (raw.bytecode?.object ?? raw.evm?.bytecode?.object);
  const artifact: ProtocolArtifact = {
    name,
    abi: raw.abi,
    bytecode: hex(bytecode),
    linkReferences: raw.linkReferences ?? raw.evm?.bytecode?.linkReferences ?? {},
  };
  if (artifact.bytecode === '0x') throw new InvalidInputError(`${name}: no bytecode in ${PATHS[name]}`);
  memo.set(name, artifact);
  return artifact;
}
