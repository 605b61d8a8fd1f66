-- 0020 sales: quotations (valid until, converted to an order once), orders (lines priced from the customer's price list, discount and tax per line, promised dates), deliveries
-- (partial, per batch, picked by scanning), invoices with their receipts; each document keeps a timeline of its own.

CREATE TABLE sales_orders (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    number character varying(64) NOT NULL,
    status character varying(32) NOT NULL,
    request_id uuid NOT NULL,
    customer_id uuid NOT NULL,
    warehouse_id uuid NOT NULL,
    currency_code character varying(3) NOT NULL,
    order_date date NOT NULL,
    comment character varying(500),
    net_amount numeric(18,2) NOT NULL,
    tax_amount numeric(18,2) NOT NULL,
    total_amount numeric(18,2) NOT NULL,
    invoiced_amount numeric(18,2) NOT NULL,
    discount_approval character varying(32) NOT NULL,
    credit_approval character varying(32) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    changed_at timestamp with time zone NOT NULL,
    confirmed_at timestamp with time zone,
    revision integer NOT NULL,
    CONSTRAINT pk_sales_orders PRIMARY KEY (id),
    CONSTRAINT fk_sales_orders_customers_customer_id FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE RESTRICT,
    CONSTRAINT fk_sales_orders_warehouses_warehouse_id FOREIGN KEY (warehouse_id) REFERENCES warehouses (id) ON DELETE RESTRICT
);
CREATE UNIQUE INDEX ix_sales_orders_tenant_id_number ON sales_orders (tenant_id, number);
CREATE UNIQUE INDEX ix_sales_orders_tenant_id_request_id ON sales_orders (tenant_id, request_id);
CREATE INDEX ix_sales_orders_tenant_id_customer_id_status ON sales_orders (tenant_id, customer_id, status);
CREATE INDEX ix_sales_orders_tenant_id_created_at ON sales_orders (tenant_id, created_at);
CREATE INDEX ix_sales_orders_customer_id ON sales_orders (customer_id);
CREATE INDEX ix_sales_orders_warehouse_id ON sales_orders (warehouse_id);

CREATE TABLE sales_order_lines (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    order_id uuid NOT NULL,
    line_number integer NOT NULL,
    product_id uuid NOT NULL,
    quantity numeric(18,4) NOT NULL,
    unit character varying(16) NOT NULL,
    base_quantity numeric(18,4) NOT NULL,
    unit_price numeric(18,6) NOT NULL,
    discount_percent numeric(5,2) NOT NULL,
    tax_rate numeric(5,4) NOT NULL,
    net_amount numeric(18,2) NOT NULL,
    tax_amount numeric(18,2) NOT NULL,
    promised_date date NOT NULL,
    delivered_quantity numeric(18,4) NOT NULL,
    returned_quantity numeric(18,4) NOT NULL,
    invoiced_quantity numeric(18,4) NOT NULL,
    invoiced_net numeric(18,2) NOT NULL,
    invoiced_tax numeric(18,2) NOT NULL,
    CONSTRAINT pk_sales_order_lines PRIMARY KEY (id),
    CONSTRAINT fk_sales_order_lines_products_product_id FOREIGN KEY (product_id) REFERENCES products (id) ON DELETE RESTRICT,
    CONSTRAINT fk_sales_order_lines_sales_orders_order_id FOREIGN KEY (order_id) REFERENCES sales_orders (id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX ix_sales_order_lines_order_id_line_number ON sales_order_lines (order_id, line_number);
CREATE INDEX ix_sales_order_lines_product_id ON sales_order_lines (product_id);

CREATE TABLE sales_order_events (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    document_id uuid NOT NULL,
    status character varying(32) NOT NULL,
    at timestamp with time zone NOT NULL,
    user_id uuid,
    user_name character varying(256),
    comment character varying(500),
    CONSTRAINT pk_sales_order_events PRIMARY KEY (id),
    CONSTRAINT fk_sales_order_events_sales_orders_document_id FOREIGN KEY (document_id) REFERENCES sales_orders (id) ON DELETE CASCADE
);
CREATE INDEX ix_sales_order_events_document_id ON sales_order_events (document_id);

CREATE TABLE sales_deliveries (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    number character varying(64) NOT NULL,
    status character varying(32) NOT NULL,
    request_id uuid NOT NULL,
    order_id uuid NOT NULL,
    customer_id uuid NOT NULL,
    warehouse_id uuid NOT NULL,
    comment character varying(500),
    created_at timestamp with time zone NOT NULL,
    changed_at timestamp with time zone NOT NULL,
    posted_at timestamp with time zone,
    revision integer NOT NULL,
    CONSTRAINT pk_sales_deliveries PRIMARY KEY (id),
    CONSTRAINT fk_sales_deliveries_customers_customer_id FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE RESTRICT,
    CONSTRAINT fk_sales_deliveries_sales_orders_order_id FOREIGN KEY (order_id) REFERENCES sales_orders (id) ON DELETE RESTRICT,
    CONSTRAINT fk_sales_deliveries_warehouses_warehouse_id FOREIGN KEY (warehouse_id) REFERENCES warehouses (id) ON DELETE RESTRICT
);
CREATE UNIQUE INDEX ix_sales_deliveries_tenant_id_number ON sales_deliveries (tenant_id, number);
CREATE UNIQUE INDEX ix_sales_deliveries_tenant_id_request_id ON sales_deliveries (tenant_id, request_id);
CREATE INDEX ix_sales_deliveries_tenant_id_order_id ON sales_deliveries (tenant_id, order_id);
CREATE INDEX ix_sales_deliveries_customer_id ON sales_deliveries (customer_id);
CREATE INDEX ix_sales_deliveries_order_id ON sales_deliveries (order_id);
CREATE INDEX ix_sales_deliveries_warehouse_id ON sales_deliveries (warehouse_id);

CREATE TABLE sales_delivery_lines (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    delivery_id uuid NOT NULL,
    line_number integer NOT NULL,
    order_line_number integer NOT NULL,
    product_id uuid NOT NULL,
    batch_number character varying(64),
    quantity numeric(18,4) NOT NULL,
    picked_quantity numeric(18,4) NOT NULL,
    posted_unit_cost numeric(18,6),
    posted_value numeric(18,2),
    returned_quantity numeric(18,4) NOT NULL,
    invoiced_quantity numeric(18,4) NOT NULL,
    CONSTRAINT pk_sales_delivery_lines PRIMARY KEY (id),
    CONSTRAINT fk_sales_delivery_lines_products_product_id FOREIGN KEY (product_id) REFERENCES products (id) ON DELETE RESTRICT,
    CONSTRAINT fk_sales_delivery_lines_sales_deliveries_delivery_id FOREIGN KEY (delivery_id) REFERENCES sales_deliveries (id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX ix_sales_delivery_lines_delivery_id_line_number ON sales_delivery_lines (delivery_id, line_number);
CREATE INDEX ix_sales_delivery_lines_product_id ON sales_delivery_lines (product_id);

CREATE TABLE sales_delivery_events (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    document_id uuid NOT NULL,
    status character varying(32) NOT NULL,
    at timestamp with time zone NOT NULL,
    user_id uuid,
    user_name character varying(256),
    comment character varying(500),
    CONSTRAINT pk_sales_delivery_events PRIMARY KEY (id),
    CONSTRAINT fk_sales_delivery_events_sales_deliveries_document_id FOREIGN KEY (document_id) REFERENCES sales_deliveries (id) ON DELETE CASCADE
);
CREATE INDEX ix_sales_delivery_events_document_id ON sales_delivery_events (document_id);

CREATE TABLE sales_invoices (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    number character varying(64) NOT NULL,
    status character varying(32) NOT NULL,
    order_id uuid NOT NULL,
    delivery_id uuid NOT NULL,
    customer_id uuid NOT NULL,
    currency_code character varying(3) NOT NULL,
    invoice_date date NOT NULL,
    due_date date NOT NULL,
    net_amount numeric(18,2) NOT NULL,
    tax_amount numeric(18,2) NOT NULL,
    total_amount numeric(18,2) NOT NULL,
    received_amount numeric(18,2) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_sales_invoices PRIMARY KEY (id),
    CONSTRAINT fk_sales_invoices_customers_customer_id FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE RESTRICT,
    CONSTRAINT fk_sales_invoices_sales_deliveries_delivery_id FOREIGN KEY (delivery_id) REFERENCES sales_deliveries (id) ON DELETE RESTRICT,
    CONSTRAINT fk_sales_invoices_sales_orders_order_id FOREIGN KEY (order_id) REFERENCES sales_orders (id) ON DELETE RESTRICT
);
CREATE UNIQUE INDEX ix_sales_invoices_tenant_id_number ON sales_invoices (tenant_id, number);
CREATE INDEX ix_sales_invoices_tenant_id_customer_id_status ON sales_invoices (tenant_id, customer_id, status);
CREATE INDEX ix_sales_invoices_tenant_id_order_id ON sales_invoices (tenant_id, order_id);
CREATE INDEX ix_sales_invoices_customer_id ON sales_invoices (customer_id);
CREATE INDEX ix_sales_invoices_delivery_id ON sales_invoices (delivery_id);
CREATE INDEX ix_sales_invoices_order_id ON sales_invoices (order_id);

CREATE TABLE sales_invoice_lines (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    invoice_id uuid NOT NULL,
    line_number integer NOT NULL,
    order_line_number integer NOT NULL,
    product_id uuid NOT NULL,
    quantity numeric(18,4) NOT NULL,
    net_amount numeric(18,2) NOT NULL,
    tax_amount numeric(18,2) NOT NULL,
    CONSTRAINT pk_sales_invoice_lines PRIMARY KEY (id),
    CONSTRAINT fk_sales_invoice_lines_products_product_id FOREIGN KEY (product_id) REFERENCES products (id) ON DELETE RESTRICT,
    CONSTRAINT fk_sales_invoice_lines_sales_invoices_invoice_id FOREIGN KEY (invoice_id) REFERENCES sales_invoices (id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX ix_sales_invoice_lines_invoice_id_line_number ON sales_invoice_lines (invoice_id, line_number);
CREATE INDEX ix_sales_invoice_lines_product_id ON sales_invoice_lines (product_id);

CREATE TABLE sales_receipts (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    invoice_id uuid NOT NULL,
    amount numeric(18,2) NOT NULL,
    received_on date NOT NULL,
    method character varying(32) NOT NULL,
    reference character varying(128),
    recorded_at timestamp with time zone NOT NULL,
    user_name character varying(256),
    CONSTRAINT pk_sales_receipts PRIMARY KEY (id),
    CONSTRAINT fk_sales_receipts_sales_invoices_invoice_id FOREIGN KEY (invoice_id) REFERENCES sales_invoices (id) ON DELETE CASCADE
);
CREATE INDEX ix_sales_receipts_invoice_id ON sales_receipts (invoice_id);

CREATE TABLE sales_invoice_events (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    document_id uuid NOT NULL,
    status character varying(32) NOT NULL,
    at timestamp with time zone NOT NULL,
    user_id uuid,
    user_name character varying(256),
    comment character varying(500),
    CONSTRAINT pk_sales_invoice_events PRIMARY KEY (id),
    CONSTRAINT fk_sales_invoice_events_sales_invoices_document_id FOREIGN KEY (document_id) REFERENCES sales_invoices (id) ON DELETE CASCADE
);
CREATE INDEX ix_sales_invoice_events_document_id ON sales_invoice_events (document_id);

CREATE TABLE sales_quotations (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    number character varying(64) NOT NULL,
    status character varying(32) NOT NULL,
    request_id uuid NOT NULL,
    customer_id uuid NOT NULL,
    warehouse_id uuid NOT NULL,
    currency_code character varying(3) NOT NULL,
    quotation_date date NOT NULL,
    valid_until date NOT NULL,
    comment character varying(500),
    net_amount numeric(18,2) NOT NULL,
    tax_amount numeric(18,2) NOT NULL,
    total_amount numeric(18,2) NOT NULL,
    order_id uuid,
    created_at timestamp with time zone NOT NULL,
    revision integer NOT NULL,
    CONSTRAINT pk_sales_quotations PRIMARY KEY (id),
    CONSTRAINT fk_sales_quotations_customers_customer_id FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE RESTRICT,
    CONSTRAINT fk_sales_quotations_sales_orders_order_id FOREIGN KEY (order_id) REFERENCES sales_orders (id) ON DELETE RESTRICT,
    CONSTRAINT fk_sales_quotations_warehouses_warehouse_id FOREIGN KEY (warehouse_id) REFERENCES warehouses (id) ON DELETE RESTRICT
);
CREATE UNIQUE INDEX ix_sales_quotations_tenant_id_number ON sales_quotations (tenant_id, number);
CREATE UNIQUE INDEX ix_sales_quotations_tenant_id_request_id ON sales_quotations (tenant_id, request_id);
CREATE INDEX ix_sales_quotations_customer_id ON sales_quotations (customer_id);
CREATE INDEX ix_sales_quotations_order_id ON sales_quotations (order_id);
CREATE INDEX ix_sales_quotations_warehouse_id ON sales_quotations (warehouse_id);

CREATE TABLE sales_quotation_lines (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    quotation_id uuid NOT NULL,
    line_number integer NOT NULL,
    product_id uuid NOT NULL,
    quantity numeric(18,4) NOT NULL,
    unit character varying(16) NOT NULL,
    base_quantity numeric(18,4) NOT NULL,
    unit_price numeric(18,6) NOT NULL,
    discount_percent numeric(5,2) NOT NULL,
    tax_rate numeric(5,4) NOT NULL,
    net_amount numeric(18,2) NOT NULL,
    tax_amount numeric(18,2) NOT NULL,
    CONSTRAINT pk_sales_quotation_lines PRIMARY KEY (id),
    CONSTRAINT fk_sales_quotation_lines_products_product_id FOREIGN KEY (product_id) REFERENCES products (id) ON DELETE RESTRICT,
    CONSTRAINT fk_sales_quotation_lines_sales_quotations_quotation_id FOREIGN KEY (quotation_id) REFERENCES sales_quotations (id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX ix_sales_quotation_lines_quotation_id_line_number ON sales_quotation_lines (quotation_id, line_number);
CREATE INDEX ix_sales_quotation_lines_product_id ON sales_quotation_lines (product_id);

CREATE TABLE sales_quotation_events (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    document_id uuid NOT NULL,
    status character varying(32) NOT NULL,
    at timestamp with time zone NOT NULL,
    user_id uuid,
    user_name character varying(256),
    comment character varying(500),
    CONSTRAINT pk_sales_quotation_events PRIMARY KEY (id),
    CONSTRAINT fk_sales_quotation_events_sales_quotations_document_id FOREIGN KEY (document_id) REFERENCES sales_quotations (id) ON DELETE CASCADE
);
CREATE INDEX ix_sales_quotation_events_document_id ON sales_quotation_events (document_id);

SELECT erp_enable_tenant_isolation('sales_orders');
SELECT erp_enable_tenant_isolation('sales_order_lines');
SELECT erp_enable_tenant_isolation('sales_order_events');
SELECT erp_enable_tenant_isolation('sales_deliveries');
SELECT erp_enable_tenant_isolation('sales_delivery_lines');
SELECT erp_enable_tenant_isolation('sales_delivery_events');
SELECT erp_enable_tenant_isolation('sales_invoices');
SELECT erp_enable_tenant_isolation('sales_invoice_lines');
SELECT erp_enable_tenant_isolation('sales_receipts');
SELECT erp_enable_tenant_isolation('sales_invoice_events');
SELECT erp_enable_tenant_isolation('sales_quotations');
SELECT erp_enable_tenant_isolation('sales_quotation_lines');
SELECT erp_enable_tenant_isolation('sales_quotation_events');
