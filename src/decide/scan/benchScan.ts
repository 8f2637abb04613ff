/**
 * `arbml bench scan`: the default universe scaled to `pools` pools on its three chains. Each block (chains in
 * turn) a few pools move (seeded noise swaps) plus those our last trades touched; the timed part is from those new
 * pool states to every profitable cycle through them sized and priced exactly and decided by the decider (the
 * heuristic by default). Executed trades are then applied to the pools (not timed). Separately, float V3 quotes
 * per second on the universe's V3 pools (the scan's hot path; survivors are confirmed by the exact swapV3).
 */
import { rngFor } from '../../core/random.ts';
import type { Decider } from '../../domain/decider.ts';
import { floatPoolV3, quoteV3Float } from '../../dex/v3/floatPoolV3.ts';
import { loadUniverse } from '../../market/universe/loadUniverse.ts';
import { scaleUniverse } from '../../market/universe/scaleUniverse.ts';
import { HeuristicDecider } from '../heuristicDecider.ts';
import { cycleOpportunity } from './cycleOpportunity.ts';
import { applyTrade, createScanWorld, noiseSwaps, type ChainWorld } from './scanWorld.ts';

export interface BenchScanOptions {
  seed?: number;
  pools?: number;
  blocks?: number;
  /** Pools moved by noise per block (default 8). */
  changedPerBlock?: number;
  universeFile?: string;
  decider?: Decider;
  /** Float V3 quotes timed for v3_quotes_per_s (default 300,000). */
  quotes?: number;
  onStep?: (message: string) => void;
}

export interface BenchScanResult {
  pools: number;
  cycles_per_block: number;
  p50_ms: number;
  p99_ms: number;
  v3_quotes_per_s: number;
}

function quantile(sorted: readonly number[], q: number): number {
  return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/** One block of one chain: scan the changed pools, decide every profitable cycle; returns [cycles, executes]. */
function scanBlock(
  world: ChainWorld,
  changed: Set<number>,
  decider: Decider,
  blockNumber: number,
  timeMs: number,
): { cycles: number; execute: Parameters<typeof applyTrade>[1][]; amounts: bigint[] } {
  const s = world.setup;
  const result = world.scanner.scan(changed, s);
  const execute: Parameters<typeof applyTrade>[1][] = [];
  const amounts: bigint[] = [];
  for (const [k, cycle] of result.profitable.entries()) {
    const route = cycle.quote.route;
    const opp = cycleOpportunity({
      id: `scan:${s.chain}:${blockNumber}:${k}`,
      chain: s.chain,
      blockNumber,
      timeMs,
      cycle,
      spotProduct: cycle.spotProduct,
      tokenUsd: world.usd.get(route.token.symbol)!,
      ethUsd: s.ethUsd,
      nativeUsd: s.nativeUsd,
      baseFeeWei: s.baseFeeWei,
      priorityFeeWei: s.priorityFeeWei,
      poolLiquidityUsd: Math.min(...route.hops.map((h) => world.tvlUsd[world.scanner.pools.indexOf(h.pool)] ?? 0)),
    });
    decider.decide(opp, { chain: s.chain, blockNumber, timeMs, gasHistory: [] });
    // Ours or a competitor's: every profitable cycle is traded, so the world stays near equilibrium.
    execute.push(route);
    amounts.push(cycle.quote.amountIn);
  }
  return { cycles: result.profitable.length, execute, amounts };
}

function v3QuotesPerSecond(worlds: ChainWorld[], count: number, seed: number): number {
  const rng = rngFor(seed, 'bench/scan/quotes');
  const views = worlds.flatMap((w) =>
    w.scanner.pools.flatMap((p, i) =>
      p.kind === 'v3'
        ? [{ f: floatPoolV3(p), usd: (w.tvlUsd[i] / w.usd.get(p.token0.symbol)!) * 10 ** p.token0.decimals, p }]
        : [],
    ),
  );
  const amounts = Float64Array.from({ length: 4096 }, () => 10 ** (-4 + 2 * rng.next()));
  const out = { out: 0, marginal: 0 };
  let sink = 0;
  const t = performance.now();
  for (let k = 0; k < count; k++) {
    const v = views[k % views.length];
    const zeroForOne = (k & 1) === 0;
    // 0.01% to 1% of the pool's TVL, in token0 (or its token1 worth at the pool price).
    const x = v.usd * amounts[k & 4095];
    quoteV3Float(v.f, zeroForOne, zeroForOne ? x : x * v.f.sqrtPrice * v.f.sqrtPrice, out);
    sink += out.marginal;
  }
  const seconds = (performance.now() - t) / 1000;
  return sink >= 0 ? count / seconds : 0;
}

export function benchScan(options: BenchScanOptions = {}): BenchScanResult {
  const { seed = 1, pools = 1000, blocks = 600, changedPerBlock = 8, quotes = 300_000 } = options;
  const step = options.onStep ?? (() => {});
  const decider = options.decider ?? new HeuristicDecider();
  const universe = scaleUniverse({ universe: loadUniverse({ file: options.universeFile }), pools, seed });
  const worlds = createScanWorld({ universe, seed });
  step(`${pools} pools on ${worlds.length} chains, ${blocks} blocks`);
  const rng = rngFor(seed, 'bench/scan/noise');
  // Warm-up (not timed): scan every pool once and trade the open cycles away.
  for (const w of worlds) {
    let changed = new Set(w.scanner.pools.map((_, i) => i));
    for (let pass = 0; pass < 20 && changed.size > 0; pass++) {
      const r = scanBlock(w, changed, decider, 0, 0);
      r.execute.forEach((route, k) => applyTrade(w, route, r.amounts[k]));
      changed = new Set(w.touched);
      w.touched.clear();
    }
  }
  step('warm-up done: the open cycles are traded away');
  const times: number[] = [];
  let cycles = 0;
  for (let b = 1; b <= blocks; b++) {
    const w = worlds[b % worlds.length];
    const changed = noiseSwaps(w, rng, changedPerBlock);
    for (const i of w.touched) changed.add(i);
    w.touched.clear();
    const timeMs = Math.round(b * w.setup.profile.blockTimeSeconds * 1000);
    const t = performance.now();
    const r = scanBlock(w, changed, decider, b, timeMs);
    times.push(performance.now() - t);
    cycles += r.cycles;
    r.execute.forEach((route, k) => applyTrade(w, route, r.amounts[k]));
  }
  times.sort((a, b) => a - b);
  step(
    `scan: p50 ${quantile(times, 0.5).toFixed(3)} ms, p99 ${quantile(times, 0.99).toFixed(3)} ms, ${(cycles / blocks).toFixed(2)} profitable cycles per block`,
  );
  const v3 = v3QuotesPerSecond(worlds, quotes, seed);
  step(`float V3 quotes: ${Math.round(v3)}/s`);
  return {
    pools,
    cycles_per_block: cycles / blocks,
    p50_ms: quantile(times, 0.5),
    p99_ms: quantile(times, 0.99),
    v3_quotes_per_s: v3,
  };
}
