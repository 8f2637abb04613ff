import { describe, expect, it } from 'vitest';
import { syntheticOpportunities } from '../store/syntheticOpportunities.ts';
import { createRunnerMetrics } from './metrics.ts';
import { startMetricsServer } from './metricsServer.ts';
import { parsePromText, seriesKey } from './promText.ts';

async function samples(metrics: ReturnType<typeof createRunnerMetrics>) {
  return parsePromText(await metrics.registry.metrics());
}

describe('createRunnerMetrics', () => {
  it('counts opportunities, decisions and outcomes per chain and sums profit exactly as recorded', async () => {
    const m = createRunnerMetrics();
    for (let i = 0; i < 3; i++) m.opportunitySeen('ethereum');
    m.opportunitySeen('polygon');
    m.decision('ethereum', 'execute');
    m.decision('ethereum', 'execute');
    m.decision('ethereum', 'skip');
    m.decision('polygon', 'wait');
    m.outcome('ethereum', 'success', '0.0625');
    m.outcome('ethereum', 'reverted', -0.0125);
    m.outcome('ethereum', 'skipped');
    const s = await samples(m);
    expect(s.get(seriesKey('arbml_opportunities_seen_total', { chain: 'ethereum' }))).toBe(3);
    expect(s.get(seriesKey('arbml_opportunities_seen_total', { chain: 'polygon' }))).toBe(1);
    expect(s.get(seriesKey('arbml_opportunities_taken_total', { chain: 'ethereum' }))).toBe(2);
    expect(s.get(seriesKey('arbml_opportunities_taken_total', { chain: 'polygon' }))).toBeUndefined();
    expect(s.get(seriesKey('arbml_decisions_total', { chain: 'polygon', decision: 'wait' }))).toBe(1);
    expect(s.get(seriesKey('arbml_outcomes_total', { chain: 'ethereum', outcome: 'reverted' }))).toBe(1);
    expect(s.get(seriesKey('arbml_realised_profit_eth', { chain: 'ethereum' }))).toBe(0.05);
    expect(s.get(seriesKey('arbml_trade_profit_eth_count', { chain: 'ethereum' }))).toBe(2);
    expect(s.get(seriesKey('arbml_trade_profit_eth_bucket', { chain: 'ethereum', le: '0' }))).toBe(1);
  });

  it('keeps absolute errors in histograms (sum/count = MAE) and the signed slippage sum for bias', async () => {
    const m = createRunnerMetrics();
    m.slippageError(10);
    m.slippageError(-4);
    m.gasForecastError(-3);
    m.gasForecastError(1);
    m.decisionLatency(0.002);
    m.decisionLatency(0.2);
    const s = await samples(m);
    expect(s.get('arbml_slippage_abs_error_bps_sum')! / s.get('arbml_slippage_abs_error_bps_count')!).toBe(7);
    expect(s.get('arbml_slippage_error_bps_signed_sum')).toBe(6);
    expect(s.get(seriesKey('arbml_slippage_abs_error_bps_bucket', { le: '5' }))).toBe(1);
    expect(s.get('arbml_gas_forecast_abs_error_gwei_sum')).toBe(4);
    expect(s.get(seriesKey('arbml_decision_latency_seconds_bucket', { le: '0.0025' }))).toBe(1);
    expect(s.get(seriesKey('arbml_decision_latency_seconds_bucket', { le: '+Inf' }))).toBe(2);
  });

  it('sets model versions and journal backlog as gauges, and counts values it cannot record', async () => {
    const m = createRunnerMetrics();
    m.modelVersion('slippage', 3);
    m.modelVersion('slippage', 4);
    m.modelVersion('rl', 1);
    m.journalBacklog(120);
    m.journalBacklog(0);
    m.slippageError(Number.NaN);
    m.outcome('polygon', 'success', 'not-a-number');
    m.decisionLatency(-1);
    const s = await samples(m);
    expect(s.get(seriesKey('arbml_model_version', { kind: 'slippage' }))).toBe(4);
    expect(s.get(seriesKey('arbml_model_version', { kind: 'rl' }))).toBe(1);
    expect(s.get('arbml_journal_backlog_rows')).toBe(0);
    expect(s.get(seriesKey('arbml_metric_values_rejected_total', { metric: 'slippage_error_bps' }))).toBe(1);
    expect(s.get(seriesKey('arbml_metric_values_rejected_total', { metric: 'profit_eth' }))).toBe(1);
    expect(s.get(seriesKey('arbml_metric_values_rejected_total', { metric: 'decision_latency_seconds' }))).toBe(1);
    expect(s.get(seriesKey('arbml_outcomes_total', { chain: 'polygon', outcome: 'success' }))).toBe(1);
    expect(s.get('arbml_slippage_abs_error_bps_count')).toBe(0);
  });

  it('recordOpportunity derives every series from ledger rows', async () => {
    const rows = syntheticOpportunities({ count: 200, seed: 7 });
    const m = createRunnerMetrics();
    for (const row of rows) m.recordOpportunity(row);
    const s = await samples(m);
    const eth = rows.filter((r) => r.chain === 'ethereum');
    const executedEth = eth.filter((r) => r.decision === 'execute');
    expect(s.get(seriesKey('arbml_opportunities_seen_total', { chain: 'ethereum' }))).toBe(eth.length);
    expect(s.get(seriesKey('arbml_opportunities_taken_total', { chain: 'ethereum' }))).toBe(executedEth.length);
    const profit = executedEth.reduce((sum, r) => sum + Number(r.profitEth), 0);
    expect(s.get(seriesKey('arbml_realised_profit_eth', { chain: 'ethereum' }))).toBeCloseTo(profit, 12);
    const withSlippage = rows.filter((r) => r.actualSlippageBps !== null && r.predictedSlippageBps !== null);
    expect(s.get('arbml_slippage_abs_error_bps_count')).toBe(withSlippage.length);
    const mae = withSlippage.reduce((a, r) => a + Math.abs(r.predictedSlippageBps! - r.actualSlippageBps!), 0);
    expect(s.get('arbml_slippage_abs_error_bps_sum')).toBeCloseTo(mae, 9);
    expect(s.get('arbml_decision_latency_seconds_count')).toBe(200);
  });
});

describe('startMetricsServer', () => {
  it('serves the registry at /metrics on a free loopback port and 404s elsewhere', async () => {
    const m = createRunnerMetrics();
    m.opportunitySeen('polygon');
    const server = await startMetricsServer({ registry: m.registry, port: 0 });
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
      const first = await fetch(server.url);
      expect(first.headers.get('content-type')).toContain('text/plain');
      expect(
        parsePromText(await first.text()).get(seriesKey('arbml_opportunities_seen_total', { chain: 'polygon' })),
      ).toBe(1);
      m.opportunitySeen('polygon');
      const second = parsePromText(await (await fetch(server.url)).text());
      expect(second.get(seriesKey('arbml_opportunities_seen_total', { chain: 'polygon' }))).toBe(2);
      expect((await fetch(server.url.replace('/metrics', '/other'))).status).toBe(404);
    } finally {
      await server.close();
    }
  });
});
