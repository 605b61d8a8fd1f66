-- 0014 import jobs: uploaded spreadsheets kept until imported or expired, and the preview of each row. Tenant tables.
CREATE TABLE import_jobs (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    kind character varying(32) NOT NULL,
    file_name character varying(255) NOT NULL,
    format character varying(32) NOT NULL,
    content bytea,
    update_existing boolean NOT NULL,
    status character varying(32) NOT NULL,
    total_rows integer NOT NULL,
    processed_rows integer NOT NULL,
    create_count integer NOT NULL,
    update_count integer NOT NULL,
    error_row_count integer NOT NULL,
    failed_row_number integer,
    failure_code character varying(128),
    failure_args text[] NOT NULL,
    created_by uuid,
    created_by_name character varying(256),
    created_at timestamp with time zone NOT NULL,
    completed_at timestamp with time zone,
    expires_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_import_jobs PRIMARY KEY (id)
);
CREATE INDEX ix_import_jobs_tenant_id_created_at ON import_jobs (tenant_id, created_at);

CREATE TABLE import_job_rows (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    import_job_id uuid NOT NULL,
    row_number integer NOT NULL,
    action character varying(32) NOT NULL,
    key character varying(64),
    label character varying(128),
    errors jsonb NOT NULL,
    CONSTRAINT pk_import_job_rows PRIMARY KEY (id),
    CONSTRAINT fk_import_job_rows_import_jobs_import_job_id FOREIGN KEY (import_job_id) REFERENCES import_jobs (id) ON DELETE CASCADE
);
CREATE INDEX ix_import_job_rows_import_job_id_row_number ON import_job_rows (import_job_id, row_number);

SELECT erp_enable_tenant_isolation('import_jobs');
SELECT erp_enable_tenant_isolation('import_job_rows');
