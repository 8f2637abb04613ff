/**
 * Migration 4: the two detection-time features the deciders see and the ledger did not keep (recent pool
 * volatility, competitor pressure), so the slippage model trains on the same features it is served.
 * Rows written before it carry NULL (a missing feature to the model).
 */
export const name = 'arbitrage_opportunities.detection_features';

export const sql = `
ALTER TABLE arbitrage_opportunities ADD COLUMN IF NOT EXISTS recent_pool_volatility_bps DOUBLE PRECISION;
ALTER TABLE arbitrage_opportunities ADD COLUMN IF NOT EXISTS competitor_pressure DOUBLE PRECISION;
`;
