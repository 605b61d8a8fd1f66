-- 0031 stock revaluation chunks: the entries a large backdated posting left pending are rewritten in chunks, each in a
-- transaction of its own that holds the product's lock only while it writes its chunk. After each chunk the pool's
-- pending start moves to the first entry still waiting; entries at one instant are told apart by their write order,
-- so the start is an instant and the sequence of its first pending entry (null: every entry at that instant).
ALTER TABLE stock_valuations ADD COLUMN revalue_from_sequence bigint;
