/* arbml built-in dashboard: polls /api/panels and draws each panel with uPlot. Plain browser script. */
/* global uPlot, document, window, fetch, URLSearchParams, setTimeout */
'use strict';

const palette = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#17becf'];
const charts = {};
const refreshMs = Number(document.body.dataset.refreshMs) || 3000;

function panelEl(key) {
  return document.querySelector(`[data-panel="${key}"]`);
}

function chartSize(el) {
  const width = Math.max(300, el.clientWidth - 8);
  return { width, height: 260 };
}

/** Draws (or updates) one chart; recreates it when its series change. */
function draw(key, opts, data, signature) {
  const el = panelEl(key).querySelector('.chart');
  const existing = charts[key];
  if (existing && existing.signature === signature) {
    existing.chart.setData(data);
    return;
  }
  if (existing) existing.chart.destroy();
  el.textContent = '';
  charts[key] = { signature, chart: new uPlot({ ...chartSize(el), ...opts }, data, el) };
}

function showEmpty(key, text) {
  if (charts[key]) charts[key].chart.destroy();
  delete charts[key];
  const el = panelEl(key).querySelector('.chart');
  el.innerHTML = '';
  const p = document.createElement('div');
  p.className = 'empty';
  p.textContent = text;
  el.appendChild(p);
  panelEl(key).dataset.points = '0';
}

function countPoints(columns) {
  let n = 0;
  for (const col of columns) for (const v of col) if (v !== null && v !== undefined) n++;
  return n;
}

const utc = (ts) => uPlot.tzDate(new Date(ts * 1e3), 'Etc/UTC');

/** Stacked bars: each series is drawn as the running total up to it, tallest first so the others sit on top. */
function stack(values) {
  const running = values[0].map(() => 0);
  return values.map((col) => col.map((v, i) => (running[i] += v ?? 0)));
}

function drawSeries(key, panel, { yLabel, spanGaps = false, points = false, stacked = false }) {
  if (!panel.times.length) return showEmpty(key, 'no data yet');
  let named = panel.series.map((s, i) => ({ name: s.name, color: palette[i % palette.length], values: s.values }));
  if (stacked) {
    const totals = stack(named.map((s) => s.values));
    named = named.map((s, i) => ({ ...s, values: totals[i] })).reverse();
  }
  const bars = stacked ? uPlot.paths.bars({ size: [0.8, 40] }) : undefined;
  const series = [{}].concat(
    named.map((s) => ({
      label: s.name,
      stroke: s.color,
      fill: stacked ? s.color : undefined,
      width: stacked ? 0 : 2,
      spanGaps,
      paths: bars,
      points: { show: !stacked && (points || panel.times.length < 3), size: 6 },
    })),
  );
  const data = [panel.times].concat(named.map((s) => s.values));
  const opts = { series, tzDate: utc, axes: [{}, { label: yLabel }], scales: { x: { time: true } } };
  draw(key, opts, data, panel.series.map((s) => s.name).join('|'));
  panelEl(key).dataset.points = String(countPoints(data.slice(1)));
}

function drawScatter(key, panel) {
  if (!panel.predicted.length) return showEmpty(key, 'no executed trades with a slippage prediction yet');
  const order = panel.predicted.map((_, i) => i).sort((a, b) => panel.predicted[a] - panel.predicted[b]);
  const xs = order.map((i) => panel.predicted[i]);
  const ys = order.map((i) => panel.actual[i]);
  const opts = {
    scales: { x: { time: false } },
    axes: [{ label: 'predicted bps' }, { label: 'actual bps' }],
    series: [
      { label: 'predicted' },
      {
        label: 'actual',
        stroke: palette[0],
        fill: palette[0],
        paths: () => null,
        points: { show: true, size: 5, fill: palette[0] },
      },
      { label: 'actual = predicted', stroke: palette[1], width: 1, dash: [4, 4], points: { show: false } },
    ],
  };
  draw(key, opts, [xs, ys, xs.slice()], 'scatter');
  panelEl(key).dataset.points = String(xs.length);
}

function fmt(v, digits) {
  if (v === null || v === undefined) return '–';
  const n = Number(v);
  return Number.isFinite(n) ? n.toFixed(digits) : String(v);
}

function drawSummary(values) {
  const tiles = [
    ['opportunities', fmt(values.opportunities, 0)],
    ['executed', fmt(values.executed, 0)],
    ['success rate', values.success_rate === null ? '–' : `${fmt(values.success_rate * 100, 1)}%`],
    ['false positives', values.false_positive_rate === null ? '–' : `${fmt(values.false_positive_rate * 100, 1)}%`],
    ['total profit (ETH)', fmt(values.total_profit_eth, 4)],
    ['avg profit/trade (ETH)', fmt(values.avg_profit_eth, 5)],
    ['missed profit (ETH)', fmt(values.missed_profit_eth, 4)],
    ['slippage MAE (bps)', fmt(values.slippage_mae_bps, 2)],
    ['gas MAE (gwei)', fmt(values.gas_mae_gwei, 2)],
  ];
  const el = panelEl('summary');
  el.innerHTML = '';
  for (const [label, value] of tiles) {
    const tile = document.createElement('div');
    tile.className = 'tile';
    const b = document.createElement('b');
    b.textContent = value;
    const span = document.createElement('span');
    span.textContent = label;
    tile.append(b, span);
    el.appendChild(tile);
  }
  el.dataset.points = String(values.opportunities || 0);
}

async function refresh() {
  const last = document.getElementById('window').value;
  const query = last ? `?${new URLSearchParams({ last })}` : '';
  const status = document.getElementById('status');
  try {
    const res = await fetch(`/api/panels${query}`);
    const body = await res.json();
    if (!res.ok) throw new Error(body.error || res.statusText);
    const p = body.panels;
    drawSummary(p.summary.values);
    drawScatter('slippage', p.slippage);
    drawSeries('rl', p.rl, { yLabel: 'avg reward', spanGaps: true, points: true });
    drawSeries('gas', p.gas, { yLabel: 'gwei' });
    drawSeries('profit', p.profit, { yLabel: 'ETH', spanGaps: true });
    drawSeries('success', p.success, { yLabel: 'share', spanGaps: true });
    drawSeries('outcomes', p.outcomes, { yLabel: 'count (stacked)', stacked: true });
    const w = body.window;
    status.textContent = w
      ? `${w.from} → ${w.to} · ${w.stepSeconds}s buckets · updated ${new Date().toLocaleTimeString()}`
      : 'the ledger is empty: waiting for opportunities';
  } catch (err) {
    status.textContent = `refresh failed: ${err.message}`;
  } finally {
    setTimeout(refresh, refreshMs);
  }
}

document.getElementById('window').addEventListener('change', () => {
  for (const key of Object.keys(charts)) charts[key].chart.destroy();
  for (const key of Object.keys(charts)) delete charts[key];
});
window.addEventListener('load', refresh);
