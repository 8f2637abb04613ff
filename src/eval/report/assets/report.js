/* global document, window, uPlot */
// Draws the backtest report's four charts with uPlot from the JSON embedded in the page; sets window.__reportReady.
(function () {
  const data = JSON.parse(document.getElementById('report-data').textContent);
  const colours = { heuristic: '#c62828', ml_slippage: '#ef8f00', ml: '#1565c0', oracle: '#2e7d32' };
  const palette = ['#1565c0', '#ef8f00', '#2e7d32', '#6a1b9a', '#c62828', '#00838f'];
  const width = (el) => Math.max(300, el.clientWidth - 20);
  function noData(el) {
    const p = document.createElement('div');
    p.className = 'nodata';
    p.textContent = 'no data';
    el.appendChild(p);
  }
  function plot(id, opts, aligned) {
    const el = document.getElementById(id);
    if (!aligned || aligned[0].length === 0) return noData(el);
    new uPlot(Object.assign({ width: width(el), height: 280 }, opts), aligned, el);
  }
  // Predicted against actual slippage: points, and the y = x line.
  const s = data.series.slippage;
  const pairs = s.predicted.map((p, i) => [p, s.actual[i]]).sort((a, b) => a[0] - b[0]);
  plot(
    'chart-slippage',
    {
      scales: { x: { time: false } },
      axes: [{ label: 'predicted (bps)' }, { label: 'actual (bps)' }],
      series: [
        {},
        { label: 'trades', stroke: '#1565c0', paths: () => null, points: { show: true, size: 4, fill: '#1565c0' } },
        { label: 'y = x', stroke: '#999', dash: [4, 4], points: { show: false } },
      ],
    },
    pairs.length ? [pairs.map((p) => p[0]), pairs.map((p) => p[1]), pairs.map((p) => p[0])] : null,
  );
  // RL learning curves, one per retrain.
  const curves = data.series.rlCurves.filter((c) => c.curve.length > 0);
  const rl = curves.length ? uPlot.join(curves.map((c) => [c.curve.map((p) => p[0]), c.curve.map((p) => p[1])])) : null;
  plot(
    'chart-rl',
    {
      scales: { x: { time: false } },
      axes: [{ label: 'episode' }, { label: 'avg reward (ETH)' }],
      series: [{}].concat(
        curves.map((c, i) => ({
          label: 'retrain ' + new Date(c.atMs).toISOString().slice(0, 10),
          stroke: palette[i % palette.length],
          spanGaps: true,
        })),
      ),
    },
    rl,
  );
  // Gas forecast against what came.
  const g = data.series.gas;
  plot(
    'chart-gas',
    {
      axes: [{}, { label: 'gwei' }],
      series: [
        {},
        { label: 'actual', stroke: '#555' },
        { label: g ? g.horizonMin + '-min forecast' : 'forecast', stroke: '#1565c0' },
      ],
    },
    g && g.timeMs.length ? [g.timeMs.map((t) => t / 1000), g.actual, g.forecast] : null,
  );
  // Cumulative profit per decider.
  const names = Object.keys(data.series.cumulativeProfit).filter(
    (n) => data.series.cumulativeProfit[n].timeMs.length > 0,
  );
  const cp = names.length
    ? uPlot.join(
        names.map((n) => {
          const c = data.series.cumulativeProfit[n];
          return [c.timeMs.map((t) => t / 1000), c.profitEth];
        }),
      )
    : null;
  plot(
    'chart-profit',
    {
      axes: [{}, { label: 'ETH' }],
      series: [{}].concat(names.map((n) => ({ label: n, stroke: colours[n] || '#333', spanGaps: true }))),
    },
    cp,
  );
  window.__reportReady = true;
})();
