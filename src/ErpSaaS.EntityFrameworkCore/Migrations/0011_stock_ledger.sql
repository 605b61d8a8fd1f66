-- 0011 stock ledger: the append-only ledger (库存流水), balances per (product, warehouse, bin, batch), warehouse totals with
-- on order and planned, valuation pools and FIFO layers, reservations, expected supplies and verification runs.
-- Keys are never null: no bin is the zero uuid, no batch the empty string, a company-wide pool the zero uuid.

CREATE TABLE stock_ledger_entries (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    product_id uuid NOT NULL,
    warehouse_id uuid NOT NULL,
    location_id uuid NOT NULL,
    batch_number character varying(64) NOT NULL,
    expiry_date date,
    quantity numeric(18,4) NOT NULL,
    unit_cost numeric(18,6) NOT NULL,
    value numeric(18,2) NOT NULL,
    is_cost_given boolean NOT NULL,
    valuation_key uuid NOT NULL,
    quantity_after numeric(18,4) NOT NULL,
    value_after numeric(18,2) NOT NULL,
    source_type character varying(32) NOT NULL,
    source_id uuid NOT NULL,
    source_number character varying(64) NOT NULL,
    source_line integer NOT NULL,
    posted_at timestamp with time zone NOT NULL,
    created_at timestamp with time zone NOT NULL,
    user_id uuid,
    sequence bigint GENERATED ALWAYS AS IDENTITY,
    CONSTRAINT pk_stock_ledger_entries PRIMARY KEY (id),
    CONSTRAINT fk_stock_ledger_entries_products_product_id FOREIGN KEY (product_id) REFERENCES products (id) ON DELETE RESTRICT,
    CONSTRAINT fk_stock_ledger_entries_warehouses_warehouse_id FOREIGN KEY (warehouse_id) REFERENCES warehouses (id) ON DELETE RESTRICT
);
CREATE INDEX ix_stock_ledger_entries_product_id ON stock_ledger_entries (product_id);
CREATE INDEX "ix_stock_ledger_entries_tenant_id_product_id_valuation_key_pos~" ON stock_ledger_entries (tenant_id, product_id, valuation_key, posted_at, sequence);
CREATE INDEX ix_stock_ledger_entries_tenant_id_source_type_source_id ON stock_ledger_entries (tenant_id, source_type, source_id);
CREATE INDEX ix_stock_ledger_entries_warehouse_id ON stock_ledger_entries (warehouse_id);

CREATE TABLE stock_balances (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    product_id uuid NOT NULL,
    warehouse_id uuid NOT NULL,
    location_id uuid NOT NULL,
    batch_number character varying(64) NOT NULL,
    expiry_date date,
    on_hand numeric(18,4) NOT NULL,
    reserved numeric(18,4) NOT NULL,
    available numeric(18,4) GENERATED ALWAYS AS (on_hand - reserved) STORED NOT NULL,
    value numeric(18,2) NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_stock_balances PRIMARY KEY (id),
    CONSTRAINT fk_stock_balances_products_product_id FOREIGN KEY (product_id) REFERENCES products (id) ON DELETE RESTRICT,
    CONSTRAINT fk_stock_balances_warehouses_warehouse_id FOREIGN KEY (warehouse_id) REFERENCES warehouses (id) ON DELETE RESTRICT
);
CREATE INDEX ix_stock_balances_product_id ON stock_balances (product_id);
CREATE UNIQUE INDEX "ix_stock_balances_tenant_id_product_id_warehouse_id_location_i~" ON stock_balances (tenant_id, product_id, warehouse_id, location_id, batch_number);
CREATE INDEX ix_stock_balances_tenant_id_warehouse_id ON stock_balances (tenant_id, warehouse_id);
CREATE INDEX ix_stock_balances_warehouse_id ON stock_balances (warehouse_id);

CREATE TABLE stock_warehouse_balances (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    product_id uuid NOT NULL,
    warehouse_id uuid NOT NULL,
    on_hand numeric(18,4) NOT NULL,
    reserved numeric(18,4) NOT NULL,
    available numeric(18,4) GENERATED ALWAYS AS (on_hand - reserved) STORED NOT NULL,
    on_order numeric(18,4) NOT NULL,
    planned numeric(18,4) NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_stock_warehouse_balances PRIMARY KEY (id),
    CONSTRAINT fk_stock_warehouse_balances_products_product_id FOREIGN KEY (product_id) REFERENCES products (id) ON DELETE RESTRICT,
    CONSTRAINT fk_stock_warehouse_balances_warehouses_warehouse_id FOREIGN KEY (warehouse_id) REFERENCES warehouses (id) ON DELETE RESTRICT
);
CREATE INDEX ix_stock_warehouse_balances_product_id ON stock_warehouse_balances (product_id);
CREATE UNIQUE INDEX ix_stock_warehouse_balances_tenant_id_product_id_warehouse_id ON stock_warehouse_balances (tenant_id, product_id, warehouse_id);
CREATE INDEX ix_stock_warehouse_balances_warehouse_id ON stock_warehouse_balances (warehouse_id);

