/**
 * Checks the address book's init code hashes against the bytecode itself: keccak256 of the npm UniswapV2Pair and
 * UniswapV3Pool creation code must equal the hashes the book (and mainnet's factories) use.
 */
import { keccak256 } from 'viem';
import { protocolArtifact } from '../protocols/protocolArtifacts.ts';
import { UNISWAP_V2_INIT_CODE_HASH, UNISWAP_V3_INIT_CODE_HASH } from './mainnetAddresses.ts';

export interface InitCodeHashCheck {
  v2: { npm: string; book: string };
  v3: { npm: string; book: string };
  ok: boolean;
}

export function checkInitCodeHashes(): InitCodeHashCheck {
  const v2 = { npm: keccak256(protocolArtifact('UniswapV2Pair').bytecode), book: UNISWAP_V2_INIT_CODE_HASH };
  const v3 = { npm: keccak256(protocolArtifact('UniswapV3Pool').bytecode), book: UNISWAP_V3_INIT_CODE_HASH };
  return { v2, v3, ok: v2.npm === v2.book && v3.npm === v3.book };
}
