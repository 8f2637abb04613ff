/**
 * Migration 3: when each model version was made active, so `models rollback` can return to the version that was
 * active before the current one. Versions already active count from their training time.
 */
export const name = 'model_versions.activated_at';

export const sql = `
ALTER TABLE model_versions ADD COLUMN IF NOT EXISTS activated_at TIMESTAMPTZ;
UPDATE model_versions SET activated_at = trained_at WHERE status = 'active' AND activated_at IS NULL;
`;
