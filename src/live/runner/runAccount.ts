/**
 * Which modes may send, and the sending account from the environment. `paper` never sends and needs no key;
 * `fork` sends only to a node on this machine (loopback RPC URL); `live` sends for real and needs the explicit
 * acknowledgement flag. The key (ARBML_PRIVATE_KEY) is read once into a viem local account and never appears in
 * any message, including the errors about it.
 */
import type { Account } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { InvalidInputError } from '../../core/errors.ts';
import type { LiveMode } from './runLiveOptions.ts';

export const PRIVATE_KEY_ENV = 'ARBML_PRIVATE_KEY';

export interface RunAccountOptions {
  mode: LiveMode;
  rpcUrl: string;
  acknowledged: boolean;
  env?: NodeJS.ProcessEnv;
}

function isLoopback(url: string): boolean {
  const host = new URL(url).hostname;
  return host === '127.0.0.1' || host === 'localhost' || host === '[::1]' || host === '::1';
}

export function runAccount(o: RunAccountOptions): Account | undefined {
  if (o.mode === 'paper') return undefined;
  if (o.mode === 'fork' && !isLoopback(o.rpcUrl)) {
    throw new InvalidInputError(
      '--mode fork sends only to a local node (loopback RPC URL); use --mode live for a remote chain',
    );
  }
  if (o.mode === 'live' && !o.acknowledged) {
    throw new InvalidInputError('--mode live sends real transactions: add --i-understand-this-sends-transactions');
  }
  const raw = (o.env ?? process.env)[PRIVATE_KEY_ENV]?.trim();
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
