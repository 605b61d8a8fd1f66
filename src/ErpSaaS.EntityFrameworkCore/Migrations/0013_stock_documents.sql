-- 0013 stock documents: openings, transfers, adjustments and counts share one header table (told apart by kind) with
-- gap-free numbers, the form's request id (a double submit creates one document) and a timeline; each keeps its own lines.

CREATE TABLE stock_documents (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    kind character varying(32) NOT NULL,
    number character varying(64) NOT NULL,
    status character varying(32) NOT NULL,
    request_id uuid NOT NULL,
    comment character varying(500),
    created_at timestamp with time zone NOT NULL,
    changed_at timestamp with time zone NOT NULL,
    revision integer NOT NULL,
    posted_at timestamp with time zone,
    reason character varying(32),
    warehouse_id uuid,
    location_ids uuid[],
    category_id uuid,
    frozen_at timestamp with time zone,
    CONSTRAINT pk_stock_documents PRIMARY KEY (id),
    CONSTRAINT fk_stock_documents_product_categories_category_id FOREIGN KEY (category_id) REFERENCES product_categories (id) ON DELETE RESTRICT,
    CONSTRAINT fk_stock_documents_warehouses_warehouse_id FOREIGN KEY (warehouse_id) REFERENCES warehouses (id) ON DELETE RESTRICT
);
CREATE UNIQUE INDEX ix_stock_documents_tenant_id_kind_number ON stock_documents (tenant_id, kind, number);
CREATE UNIQUE INDEX ix_stock_documents_tenant_id_request_id ON stock_documents (tenant_id, request_id);
CREATE INDEX ix_stock_documents_warehouse_id ON stock_documents (warehouse_id);
CREATE INDEX ix_stock_documents_category_id ON stock_documents (category_id);

CREATE TABLE stock_document_events (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    document_id uuid NOT NULL,
    status character varying(32) NOT NULL,
    at timestamp with time zone NOT NULL,
    user_id uuid,
    user_name character varying(256),
    comment character varying(500),
    CONSTRAINT pk_stock_document_events PRIMARY KEY (id),
    CONSTRAINT fk_stock_document_events_stock_documents_document_id FOREIGN KEY (document_id) REFERENCES stock_documents (id) ON DELETE CASCADE
);
CREATE INDEX ix_stock_document_events_document_id ON stock_document_events (document_id);

CREATE TABLE opening_balance_lines (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    document_id uuid NOT NULL,
    line_number integer NOT NULL,
    product_id uuid NOT NULL,
    warehouse_id uuid NOT NULL,
    location_id uuid,
    batch_number character varying(64),
    expiry_date date,
    quantity numeric(18,4) NOT NULL,
    unit character varying(16) NOT NULL,
    base_quantity numeric(18,4) NOT NULL,
    unit_cost numeric(18,6) NOT NULL,
    base_unit_cost numeric(18,6) NOT NULL,
    posted_value numeric(18,2),
    CONSTRAINT pk_opening_balance_lines PRIMARY KEY (id),
    CONSTRAINT fk_opening_balance_lines_products_product_id FOREIGN KEY (product_id) REFERENCES products (id) ON DELETE RESTRICT,
    CONSTRAINT fk_opening_balance_lines_stock_documents_document_id FOREIGN KEY (document_id) REFERENCES stock_documents (id) ON DELETE CASCADE,
    CONSTRAINT fk_opening_balance_lines_warehouse_locations_location_id FOREIGN KEY (location_id) REFERENCES warehouse_locations (id) ON DELETE RESTRICT,
    CONSTRAINT fk_opening_balance_lines_warehouses_warehouse_id FOREIGN KEY (warehouse_id) REFERENCES warehouses (id) ON DELETE RESTRICT
);
CREATE UNIQUE INDEX ix_opening_balance_lines_document_id_line_number ON opening_balance_lines (document_id, line_number);
CREATE INDEX ix_opening_balance_lines_location_id ON opening_balance_lines (location_id);
CREATE INDEX ix_opening_balance_lines_product_id ON opening_balance_lines (product_id);
CREATE INDEX ix_opening_balance_lines_warehouse_id ON opening_balance_lines (warehouse_id);

