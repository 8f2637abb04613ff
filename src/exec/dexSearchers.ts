/**
 * Competing atomic (DEX-DEX) searchers. The market model's competitors close CEX-DEX edges pool by pool; the same
 * pool-pair edges our routes take are also watched by other flash-arb bots. When an edge first opens and its best
 * route pays more than the competitors' bar (market params: minProfitUsd beyond gas), a searcher is scheduled to
 * land after a latency drawn from the real distance table (blocks between the swap that opened an opportunity and
 * the arbitrage that took it) with a tip drawn from the real tip-to-base-fee quantiles. If the edge is still open
 * then, it trades the best route at its optimal size on the pools of that block, ahead of any transaction paying a
 * lower tip; its trade becomes part of the market (market.include), so later blocks see the edge closed.
 */
import type { Rng } from '../core/random.ts';
import type { FlashProvider } from '../dex/flash/flashProvider.ts';
import { chainProfile } from '../dex/gas/chainProfiles.ts';
import type { Pool } from '../dex/pool.ts';
import { quoteRoute } from '../dex/routes/quoteRoute.ts';
import { createRoute } from '../dex/routes/route.ts';
import type { BlockSnapshot } from '../market/blockSnapshot.ts';
import type { CompetitorParams } from '../market/params.ts';
import { drawLatencyBlocks, drawTipRatio } from '../market/pools/latency.ts';
import { confirmRoute } from './confirmRoute.ts';
import { usdcPerNative } from './detectOpportunities.ts';
import type { MarketView } from './marketView.ts';
import type { Opportunity } from '../domain/opportunity.ts';

/** A searcher trade that landed in a block: the pools after it and the tip it paid. */
export interface SearcherTrade {
  tipWei: bigint;
  pools: readonly Pool[];
  addresses: readonly string[];
}

interface Scheduled {
  block: number;
  tipRatio: number;
  /** Cheap and dear pool addresses of the edge's best route. */
  cheap: string;
  dear: string;
}

export class DexSearchers {
  private readonly scheduled = new Map<string, Scheduled>();

  constructor(
    private readonly rng: Rng,
    private readonly params: CompetitorParams,
    private readonly providers: readonly FlashProvider[],
  ) {}

  /** An edge was seen open at detection (openSince = the block it opened). */
  seen(opp: Opportunity, openSince: number): void {
    if (this.scheduled.has(opp.dexPool)) return;
    if (opp.netProfitEth * opp.ethUsd <= this.params.minProfitUsd) return;
    const hops = opp.routes[0]!.route.hops;
    this.scheduled.set(opp.dexPool, {
      block: openSince + drawLatencyBlocks(this.rng, this.params.latencyBlocks[opp.chain]),
      tipRatio: drawTipRatio(this.rng, this.params),
      cheap: hops[0]!.pool.address,
      dear: hops[1]!.pool.address,
    });
  }

  /** The edge of this pool closed (no longer detected): a searcher that has not landed gives up. */
  closed(dexPool: string): void {
    this.scheduled.delete(dexPool);
  }

  /** Lands the searchers due in this block whose edge still pays; returns their trades in landing order. */
  land(block: BlockSnapshot, market: MarketView): SearcherTrade[] {
    const trades: SearcherTrade[] = [];
    for (const [leg, s] of [...this.scheduled]) {
      if (s.block > block.blockNumber) continue;
      this.scheduled.delete(leg);
      const pools = market.current(block.chain)!.pools;
      const cheap = pools.find((p) => p.address === s.cheap);
      const dear = pools.find((p) => p.address === s.dear);
      if (!cheap || !dear) continue;
      const route = createRoute([{ pool: cheap, zeroForOne: true }, { pool: dear, zeroForOne: false }]);
      const tipWei = BigInt(Math.round(Number(block.baseFeeWei) * s.tipRatio));
      const q = confirmRoute({
        route, providers: this.providers, profile: chainProfile(block.chain), gasPriceWei: block.baseFeeWei + tipWei,
        tokenPerNative: usdcPerNative(block),
      });
      if (!q || q.netProfit <= 0n) continue;
      const after = quoteRoute(route, q.amountIn).pools;
      market.include({ chain: block.chain, tipWei, pools: after });
      trades.push({ tipWei, pools: after, addresses: [s.cheap.toLowerCase(), s.dear.toLowerCase()] });
    }
    return trades;
  }
}
