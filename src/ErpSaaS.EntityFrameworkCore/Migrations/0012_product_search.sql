-- 0012 product search: the product list stays quick with tens of thousands of products per company.
-- Row-level security lets PostgreSQL use an index only for leakproof conditions (equality and range comparisons);
-- ILIKE is not one, so a trigram index would never be used behind the tenant policy. Instead a search reads one
-- stored lower-case column with a plain substring match, an exact barcode is found through its unique index,
-- sorting by name walks an index like sorting by code does, and the list's total of active products is counted
-- from an index alone.
ALTER TABLE products ADD COLUMN search_text text GENERATED ALWAYS AS (lower((((code)::text || ' ') || (name)::text) || ' ' || coalesce(specification, ''))) STORED;

CREATE INDEX ix_products_tenant_id_name ON products (tenant_id, name);
CREATE INDEX ix_products_tenant_id_is_active ON products (tenant_id, is_active);
