-- 0019 purchasing: purchase orders (supplier, warehouse, lines with tax rounded per line, received and invoiced
-- quantities), goods receipts against them (accepted / rejected per line, quarantine or return to supplier, batch and
-- expiry) and purchase requisitions (lines that go onto orders), each with the form's request id (a double submit
-- creates one document) and a timeline.

CREATE TABLE purchase_orders (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    number character varying(64) NOT NULL,
    status character varying(32) NOT NULL,
    request_id uuid NOT NULL,
    supplier_id uuid NOT NULL,
    warehouse_id uuid NOT NULL,
    currency_code character varying(3) NOT NULL,
    order_date date NOT NULL,
    confirmed_date date,
    comment character varying(500),
    net_amount numeric(18,2) NOT NULL,
    tax_amount numeric(18,2) NOT NULL,
    total_amount numeric(18,2) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    changed_at timestamp with time zone NOT NULL,
    approved_at timestamp with time zone,
    sent_at timestamp with time zone,
    revision integer NOT NULL,
    CONSTRAINT pk_purchase_orders PRIMARY KEY (id),
    CONSTRAINT fk_purchase_orders_suppliers_supplier_id FOREIGN KEY (supplier_id) REFERENCES suppliers (id) ON DELETE RESTRICT,
    CONSTRAINT fk_purchase_orders_warehouses_warehouse_id FOREIGN KEY (warehouse_id) REFERENCES warehouses (id) ON DELETE RESTRICT
);
CREATE INDEX ix_purchase_orders_supplier_id ON purchase_orders (supplier_id);
CREATE INDEX ix_purchase_orders_tenant_id_supplier_id ON purchase_orders (tenant_id, supplier_id);
CREATE INDEX ix_purchase_orders_warehouse_id ON purchase_orders (warehouse_id);
CREATE UNIQUE INDEX ix_purchase_orders_tenant_id_number ON purchase_orders (tenant_id, number);
CREATE UNIQUE INDEX ix_purchase_orders_tenant_id_request_id ON purchase_orders (tenant_id, request_id);

CREATE TABLE purchase_order_lines (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    order_id uuid NOT NULL,
    line_number integer NOT NULL,
    product_id uuid NOT NULL,
    quantity numeric(18,4) NOT NULL,
    unit character varying(16) NOT NULL,
    base_quantity numeric(18,4) NOT NULL,
    unit_price numeric(18,6) NOT NULL,
    tax_rate_id uuid,
    tax_rate numeric(18,4) NOT NULL,
    net_amount numeric(18,2) NOT NULL,
    tax_amount numeric(18,2) NOT NULL,
    expected_date date NOT NULL,
    confirmed_date date,
    received_quantity numeric(18,4) NOT NULL,
    invoiced_quantity numeric(18,4) NOT NULL,
    CONSTRAINT pk_purchase_order_lines PRIMARY KEY (id),
    CONSTRAINT fk_purchase_order_lines_products_product_id FOREIGN KEY (product_id) REFERENCES products (id) ON DELETE RESTRICT,
    CONSTRAINT fk_purchase_order_lines_purchase_orders_order_id FOREIGN KEY (order_id) REFERENCES purchase_orders (id) ON DELETE CASCADE,
    CONSTRAINT fk_purchase_order_lines_tax_rates_tax_rate_id FOREIGN KEY (tax_rate_id) REFERENCES tax_rates (id) ON DELETE RESTRICT
);
CREATE INDEX ix_purchase_order_lines_product_id ON purchase_order_lines (product_id);
CREATE INDEX ix_purchase_order_lines_tax_rate_id ON purchase_order_lines (tax_rate_id);
CREATE INDEX ix_purchase_order_lines_tenant_id_product_id ON purchase_order_lines (tenant_id, product_id);
CREATE UNIQUE INDEX ix_purchase_order_lines_order_id_line_number ON purchase_order_lines (order_id, line_number);

CREATE TABLE purchase_order_events (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    document_id uuid NOT NULL,
    status character varying(32) NOT NULL,
    at timestamp with time zone NOT NULL,
    user_id uuid,
    user_name character varying(256),
    comment character varying(500),
    CONSTRAINT pk_purchase_order_events PRIMARY KEY (id),
    CONSTRAINT fk_purchase_order_events_purchase_orders_document_id FOREIGN KEY (document_id) REFERENCES purchase_orders (id) ON DELETE CASCADE
);
CREATE INDEX ix_purchase_order_events_document_id ON purchase_order_events (document_id);

