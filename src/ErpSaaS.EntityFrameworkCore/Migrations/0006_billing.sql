-- 0006 billing: subscriptions (one per tenant), the platform's invoices, bank-transfer orders, the Stripe
-- webhook event log, and each plan's Stripe price ids. Host tables: written by sign-up, webhooks and the operator.

ALTER TABLE plans ADD stripe_monthly_price_id character varying(255);
ALTER TABLE plans ADD stripe_yearly_price_id character varying(255);

CREATE TABLE subscriptions (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    plan_id uuid NOT NULL,
    interval character varying(32) NOT NULL,
    status character varying(32) NOT NULL,
    provider character varying(32) NOT NULL,
    trial_ends_at timestamp with time zone,
    current_period_start timestamp with time zone,
    current_period_end timestamp with time zone,
    cancel_at_period_end boolean NOT NULL,
    past_due_since timestamp with time zone,
    canceled_at timestamp with time zone,
    stripe_customer_id character varying(255),
    stripe_subscription_id character varying(255),
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_subscriptions PRIMARY KEY (id)
);

CREATE TABLE billing_invoices (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    provider character varying(32) NOT NULL,
    number character varying(64) NOT NULL,
    external_id character varying(255),
    amount numeric(18,2) NOT NULL,
    currency character varying(3) NOT NULL,
    period_start timestamp with time zone NOT NULL,
    period_end timestamp with time zone NOT NULL,
    status character varying(32) NOT NULL,
    paid_at timestamp with time zone,
    hosted_url character varying(1024),
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_billing_invoices PRIMARY KEY (id)
);

CREATE TABLE bank_transfer_orders (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    reference character varying(64) NOT NULL,
    plan_id uuid NOT NULL,
    interval character varying(32) NOT NULL,
    amount numeric(18,2) NOT NULL,
    currency character varying(3) NOT NULL,
    status character varying(32) NOT NULL,
    paid_amount numeric(18,2),
    paid_on date,
    bank_reference character varying(64),
    confirmed_by_user_id uuid,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_bank_transfer_orders PRIMARY KEY (id)
);

CREATE TABLE stripe_webhook_events (
    id uuid NOT NULL,
    event_id character varying(255) NOT NULL,
    type character varying(128) NOT NULL,
    payload jsonb NOT NULL,
    stripe_created_at timestamp with time zone NOT NULL,
    received_at timestamp with time zone NOT NULL,
    tenant_id uuid,
    status character varying(32) NOT NULL,
    attempts integer NOT NULL,
    processed_at timestamp with time zone,
    result character varying(2000),
    CONSTRAINT pk_stripe_webhook_events PRIMARY KEY (id)
);

CREATE UNIQUE INDEX ix_bank_transfer_orders_reference ON bank_transfer_orders (reference);
CREATE INDEX ix_bank_transfer_orders_status ON bank_transfer_orders (status);
CREATE INDEX ix_bank_transfer_orders_tenant_id_created_at ON bank_transfer_orders (tenant_id, created_at);
CREATE UNIQUE INDEX ix_billing_invoices_external_id ON billing_invoices (external_id);
CREATE INDEX ix_billing_invoices_tenant_id_created_at ON billing_invoices (tenant_id, created_at);
CREATE UNIQUE INDEX ix_stripe_webhook_events_event_id ON stripe_webhook_events (event_id);
CREATE INDEX ix_stripe_webhook_events_status_received_at ON stripe_webhook_events (status, received_at);
CREATE INDEX ix_stripe_webhook_events_tenant_id_received_at ON stripe_webhook_events (tenant_id, received_at);
CREATE INDEX ix_subscriptions_stripe_customer_id ON subscriptions (stripe_customer_id);
CREATE INDEX ix_subscriptions_stripe_subscription_id ON subscriptions (stripe_subscription_id);
CREATE UNIQUE INDEX ix_subscriptions_tenant_id ON subscriptions (tenant_id);
