/**
 * Nonces for one sending account: read once from the node (`pending`), then handed out locally so back-to-back
 * sends never reuse one. A send that never reached the node gives its nonce back (`release`); after a transaction
 * is dropped (not included) the manager re-reads the node's count before the next send.
 */
import type { Address } from 'viem';
import { rpcCall, type LivePublicClient } from './chainClient.ts';

export class NonceManager {
  private next: number | undefined;

  constructor(
    private readonly client: LivePublicClient,
    private readonly address: Address,
  ) {}

  async take(): Promise<number> {
    if (this.next === undefined) {
      this.next = await rpcCall('eth_getTransactionCount', () =>
        this.client.getTransactionCount({ address: this.address, blockTag: 'pending' }),
      );
    }
    return this.next++;
  }

  /** The send with this nonce failed before the node accepted it. */
  release(nonce: number): void {
    if (this.next === nonce + 1) this.next = nonce;
    else this.resync();
  }

  /** Forget the local count (a transaction was dropped); the next take() asks the node. */
  resync(): void {
    this.next = undefined;
  }
}
