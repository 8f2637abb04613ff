import { describe, expect, it } from 'vitest';
import { encodeSqrtPriceX96 } from './encodeSqrtPriceX96.ts';
import { getNextSqrtPriceFromInput } from './sqrtPriceMath.ts';
import { computeSwapStep } from './swapMath.ts';

const e18 = 10n ** 18n;
const price1 = encodeSqrtPriceX96(1n, 1n);

describe('computeSwapStep (v3-core test vectors)', () => {
  it('exact input capped at the target, one for zero', () => {
    const target = encodeSqrtPriceX96(101n, 100n);
    const s = computeSwapStep(price1, target, 2n * e18, e18, 600);
    expect(s).toEqual({
      sqrtRatioNextX96: target,
      amountIn: 9975124224178055n,
      feeAmount: 5988667735148n,
      amountOut: 9925619580021728n,
    });
  });

  it('exact output capped at the target, one for zero', () => {
    const target = encodeSqrtPriceX96(101n, 100n);
    const s = computeSwapStep(price1, target, 2n * e18, -e18, 600);
    expect(s).toEqual({
      sqrtRatioNextX96: target,
      amountIn: 9975124224178055n,
      feeAmount: 5988667735148n,
      amountOut: 9925619580021728n,
    });
  });

  it('exact input fully spent', () => {
    const s = computeSwapStep(price1, encodeSqrtPriceX96(1000n, 100n), 2n * e18, e18, 600);
    expect(s.amountIn).toBe(999400000000000000n);
    expect(s.feeAmount).toBe(600000000000000n);
    expect(s.amountOut).toBe(666399946655997866n);
    expect(s.sqrtRatioNextX96).toBe(getNextSqrtPriceFromInput(price1, 2n * e18, e18 - s.feeAmount, false));
  });

  it('exact output fully received', () => {
    const s = computeSwapStep(price1, encodeSqrtPriceX96(10000n, 100n), 2n * e18, -e18, 600);
    expect(s.amountIn).toBe(2000000000000000000n);
    expect(s.feeAmount).toBe(1200720432259356n);
    expect(s.amountOut).toBe(e18);
  });

  it('edge cases: capped output, target price 1, input all fee, insufficient liquidity', () => {
    expect(
      computeSwapStep(
        417332158212080721273783715441582n,
        1452870262520218020823638996n,
        159344665391607089467575320103n,
        -1n,
        1,
      ),
    ).toEqual({ sqrtRatioNextX96: 417332158212080721273783715441581n, amountIn: 1n, feeAmount: 1n, amountOut: 1n });
    expect(computeSwapStep(2n, 1n, 1n, 3915081100057732413702495386755767n, 1)).toEqual({
      sqrtRatioNextX96: 1n,
      amountIn: 39614081257132168796771975168n,
      feeAmount: 39614120871253040049813n,
      amountOut: 0n,
    });
    expect(computeSwapStep(2413n, 79887613182836312n, 1985041575832132834610021537970n, 10n, 1872)).toEqual({
      sqrtRatioNextX96: 2413n,
      amountIn: 0n,
      feeAmount: 10n,
      amountOut: 0n,
    });
    const sqrtP = 20282409603651670423947251286016n;
    expect(computeSwapStep(sqrtP, (sqrtP * 11n) / 10n, 1024n, -4n, 3000)).toEqual({
      sqrtRatioNextX96: (sqrtP * 11n) / 10n,
      amountIn: 26215n,
      feeAmount: 79n,
      amountOut: 0n,
    });
    expect(computeSwapStep(sqrtP, (sqrtP * 9n) / 10n, 1024n, -263000n, 3000)).toEqual({
      sqrtRatioNextX96: (sqrtP * 9n) / 10n,
      amountIn: 1n,
      feeAmount: 1n,
      amountOut: 26214n,
    });
  });
});
