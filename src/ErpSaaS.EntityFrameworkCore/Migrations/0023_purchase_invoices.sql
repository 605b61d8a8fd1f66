-- 0023 purchase invoices, payments and returns: invoices against a purchase order with the three-way match kept per
-- line (order price, variance), payments against them (partial, never more than open), and purchase returns of
-- accepted goods from a posted receipt; order lines and receipt lines count what was returned.

ALTER TABLE purchase_order_lines ADD returned_quantity numeric(18,4) NOT NULL DEFAULT 0;
ALTER TABLE purchase_order_lines ALTER COLUMN returned_quantity DROP DEFAULT;
ALTER TABLE goods_receipt_lines ADD base_returned numeric(18,4) NOT NULL DEFAULT 0;
ALTER TABLE goods_receipt_lines ALTER COLUMN base_returned DROP DEFAULT;

CREATE TABLE purchase_invoices (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    number character varying(64) NOT NULL,
    status character varying(32) NOT NULL,
    request_id uuid NOT NULL,
    purchase_order_id uuid NOT NULL,
    supplier_id uuid NOT NULL,
    currency_code character varying(3) NOT NULL,
    supplier_reference character varying(64),
    invoice_date date NOT NULL,
    comment character varying(500),
    net_amount numeric(18,2) NOT NULL,
    tax_amount numeric(18,2) NOT NULL,
    total_amount numeric(18,2) NOT NULL,
    paid_amount numeric(18,2) NOT NULL,
    is_price_mismatch boolean NOT NULL,
    created_at timestamp with time zone NOT NULL,
    changed_at timestamp with time zone NOT NULL,
    approved_at timestamp with time zone,
    revision integer NOT NULL,
    CONSTRAINT pk_purchase_invoices PRIMARY KEY (id),
    CONSTRAINT fk_purchase_invoices_purchase_orders_purchase_order_id FOREIGN KEY (purchase_order_id) REFERENCES purchase_orders (id) ON DELETE RESTRICT,
    CONSTRAINT fk_purchase_invoices_suppliers_supplier_id FOREIGN KEY (supplier_id) REFERENCES suppliers (id) ON DELETE RESTRICT
);
CREATE INDEX ix_purchase_invoices_purchase_order_id ON purchase_invoices (purchase_order_id);
CREATE INDEX ix_purchase_invoices_supplier_id ON purchase_invoices (supplier_id);
CREATE UNIQUE INDEX ix_purchase_invoices_tenant_id_number ON purchase_invoices (tenant_id, number);
CREATE INDEX ix_purchase_invoices_tenant_id_purchase_order_id ON purchase_invoices (tenant_id, purchase_order_id);
CREATE UNIQUE INDEX ix_purchase_invoices_tenant_id_request_id ON purchase_invoices (tenant_id, request_id);
CREATE INDEX ix_purchase_invoices_tenant_id_supplier_id ON purchase_invoices (tenant_id, supplier_id);