CREATE TABLE goods_receipts (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    number character varying(64) NOT NULL,
    status character varying(32) NOT NULL,
    request_id uuid NOT NULL,
    purchase_order_id uuid NOT NULL,
    supplier_id uuid NOT NULL,
    warehouse_id uuid NOT NULL,
    quarantine_warehouse_id uuid,
    received_on date NOT NULL,
    comment character varying(500),
    created_at timestamp with time zone NOT NULL,
    changed_at timestamp with time zone NOT NULL,
    posted_at timestamp with time zone,
    revision integer NOT NULL,
    CONSTRAINT pk_goods_receipts PRIMARY KEY (id),
    CONSTRAINT fk_goods_receipts_purchase_orders_purchase_order_id FOREIGN KEY (purchase_order_id) REFERENCES purchase_orders (id) ON DELETE RESTRICT,
    CONSTRAINT fk_goods_receipts_suppliers_supplier_id FOREIGN KEY (supplier_id) REFERENCES suppliers (id) ON DELETE RESTRICT,
    CONSTRAINT fk_goods_receipts_warehouses_quarantine_warehouse_id FOREIGN KEY (quarantine_warehouse_id) REFERENCES warehouses (id) ON DELETE RESTRICT,
    CONSTRAINT fk_goods_receipts_warehouses_warehouse_id FOREIGN KEY (warehouse_id) REFERENCES warehouses (id) ON DELETE RESTRICT
);
CREATE INDEX ix_goods_receipts_purchase_order_id ON goods_receipts (purchase_order_id);
CREATE INDEX ix_goods_receipts_quarantine_warehouse_id ON goods_receipts (quarantine_warehouse_id);
CREATE INDEX ix_goods_receipts_supplier_id ON goods_receipts (supplier_id);
CREATE INDEX ix_goods_receipts_tenant_id_purchase_order_id ON goods_receipts (tenant_id, purchase_order_id);
CREATE INDEX ix_goods_receipts_tenant_id_supplier_id_received_on ON goods_receipts (tenant_id, supplier_id, received_on);
CREATE INDEX ix_goods_receipts_warehouse_id ON goods_receipts (warehouse_id);
CREATE UNIQUE INDEX ix_goods_receipts_tenant_id_number ON goods_receipts (tenant_id, number);
CREATE UNIQUE INDEX ix_goods_receipts_tenant_id_request_id ON goods_receipts (tenant_id, request_id);

CREATE TABLE goods_receipt_lines (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    receipt_id uuid NOT NULL,
    line_number integer NOT NULL,
    order_line_number integer NOT NULL,
    product_id uuid NOT NULL,
    unit character varying(16) NOT NULL,
    accepted_quantity numeric(18,4) NOT NULL,
    rejected_quantity numeric(18,4) NOT NULL,
    reject_reason character varying(500),
    disposition character varying(32) NOT NULL,
    batch_number character varying(64),
    expiry_date date,
    base_accepted numeric(18,4) NOT NULL,
    base_rejected numeric(18,4) NOT NULL,
    base_unit_cost numeric(18,6),
    posted_value numeric(18,2),
    CONSTRAINT pk_goods_receipt_lines PRIMARY KEY (id),
    CONSTRAINT fk_goods_receipt_lines_goods_receipts_receipt_id FOREIGN KEY (receipt_id) REFERENCES goods_receipts (id) ON DELETE CASCADE,
    CONSTRAINT fk_goods_receipt_lines_products_product_id FOREIGN KEY (product_id) REFERENCES products (id) ON DELETE RESTRICT
);
CREATE INDEX ix_goods_receipt_lines_product_id ON goods_receipt_lines (product_id);
CREATE INDEX ix_goods_receipt_lines_tenant_id_product_id ON goods_receipt_lines (tenant_id, product_id);
CREATE UNIQUE INDEX ix_goods_receipt_lines_receipt_id_line_number ON goods_receipt_lines (receipt_id, line_number);

