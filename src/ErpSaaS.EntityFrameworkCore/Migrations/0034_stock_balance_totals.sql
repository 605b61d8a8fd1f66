-- 0034 stock balance totals: the stock-on-hand page shows the row count and the totals (on hand, reserved, value) of
-- what it lists. Summing every balance of a company on each request costs a pass over all of them (200 k rows for a
-- 50 k-product trader); these per-warehouse figures answer the unsearched page at once.
--
-- Kept by PostgreSQL itself, so no writer of stock_balances can forget them: every statement that inserts, updates or
-- deletes balances appends one row per (company, warehouse) it touched with what it changed (a statement trigger over
-- the transition tables: one row per statement, not per balance). Appending takes no lock, so concurrent postings never
-- wait for each other here. Now and then a statement folds the company's rows into one per warehouse, under a
-- try-lock: a fold never waits either, and the reader sums a few dozen rows at most.

CREATE TABLE stock_balance_totals (
    tenant_id uuid NOT NULL,
    warehouse_id uuid NOT NULL,
    balances bigint NOT NULL,
    nonzero_balances bigint NOT NULL,
    on_hand numeric NOT NULL,
    reserved numeric NOT NULL,
    value numeric NOT NULL,
    nonzero_value numeric NOT NULL
);

CREATE INDEX ix_stock_balance_totals_tenant_id_warehouse_id ON stock_balance_totals (tenant_id, warehouse_id);

-- A balance the page lists without "include zero": the same test as the page's own filter.
CREATE FUNCTION erp_stock_balance_is_nonzero(on_hand numeric, reserved numeric) RETURNS boolean
    LANGUAGE sql IMMUTABLE AS $$ SELECT on_hand <> 0 OR reserved <> 0 $$;

CREATE FUNCTION erp_track_stock_balance_totals() RETURNS trigger
    LANGUAGE plpgsql AS $$
DECLARE
    -- About one transaction in 32 also folds the companies it touched, if no other transaction is folding them now.
    folding boolean := txid_current() % 32 = 0;
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO stock_balance_totals (tenant_id, warehouse_id, balances, nonzero_balances, on_hand, reserved, value, nonzero_value)
        SELECT tenant_id, warehouse_id, count(*), count(*) FILTER (WHERE erp_stock_balance_is_nonzero(on_hand, reserved)),
               sum(on_hand), sum(reserved), sum(value), coalesce(sum(value) FILTER (WHERE erp_stock_balance_is_nonzero(on_hand, reserved)), 0)
        FROM new_balances GROUP BY tenant_id, warehouse_id;
        IF folding THEN PERFORM erp_fold_stock_balance_totals(company) FROM (SELECT DISTINCT tenant_id AS company FROM new_balances) AS touched; END IF;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO stock_balance_totals (tenant_id, warehouse_id, balances, nonzero_balances, on_hand, reserved, value, nonzero_value)
        SELECT tenant_id, warehouse_id, -count(*), -count(*) FILTER (WHERE erp_stock_balance_is_nonzero(on_hand, reserved)),
               -sum(on_hand), -sum(reserved), -sum(value), -coalesce(sum(value) FILTER (WHERE erp_stock_balance_is_nonzero(on_hand, reserved)), 0)
        FROM old_balances GROUP BY tenant_id, warehouse_id;
        IF folding THEN PERFORM erp_fold_stock_balance_totals(company) FROM (SELECT DISTINCT tenant_id AS company FROM old_balances) AS touched; END IF;
    ELSE
        INSERT INTO stock_balance_totals (tenant_id, warehouse_id, balances, nonzero_balances, on_hand, reserved, value, nonzero_value)
        SELECT tenant_id, warehouse_id, sum(sign), sum(sign) FILTER (WHERE nonzero), sum(sign * on_hand), sum(sign * reserved), sum(sign * value),
               coalesce(sum(sign * value) FILTER (WHERE nonzero), 0)
        FROM (SELECT tenant_id, warehouse_id, on_hand, reserved, value, erp_stock_balance_is_nonzero(on_hand, reserved) AS nonzero, 1 AS sign FROM new_balances
              UNION ALL
              SELECT tenant_id, warehouse_id, on_hand, reserved, value, erp_stock_balance_is_nonzero(on_hand, reserved), -1 FROM old_balances) AS changed
        GROUP BY tenant_id, warehouse_id
        -- A statement that only touched the time stamp changes no total.
        HAVING sum(sign) <> 0 OR coalesce(sum(sign) FILTER (WHERE nonzero), 0) <> 0 OR sum(sign * on_hand) <> 0 OR sum(sign * reserved) <> 0
            OR sum(sign * value) <> 0 OR coalesce(sum(sign * value) FILTER (WHERE nonzero), 0) <> 0;
        IF folding THEN PERFORM erp_fold_stock_balance_totals(company) FROM (SELECT DISTINCT tenant_id AS company FROM new_balances) AS touched; END IF;
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION erp_fold_stock_balance_totals(company uuid) RETURNS void
    LANGUAGE plpgsql AS $$
