/**
 * Migration 1: every table of the seed and the columns a decision needs. Prices and money are NUMERIC as in the
 * seed; on-chain integer amounts are NUMERIC(78,0) (uint256 range) or BIGINT; bps, volatility and latency are
 * floats (statistics). Each time table's unique key contains its time column so it can become a hypertable.
 */
export const name = 'initial schema';

export const sql = `
CREATE TABLE IF NOT EXISTS arbitrage_opportunities (
  id                        TEXT NOT NULL,
  timestamp                 TIMESTAMPTZ NOT NULL,
  symbol                    TEXT NOT NULL,
  chain                     TEXT NOT NULL,
  cex_price                 NUMERIC,
  dex_price                 NUMERIC,
  edge_bps                  DOUBLE PRECISION,
  pool_liquidity_quote      NUMERIC,
  gas_price_gwei            NUMERIC,
  estimated_slippage_bps    DOUBLE PRECISION,
  actual_slippage_bps       DOUBLE PRECISION,
  executed                  BOOLEAN NOT NULL DEFAULT FALSE,
  profitable                BOOLEAN,
  profit_eth                NUMERIC,
  trade_size_quote          NUMERIC,
  hop_count                 INTEGER,
  price_volatility_1h       DOUBLE PRECISION,
  route                     JSONB,
  flash_loan_provider       TEXT,
  flash_fee_bps             DOUBLE PRECISION,
  gas_used                  BIGINT,
  gas_cost_quote            NUMERIC,
  predicted_slippage_bps    DOUBLE PRECISION,
  predicted_gas_gwei        NUMERIC,
  decision                  TEXT CHECK (decision IN ('execute', 'wait', 'skip')),
  decided_by                TEXT,
  outcome                   TEXT CHECK (outcome IN ('success', 'reverted', 'not_included', 'front_run', 'stale', 'skipped')),
  counterfactual_profit_eth NUMERIC,
  block_number              BIGINT,
  tx_hash                   TEXT,
  latency_ms                DOUBLE PRECISION,
  amount_in_raw             NUMERIC(78,0),
  quoted_output_raw         NUMERIC(78,0),
  executed_output_raw       NUMERIC(78,0),
  PRIMARY KEY (id, timestamp)
);
CREATE INDEX IF NOT EXISTS idx_opportunities_symbol_time ON arbitrage_opportunities (symbol, timestamp DESC);
CREATE INDEX IF NOT EXISTS idx_opportunities_executed ON arbitrage_opportunities (executed, profitable);

CREATE TABLE IF NOT EXISTS oanda_candles (
  instrument  TEXT NOT NULL,
  granularity TEXT NOT NULL,
  time        TIMESTAMPTZ NOT NULL,
  open        NUMERIC NOT NULL,
  high        NUMERIC NOT NULL,
  low         NUMERIC NOT NULL,
  close       NUMERIC NOT NULL,
  volume      NUMERIC,
  source      TEXT NOT NULL,
  PRIMARY KEY (instrument, granularity, time, source)
);
CREATE INDEX IF NOT EXISTS idx_candles_instrument_time ON oanda_candles (instrument, time DESC);

CREATE TABLE IF NOT EXISTS oanda_transactions (
  id             TEXT NOT NULL,
  time           TIMESTAMPTZ NOT NULL,
  instrument     TEXT NOT NULL,
  side           TEXT NOT NULL CHECK (side IN ('buy', 'sell')),
  units          NUMERIC NOT NULL,
  price          NUMERIC NOT NULL,
  fee            NUMERIC,
  pnl            NUMERIC,
  opportunity_id TEXT,
  PRIMARY KEY (id, time)
);
CREATE INDEX IF NOT EXISTS idx_transactions_opportunity ON oanda_transactions (opportunity_id);

CREATE TABLE IF NOT EXISTS gas_prices (
  chain              TEXT NOT NULL,
  time               TIMESTAMPTZ NOT NULL,
  block_number       BIGINT,
  base_fee_gwei      NUMERIC,
  priority_fee_gwei  NUMERIC,
  min_gas_price_gwei NUMERIC,
  avg_gas_price_gwei NUMERIC,
  max_gas_price_gwei NUMERIC,
  gas_used           NUMERIC,
  gas_limit          NUMERIC,
  utilisation        DOUBLE PRECISION,
  eth_price          NUMERIC,
  source             TEXT,
  PRIMARY KEY (chain, time)
);

CREATE TABLE IF NOT EXISTS pool_states (
  chain             TEXT NOT NULL,
  pool              TEXT NOT NULL,
  time              TIMESTAMPTZ NOT NULL,
  dex               TEXT,
  block_number      BIGINT,
  open_tick         INTEGER,
  close_tick        INTEGER,
  lowest_tick       INTEGER,
  highest_tick      INTEGER,
  sqrt_price_x96    NUMERIC(78,0),
  reserve0          NUMERIC(78,0),
  reserve1          NUMERIC(78,0),
  liquidity         NUMERIC(78,0),
  net_amount0       NUMERIC(78,0),
  net_amount1       NUMERIC(78,0),
  in_amount0        NUMERIC(78,0),
  in_amount1        NUMERIC(78,0),
  source            TEXT,
  PRIMARY KEY (chain, pool, time)
);

CREATE TABLE IF NOT EXISTS model_versions (
  kind          TEXT NOT NULL,
  version       INTEGER NOT NULL,
  trained_at    TIMESTAMPTZ NOT NULL,
  window_start  TIMESTAMPTZ,
  window_end    TIMESTAMPTZ,
  features      JSONB NOT NULL DEFAULT '[]'::jsonb,
  metrics       JSONB NOT NULL DEFAULT '{}'::jsonb,
  artefact_path TEXT,
  status        TEXT NOT NULL DEFAULT 'candidate' CHECK (status IN ('candidate', 'active', 'retired', 'rejected')),
  PRIMARY KEY (kind, version)
);
`;
