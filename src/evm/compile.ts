/**
 * Compiles contracts/**.sol with solc-js (the `solc` npm package, 0.8.28, no download; hardhat's own compiler
 * download does not work offline) through the standard JSON interface: optimizer on (200 runs), evmVersion cancun.
 * solc-js is slow (loading soljson alone takes seconds), so the ABI and bytecode of every contract are cached as
 * one JSON file under cache/solc/ (gitignored), named by a sha256 of the compiler version, the settings and every
 * source file. Tests and the runner call `compileContracts()` and only the first call after a change compiles.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Abi, Hex } from 'viem';
import { InvalidInputError } from '../core/errors.ts';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SOLC_VERSION = '0.8.28';

export interface ContractArtifact {
  readonly contractName: string;
  /** Path of the source relative to the contracts directory, e.g. `test/TestV2Pair.sol`. */
  readonly sourceName: string;
  readonly abi: Abi;
  readonly bytecode: Hex;
}

export type Artifacts = Readonly<Record<string, ContractArtifact>>;

export interface CompileContractsOptions {
  /** Default: <repo>/contracts. */
  contractsDir?: string;
  /** Default: <repo>/cache/solc. */
  cacheDir?: string;
}

const SETTINGS = {
  optimizer: { enabled: true, runs: 200 },
  evmVersion: 'cancun',
  outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } },
} as const;

function listSolidityFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listSolidityFiles(path));
    else if (entry.name.endsWith('.sol')) out.push(path);
  }
  return out.sort();
}

/** Source units keyed by their path relative to the contracts directory (forward slashes). */
export function readSources(contractsDir: string): Record<string, { content: string }> {
  const sources: Record<string, { content: string }> = {};
  for (const file of listSolidityFiles(contractsDir)) {
    sources[relative(contractsDir, file).split(sep).join('/')] = { content: readFileSync(file, 'utf8') };
  }
  if (Object.keys(sources).length === 0) throw new InvalidInputError(`no .sol files under ${contractsDir}`);
  return sources;
}

function cacheKey(sources: Record<string, { content: string }>): string {
  const hash = createHash('sha256').update(SOLC_VERSION).update(JSON.stringify(SETTINGS));
  for (const [name, { content }] of Object.entries(sources)) hash.update(`\0${name}\0${content}`);
  return hash.digest('hex').slice(0, 32);
}

interface SolcOutput {
  errors?: { severity: string; formattedMessage: string }[];
  contracts: Record<string, Record<string, { abi: Abi; evm: { bytecode: { object: string } } }>>;
}

function runSolc(sources: Record<string, { content: string }>): Artifacts {
  // Loaded only on a cache miss: requiring solc evaluates the 8 MB soljson.js.
  const solc = createRequire(import.meta.url)('solc') as { compile(input: string): string; version(): string };
  if (!solc.version().startsWith(SOLC_VERSION))
    throw new InvalidInputError(`expected solc ${SOLC_VERSION}, found ${solc.version()}`);
  const output = JSON.parse(
    solc.compile(JSON.stringify({ language: 'Solidity', sources, settings: SETTINGS })),
  ) as SolcOutput;
  const errors = (output.errors ?? []).filter((e) => e.severity === 'error');
  if (errors.length > 0)
    throw new InvalidInputError(`solc failed:\n${errors.map((e) => e.formattedMessage).join('\n')}`);
  const artifacts: Record<string, ContractArtifact> = {};
  for (const [sourceName, contracts] of Object.entries(output.contracts)) {
    for (const [contractName, c] of Object.entries(contracts)) {
      if (artifacts[contractName])
        throw new InvalidInputError(
          `contract name ${contractName} is defined twice (${artifacts[contractName].sourceName}, ${sourceName})`,
        );
      artifacts[contractName] = { contractName, sourceName, abi: c.abi, bytecode: `0x${c.evm.bytecode.object}` };
    }
  }
  return artifacts;
}

const memo = new Map<string, Artifacts>();

/** ABI and bytecode of every contract, from the cache when the sources are unchanged. */
export function compileContracts(options: CompileContractsOptions = {}): Artifacts {
  const contractsDir = options.contractsDir ?? join(REPO_ROOT, 'contracts');
  const cacheDir = options.cacheDir ?? join(REPO_ROOT, 'cache', 'solc');
  const sources = readSources(contractsDir);
  const key = cacheKey(sources);
  const cached = memo.get(key);
  if (cached) return cached;
  const file = join(cacheDir, `${key}.json`);
  let artifacts: Artifacts;
  if (existsSync(file)) {
    artifacts = JSON.parse(readFileSync(file, 'utf8')) as Artifacts;
  } else {
    artifacts = runSolc(sources);
    mkdirSync(cacheDir, { recursive: true });
    // Write then rename, so a concurrent test file never reads half a cache file.
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(artifacts));
    renameSync(tmp, file);
  }
  memo.set(key, artifacts);
  return artifacts;
}

/** One contract's artifact; throws naming the missing contract. */
export function artifactOf(artifacts: Artifacts, contractName: string): ContractArtifact {
  const artifact = artifacts[contractName];
  if (!artifact) throw new InvalidInputError(`no compiled contract named ${contractName}`);
  return artifact;
}
