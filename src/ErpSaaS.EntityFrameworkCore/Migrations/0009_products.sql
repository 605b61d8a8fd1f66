-- 0009 products: the one product master (codes, barcodes, units, categories, tax rates) and warehouse bins.
CREATE TABLE units_of_measure (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    code character varying(16) NOT NULL,
    name character varying(32) NOT NULL,
    decimal_places integer NOT NULL,
    is_active boolean NOT NULL,
    CONSTRAINT pk_units_of_measure PRIMARY KEY (id)
);
CREATE UNIQUE INDEX ix_units_of_measure_tenant_id_code ON units_of_measure (tenant_id, code);

CREATE TABLE tax_rates (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    code character varying(16) NOT NULL,
    name character varying(64) NOT NULL,
    rate numeric(9,4) NOT NULL,
    is_default boolean NOT NULL,
    is_active boolean NOT NULL,
    CONSTRAINT pk_tax_rates PRIMARY KEY (id)
);
CREATE UNIQUE INDEX ix_tax_rates_tenant_id_code ON tax_rates (tenant_id, code);

CREATE TABLE product_categories (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    code character varying(32) NOT NULL,
    name character varying(64) NOT NULL,
    parent_id uuid,
    is_active boolean NOT NULL,
    CONSTRAINT pk_product_categories PRIMARY KEY (id),
    CONSTRAINT fk_product_categories_product_categories_parent_id FOREIGN KEY (parent_id) REFERENCES product_categories (id) ON DELETE RESTRICT
);
CREATE INDEX ix_product_categories_parent_id ON product_categories (parent_id);
CREATE UNIQUE INDEX ix_product_categories_tenant_id_code ON product_categories (tenant_id, code);

CREATE TABLE warehouse_locations (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    warehouse_id uuid NOT NULL,
    code character varying(32) NOT NULL,
    name character varying(64) NOT NULL,
    is_active boolean NOT NULL,
    CONSTRAINT pk_warehouse_locations PRIMARY KEY (id),
    CONSTRAINT fk_warehouse_locations_warehouses_warehouse_id FOREIGN KEY (warehouse_id) REFERENCES warehouses (id) ON DELETE RESTRICT
);
CREATE UNIQUE INDEX ix_warehouse_locations_tenant_id_warehouse_id_code ON warehouse_locations (tenant_id, warehouse_id, code);
CREATE INDEX ix_warehouse_locations_warehouse_id ON warehouse_locations (warehouse_id);

CREATE TABLE products (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    code character varying(40) NOT NULL,
    name character varying(128) NOT NULL,
    specification character varying(256),
    category_id uuid,
    type character varying(32) NOT NULL,
    base_unit character varying(16) NOT NULL,
    default_warehouse_id uuid,
    safety_stock numeric(18,4) NOT NULL,
    reorder_point numeric(18,4) NOT NULL,
    reorder_quantity numeric(18,4) NOT NULL,
    maximum_stock numeric(18,4),
    lead_time_days integer NOT NULL,
    is_batch_tracked boolean NOT NULL,
    shelf_life_days integer,
    valuation_method character varying(32) NOT NULL,
    standard_cost numeric(18,4) NOT NULL,
    sale_price numeric(18,4) NOT NULL,
    tax_rate_id uuid,
    is_active boolean NOT NULL,
    CONSTRAINT pk_products PRIMARY KEY (id),
    CONSTRAINT fk_products_product_categories_category_id FOREIGN KEY (category_id) REFERENCES product_categories (id) ON DELETE RESTRICT,
    CONSTRAINT fk_products_tax_rates_tax_rate_id FOREIGN KEY (tax_rate_id) REFERENCES tax_rates (id) ON DELETE RESTRICT,
    CONSTRAINT fk_products_warehouses_default_warehouse_id FOREIGN KEY (default_warehouse_id) REFERENCES warehouses (id) ON DELETE RESTRICT
);
CREATE INDEX ix_products_category_id ON products (category_id);
CREATE INDEX ix_products_default_warehouse_id ON products (default_warehouse_id);
CREATE INDEX ix_products_tax_rate_id ON products (tax_rate_id);
CREATE UNIQUE INDEX ix_products_tenant_id_code ON products (tenant_id, code);

CREATE TABLE product_barcodes (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    product_id uuid NOT NULL,
    code character varying(64) NOT NULL,
    CONSTRAINT pk_product_barcodes PRIMARY KEY (id),
    CONSTRAINT fk_product_barcodes_products_product_id FOREIGN KEY (product_id) REFERENCES products (id) ON DELETE CASCADE
);
CREATE INDEX ix_product_barcodes_product_id ON product_barcodes (product_id);
CREATE UNIQUE INDEX ix_product_barcodes_tenant_id_code ON product_barcodes (tenant_id, code);

CREATE TABLE product_unit_conversions (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    product_id uuid NOT NULL,
    unit_code character varying(16) NOT NULL,
    factor numeric(18,6) NOT NULL,
    CONSTRAINT pk_product_unit_conversions PRIMARY KEY (id),
    CONSTRAINT fk_product_unit_conversions_products_product_id FOREIGN KEY (product_id) REFERENCES products (id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX ix_product_unit_conversions_product_id_unit_code ON product_unit_conversions (product_id, unit_code);

SELECT erp_enable_tenant_isolation('units_of_measure');
SELECT erp_enable_tenant_isolation('tax_rates');
SELECT erp_enable_tenant_isolation('product_categories');
SELECT erp_enable_tenant_isolation('warehouse_locations');
SELECT erp_enable_tenant_isolation('products');
SELECT erp_enable_tenant_isolation('product_barcodes');
SELECT erp_enable_tenant_isolation('product_unit_conversions');
