import { describe, expect, it } from 'vitest';
import { encodeSqrtPriceX96 } from './encodeSqrtPriceX96.ts';
import { mulDiv, mulDivRoundingUp } from './fullMath.ts';
import { addDelta } from './liquidityMath.ts';
import {
  getAmount0Delta,
  getAmount1Delta,
  getNextSqrtPriceFromInput,
  getNextSqrtPriceFromOutput,
} from './sqrtPriceMath.ts';

const e18 = 10n ** 18n;
const price1 = encodeSqrtPriceX96(1n, 1n);
const price121 = encodeSqrtPriceX96(121n, 100n);

describe('sqrtPriceMath (v3-core test vectors)', () => {
  it('next price from an input', () => {
    expect(getNextSqrtPriceFromInput(price1, e18, e18 / 10n, false)).toBe(87150978765690771352898345369n);
    expect(getNextSqrtPriceFromInput(price1, e18, e18 / 10n, true)).toBe(72025602285694852357767227579n);
    expect(getNextSqrtPriceFromInput(price1, 10n * e18, 2n ** 100n, true)).toBe(624999999995069620n);
    expect(getNextSqrtPriceFromInput(price1, 1n, (2n ** 256n - 1n) / 2n, true)).toBe(1n);
    expect(getNextSqrtPriceFromInput(1n, 1n, 2n ** 255n, true)).toBe(1n);
    expect(getNextSqrtPriceFromInput(price1, e18 / 10n, 0n, true)).toBe(price1);
    expect(() => getNextSqrtPriceFromInput(2n ** 160n - 1n, 1024n, 1024n, false)).toThrow();
    expect(() => getNextSqrtPriceFromInput(1n, 0n, e18 / 10n, true)).toThrow(/liquidity/);
  });

  it('next price from an output', () => {
    expect(getNextSqrtPriceFromOutput(price1, e18, e18 / 10n, false)).toBe(88031291682515930659493278152n);
    expect(getNextSqrtPriceFromOutput(price1, e18, e18 / 10n, true)).toBe(71305346262837903834189555302n);
    const p = 20282409603651670423947251286016n;
    expect(() => getNextSqrtPriceFromOutput(p, 1024n, 4n, false)).toThrow(/token0/);
    expect(() => getNextSqrtPriceFromOutput(p, 1024n, 262145n, true)).toThrow(/token1/);
    expect(() => getNextSqrtPriceFromOutput(price1, 1n, 2n ** 256n - 1n, true)).toThrow();
  });

  it('the product-overflow path (sqrtP * amount > 2^256) rounds like the contract', () => {
    const sqrtP = 1025574284609383690408304870162715216695788925244n;
    const liquidity = 50015962439936049619261659728067971248n;
    const sqrtQ = getNextSqrtPriceFromInput(sqrtP, liquidity, 406n, true);
    expect(sqrtQ).toBe(1025574284609383582644711336373707553698163132913n);
    expect(getAmount0Delta(sqrtP, sqrtQ, liquidity, true)).toBe(406n);
  });

  it('amount deltas between prices 1 and 1.21', () => {
    expect(price121).toBe(87150978765690771352898345369n);
    expect(getAmount0Delta(price121, price1, e18, true)).toBe(90909090909090910n);
    expect(getAmount0Delta(price121, price1, e18, false)).toBe(90909090909090909n);
    expect(getAmount1Delta(price1, price121, e18, true)).toBe(100000000000000000n);
    expect(getAmount1Delta(price1, price121, e18, false)).toBe(99999999999999999n);
    expect(getAmount0Delta(encodeSqrtPriceX96(2n, 1n), price1, 0n, true)).toBe(0n);
  });

  it('full math and liquidity math guards', () => {
    expect(mulDiv(2n ** 255n, 4n, 8n)).toBe(2n ** 254n);
    expect(mulDivRoundingUp(7n, 3n, 2n)).toBe(11n);
    expect(() => mulDiv(2n ** 255n, 4n, 1n)).toThrow(/overflow/);
    expect(() => mulDiv(1n, 1n, 0n)).toThrow(/denominator/);
    expect(addDelta(1n, -1n)).toBe(0n);
    expect(() => addDelta(0n, -1n)).toThrow(/LS/);
    expect(() => addDelta(2n ** 128n - 1n, 1n)).toThrow(/LA/);
  });
});
