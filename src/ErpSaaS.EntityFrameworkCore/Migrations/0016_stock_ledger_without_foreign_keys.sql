-- 0016 the ledger without foreign keys: each brought an index of its own that only a delete of a product or
-- warehouse would use (both are deactivated, never deleted, once used), while a backdated posting rewrites the
-- valuation of every later entry and pays for every index there. Postings check that both exist.

ALTER TABLE stock_ledger_entries DROP CONSTRAINT IF EXISTS fk_stock_ledger_entries_products_product_id;
ALTER TABLE stock_ledger_entries DROP CONSTRAINT IF EXISTS fk_stock_ledger_entries_warehouses_warehouse_id;
DROP INDEX IF EXISTS ix_stock_ledger_entries_product_id;
DROP INDEX IF EXISTS ix_stock_ledger_entries_warehouse_id;
