/**
 * Blocks a mined trade needs before its ledger row is final, per chain: Ethereum has single-slot finality for
 * practical purposes after a few blocks (reorgs deeper than 2 are very rare post-merge), Polygon PoS reorgs run
 * deeper. Local development chains (31337, 1337) do not reorg unless a test forces it: 1.
 */
const BY_CHAIN: Readonly<Record<string, number>> = { ethereum: 3, polygon: 32 };

export function confirmationsFor(chain: string, chainId: number): number {
  if (chainId === 31337 || chainId === 1337) return 1;
  return BY_CHAIN[chain] ?? 12;
}
