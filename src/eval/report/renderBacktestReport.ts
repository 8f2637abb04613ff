/**
 * The backtest report: one self-contained HTML file (uPlot, its style and the page script inlined; no network) with
 * the run's facts, the decider table with the issue's targets beside the full-ML column, and four charts: predicted
 * against actual slippage, the RL learning curve of each retrain, the gas forecast against what came (with its
 * MAE), and cumulative profit per decider.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DECIDER_NAMES, type BacktestResult } from '../backtestResult.ts';
import { mlTargets } from './mlTargets.ts';

const assetsDir = join(dirname(fileURLToPath(import.meta.url)), 'assets');
const uplotDir = join(dirname(createRequire(import.meta.url).resolve('uplot/package.json')), 'dist');

/** Text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** JSON safe inside a <script> element. */
const scriptJson = (value: unknown): string => JSON.stringify(value).replace(/</g, '\\u003c');
const iso = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const num = (x: number | null, digits: number): string => (x === null ? '-' : x.toFixed(digits));

const DECIDER_LABELS: Record<(typeof DECIDER_NAMES)[number], string> = {
  heuristic: 'heuristic',
  ml_slippage: 'heuristic + ML slippage',
  ml: 'full ML',
  oracle: 'hindsight oracle',
};

function deciderTable(r: BacktestResult): string {
  const rows = DECIDER_NAMES.map((n) => {
    const m = r.deciders[n];
    const cells = [
      m.executed.toLocaleString('en-US'),
      num(m.slippage_mae_bps, 2),
      pct(m.success_rate),
      pct(m.false_positive_rate),
      m.avg_profit_eth.toFixed(5),
      m.total_profit_eth.toFixed(4),
      m.missed_profit_eth.toFixed(4),
      pct(m.pct_of_oracle),
    ];
    return `<tr><td>${escapeHtml(DECIDER_LABELS[n])}</td>${cells.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`;
  });
  const head = [
    'decider',
    'executed',
    'slippage MAE (bps)',
    'success',
    'false positives',
    'avg profit (ETH)',
    'total (ETH)',
    'missed (ETH)',
    'of oracle',
  ];
  return `<table id="deciders"><thead><tr>${head.map((h) => `<th>${h}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function targetTable(r: BacktestResult): string {
  const rows = mlTargets(r).map(
    (t) =>
      `<tr><td>${escapeHtml(t.name)}</td><td>${escapeHtml(t.target)}</td><td>${escapeHtml(t.measured)}</td><td class="${t.met ? 'met' : 'missed'}">${t.met ? 'met' : 'missed'}</td></tr>`,
  );
  return `<table id="targets"><thead><tr><th>full ML against the targets</th><th>target</th><th>measured</th><th></th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function retrainList(r: BacktestResult): string {
  const items = r.retrains.map((p) => {
    const slip =
      p.slippage.holdout_mae_bps === null
        ? 'no slippage model'
        : `slippage ${p.slippage.samples} offers, holdout MAE ${p.slippage.holdout_mae_bps.toFixed(3)} bps`;
    const gas = p.gas ? `gas ${p.gas.bins} bins` : 'no gas model';
    return `<li>${escapeHtml(`${iso(p.atMs)}: trained on ${iso(p.windowStartMs)} .. ${iso(p.windowEndMs)}; ${slip}; ${gas}; RL ${p.rl.episodes} episodes`)}</li>`;
  });
  return `<ul class="retrains">${items.join('')}</ul>`;
}

/** Cumulative series with one point per time (the last), as uPlot.join needs. */
function uniqueTimes(c: { timeMs: number[]; profitEth: number[] }): { timeMs: number[]; profitEth: number[] } {
  const timeMs: number[] = [],
    profitEth: number[] = [];
  c.timeMs.forEach((t, i) => {
    if (timeMs.length && timeMs[timeMs.length - 1] === t) {
      profitEth[profitEth.length - 1] = c.profitEth[i]!;
    } else {
      timeMs.push(t);
      profitEth.push(c.profitEth[i]!);
    }
  });
  return { timeMs, profitEth };
}

export function renderBacktestReport(r: BacktestResult): string {
  const cumulative = Object.fromEntries(Object.entries(r.series.cumulativeProfit).map(([k, v]) => [k, uniqueTimes(v)]));
  const data = { series: { ...r.series, cumulativeProfit: cumulative } };
  const gasTitle =
    r.series.gas?.mae_gwei != null
      ? `Gas forecast (${r.series.gas.horizonMin} min ahead) against actual, MAE ${r.series.gas.mae_gwei.toFixed(2)} gwei`
      : 'Gas forecast against actual';
  const facts = `${r.days} days, seed ${r.seed}, ${r.market === 'replay' ? 'replayed real data' : 'market model'}; evaluated ${iso(r.evalStartMs)} .. ${iso(r.evalEndMs)}; trained ${r.trainDays} days first, retrained every ${r.retrainEveryDays} days; ${r.seconds} s`;
  const chart = (id: string, title: string): string =>
    `<div class="chart"><h2>${escapeHtml(title)}</h2><div id="${id}"></div></div>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>arbml backtest: ${escapeHtml(`${r.days} days, seed ${r.seed}`)}</title>
<style>${readFileSync(join(uplotDir, 'uPlot.min.css'), 'utf8')}</style>
<style>${readFileSync(join(assetsDir, 'report.css'), 'utf8')}</style></head>
<body>
<h1>arbml walk-forward backtest</h1>
<p class="facts">${escapeHtml(facts)}</p>
${deciderTable(r)}
${targetTable(r)}
<h2>Retrain points</h2>
${retrainList(r)}
<div class="grid">
${chart('chart-slippage', 'Predicted against actual slippage (full ML, executed trades)')}
${chart('chart-rl', 'RL policy: average reward per 100 episodes')}
${chart('chart-gas', gasTitle)}
${chart('chart-profit', 'Cumulative profit per decider (ETH)')}
</div>
<script type="application/json" id="report-data">${scriptJson(data)}</script>
<script>${readFileSync(join(uplotDir, 'uPlot.iife.min.js'), 'utf8')}</script>
<script>${readFileSync(join(assetsDir, 'report.js'), 'utf8')}</script>
</body></html>
`;
}

export function writeBacktestReport(path: string, r: BacktestResult): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, renderBacktestReport(r));
}
