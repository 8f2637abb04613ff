/**
 * Chain identity at start: the node's eth_chainId must equal the chain id of the market file, else the run stops
 * with InvalidInputError (exit 2) before anything is read or sent. A market file for a local rig pointed at a
 * mainnet node (or the reverse) is caught here, not after a transaction.
 */
import { InvalidInputError } from '../../core/errors.ts';
import { rpcCall, type LivePublicClient } from './chainClient.ts';

export interface AssertChainIdOptions {
  client: LivePublicClient;
  /** The market file's chain id. */
  expected: number;
  /** Where the expectation comes from, for the message (e.g. the market file's path). */
  source: string;
}

export async function assertChainId(o: AssertChainIdOptions): Promise<number> {
  const actual = await rpcCall('eth_chainId', () => o.client.getChainId(), { attempts: 4 });
  if (actual !== o.expected)
    throw new InvalidInputError(
      `the node reports chain id ${actual} but ${o.source} describes chain id ${o.expected}: wrong node or wrong market file`,
    );
  return actual;
}
