-- 0010 business partners and money: currencies and exchange rates by date, price lists with quantity breaks,
-- customers (contacts, addresses) and suppliers (contacts, the products they supply). Tenant tables, codes unique
-- per company. Customers and suppliers are deactivated, never deleted: documents keep pointing at them.

-- Currencies by ISO code; one exchange rate per currency, base currency and day.
CREATE TABLE currencies (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    code character varying(3) NOT NULL,
    name character varying(64) NOT NULL,
    symbol character varying(8) NOT NULL,
    decimal_places integer NOT NULL,
    is_active boolean NOT NULL,
    CONSTRAINT pk_currencies PRIMARY KEY (id)
);
CREATE UNIQUE INDEX ix_currencies_tenant_id_code ON currencies (tenant_id, code);

CREATE TABLE exchange_rates (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    currency_code character varying(3) NOT NULL,
    base_currency_code character varying(3) NOT NULL,
    effective_date date NOT NULL,
    rate numeric(20,10) NOT NULL,
    CONSTRAINT pk_exchange_rates PRIMARY KEY (id)
);
CREATE UNIQUE INDEX ix_exchange_rates_tenant_id_currency_base_date ON exchange_rates (tenant_id, currency_code, base_currency_code, effective_date);

-- Price lists in one currency; a product may have several lines, one per quantity break.
CREATE TABLE price_lists (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    name character varying(128) NOT NULL,
    currency_code character varying(3) NOT NULL,
    valid_from date,
    valid_to date,
    is_active boolean NOT NULL,
    CONSTRAINT pk_price_lists PRIMARY KEY (id)
);
CREATE UNIQUE INDEX ix_price_lists_tenant_id_name ON price_lists (tenant_id, name);

CREATE TABLE price_list_lines (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    price_list_id uuid NOT NULL,
    product_id uuid NOT NULL,
    minimum_quantity numeric(18,4) NOT NULL,
    unit_price numeric(18,6) NOT NULL,
    CONSTRAINT pk_price_list_lines PRIMARY KEY (id),
    CONSTRAINT fk_price_list_lines_price_lists_price_list_id FOREIGN KEY (price_list_id) REFERENCES price_lists (id) ON DELETE CASCADE,
    CONSTRAINT fk_price_list_lines_products_product_id FOREIGN KEY (product_id) REFERENCES products (id) ON DELETE RESTRICT
);
CREATE UNIQUE INDEX ix_price_list_lines_price_list_id_product_id_minimum_quantity ON price_list_lines (price_list_id, product_id, minimum_quantity);
CREATE INDEX ix_price_list_lines_product_id ON price_list_lines (product_id);

-- Customers take a price list of their own currency (or none: products' sale prices apply).
CREATE TABLE customers (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    code character varying(32) NOT NULL,
    name character varying(128) NOT NULL,
    grade character varying(32) NOT NULL,
    tax_id character varying(32),
    credit_limit numeric(18,2) NOT NULL,
    payment_terms_days integer NOT NULL,
    currency_code character varying(3) NOT NULL,
    price_list_id uuid,
    is_active boolean NOT NULL,
    CONSTRAINT pk_customers PRIMARY KEY (id),
    CONSTRAINT fk_customers_price_lists_price_list_id FOREIGN KEY (price_list_id) REFERENCES price_lists (id) ON DELETE RESTRICT
);
CREATE INDEX ix_customers_price_list_id ON customers (price_list_id);
CREATE UNIQUE INDEX ix_customers_tenant_id_code ON customers (tenant_id, code);

CREATE TABLE customer_contacts (
    id uuid NOT NULL,
    customer_id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    name character varying(64) NOT NULL,
    phone character varying(32),
    email character varying(128),
    role character varying(64),
    is_primary boolean NOT NULL,
    CONSTRAINT pk_customer_contacts PRIMARY KEY (id),
    CONSTRAINT fk_customer_contacts_customers_customer_id FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE CASCADE
);
CREATE INDEX ix_customer_contacts_customer_id ON customer_contacts (customer_id);

CREATE TABLE customer_addresses (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    customer_id uuid NOT NULL,
    kind character varying(32) NOT NULL,
    text character varying(256) NOT NULL,
    is_default boolean NOT NULL,
    CONSTRAINT pk_customer_addresses PRIMARY KEY (id),
    CONSTRAINT fk_customer_addresses_customers_customer_id FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE CASCADE
);
CREATE INDEX ix_customer_addresses_customer_id ON customer_addresses (customer_id);

-- Suppliers and what they supply; at most one preferred supplier per product.
CREATE TABLE suppliers (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    code character varying(32) NOT NULL,
    name character varying(128) NOT NULL,
    tax_id character varying(32),
    payment_terms_days integer NOT NULL,
    default_lead_time_days integer NOT NULL,
    currency_code character varying(3) NOT NULL,
    is_active boolean NOT NULL,
    CONSTRAINT pk_suppliers PRIMARY KEY (id)
);
CREATE UNIQUE INDEX ix_suppliers_tenant_id_code ON suppliers (tenant_id, code);

CREATE TABLE supplier_contacts (
    id uuid NOT NULL,
    supplier_id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    name character varying(64) NOT NULL,
    phone character varying(32),
    email character varying(128),
    role character varying(64),
    is_primary boolean NOT NULL,
    CONSTRAINT pk_supplier_contacts PRIMARY KEY (id),
    CONSTRAINT fk_supplier_contacts_suppliers_supplier_id FOREIGN KEY (supplier_id) REFERENCES suppliers (id) ON DELETE CASCADE
);
CREATE INDEX ix_supplier_contacts_supplier_id ON supplier_contacts (supplier_id);

CREATE TABLE supplier_products (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    supplier_id uuid NOT NULL,
    product_id uuid NOT NULL,
    supplier_product_code character varying(64),
    price numeric(18,6) NOT NULL,
    currency_code character varying(3) NOT NULL,
    lead_time_days integer,
    minimum_order_quantity numeric(18,4) NOT NULL,
    is_preferred boolean NOT NULL,
    CONSTRAINT pk_supplier_products PRIMARY KEY (id),
    CONSTRAINT fk_supplier_products_products_product_id FOREIGN KEY (product_id) REFERENCES products (id) ON DELETE RESTRICT,
    CONSTRAINT fk_supplier_products_suppliers_supplier_id FOREIGN KEY (supplier_id) REFERENCES suppliers (id) ON DELETE RESTRICT
);
CREATE UNIQUE INDEX ix_supplier_products_preferred ON supplier_products (tenant_id, product_id) WHERE is_preferred;
CREATE INDEX ix_supplier_products_product_id ON supplier_products (product_id);
CREATE INDEX ix_supplier_products_supplier_id ON supplier_products (supplier_id);
CREATE UNIQUE INDEX ix_supplier_products_tenant_id_supplier_id_product_id ON supplier_products (tenant_id, supplier_id, product_id);

SELECT erp_enable_tenant_isolation('currencies');
SELECT erp_enable_tenant_isolation('exchange_rates');
SELECT erp_enable_tenant_isolation('price_lists');
SELECT erp_enable_tenant_isolation('price_list_lines');
SELECT erp_enable_tenant_isolation('customers');
SELECT erp_enable_tenant_isolation('customer_contacts');
SELECT erp_enable_tenant_isolation('customer_addresses');
SELECT erp_enable_tenant_isolation('suppliers');
SELECT erp_enable_tenant_isolation('supplier_contacts');
SELECT erp_enable_tenant_isolation('supplier_products');
