-- 0022 stock entry valuations: each ledger entry's valuation (unit cost, value, the pool's running quantity and value)
-- moves to a narrow table of its own, same id. A backdated receipt recomputes the valuation of every later entry of
-- its pool, a million rows for a busy product: rewriting the wide ledger rows wrote every ledger index too (~240 s);
-- these rows have no index on what changes and room left on their page (fillfactor), so the updates stay on the page.
-- The ledger itself then never changes: every UPDATE of it is refused, like DELETE and TRUNCATE.

CREATE TABLE stock_entry_valuations (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    unit_cost numeric(18,6) NOT NULL,
    value numeric(18,2) NOT NULL,
    quantity_after numeric(18,4) NOT NULL,
    value_after numeric(18,2) NOT NULL
) WITH (fillfactor = 70);

-- The tenant policy binds the owner too (FORCE ROW LEVEL SECURITY): without the bypass the copy would see no entry
-- at all, and the columns dropped below would take every company's valuation with them.
SELECT set_config('erp.bypass_tenant', 'on', true);

-- In the ledger's physical order, which is close to posting order: a pool's history is read back the same way.
INSERT INTO stock_entry_valuations (id, tenant_id, unit_cost, value, quantity_after, value_after)
SELECT id, tenant_id, unit_cost, value, quantity_after, value_after FROM stock_ledger_entries;

DO $$
BEGIN
    IF (SELECT count(*) FROM stock_entry_valuations) <> (SELECT count(*) FROM stock_ledger_entries) THEN
        RAISE EXCEPTION 'stock_entry_valuations: not every ledger entry was copied; the ledger keeps its columns';
    END IF;
END $$;

ALTER TABLE stock_entry_valuations ADD CONSTRAINT pk_stock_entry_valuations PRIMARY KEY (id);
ANALYZE stock_entry_valuations;

DROP TRIGGER stock_ledger_entries_immutable ON stock_ledger_entries;
DROP TRIGGER stock_ledger_entries_append_only ON stock_ledger_entries;
CREATE TRIGGER stock_ledger_entries_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON stock_ledger_entries
    FOR EACH STATEMENT EXECUTE FUNCTION erp_refuse_ledger_change();

ALTER TABLE stock_ledger_entries DROP COLUMN unit_cost, DROP COLUMN value, DROP COLUMN quantity_after, DROP COLUMN value_after;

-- A valuation lives as long as its entry: never deleted, never moved to another entry or company.
CREATE FUNCTION erp_refuse_entry_valuation_change() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'stock_entry_valuations: % refused; only a revaluation changes the figures of an entry', TG_OP
        USING ERRCODE = 'restrict_violation';
END $$;

CREATE TRIGGER stock_entry_valuations_kept BEFORE DELETE OR TRUNCATE ON stock_entry_valuations
    FOR EACH STATEMENT EXECUTE FUNCTION erp_refuse_entry_valuation_change();

CREATE TRIGGER stock_entry_valuations_immutable BEFORE UPDATE OF id, tenant_id ON stock_entry_valuations
    FOR EACH ROW EXECUTE FUNCTION erp_refuse_entry_valuation_change();

SELECT erp_enable_tenant_isolation('stock_entry_valuations');
SELECT set_config('erp.bypass_tenant', '', true);
