/**
 * A MarketView that calls `onBlock` with every block the runner steps to, before the runner sees it: how the
 * backtest records the path (gas tape) and lets deciders read market history the runner does not pass them.
 * Everything else is the wrapped market's.
 */
import type { MarketView } from './marketView.ts';
import type { BlockSnapshot } from '../market/blockSnapshot.ts';

export function observeMarket(market: MarketView, onBlock: (b: BlockSnapshot) => void): MarketView {
  return {
    info: market.info,
    step: () => {
      const b = market.step();
      if (b) onBlock(b);
      return b;
    },
    current: (chain) => market.current(chain),
    poolsAtInclusion: (o) => market.poolsAtInclusion(o),
    include: (o) => market.include(o),
  };
}