CREATE TABLE goods_receipt_events (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    document_id uuid NOT NULL,
    status character varying(32) NOT NULL,
    at timestamp with time zone NOT NULL,
    user_id uuid,
    user_name character varying(256),
    comment character varying(500),
    CONSTRAINT pk_goods_receipt_events PRIMARY KEY (id),
    CONSTRAINT fk_goods_receipt_events_goods_receipts_document_id FOREIGN KEY (document_id) REFERENCES goods_receipts (id) ON DELETE CASCADE
);
CREATE INDEX ix_goods_receipt_events_document_id ON goods_receipt_events (document_id);

CREATE TABLE purchase_requisitions (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    number character varying(64) NOT NULL,
    status character varying(32) NOT NULL,
    request_id uuid NOT NULL,
    warehouse_id uuid NOT NULL,
    comment character varying(500),
    created_at timestamp with time zone NOT NULL,
    changed_at timestamp with time zone NOT NULL,
    revision integer NOT NULL,
    CONSTRAINT pk_purchase_requisitions PRIMARY KEY (id),
    CONSTRAINT fk_purchase_requisitions_warehouses_warehouse_id FOREIGN KEY (warehouse_id) REFERENCES warehouses (id) ON DELETE RESTRICT
);
CREATE INDEX ix_purchase_requisitions_warehouse_id ON purchase_requisitions (warehouse_id);
CREATE UNIQUE INDEX ix_purchase_requisitions_tenant_id_number ON purchase_requisitions (tenant_id, number);
CREATE UNIQUE INDEX ix_purchase_requisitions_tenant_id_request_id ON purchase_requisitions (tenant_id, request_id);

CREATE TABLE purchase_requisition_lines (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    requisition_id uuid NOT NULL,
    line_number integer NOT NULL,
    product_id uuid NOT NULL,
    quantity numeric(18,4) NOT NULL,
    needed_by date NOT NULL,
    reason character varying(500),
    purchase_order_id uuid,
    CONSTRAINT pk_purchase_requisition_lines PRIMARY KEY (id),
    CONSTRAINT fk_purchase_requisition_lines_products_product_id FOREIGN KEY (product_id) REFERENCES products (id) ON DELETE RESTRICT,
    CONSTRAINT fk_purchase_requisition_lines_purchase_orders_purchase_order_id FOREIGN KEY (purchase_order_id) REFERENCES purchase_orders (id) ON DELETE RESTRICT,
    CONSTRAINT "fk_purchase_requisition_lines_purchase_requisitions_requisitio~" FOREIGN KEY (requisition_id) REFERENCES purchase_requisitions (id) ON DELETE CASCADE
);
CREATE INDEX ix_purchase_requisition_lines_product_id ON purchase_requisition_lines (product_id);
CREATE INDEX ix_purchase_requisition_lines_purchase_order_id ON purchase_requisition_lines (purchase_order_id);
CREATE UNIQUE INDEX ix_purchase_requisition_lines_requisition_id_line_number ON purchase_requisition_lines (requisition_id, line_number);

CREATE TABLE purchase_requisition_events (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    document_id uuid NOT NULL,
    status character varying(32) NOT NULL,
    at timestamp with time zone NOT NULL,
    user_id uuid,
    user_name character varying(256),
    comment character varying(500),
    CONSTRAINT pk_purchase_requisition_events PRIMARY KEY (id),
    CONSTRAINT "fk_purchase_requisition_events_purchase_requisitions_document_~" FOREIGN KEY (document_id) REFERENCES purchase_requisitions (id) ON DELETE CASCADE
);
CREATE INDEX ix_purchase_requisition_events_document_id ON purchase_requisition_events (document_id);

SELECT erp_enable_tenant_isolation('purchase_orders');
SELECT erp_enable_tenant_isolation('purchase_order_lines');
SELECT erp_enable_tenant_isolation('purchase_order_events');
SELECT erp_enable_tenant_isolation('goods_receipts');
SELECT erp_enable_tenant_isolation('goods_receipt_lines');
SELECT erp_enable_tenant_isolation('goods_receipt_events');
SELECT erp_enable_tenant_isolation('purchase_requisitions');
SELECT erp_enable_tenant_isolation('purchase_requisition_lines');
SELECT erp_enable_tenant_isolation('purchase_requisition_events');
