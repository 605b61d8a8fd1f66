-- 0015 stock alerts: the log of daily alert digests, one per company and day, so a digest goes out once per day.
-- The alerts themselves are computed from balances, the ledger and products when asked; nothing else is stored.

CREATE TABLE stock_alert_digests (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    digest_date date NOT NULL,
    sent_at timestamp with time zone NOT NULL,
    alert_count integer NOT NULL,
    recipient_count integer NOT NULL,
    CONSTRAINT pk_stock_alert_digests PRIMARY KEY (id)
);
CREATE UNIQUE INDEX ix_stock_alert_digests_tenant_id_digest_date ON stock_alert_digests (tenant_id, digest_date);

SELECT erp_enable_tenant_isolation('stock_alert_digests');
