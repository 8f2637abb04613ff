/**
 * How close each model statistic must be to the real one. `rel` is a fraction of the real value, `abs` an absolute
 * difference; the reason for each is in CALIBRATION.md. Utilisation statistics are measured and shown but are not
 * part of the check (see CALIBRATION.md: the real column's mean is inconsistent with a stationary base fee under
 * the exact update rule).
 */
export type Tolerance = { rel: number } | { abs: number };

export const TOLERANCES: Readonly<Record<string, Tolerance>> = {
  'cex.log_return_1m.std': { rel: 0.1 },
  'cex.hourly_vol.p5': { rel: 0.15 },
  'cex.hourly_vol.p50': { rel: 0.15 },
  'cex.hourly_vol.p95': { rel: 0.15 },
  'cex.hourly_log_vol.acf1': { abs: 0.15 },
  'cex.abs_return_1m.p99': { rel: 0.2 },
  'gas.min_price_gwei.p5': { rel: 0.1 },
  'gas.min_price_gwei.p50': { rel: 0.1 },
  'gas.min_price_gwei.p95': { rel: 0.15 },
  'gas.log_change_5m.std': { rel: 0.1 },
  'gas.log_change_5m.p5': { rel: 0.2 },
  'gas.log_change_5m.p95': { rel: 0.2 },
  'gas.log_level.acf1': { abs: 0.05 },
  'gas.log_level.acf3': { abs: 0.05 },
  'gas.log_level.acf12': { abs: 0.05 },
  'gas.tip_spread_gwei.p50': { rel: 0.1 },
  'gas.tip_spread_gwei.p95': { rel: 0.15 },
  'flow.minute_usd.p25': { rel: 0.5 },
  'flow.minute_usd.p50': { rel: 0.2 },
  'flow.minute_usd.p75': { rel: 0.2 },
  'flow.minute_usd.p95': { rel: 0.2 },
  'lifetime.ethereum.share_0_blocks': { abs: 0.05 },
  'lifetime.ethereum.share_le_1_block': { abs: 0.05 },
  'lifetime.ethereum.share_le_3_blocks': { abs: 0.05 },
  'lifetime.ethereum.share_le_10_blocks': { abs: 0.05 },
  capture_distance_ethereum_0: { abs: 0.05 },
  capture_distance_ethereum_1: { abs: 0.05 },
  capture_distance_ethereum_2: { abs: 0.04 },
  capture_distance_ethereum_3: { abs: 0.03 },
  builder_payment_bps_of_volume_p25: { rel: 0.35 },
  builder_payment_bps_of_volume_p50: { rel: 0.25 },
  builder_payment_bps_of_volume_p75: { rel: 0.35 },
  builder_payment_bps_of_volume_p95: { rel: 0.6 },
  losing_arb_share: { abs: 0.08 },
  polygon_v3_tick_change_1m_p50: { abs: 2 },
  polygon_v3_tick_change_1m_p90: { rel: 0.3 },
  polygon_v3_volume_1m_p25: { rel: 0.35 },
  polygon_v3_volume_1m_p50: { rel: 0.25 },
  polygon_v3_volume_1m_p75: { rel: 0.25 },
  polygon_v3_volume_1m_p95: { rel: 0.25 },
  polygon_v3_no_swap_minute_share: { abs: 0.02 },
};

/** The real file (under ARBML_DATA_DIR) each statistic is measured on, by name prefix. */
const SOURCES: readonly [string, string][] = [
  ['cex.', 'cex/binance/ETH_USDT-1m_2021-11-11_2021-12-11.json'],
  ['gas.', 'gas/eth-5min-2021-11-26_2022-01-26.csv'],
  ['flow.', 'dex/univ3-polygon-usdc-weth-005/*.csv'],
  ['polygon_v3_', 'dex/univ3-polygon-usdc-weth-005/*.csv'],
  ['lifetime.', 'mev/ethereum-arb-opportunities-2021.jsonl'],
  ['capture_distance_ethereum_', 'mev/ethereum-arb-opportunities-2021.jsonl'],
  ['builder_payment_', 'mev/cexdex-arbs-2023-08-08.csv (ETH/USD: mev/eth-usd-daily-2015_2023.json)'],
  ['losing_arb_share', 'mev/arbitrum-atomic-arbs-2023.jsonl'],
];

export function statSource(name: string): string {
  return SOURCES.find(([prefix]) => name.startsWith(prefix))?.[1] ?? '';
}

/** The tolerance as an absolute allowed difference for this real value. */
export function absoluteTolerance(tolerance: Tolerance, real: number): number {
  return 'abs' in tolerance ? tolerance.abs : Math.abs(real) * tolerance.rel;
}
