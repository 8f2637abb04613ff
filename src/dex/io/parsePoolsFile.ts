/**
 * The pool-state file `arbml quote --pools FILE.json` reads (example: examples/pools.ethereum.json).
 * Amounts are decimal strings of base units (no floats on the way in); fees are integers.
 *
 * {
 *   "chain": "ethereum",
 *   "gas": { "baseFeeGwei": "25", "priorityFeeGwei": "1" },          // priority fee optional (chain minimum)
 *   "tokens": {                                                       // symbol -> token
 *     "WETH": { "address": "0xc02a...", "decimals": 18, "nativePrice": "1" },
 *     "USDC": { "address": "0xa0b8...", "decimals": 6, "nativePrice": "3000" }
 *   },                                                                // nativePrice: one whole native token (ETH,
 *                                                                     // MATIC) in this token; needed to borrow it
 *   "flashProviders": [                                               // kind: aave-v3 | balancer-v2 | uniswap-v2
 *     { "kind": "aave-v3", "feeBps": 5, "liquidity": { "USDC": "50000000000000" } },
 *     { "kind": "uniswap-v2", "pair": "0x...", "feeBps": 30, "liquidity": { "WETH": "..." } }
 *   ],
 *   "pools": [
 *     { "type": "v2", "dex": "uniswap-v2", "address": "0x...", "token0": "USDC", "token1": "WETH",
 *       "reserve0": "30000000000000", "reserve1": "10000000000000000000000", "feeBps": 30 },
 *     { "type": "v3", "dex": "uniswap-v3", "address": "0x...", "token0": "USDC", "token1": "WETH",
 *       "feePips": 500, "tickSpacing": 10, "sqrtPriceX96": "...", "tick": 195000, "liquidity": "...",
 *       "ticks": [ { "index": 194000, "liquidityNet": "..." }, { "index": 196000, "liquidityNet": "-..." } ] }
 *   ]
 * }
 * A bad pool or provider is rejected with the file and the field named, counted, and the rest still load.
 */
import { ArbmlError, InvalidInputError } from '../../core/errors.ts';
import {
  aaveV3Provider,
  balancerV2Provider,
  uniswapV2FlashProvider,
  type FlashProvider,
} from '../flash/flashProvider.ts';
import type { Pool } from '../pool.ts';
import { parseUnits } from '../price/units.ts';
import { CHAINS, tokenKey, type Chain, type Token } from '../types.ts';
import { createPoolV2 } from '../v2/poolV2.ts';
import { createPoolV3 } from '../v3/poolV3.ts';

export interface PoolsFile {
  chain: Chain;
  baseFeeWei: bigint;
  priorityFeeWei?: bigint;
  tokens: Map<string, Token>;
  /** token key -> base units of the token per one whole native token. */
  tokenPerNative: Map<string, bigint>;
  providers: FlashProvider[];
  pools: Pool[];
  rejected: { where: string; reason: string }[];
}

type Json = Record<string, unknown>;

function obj(v: unknown, where: string): Json {
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    throw new InvalidInputError(`${where} must be an object`);
  return v as Json;
}
function int(v: unknown, where: string): bigint {
  if (typeof v !== 'string' || !/^-?\d+$/.test(v))
    throw new InvalidInputError(`${where} must be a decimal string of base units`);
  return BigInt(v);
}
function num(v: unknown, where: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v)) throw new InvalidInputError(`${where} must be an integer`);
  return v;
}
function str(v: unknown, where: string): string {
  if (typeof v !== 'string' || v === '') throw new InvalidInputError(`${where} must be a non-empty string`);
  return v;
}

function parseTokens(file: string, raw: Json, out: PoolsFile): void {
  for (const [symbol, value] of Object.entries(obj(raw.tokens, `${file}: tokens`))) {
    const where = `${file}: tokens.${symbol}`;
    const t = obj(value, where);
    const token = {
      address: str(t.address, `${where}.address`).toLowerCase(),
      symbol,
      decimals: num(t.decimals, `${where}.decimals`),
    };
    out.tokens.set(symbol, token);
    if (t.nativePrice !== undefined)
      out.tokenPerNative.set(tokenKey(token), parseUnits(str(t.nativePrice, `${where}.nativePrice`), token.decimals));
  }
}

function token(out: PoolsFile, symbol: unknown, where: string): Token {
  const t = out.tokens.get(str(symbol, where));
  if (!t) throw new InvalidInputError(`${where}: unknown token "${String(symbol)}" (declare it under "tokens")`);
  return t;
}