BEGIN
    IF company IS NULL OR NOT pg_try_advisory_xact_lock(hashtext('stock_balance_totals'), hashtext(company::text)) THEN
        RETURN;
    END IF;
    WITH folded AS (
        DELETE FROM stock_balance_totals WHERE tenant_id = company
        RETURNING tenant_id, warehouse_id, balances, nonzero_balances, on_hand, reserved, value, nonzero_value)
    INSERT INTO stock_balance_totals (tenant_id, warehouse_id, balances, nonzero_balances, on_hand, reserved, value, nonzero_value)
    SELECT tenant_id, warehouse_id, sum(balances), sum(nonzero_balances), sum(on_hand), sum(reserved), sum(value), sum(nonzero_value)
    FROM folded GROUP BY tenant_id, warehouse_id;
END $$;

CREATE TRIGGER stock_balances_totals_insert AFTER INSERT ON stock_balances
    REFERENCING NEW TABLE AS new_balances FOR EACH STATEMENT EXECUTE FUNCTION erp_track_stock_balance_totals();
CREATE TRIGGER stock_balances_totals_update AFTER UPDATE ON stock_balances
    REFERENCING OLD TABLE AS old_balances NEW TABLE AS new_balances FOR EACH STATEMENT EXECUTE FUNCTION erp_track_stock_balance_totals();
CREATE TRIGGER stock_balances_totals_delete AFTER DELETE ON stock_balances
    REFERENCING OLD TABLE AS old_balances FOR EACH STATEMENT EXECUTE FUNCTION erp_track_stock_balance_totals();

SELECT erp_enable_tenant_isolation('stock_balance_totals');

-- The figures of the balances there are now, one row per company and warehouse.
SELECT set_config('erp.bypass_tenant', 'on', true);
INSERT INTO stock_balance_totals (tenant_id, warehouse_id, balances, nonzero_balances, on_hand, reserved, value, nonzero_value)
SELECT tenant_id, warehouse_id, count(*), count(*) FILTER (WHERE erp_stock_balance_is_nonzero(on_hand, reserved)),
       sum(on_hand), sum(reserved), sum(value), coalesce(sum(value) FILTER (WHERE erp_stock_balance_is_nonzero(on_hand, reserved)), 0)
FROM stock_balances GROUP BY tenant_id, warehouse_id;
SELECT set_config('erp.bypass_tenant', '', true);

-- Sorted by on hand or by value, the page's rows up to the one asked for are found through these instead of sorting
-- every balance of the company.
CREATE INDEX ix_stock_balances_tenant_id_on_hand ON stock_balances (tenant_id, on_hand);
CREATE INDEX ix_stock_balances_tenant_id_value ON stock_balances (tenant_id, value);
