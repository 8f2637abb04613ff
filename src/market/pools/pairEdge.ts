/**
 * The edge between two pools of the same pair as an atomic (DEX-DEX) arbitrageur sees it: buy WETH where it is
 * cheap, sell where it is dear. The log gap beyond both fees is closed by moving each pool in proportion to the
 * other's depth (equal USDC through both); profit is depth_c * depth_d / (depth_c + depth_d) * gap^2 / 2 (USD).
 */
export interface PairEdge {
  /** log(dear / cheap) beyond both fees' logs; > 0 when the arbitrage pays before gas. */
  excess: number;
  profitUsd: number;
  /** USDC through the route (USD). */
  volumeUsd: number;
  /** 0 when pool a is the cheap one, 1 when b is. */
  cheap: 0 | 1;
  /** Prices (USDC per WETH) the arbitrage leaves the cheap and the dear pool at. */
  cheapTarget: number;
  dearTarget: number;
}

export interface PairSide {
  price: number;
  depthUsd: number;
  fee: number;
}

export function pairEdge(a: PairSide, b: PairSide): PairEdge {
  const cheap: 0 | 1 = a.price <= b.price ? 0 : 1;
  const c = cheap === 0 ? a : b;
  const d = cheap === 0 ? b : a;
  const excess = Math.log(d.price / c.price) + Math.log(1 - c.fee) + Math.log(1 - d.fee);
  if (!(excess > 0)) return { excess, profitUsd: 0, volumeUsd: 0, cheap, cheapTarget: c.price, dearTarget: d.price };
  const total = c.depthUsd + d.depthUsd;
  const moveCheap = (excess * d.depthUsd) / total;
  const moveDear = (excess * c.depthUsd) / total;
  return {
    excess,
    profitUsd: ((c.depthUsd * d.depthUsd) / total) * excess * excess * 0.5,
    volumeUsd: c.depthUsd * moveCheap,
    cheap,
    cheapTarget: c.price * Math.exp(moveCheap),
    dearTarget: d.price * Math.exp(-moveDear),
  };
}
