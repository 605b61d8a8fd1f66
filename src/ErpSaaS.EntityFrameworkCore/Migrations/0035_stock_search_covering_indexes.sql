-- 0035 stock search covering indexes: the stock-on-hand page's search picks the matching products in code order, then
-- sums their balances per product. Both passes now read an index only, never the tables:
--   products: (tenant, code) also carries the id, the name and the stored search text, so a substring search walks one
--   company's catalog in code order (no sort) through an index a third the size of the table. No index can serve the
--   substring test itself under row-level security (LIKE is not leakproof), so this walk is what a search costs.
--   stock_balances: the unique (tenant, product, warehouse, location, batch) key also carries on hand, reserved and
--   value, so the per-product figures come from the index; narrowed to a warehouse, the (tenant, warehouse) index
--   carries the product and the figures and answers alone. A posting changes on hand, which two indexes already hold
--   (0034), so every balance update writes its index entries anyway: the wider entries add no write.
-- On an SSD, PostgreSQL needs random_page_cost near 1.1 (not the spinning-disk default of 4) to prefer these index
-- walks over reading the table when one company holds most of the rows (etc/postgres.sh sets it for the local server).

DROP INDEX ix_products_tenant_id_code;
CREATE UNIQUE INDEX ix_products_tenant_id_code ON products (tenant_id, code) INCLUDE (id, name, search_text);

DROP INDEX "ix_stock_balances_tenant_id_product_id_warehouse_id_location_i~";
CREATE UNIQUE INDEX "ix_stock_balances_tenant_id_product_id_warehouse_id_location_i~"
    ON stock_balances (tenant_id, product_id, warehouse_id, location_id, batch_number) INCLUDE (on_hand, reserved, value);

DROP INDEX ix_stock_balances_tenant_id_warehouse_id;
CREATE INDEX ix_stock_balances_tenant_id_warehouse_id ON stock_balances (tenant_id, warehouse_id) INCLUDE (product_id, on_hand, reserved, value);
