-- 0018 approvals: each company's flows (ordered steps per document type), the requests documents go through (steps,
-- approvers and their decisions, a trail), absences with a delegate, and the manager a "submitter's manager" step asks.

ALTER TABLE users ADD COLUMN manager_id uuid;

CREATE TABLE approval_flows (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    document_type character varying(32) NOT NULL,
    changed_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_approval_flows PRIMARY KEY (id)
);
CREATE UNIQUE INDEX ix_approval_flows_tenant_id_document_type ON approval_flows (tenant_id, document_type);

CREATE TABLE approval_flow_steps (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    flow_id uuid NOT NULL,
    step_order integer NOT NULL,
    name character varying(64) NOT NULL,
    approver_kind character varying(32) NOT NULL,
    approver_role_id uuid,
    approver_user_id uuid,
    condition_kind character varying(32) NOT NULL,
    condition_number numeric(18,2),
    condition_text character varying(64),
    condition_warehouse_id uuid,
    sla_hours integer,
    mode character varying(32) NOT NULL,
    CONSTRAINT pk_approval_flow_steps PRIMARY KEY (id),
    CONSTRAINT fk_approval_flow_steps_approval_flows_flow_id FOREIGN KEY (flow_id) REFERENCES approval_flows (id) ON DELETE CASCADE
);
CREATE INDEX ix_approval_flow_steps_flow_id ON approval_flow_steps (flow_id);

CREATE TABLE approval_requests (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    document_type character varying(32) NOT NULL,
    document_id uuid NOT NULL,
    document_number character varying(64) NOT NULL,
    summary character varying(256) NOT NULL,
    url character varying(512) NOT NULL,
    status character varying(32) NOT NULL,
    submitter_id uuid,
    submitter_name character varying(256),
    submitted_at timestamp with time zone NOT NULL,
    ended_at timestamp with time zone,
    revision integer NOT NULL,
    CONSTRAINT pk_approval_requests PRIMARY KEY (id)
);
CREATE INDEX ix_approval_requests_tenant_id_document_type_document_id ON approval_requests (tenant_id, document_type, document_id);
CREATE INDEX ix_approval_requests_tenant_id_status_ended_at ON approval_requests (tenant_id, status, ended_at);

CREATE TABLE approval_request_steps (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    request_id uuid NOT NULL,
    step_order integer NOT NULL,
    name character varying(64) NOT NULL,
    mode character varying(32) NOT NULL,
    status character varying(32) NOT NULL,
    sla_hours integer,
    activated_at timestamp with time zone,
    due_at timestamp with time zone,
    escalated_at timestamp with time zone,
    decided_at timestamp with time zone,
    CONSTRAINT pk_approval_request_steps PRIMARY KEY (id),
    CONSTRAINT fk_approval_request_steps_approval_requests_request_id FOREIGN KEY (request_id) REFERENCES approval_requests (id) ON DELETE CASCADE
);
CREATE INDEX ix_approval_request_steps_request_id ON approval_request_steps (request_id);
CREATE INDEX ix_approval_request_steps_tenant_id_status_due_at ON approval_request_steps (tenant_id, status, due_at);

CREATE TABLE approval_step_approvers (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    step_id uuid NOT NULL,
    user_id uuid NOT NULL,
    user_name character varying(256) NOT NULL,
    is_escalation boolean NOT NULL,
    decision character varying(32),
    decided_at timestamp with time zone,
    decided_by_id uuid,
    decided_by_name character varying(256),
    comment character varying(500),
    CONSTRAINT pk_approval_step_approvers PRIMARY KEY (id),
    CONSTRAINT fk_approval_step_approvers_approval_request_steps_step_id FOREIGN KEY (step_id) REFERENCES approval_request_steps (id) ON DELETE CASCADE
);
CREATE INDEX ix_approval_step_approvers_step_id ON approval_step_approvers (step_id);
CREATE INDEX ix_approval_step_approvers_tenant_id_user_id ON approval_step_approvers (tenant_id, user_id);
CREATE INDEX ix_approval_step_approvers_tenant_id_decided_by_id ON approval_step_approvers (tenant_id, decided_by_id);

CREATE TABLE approval_request_events (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    request_id uuid NOT NULL,
    kind character varying(32) NOT NULL,
    step_order integer,
    at timestamp with time zone NOT NULL,
    user_id uuid,
    user_name character varying(256),
    comment character varying(500),
    on_behalf_of character varying(256),
    CONSTRAINT pk_approval_request_events PRIMARY KEY (id),
    CONSTRAINT fk_approval_request_events_approval_requests_request_id FOREIGN KEY (request_id) REFERENCES approval_requests (id) ON DELETE CASCADE
);
CREATE INDEX ix_approval_request_events_request_id ON approval_request_events (request_id);

CREATE TABLE approval_delegations (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    user_id uuid NOT NULL,
    delegate_id uuid NOT NULL,
    absent_from date NOT NULL,
    absent_to date NOT NULL,
    CONSTRAINT pk_approval_delegations PRIMARY KEY (id)
);
CREATE UNIQUE INDEX ix_approval_delegations_tenant_id_user_id ON approval_delegations (tenant_id, user_id);
CREATE INDEX ix_approval_delegations_tenant_id_delegate_id ON approval_delegations (tenant_id, delegate_id);

SELECT erp_enable_tenant_isolation('approval_flows');
SELECT erp_enable_tenant_isolation('approval_flow_steps');
SELECT erp_enable_tenant_isolation('approval_requests');
SELECT erp_enable_tenant_isolation('approval_request_steps');
SELECT erp_enable_tenant_isolation('approval_step_approvers');
SELECT erp_enable_tenant_isolation('approval_request_events');
SELECT erp_enable_tenant_isolation('approval_delegations');
