-- 0028 stock revaluation pending: a backdated posting in front of a long history (a million later entries) values the
-- pool, the balances and its own entries at once and marks the pool; the later entries' own figures are rewritten
-- right after it commits (or before anything reads them), so the posting no longer waits for a million row updates.
ALTER TABLE stock_valuations ADD COLUMN revalue_from timestamp with time zone;

CREATE INDEX ix_stock_valuations_pending ON stock_valuations (tenant_id) WHERE revalue_from IS NOT NULL;
