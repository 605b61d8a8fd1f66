-- 0008 subscription reminders: which trial-end reminders went out (once per tenant, kind and trial end).
-- Host table, written by the subscription lifecycle job.

CREATE TABLE subscription_reminders (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    kind character varying(32) NOT NULL,
    due_at timestamp with time zone NOT NULL,
    sent_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_subscription_reminders PRIMARY KEY (id)
);

CREATE UNIQUE INDEX ix_subscription_reminders_tenant_id_kind_due_at ON subscription_reminders (tenant_id, kind, due_at);
