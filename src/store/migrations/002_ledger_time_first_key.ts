/**
 * Migration 2: the ledger's primary key becomes (timestamp, id) instead of (id, timestamp). Same uniqueness (still
 * idempotent on id), but the key index now serves time-range queries, and lets the bulk writer prove in one index
 * probe that a batch of new rows cannot collide with stored ones.
 */
export const name = 'ledger primary key (timestamp, id)';

export const sql = `
ALTER TABLE arbitrage_opportunities DROP CONSTRAINT IF EXISTS arbitrage_opportunities_pkey;
ALTER TABLE arbitrage_opportunities ADD CONSTRAINT arbitrage_opportunities_pkey PRIMARY KEY (timestamp, id);
`;