CREATE TABLE purchase_invoice_lines (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    invoice_id uuid NOT NULL,
    line_number integer NOT NULL,
    order_line_number integer NOT NULL,
    product_id uuid NOT NULL,
    unit character varying(16) NOT NULL,
    quantity numeric(18,4) NOT NULL,
    base_quantity numeric(18,4) NOT NULL,
    unit_price numeric(18,6) NOT NULL,
    order_unit_price numeric(18,6) NOT NULL,
    tax_rate numeric(18,4) NOT NULL,
    net_amount numeric(18,2) NOT NULL,
    tax_amount numeric(18,2) NOT NULL,
    price_variance_percent numeric(18,2),
    CONSTRAINT pk_purchase_invoice_lines PRIMARY KEY (id),
    CONSTRAINT fk_purchase_invoice_lines_products_product_id FOREIGN KEY (product_id) REFERENCES products (id) ON DELETE RESTRICT,
    CONSTRAINT fk_purchase_invoice_lines_purchase_invoices_invoice_id FOREIGN KEY (invoice_id) REFERENCES purchase_invoices (id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX ix_purchase_invoice_lines_invoice_id_line_number ON purchase_invoice_lines (invoice_id, line_number);
CREATE INDEX ix_purchase_invoice_lines_product_id ON purchase_invoice_lines (product_id);
CREATE INDEX ix_purchase_invoice_lines_tenant_id_product_id ON purchase_invoice_lines (tenant_id, product_id);

CREATE TABLE purchase_invoice_events (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    document_id uuid NOT NULL,
    status character varying(32) NOT NULL,
    at timestamp with time zone NOT NULL,
    user_id uuid,
    user_name character varying(256),
    comment character varying(500),
    CONSTRAINT pk_purchase_invoice_events PRIMARY KEY (id),
    CONSTRAINT fk_purchase_invoice_events_purchase_invoices_document_id FOREIGN KEY (document_id) REFERENCES purchase_invoices (id) ON DELETE CASCADE
);
CREATE INDEX ix_purchase_invoice_events_document_id ON purchase_invoice_events (document_id);

CREATE TABLE purchase_payments (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    invoice_id uuid NOT NULL,
    amount numeric(18,2) NOT NULL,
    paid_on date NOT NULL,
    method character varying(32) NOT NULL,
    reference character varying(64),
    created_at timestamp with time zone NOT NULL,
    user_name character varying(256),
    CONSTRAINT pk_purchase_payments PRIMARY KEY (id),
    CONSTRAINT fk_purchase_payments_purchase_invoices_invoice_id FOREIGN KEY (invoice_id) REFERENCES purchase_invoices (id) ON DELETE CASCADE
);
CREATE INDEX ix_purchase_payments_invoice_id ON purchase_payments (invoice_id);
CREATE INDEX ix_purchase_payments_tenant_id_paid_on ON purchase_payments (tenant_id, paid_on);

CREATE TABLE purchase_returns (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    number character varying(64) NOT NULL,
    request_id uuid NOT NULL,
    goods_receipt_id uuid NOT NULL,
    purchase_order_id uuid NOT NULL,
    supplier_id uuid NOT NULL,
    warehouse_id uuid NOT NULL,
    reason character varying(500) NOT NULL,
    returned_on date NOT NULL,
    posted_at timestamp with time zone NOT NULL,
    user_name character varying(256),
    total_value numeric(18,2) NOT NULL,
    CONSTRAINT pk_purchase_returns PRIMARY KEY (id),
    CONSTRAINT fk_purchase_returns_goods_receipts_goods_receipt_id FOREIGN KEY (goods_receipt_id) REFERENCES goods_receipts (id) ON DELETE RESTRICT,
    CONSTRAINT fk_purchase_returns_purchase_orders_purchase_order_id FOREIGN KEY (purchase_order_id) REFERENCES purchase_orders (id) ON DELETE RESTRICT,
    CONSTRAINT fk_purchase_returns_suppliers_supplier_id FOREIGN KEY (supplier_id) REFERENCES suppliers (id) ON DELETE RESTRICT,
    CONSTRAINT fk_purchase_returns_warehouses_warehouse_id FOREIGN KEY (warehouse_id) REFERENCES warehouses (id) ON DELETE RESTRICT
);
CREATE INDEX ix_purchase_returns_goods_receipt_id ON purchase_returns (goods_receipt_id);
CREATE INDEX ix_purchase_returns_purchase_order_id ON purchase_returns (purchase_order_id);
CREATE INDEX ix_purchase_returns_supplier_id ON purchase_returns (supplier_id);
CREATE INDEX ix_purchase_returns_tenant_id_goods_receipt_id ON purchase_returns (tenant_id, goods_receipt_id);
CREATE UNIQUE INDEX ix_purchase_returns_tenant_id_number ON purchase_returns (tenant_id, number);
CREATE UNIQUE INDEX ix_purchase_returns_tenant_id_request_id ON purchase_returns (tenant_id, request_id);
CREATE INDEX ix_purchase_returns_tenant_id_supplier_id_returned_on ON purchase_returns (tenant_id, supplier_id, returned_on);
CREATE INDEX ix_purchase_returns_warehouse_id ON purchase_returns (warehouse_id);

CREATE TABLE purchase_return_lines (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    return_id uuid NOT NULL,
    line_number integer NOT NULL,
    receipt_line_number integer NOT NULL,
    order_line_number integer NOT NULL,
    product_id uuid NOT NULL,
    unit character varying(16) NOT NULL,
    batch_number character varying(64),
    quantity numeric(18,4) NOT NULL,
    base_quantity numeric(18,4) NOT NULL,
    base_unit_cost numeric(18,6) NOT NULL,
    value numeric(18,2) NOT NULL,
    CONSTRAINT pk_purchase_return_lines PRIMARY KEY (id),
    CONSTRAINT fk_purchase_return_lines_products_product_id FOREIGN KEY (product_id) REFERENCES products (id) ON DELETE RESTRICT,
    CONSTRAINT fk_purchase_return_lines_purchase_returns_return_id FOREIGN KEY (return_id) REFERENCES purchase_returns (id) ON DELETE CASCADE
);
CREATE INDEX ix_purchase_return_lines_product_id ON purchase_return_lines (product_id);
CREATE UNIQUE INDEX ix_purchase_return_lines_return_id_line_number ON purchase_return_lines (return_id, line_number);

SELECT erp_enable_tenant_isolation('purchase_invoices');
SELECT erp_enable_tenant_isolation('purchase_invoice_lines');
SELECT erp_enable_tenant_isolation('purchase_invoice_events');
SELECT erp_enable_tenant_isolation('purchase_payments');
SELECT erp_enable_tenant_isolation('purchase_returns');
SELECT erp_enable_tenant_isolation('purchase_return_lines');