CREATE TABLE stock_valuations (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    product_id uuid NOT NULL,
    valuation_key uuid NOT NULL,
    quantity numeric(18,4) NOT NULL,
    value numeric(18,2) NOT NULL,
    last_unit_cost numeric(18,6) NOT NULL,
    last_posted_at timestamp with time zone,
    CONSTRAINT pk_stock_valuations PRIMARY KEY (id),
    CONSTRAINT fk_stock_valuations_products_product_id FOREIGN KEY (product_id) REFERENCES products (id) ON DELETE RESTRICT
);
CREATE INDEX ix_stock_valuations_product_id ON stock_valuations (product_id);
CREATE UNIQUE INDEX ix_stock_valuations_tenant_id_product_id_valuation_key ON stock_valuations (tenant_id, product_id, valuation_key);

CREATE TABLE stock_cost_layers (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    product_id uuid NOT NULL,
    valuation_key uuid NOT NULL,
    posted_at timestamp with time zone NOT NULL,
    sequence bigint NOT NULL,
    quantity numeric(18,4) NOT NULL,
    remaining numeric(18,4) NOT NULL,
    unit_cost numeric(18,6) NOT NULL,
    CONSTRAINT pk_stock_cost_layers PRIMARY KEY (id),
    CONSTRAINT fk_stock_cost_layers_products_product_id FOREIGN KEY (product_id) REFERENCES products (id) ON DELETE RESTRICT
);
CREATE INDEX ix_stock_cost_layers_product_id ON stock_cost_layers (product_id);
CREATE INDEX "ix_stock_cost_layers_tenant_id_product_id_valuation_key_posted~" ON stock_cost_layers (tenant_id, product_id, valuation_key, posted_at, sequence) WHERE remaining > 0;

CREATE TABLE stock_reservations (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    product_id uuid NOT NULL,
    warehouse_id uuid NOT NULL,
    location_id uuid NOT NULL,
    batch_number character varying(64) NOT NULL,
    quantity numeric(18,4) NOT NULL,
    required_on date,
    source_type character varying(32) NOT NULL,
    source_id uuid NOT NULL,
    source_number character varying(64) NOT NULL,
    source_line integer NOT NULL,
    created_at timestamp with time zone NOT NULL,
    user_id uuid,
    CONSTRAINT pk_stock_reservations PRIMARY KEY (id),
    CONSTRAINT fk_stock_reservations_products_product_id FOREIGN KEY (product_id) REFERENCES products (id) ON DELETE RESTRICT,
    CONSTRAINT fk_stock_reservations_warehouses_warehouse_id FOREIGN KEY (warehouse_id) REFERENCES warehouses (id) ON DELETE RESTRICT
);
CREATE INDEX ix_stock_reservations_product_id ON stock_reservations (product_id);
CREATE INDEX ix_stock_reservations_tenant_id_product_id_warehouse_id ON stock_reservations (tenant_id, product_id, warehouse_id);
CREATE UNIQUE INDEX "ix_stock_reservations_tenant_id_source_type_source_id_source_l~" ON stock_reservations (tenant_id, source_type, source_id, source_line);
CREATE INDEX ix_stock_reservations_warehouse_id ON stock_reservations (warehouse_id);

CREATE TABLE stock_supplies (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    product_id uuid NOT NULL,
    warehouse_id uuid NOT NULL,
    kind character varying(32) NOT NULL,
    quantity numeric(18,4) NOT NULL,
    due_on date NOT NULL,
    source_type character varying(32) NOT NULL,
    source_id uuid NOT NULL,
    source_number character varying(64) NOT NULL,
    source_line integer NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_stock_supplies PRIMARY KEY (id),
    CONSTRAINT fk_stock_supplies_products_product_id FOREIGN KEY (product_id) REFERENCES products (id) ON DELETE RESTRICT,
    CONSTRAINT fk_stock_supplies_warehouses_warehouse_id FOREIGN KEY (warehouse_id) REFERENCES warehouses (id) ON DELETE RESTRICT
);
CREATE INDEX ix_stock_supplies_product_id ON stock_supplies (product_id);
CREATE INDEX ix_stock_supplies_tenant_id_product_id_warehouse_id_due_on ON stock_supplies (tenant_id, product_id, warehouse_id, due_on);
CREATE UNIQUE INDEX ix_stock_supplies_tenant_id_source_type_source_id_source_line ON stock_supplies (tenant_id, source_type, source_id, source_line);
CREATE INDEX ix_stock_supplies_warehouse_id ON stock_supplies (warehouse_id);

