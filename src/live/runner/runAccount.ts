/**
 * Which modes may send, and the sending account. `paper` never sends and needs no key; `fork` sends only to a node
 * on this machine (loopback RPC URL) and, without --i-understand-this-sends-transactions, only on a local
 * development chain id (31337, 1337): a local mainnet node, an SSH tunnel or a proxy is loopback too; `live` sends
 * for real and always needs the acknowledgement. The key is the one captured from ARBML_PRIVATE_KEY at start
 * (core/secrets.ts, already removed from process.env), read into a viem local account and never in any message.
 */
import type { Account } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { InvalidInputError } from '../../core/errors.ts';
import { isLoopbackUrl } from '../../core/isLoopbackUrl.ts';
import { PRIVATE_KEY_ENV, takePrivateKey } from '../../core/secrets.ts';
import type { LiveMode } from './runLiveOptions.ts';

export { PRIVATE_KEY_ENV };

/** Chain ids of local development chains (hardhat/anvil 31337, ganache/geth --dev 1337). */
export const DEV_CHAIN_IDS: readonly number[] = [31337, 1337];

export interface RunAccountOptions {
  mode: LiveMode;
  rpcUrl: string;
  acknowledged: boolean;
  /** The node's eth_chainId (already checked against the market file). */
  chainId: number;
  /** Where to read the key (tests); default the key captured from the environment at start. */
  env?: NodeJS.ProcessEnv;
}

export function runAccount(o: RunAccountOptions): Account | undefined {
  if (o.mode === 'paper') return undefined;
  if (o.mode === 'fork' && !isLoopbackUrl(o.rpcUrl)) {
    throw new InvalidInputError(
      '--mode fork sends only to a local node (loopback RPC URL); use --mode live for a remote chain',
    );
  }
  if (o.mode === 'fork' && !DEV_CHAIN_IDS.includes(o.chainId) && !o.acknowledged) {
    throw new InvalidInputError(
      `--mode fork on chain id ${o.chainId}, not a local development chain (${DEV_CHAIN_IDS.join(', ')}): transactions there may be real; add --i-understand-this-sends-transactions`,
    );
  }
  if (o.mode === 'live' && !o.acknowledged) {
    throw new InvalidInputError('--mode live sends real transactions: add --i-understand-this-sends-transactions');
  }
  const raw = (o.env ? o.env[PRIVATE_KEY_ENV] : takePrivateKey())?.trim();
  if (!raw) throw new InvalidInputError(`--mode ${o.mode} needs the sending key in ${PRIVATE_KEY_ENV}`);
  const key = (raw.startsWith('0x') ? raw : `0x${raw}`) as `0x${string}`;
  if (!/^0x[0-9a-fA-F]{64}$/.test(key))
    throw new InvalidInputError(`${PRIVATE_KEY_ENV} is not a 32-byte hex private key`);
  try {
    return privateKeyToAccount(key);
  } catch {
    throw new InvalidInputError(`${PRIVATE_KEY_ENV} is not a valid secp256k1 private key`);
  }
}
