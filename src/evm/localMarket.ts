/**
 * A small on-chain arbitrage market for tests and the loopback runner: WETH, USDC and DAI; three WETH/USDC V2
 * pairs (30, 25 and 20 bps, the last one meant as the flash-swap lender) and a WETH/DAI pair; WETH/USDC and
 * USDC/DAI V3 pools; a funded Aave-style lender (5 bps) and Balancer-style vault (0 fee); and FlashArb owned by
 * `owner`. Pools start empty: load states with setPricesV2 / loadStateV3 (fixtures.ts).
 */
import type { Address } from 'viem';
import type { Token } from '../dex/types.ts';
import { encodeSqrtPriceX96 } from '../dex/v3/encodeSqrtPriceX96.ts';
import { liquidityAtTick } from '../dex/v3/poolV3.ts';
import { getTickAtSqrtRatio, MAX_TICK, MIN_TICK } from '../dex/v3/tickMath.ts';
import { ticksFromPositions } from '../dex/v3/ticksFromPositions.ts';
import { deployContract } from './deploy.ts';
import {
  createPairV2,
  deployAaveLender,
  deployBalancerVault,
  deployFlashArb,
  deployPoolV3,
  deployToken,
  loadReservesV2,
  loadStateV3,
  mintToken,
  sortTokens,
  type FixtureContext,
} from './fixtures.ts';

export interface LocalMarket {
  owner: Address;
  weth: Token;
  usdc: Token;
  dai: Token;
  factory: Address;
  /** WETH/USDC pairs by fee: 30 and 25 bps to trade, 20 bps to flash-swap from. */
  pairA: Address;
  pairB: Address;
  flashPair: Address;
  wethDaiPair: Address;
  /** WETH/USDC 0.05% (spacing 10) and USDC/DAI 0.01% (spacing 1). */
  v3WethUsdc: Address;
  v3UsdcDai: Address;
  aave: Address;
  balancer: Address;
  flashArb: Address;
}

export interface DeployLocalMarketOptions {
  /** Liquidity minted to each lender, per token, in whole tokens. Default 100,000,000. */
  lenderLiquidityWhole?: bigint;
}

function token(address: Address, symbol: string, decimals: number): Token {
  return { address, symbol, decimals };
}

export async function deployLocalMarket(
  ctx: FixtureContext,
  options: DeployLocalMarketOptions = {},
): Promise<LocalMarket> {
  const owner = ctx.from ?? ctx.clients.wallet().account.address;
  const weth = token(await deployToken(ctx, 'WETH', 18), 'WETH', 18);
  const usdc = token(await deployToken(ctx, 'USDC', 6), 'USDC', 6);
  const dai = token(await deployToken(ctx, 'DAI', 18), 'DAI', 18);
  const factory = await deployContract({ ...ctx, contractName: 'TestV2Factory' });
  const w = weth.address as Address;
  const u = usdc.address as Address;
  const d = dai.address as Address;
  const [pairA, pairB, flashPair, wethDaiPair] = [
    await createPairV2(ctx, factory, w, u, 30),
    await createPairV2(ctx, factory, w, u, 25),
    await createPairV2(ctx, factory, w, u, 20),
    await createPairV2(ctx, factory, w, d, 30),
  ];
  const v3WethUsdc = await deployPoolV3(ctx, ...sortTokens(w, u), 500, 10);
  const v3UsdcDai = await deployPoolV3(ctx, ...sortTokens(u, d), 100, 1);
  const aave = await deployAaveLender(ctx, 5);
  const balancer = await deployBalancerVault(ctx, 0);
  const whole = options.lenderLiquidityWhole ?? 100_000_000n;
  for (const lender of [aave, balancer]) {
    for (const t of [weth, usdc, dai])
      await mintToken(ctx, t.address as Address, lender, whole * 10n ** BigInt(t.decimals));
  }
  const flashArb = await deployFlashArb({ ...ctx, from: owner });
  return {
    owner,
    weth,
    usdc,
    dai,
    factory,
    pairA,
    pairB,
    flashPair,
    wethDaiPair,
    v3WethUsdc,
    v3UsdcDai,
    aave,
    balancer,
    flashArb,
  };
}

/** The pair's tokens in pair order. */
export function pairTokens(a: Token, b: Token): [Token, Token] {
  return a.address.toLowerCase() < b.address.toLowerCase() ? [a, b] : [b, a];
}

/** Base and quote amounts (base units) for `baseWhole` base at a decimal-string price. */
function amountsAtPrice(base: Token, quote: Token, baseWhole: bigint, price: string): [bigint, bigint] {
  const [intPart, frac = ''] = price.split('.');
  const scale = 10n ** BigInt(frac.length);
  return [
    baseWhole * 10n ** BigInt(base.decimals),
    (baseWhole * BigInt(intPart + frac) * 10n ** BigInt(quote.decimals)) / scale,
  ];
}

/**
 * Loads an empty pair with `baseWhole` whole units of `base` priced at `price` quote per base (a decimal
 * string, e.g. '3060.5'), exactly in base units.
 */
export async function loadPriceV2(
  ctx: FixtureContext,
  pair: Address,
  base: Token,
  quote: Token,
  baseWhole: bigint,
  price: string,
): Promise<void> {
  const [baseAmount, quoteAmount] = amountsAtPrice(base, quote, baseWhole, price);
  const [t0, t1] = pairTokens(base, quote);
  const [r0, r1] = t0 === base ? [baseAmount, quoteAmount] : [quoteAmount, baseAmount];
  await loadReservesV2(ctx, pair, t0.address as Address, t1.address as Address, r0, r1);
}

export interface LoadPriceV3Options {
  pool: Address;
  base: Token;
  quote: Token;
  price: string;
  tickSpacing: number;
  /** Liquidity of a full-range position and of one concentrated +-`halfWidth` spacings around the price. */
  fullRangeLiquidity: bigint;
  concentratedLiquidity: bigint;
  halfWidth: number;
}

/**
 * Sets a V3 pool (setState) at a price with a full-range position plus a concentrated one, and mints it ample
 * balances of both tokens so swaps can pay out.
 */
export async function loadPriceV3(ctx: FixtureContext, o: LoadPriceV3Options): Promise<void> {
  const [t0] = pairTokens(o.base, o.quote);
  const [baseAmount, quoteAmount] = amountsAtPrice(o.base, o.quote, 1_000_000n, o.price);
  const sqrtPriceX96 =
    t0 === o.base ? encodeSqrtPriceX96(quoteAmount, baseAmount) : encodeSqrtPriceX96(baseAmount, quoteAmount);
  const tick = getTickAtSqrtRatio(sqrtPriceX96);
  const s = o.tickSpacing;
  const center = Math.floor(tick / s) * s;
  const ticks = ticksFromPositions([
    {
      tickLower: Math.ceil(MIN_TICK / s) * s,
      tickUpper: Math.floor(MAX_TICK / s) * s,
      liquidity: o.fullRangeLiquidity,
    },
    { tickLower: center - o.halfWidth * s, tickUpper: center + o.halfWidth * s, liquidity: o.concentratedLiquidity },
  ]);
  await loadStateV3(ctx, o.pool, { sqrtPriceX96, tick, liquidity: liquidityAtTick(ticks, tick), ticks });
  for (const t of [o.base, o.quote]) await mintToken(ctx, t.address as Address, o.pool, 10n ** 30n);
}