CREATE TABLE stock_verification_runs (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    trigger character varying(32) NOT NULL,
    ran_at timestamp with time zone NOT NULL,
    user_id uuid,
    checked_rows integer NOT NULL,
    difference_count integer NOT NULL,
    CONSTRAINT pk_stock_verification_runs PRIMARY KEY (id)
);
CREATE INDEX ix_stock_verification_runs_tenant_id_ran_at ON stock_verification_runs (tenant_id, ran_at);

CREATE TABLE stock_verification_differences (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    run_id uuid NOT NULL,
    kind character varying(32) NOT NULL,
    product_id uuid NOT NULL,
    warehouse_id uuid NOT NULL,
    location_id uuid NOT NULL,
    batch_number character varying(64) NOT NULL,
    kept_quantity numeric(18,4) NOT NULL,
    ledger_quantity numeric(18,4) NOT NULL,
    kept_value numeric(18,2) NOT NULL,
    ledger_value numeric(18,2) NOT NULL,
    CONSTRAINT pk_stock_verification_differences PRIMARY KEY (id),
    CONSTRAINT "fk_stock_verification_differences_stock_verification_runs_run_~" FOREIGN KEY (run_id) REFERENCES stock_verification_runs (id) ON DELETE CASCADE
);
CREATE INDEX ix_stock_verification_differences_run_id ON stock_verification_differences (run_id);
-- The ledger is append-only, for the application and for anyone else short of the table's owner disabling triggers:
-- no row is ever deleted, and an update may only touch the valuation a backdated posting recomputes (value,
-- unit_cost, quantity_after, value_after). The column list makes that check free for the revaluation's updates.
CREATE FUNCTION erp_refuse_ledger_change() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'stock_ledger_entries is append-only: % refused; post a correcting entry instead', TG_OP
        USING ERRCODE = 'restrict_violation';
END $$;

CREATE TRIGGER stock_ledger_entries_append_only BEFORE DELETE OR TRUNCATE ON stock_ledger_entries
    FOR EACH STATEMENT EXECUTE FUNCTION erp_refuse_ledger_change();

CREATE TRIGGER stock_ledger_entries_immutable
    BEFORE UPDATE OF id, tenant_id, product_id, warehouse_id, location_id, batch_number, expiry_date, quantity, is_cost_given, valuation_key,
                     source_type, source_id, source_number, source_line, posted_at, created_at, user_id, sequence
    ON stock_ledger_entries FOR EACH ROW EXECUTE FUNCTION erp_refuse_ledger_change();

-- Moving weighted average as an aggregate, so a backdated posting revalues every later entry with one window
-- function instead of a loop. The state is {pool quantity, pool value, last unit cost, entry value, entry unit cost};
-- the first row starts from "start" ({quantity, value, unit cost} of the last entry before the revalued range).
-- Same rules as StockValuationMath.MovingAverageValue: a receipt with a given cost adds quantity × cost; anything else
-- moves at value / quantity; the last units out take the value left; a pool holding nothing uses the last unit cost.
CREATE FUNCTION erp_moving_average_step(state numeric[], quantity numeric, given_unit_cost numeric, start numeric[]) RETURNS numeric[]
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
    pool_quantity numeric;
    pool_value numeric;
    entry_value numeric;
    entry_cost numeric;
BEGIN
    IF state IS NULL THEN
        state := start;
    END IF;
    pool_quantity := state[1];
    pool_value := state[2];
    IF given_unit_cost IS NOT NULL THEN
        entry_value := round(quantity * given_unit_cost, 2);
    ELSIF pool_quantity > 0 AND pool_quantity + quantity = 0 THEN
        entry_value := -pool_value;
    ELSIF pool_quantity > 0 THEN
        entry_value := round(quantity * pool_value / pool_quantity, 2);
    ELSE
        entry_value := round(quantity * state[3], 2);
    END IF;
    entry_cost := coalesce(given_unit_cost, round(abs(entry_value / quantity), 6));
    RETURN ARRAY[pool_quantity + quantity, pool_value + entry_value, entry_cost, entry_value, entry_cost];
END $$;

CREATE AGGREGATE erp_moving_average(numeric, numeric, numeric[]) (SFUNC = erp_moving_average_step, STYPE = numeric[]);

SELECT erp_enable_tenant_isolation('stock_ledger_entries');
SELECT erp_enable_tenant_isolation('stock_balances');
SELECT erp_enable_tenant_isolation('stock_warehouse_balances');
SELECT erp_enable_tenant_isolation('stock_valuations');
SELECT erp_enable_tenant_isolation('stock_cost_layers');
SELECT erp_enable_tenant_isolation('stock_reservations');
SELECT erp_enable_tenant_isolation('stock_supplies');
SELECT erp_enable_tenant_isolation('stock_verification_runs');
SELECT erp_enable_tenant_isolation('stock_verification_differences');
