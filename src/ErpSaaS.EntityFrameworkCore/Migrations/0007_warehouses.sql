-- 0007 warehouses: the catalog's first master data. Tenant table, one code per company.

CREATE TABLE warehouses (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    code character varying(32) NOT NULL,
    name character varying(128) NOT NULL,
    address character varying(256),
    is_quarantine boolean NOT NULL,
    is_active boolean NOT NULL,
    is_default boolean NOT NULL,
    CONSTRAINT pk_warehouses PRIMARY KEY (id)
);

CREATE UNIQUE INDEX ix_warehouses_tenant_id_code ON warehouses (tenant_id, code);

SELECT erp_enable_tenant_isolation('warehouses');