function parseProvider(out: PoolsFile, p: Json, where: string): FlashProvider {
  const liquidity = new Map<string, bigint>();
  for (const [symbol, amount] of Object.entries(obj(p.liquidity, `${where}.liquidity`))) {
    liquidity.set(tokenKey(token(out, symbol, `${where}.liquidity`)), int(amount, `${where}.liquidity.${symbol}`));
  }
  const options = {
    liquidity,
    feeBps: p.feeBps === undefined ? undefined : num(p.feeBps, `${where}.feeBps`),
    gasOverhead: p.gasOverhead === undefined ? undefined : num(p.gasOverhead, `${where}.gasOverhead`),
  };
  switch (p.kind) {
    case 'aave-v3':
      return aaveV3Provider(options);
    case 'balancer-v2':
      return balancerV2Provider(options);
    case 'uniswap-v2':
      return uniswapV2FlashProvider(options, str(p.pair, `${where}.pair`));
    default:
      throw new InvalidInputError(`${where}.kind must be aave-v3, balancer-v2 or uniswap-v2`);
  }
}

function parsePool(out: PoolsFile, p: Json, where: string): Pool {
  if (p.type !== 'v2' && p.type !== 'v3') throw new InvalidInputError(`${where}.type must be "v2" or "v3"`);
  const common = {
    chain: out.chain,
    dex: str(p.dex, `${where}.dex`),
    address: str(p.address, `${where}.address`).toLowerCase(),
    token0: token(out, p.token0, `${where}.token0`),
    token1: token(out, p.token1, `${where}.token1`),
  };
  if (p.type === 'v2') {
    return createPoolV2({
      ...common,
      reserve0: int(p.reserve0, `${where}.reserve0`),
      reserve1: int(p.reserve1, `${where}.reserve1`),
      feeBps: num(p.feeBps, `${where}.feeBps`),
    });
  }
  const ticks = (Array.isArray(p.ticks) ? p.ticks : []).map((t: unknown, i: number) => {
    const o = obj(t, `${where}.ticks[${i}]`);
    return {
      index: num(o.index, `${where}.ticks[${i}].index`),
      liquidityNet: int(o.liquidityNet, `${where}.ticks[${i}].liquidityNet`),
    };
  });
  return createPoolV3({
    ...common,
    feePips: num(p.feePips, `${where}.feePips`),
    tickSpacing: num(p.tickSpacing, `${where}.tickSpacing`),
    sqrtPriceX96: int(p.sqrtPriceX96, `${where}.sqrtPriceX96`),
    tick: num(p.tick, `${where}.tick`),
    liquidity: int(p.liquidity, `${where}.liquidity`),
    ticks,
  });
}

/** Collects each entry of a list, rejecting (and counting) the ones that fail with the reason. */
function each<T>(list: unknown, where: string, out: PoolsFile, parse: (o: Json, w: string) => T): T[] {
  if (!Array.isArray(list)) throw new InvalidInputError(`${where} must be an array`);
  const result: T[] = [];
  list.forEach((item, i) => {
    const w = `${where}[${i}]`;
    try {
      result.push(parse(obj(item, w), w));
    } catch (e) {
      if (!(e instanceof ArbmlError)) throw e;
      out.rejected.push({ where: w, reason: e.shortMessage.includes(w) ? e.shortMessage : `${w}: ${e.shortMessage}` });
    }
  });
  return result;
}

export function parsePoolsFile(text: string, file: string): PoolsFile {
  let raw: Json;
  try {
    raw = obj(JSON.parse(text), file);
  } catch (cause) {
    throw new InvalidInputError(`${file} is not a valid pools JSON object`, { cause });
  }
  const chain = raw.chain as Chain;
  if (!CHAINS.includes(chain)) throw new InvalidInputError(`${file}: chain must be one of ${CHAINS.join(', ')}`);
  const gas = obj(raw.gas, `${file}: gas`);
  const out: PoolsFile = {
    chain,
    baseFeeWei: parseUnits(str(gas.baseFeeGwei, `${file}: gas.baseFeeGwei`), 9),
    priorityFeeWei:
      gas.priorityFeeGwei === undefined
        ? undefined
        : parseUnits(str(gas.priorityFeeGwei, `${file}: gas.priorityFeeGwei`), 9),
    tokens: new Map(),
    tokenPerNative: new Map(),
    providers: [],
    pools: [],
    rejected: [],
  };
  parseTokens(file, raw, out);
  out.providers = each(raw.flashProviders ?? [], `${file}: flashProviders`, out, (o, w) => parseProvider(out, o, w));
  out.pools = each(raw.pools, `${file}: pools`, out, (o, w) => parsePool(out, o, w));
  return out;
}
