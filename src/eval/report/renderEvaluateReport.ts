/**
 * The `arbml evaluate` report: one self-contained HTML file with the multi-seed decider table (mean and 95%
 * interval), the seed's table like for like (heuristic vs ml_filter on the heuristic's candidate stream), the
 * scenario grid of ML-vs-best-baseline ratios (saying plainly where ML does not win), the slippage error
 * distribution with an inline SVG calibration plot, and the profit breakdown by chain x size band x competitor.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Interval, ScenarioSummary } from '../aggregateSeeds.ts';
import type { SeedResult } from '../evaluateSeed.ts';
import { slippageCalibration, type CalibrationBin } from '../slippageCalibration.ts';
import { escapeHtml } from './renderBacktestReport.ts';

export interface EvaluateReportInput {
  summary: ScenarioSummary;
  scenarios: Record<string, ScenarioSummary>;
  seeds: readonly SeedResult[];
  days: number;
  seconds: number;
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const f =
  (d: number) =>
  (x: number): string =>
    x.toFixed(d);
const iv = (x: Interval, fmt: (v: number) => string): string => `${fmt(x.mean)} [${fmt(x.ci95[0])}, ${fmt(x.ci95[1])}]`;
const table = (id: string, head: string[], rows: string[][]): string =>
  `<table id="${id}"><thead><tr>${head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;

/** Verdict of a ratio interval: a win only when the whole interval is above 1. */
export function verdict(r: Interval): string {
  if (r.ci95[0] > 1) return 'ML wins';
  if (r.ci95[1] < 1) return 'ML loses';
  return 'no clear winner (interval spans 1)';
}

function calibrationSvg(bins: readonly CalibrationBin[]): string {
  if (bins.length === 0) return '<p>No realised slippage in the holdout.</p>';
  const max = Math.max(1, ...bins.flatMap((b) => [Math.abs(b.predicted), Math.abs(b.realised)]));
  const min = Math.min(0, ...bins.flatMap((b) => [b.predicted, b.realised]));
  const s = (v: number): number => 20 + ((v - min) / (max - min)) * 260;
  const pts = bins
    .map((b) => `<circle cx="${s(b.predicted).toFixed(1)}" cy="${(300 - s(b.realised)).toFixed(1)}" r="4"/>`)
    .join('');
  return `<svg id="calibration" width="300" height="300" viewBox="0 0 300 300"><line x1="${s(min)}" y1="${300 - s(min)}" x2="${s(max)}" y2="${300 - s(max)}" stroke="#999"/>${pts}<text x="20" y="14">realised vs predicted (bps), ${min.toFixed(1)}..${max.toFixed(1)}</text></svg>`;
}

export function renderEvaluateReport(o: EvaluateReportInput): string {
  const s = o.summary;
  const deciders = table(
    'deciders',
    ['decider', 'total ETH', 'success', 'false positives', 'avg ETH/trade', '% of bound'],
    Object.entries(s.deciders).map(([n, d]) => [
      n,
      iv(d.total_profit_eth, f(4)),
      iv(d.success_rate, pct),
      iv(d.false_positive_rate, pct),
      iv(d.avg_profit_eth, f(5)),
      iv(d.pct_of_bound, pct),
    ]),
  );
  const t = s.seed_table;
  const num = (x: number | null, d: number): string => (x === null ? '-' : x.toFixed(d));
  const seedTable = table(
    'seed-table',
    ['metric', 'heuristic', 'ml_filter', 'seed target (after)'],
    [
      ['slippage error (bps)', num(t.heuristic.slippage_error_bps, 2), num(t.ml_filter.slippage_error_bps, 2), '<= 15'],
      ['success rate', pct(t.heuristic.success_rate), pct(t.ml_filter.success_rate), '>= 85%'],
      [
        'avg profit per trade (ETH)',
        f(5)(t.heuristic.avg_profit_eth),
        f(5)(t.ml_filter.avg_profit_eth),
        '>= 1.6x heuristic',
      ],
      ['false positives', pct(t.heuristic.false_positive_rate), pct(t.ml_filter.false_positive_rate), '<= 15%'],
    ],
  );
  const grid = table(
    'scenarios',
    ['scenario', 'seeds', 'best baseline', 'ml / baseline profit [95% CI]', 'verdict'],
    Object.entries(o.scenarios).map(([n, x]) => [
      n,
      String(x.seeds),
      x.ml_vs_best_baseline.baseline,
      iv(x.ml_vs_best_baseline.profit_ratio, f(3)),
      verdict(x.ml_vs_best_baseline.profit_ratio),
    ]),
  );
  const mae = s.slippage.mae_bps;
  const slip = table(
    'slippage',
    ['|predicted - realised| p50', 'p90', 'p99', 'MAE model', 'predict 0', 'static 50 bps', 'ridge'],
    [
      [
        f(2)(s.slippage.p50),
        f(2)(s.slippage.p90),
        f(2)(s.slippage.p99),
        ...(mae ? [mae.model, mae.zero, mae.static50, mae.ridge].map(f(2)) : ['-', '-', '-', '-']),
      ],
    ],
  );
  const defaults = o.seeds.filter((x) => x.scenario === 'default');
  const cells = new Map<string, { trades: number; profit: number }>();
  for (const c of defaults.flatMap((x) => x.breakdown)) {
    const k = `${c.decider}|${c.chain}|${c.size}|${c.competitor ? 'yes' : 'no'}`;
    const v = cells.get(k) ?? { trades: 0, profit: 0 };
    cells.set(k, { trades: v.trades + c.trades, profit: v.profit + c.profit_eth });
  }
  const breakdown = table(
    'breakdown',
    ['decider', 'chain', 'size band (USD)', 'competitor present', 'trades', 'profit ETH (all seeds)'],
    [...cells.entries()].sort().map(([k, v]) => [...k.split('|'), String(v.trades), v.profit.toFixed(4)]),
  );
  return `<!doctype html><html><head><meta charset="utf-8"><title>arbml evaluate</title>
<style>body{font:14px sans-serif;margin:2em}table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}</style></head><body>
<h1>arbml evaluate</h1><p>${s.seeds} seeds x ${o.days} days, ${Object.keys(o.scenarios).length} scenario(s), ${o.seconds} s; bound respected on every seed: ${o.seeds.every((x) => x.bound_respected)}.</p>
<h2>Deciders (default world, mean [95% CI] over seeds)</h2>${deciders}
<p>ML vs best baseline (${escapeHtml(s.ml_vs_best_baseline.baseline)}): ${iv(s.ml_vs_best_baseline.profit_ratio, f(3))}: ${verdict(s.ml_vs_best_baseline.profit_ratio)}.</p>
<h2>The seed's table, like for like</h2>${seedTable}
<h2>Scenario grid</h2>${grid}
<h2>Slippage as a distribution</h2>${slip}${calibrationSvg(slippageCalibration(defaults.flatMap((x) => x.slippage.pairs)))}
<h2>Profit by chain x size band x competitor</h2>${breakdown}
</body></html>`;
}

export function writeEvaluateReport(file: string, o: EvaluateReportInput): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, renderEvaluateReport(o));
}
