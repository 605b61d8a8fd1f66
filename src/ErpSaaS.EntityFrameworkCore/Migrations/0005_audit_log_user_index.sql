-- 0005 the signed-in user's recent activity (top bar) reads audit_logs by tenant and user, newest first.
CREATE INDEX ix_audit_logs_tenant_id_user_id_executed_at ON audit_logs (tenant_id, user_id, executed_at);
