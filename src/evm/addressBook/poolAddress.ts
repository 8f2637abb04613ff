/**
 * Pair and pool addresses derived, never typed: CREATE2(factory, salt, init code hash) exactly as
 * UniswapV2Factory.createPair (salt keccak256(token0 ++ token1), packed) and UniswapV3Factory's PoolDeployer
 * (salt keccak256(abi.encode(token0, token1, fee))) compute them. Tokens are sorted as the factories sort them.
 */
import { encodeAbiParameters, encodePacked, getContractAddress, keccak256, type Address, type Hex } from 'viem';
import { InvalidInputError } from '../../core/errors.ts';
import { MAINNET_ADDRESSES, type MainnetChain, type MajorToken } from './mainnetAddresses.ts';

function sorted(a: Address, b: Address): [Address, Address] {
  const [x, y] = [a.toLowerCase(), b.toLowerCase()];
  if (x === y) throw new InvalidInputError(`identical tokens ${a}`);
  return (x < y ? [a, b] : [b, a]) as [Address, Address];
}

export interface V2PairAddressOptions {
  factory: Address;
  initCodeHash: Hex;
  tokenA: Address;
  tokenB: Address;
}

export function v2PairAddress({ factory, initCodeHash, tokenA, tokenB }: V2PairAddressOptions): Address {
  const [t0, t1] = sorted(tokenA, tokenB);
  const salt = keccak256(encodePacked(['address', 'address'], [t0, t1]));
  return getContractAddress({ opcode: 'CREATE2', from: factory, salt, bytecodeHash: initCodeHash });
}

export interface V3PoolAddressOptions extends V2PairAddressOptions {
  feePips: number;
}

export function v3PoolAddress({ factory, initCodeHash, tokenA, tokenB, feePips }: V3PoolAddressOptions): Address {
  const [t0, t1] = sorted(tokenA, tokenB);
  const salt = keccak256(
    encodeAbiParameters([{ type: 'address' }, { type: 'address' }, { type: 'uint24' }], [t0, t1, feePips]),
  );
  return getContractAddress({ opcode: 'CREATE2', from: factory, salt, bytecodeHash: initCodeHash });
}

export interface MainnetPoolOptions {
  chain: MainnetChain;
  tokenA: MajorToken;
  tokenB: MajorToken;
  /** 'uniswap-v3' (needs feePips) or a V2 venue of the chain ('uniswap-v2', 'quickswap'). */
  venue: string;
  feePips?: number;
}

/** A mainnet pool by token pair, venue and fee, derived from the address book. */
export function mainnetPoolAddress({ chain, tokenA, tokenB, venue, feePips }: MainnetPoolOptions): Address {
  const book = MAINNET_ADDRESSES[chain];
  const [a, b] = [book.tokens[tokenA].address, book.tokens[tokenB].address];
  if (venue === 'uniswap-v3') {
    if (feePips === undefined) throw new InvalidInputError('uniswap-v3 pool needs feePips');
    return v3PoolAddress({ ...book.uniswapV3, tokenA: a, tokenB: b, feePips });
  }
  const v2 = book.v2[venue];
  if (!v2) throw new InvalidInputError(`no V2 venue ${venue} on ${chain}`);
  return v2PairAddress({ factory: v2.factory, initCodeHash: v2.initCodeHash, tokenA: a, tokenB: b });
}
