-- 0024 sales returns (goods back from a posted delivery, to its warehouse or to quarantine, at the cost they left at; invoiced goods credited
-- on the invoice), and the purchase needs sales raises: a requisition remembers the sales order line it was raised for, once per line.

CREATE TABLE sales_returns (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    number character varying(64) NOT NULL,
    status character varying(32) NOT NULL,
    request_id uuid NOT NULL,
    delivery_id uuid NOT NULL,
    order_id uuid NOT NULL,
    customer_id uuid NOT NULL,
    warehouse_id uuid NOT NULL,
    destination character varying(32) NOT NULL,
    reason character varying(500) NOT NULL,
    credited_amount numeric(18,2) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_sales_returns PRIMARY KEY (id),
    CONSTRAINT fk_sales_returns_customers_customer_id FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE RESTRICT,
    CONSTRAINT fk_sales_returns_sales_deliveries_delivery_id FOREIGN KEY (delivery_id) REFERENCES sales_deliveries (id) ON DELETE RESTRICT,
    CONSTRAINT fk_sales_returns_sales_orders_order_id FOREIGN KEY (order_id) REFERENCES sales_orders (id) ON DELETE RESTRICT,
    CONSTRAINT fk_sales_returns_warehouses_warehouse_id FOREIGN KEY (warehouse_id) REFERENCES warehouses (id) ON DELETE RESTRICT
);
CREATE UNIQUE INDEX ix_sales_returns_tenant_id_number ON sales_returns (tenant_id, number);
CREATE UNIQUE INDEX ix_sales_returns_tenant_id_request_id ON sales_returns (tenant_id, request_id);
CREATE INDEX ix_sales_returns_tenant_id_delivery_id ON sales_returns (tenant_id, delivery_id);
CREATE INDEX ix_sales_returns_tenant_id_created_at ON sales_returns (tenant_id, created_at);
CREATE INDEX ix_sales_returns_customer_id ON sales_returns (customer_id);
CREATE INDEX ix_sales_returns_delivery_id ON sales_returns (delivery_id);
CREATE INDEX ix_sales_returns_order_id ON sales_returns (order_id);
CREATE INDEX ix_sales_returns_warehouse_id ON sales_returns (warehouse_id);

CREATE TABLE sales_return_lines (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    return_id uuid NOT NULL,
    line_number integer NOT NULL,
    delivery_line_number integer NOT NULL,
    order_line_number integer NOT NULL,
    product_id uuid NOT NULL,
    batch_number character varying(64),
    quantity numeric(18,4) NOT NULL,
    unit_cost numeric(18,6) NOT NULL,
    CONSTRAINT pk_sales_return_lines PRIMARY KEY (id),
    CONSTRAINT fk_sales_return_lines_products_product_id FOREIGN KEY (product_id) REFERENCES products (id) ON DELETE RESTRICT,
    CONSTRAINT fk_sales_return_lines_sales_returns_return_id FOREIGN KEY (return_id) REFERENCES sales_returns (id) ON DELETE CASCADE
);
CREATE INDEX ix_sales_return_lines_product_id ON sales_return_lines (product_id);
CREATE UNIQUE INDEX ix_sales_return_lines_return_id_line_number ON sales_return_lines (return_id, line_number);

CREATE TABLE sales_return_events (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    document_id uuid NOT NULL,
    status character varying(32) NOT NULL,
    at timestamp with time zone NOT NULL,
    user_id uuid,
    user_name character varying(256),
    comment character varying(500),
    CONSTRAINT pk_sales_return_events PRIMARY KEY (id),
    CONSTRAINT fk_sales_return_events_sales_returns_document_id FOREIGN KEY (document_id) REFERENCES sales_returns (id) ON DELETE CASCADE
);
CREATE INDEX ix_sales_return_events_document_id ON sales_return_events (document_id);

ALTER TABLE sales_invoices ADD COLUMN credited_amount numeric(18,2) NOT NULL DEFAULT 0;
ALTER TABLE sales_invoices ALTER COLUMN credited_amount DROP DEFAULT;

ALTER TABLE purchase_requisitions ADD COLUMN source_type character varying(32);
ALTER TABLE purchase_requisitions ADD COLUMN source_id uuid;
ALTER TABLE purchase_requisitions ADD COLUMN source_number character varying(64);
ALTER TABLE purchase_requisitions ADD COLUMN source_line integer;
-- One requisition per source line: a retried confirmation (or two at once) finds the one already raised.
CREATE UNIQUE INDEX ix_purchase_requisitions_tenant_id_source ON purchase_requisitions (tenant_id, source_type, source_id, source_line);

SELECT erp_enable_tenant_isolation('sales_returns');
SELECT erp_enable_tenant_isolation('sales_return_lines');
SELECT erp_enable_tenant_isolation('sales_return_events');