CREATE TABLE stock_transfer_lines (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    document_id uuid NOT NULL,
    line_number integer NOT NULL,
    product_id uuid NOT NULL,
    from_warehouse_id uuid NOT NULL,
    from_location_id uuid,
    batch_number character varying(64),
    to_warehouse_id uuid NOT NULL,
    to_location_id uuid,
    quantity numeric(18,4) NOT NULL,
    unit character varying(16) NOT NULL,
    base_quantity numeric(18,4) NOT NULL,
    posted_unit_cost numeric(18,6),
    issued_value numeric(18,2),
    received_value numeric(18,2),
    CONSTRAINT pk_stock_transfer_lines PRIMARY KEY (id),
    CONSTRAINT fk_stock_transfer_lines_products_product_id FOREIGN KEY (product_id) REFERENCES products (id) ON DELETE RESTRICT,
    CONSTRAINT fk_stock_transfer_lines_stock_documents_document_id FOREIGN KEY (document_id) REFERENCES stock_documents (id) ON DELETE CASCADE,
    CONSTRAINT fk_stock_transfer_lines_warehouse_locations_from_location_id FOREIGN KEY (from_location_id) REFERENCES warehouse_locations (id) ON DELETE RESTRICT,
    CONSTRAINT fk_stock_transfer_lines_warehouse_locations_to_location_id FOREIGN KEY (to_location_id) REFERENCES warehouse_locations (id) ON DELETE RESTRICT,
    CONSTRAINT fk_stock_transfer_lines_warehouses_from_warehouse_id FOREIGN KEY (from_warehouse_id) REFERENCES warehouses (id) ON DELETE RESTRICT,
    CONSTRAINT fk_stock_transfer_lines_warehouses_to_warehouse_id FOREIGN KEY (to_warehouse_id) REFERENCES warehouses (id) ON DELETE RESTRICT
);
CREATE UNIQUE INDEX ix_stock_transfer_lines_document_id_line_number ON stock_transfer_lines (document_id, line_number);
CREATE INDEX ix_stock_transfer_lines_from_location_id ON stock_transfer_lines (from_location_id);
CREATE INDEX ix_stock_transfer_lines_from_warehouse_id ON stock_transfer_lines (from_warehouse_id);
CREATE INDEX ix_stock_transfer_lines_product_id ON stock_transfer_lines (product_id);
CREATE INDEX ix_stock_transfer_lines_to_location_id ON stock_transfer_lines (to_location_id);
CREATE INDEX ix_stock_transfer_lines_to_warehouse_id ON stock_transfer_lines (to_warehouse_id);

CREATE TABLE stock_adjustment_lines (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    document_id uuid NOT NULL,
    line_number integer NOT NULL,
    product_id uuid NOT NULL,
    warehouse_id uuid NOT NULL,
    location_id uuid,
    batch_number character varying(64),
    expiry_date date,
    quantity numeric(18,4) NOT NULL,
    unit character varying(16) NOT NULL,
    base_quantity numeric(18,4) NOT NULL,
    unit_cost numeric(18,6),
    base_unit_cost numeric(18,6),
    posted_unit_cost numeric(18,6),
    posted_value numeric(18,2),
    CONSTRAINT pk_stock_adjustment_lines PRIMARY KEY (id),
    CONSTRAINT fk_stock_adjustment_lines_products_product_id FOREIGN KEY (product_id) REFERENCES products (id) ON DELETE RESTRICT,
    CONSTRAINT fk_stock_adjustment_lines_stock_documents_document_id FOREIGN KEY (document_id) REFERENCES stock_documents (id) ON DELETE CASCADE,
    CONSTRAINT fk_stock_adjustment_lines_warehouse_locations_location_id FOREIGN KEY (location_id) REFERENCES warehouse_locations (id) ON DELETE RESTRICT,
    CONSTRAINT fk_stock_adjustment_lines_warehouses_warehouse_id FOREIGN KEY (warehouse_id) REFERENCES warehouses (id) ON DELETE RESTRICT
);
CREATE UNIQUE INDEX ix_stock_adjustment_lines_document_id_line_number ON stock_adjustment_lines (document_id, line_number);
CREATE INDEX ix_stock_adjustment_lines_location_id ON stock_adjustment_lines (location_id);
CREATE INDEX ix_stock_adjustment_lines_product_id ON stock_adjustment_lines (product_id);
CREATE INDEX ix_stock_adjustment_lines_warehouse_id ON stock_adjustment_lines (warehouse_id);

CREATE TABLE stock_count_lines (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    document_id uuid NOT NULL,
    line_number integer NOT NULL,
    product_id uuid NOT NULL,
    location_id uuid,
    batch_number character varying(64),
    expiry_date date,
    book_quantity numeric(18,4) NOT NULL,
    book_unit_cost numeric(18,6) NOT NULL,
    counted_quantity numeric(18,4),
    posted_value numeric(18,2),
    CONSTRAINT pk_stock_count_lines PRIMARY KEY (id),
    CONSTRAINT fk_stock_count_lines_products_product_id FOREIGN KEY (product_id) REFERENCES products (id) ON DELETE RESTRICT,
    CONSTRAINT fk_stock_count_lines_stock_documents_document_id FOREIGN KEY (document_id) REFERENCES stock_documents (id) ON DELETE CASCADE,
    CONSTRAINT fk_stock_count_lines_warehouse_locations_location_id FOREIGN KEY (location_id) REFERENCES warehouse_locations (id) ON DELETE RESTRICT
);
CREATE UNIQUE INDEX ix_stock_count_lines_document_id_line_number ON stock_count_lines (document_id, line_number);
CREATE INDEX ix_stock_count_lines_location_id ON stock_count_lines (location_id);
CREATE INDEX ix_stock_count_lines_product_id ON stock_count_lines (product_id);

SELECT erp_enable_tenant_isolation('stock_documents');
SELECT erp_enable_tenant_isolation('stock_document_events');
SELECT erp_enable_tenant_isolation('opening_balance_lines');
SELECT erp_enable_tenant_isolation('stock_transfer_lines');
SELECT erp_enable_tenant_isolation('stock_adjustment_lines');
SELECT erp_enable_tenant_isolation('stock_count_lines');
