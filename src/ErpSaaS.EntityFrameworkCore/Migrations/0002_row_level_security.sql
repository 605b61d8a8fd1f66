-- 0002 row-level security: a second wall behind the EF query filters.
-- Every connection of the app sets erp.tenant_id (empty for the host) and erp.bypass_tenant ('on' only
-- where host code explicitly lifts the tenant filter). FORCE applies the policies to the table owner too.

CREATE FUNCTION erp_current_tenant() RETURNS uuid
    LANGUAGE sql STABLE AS $$ SELECT nullif(current_setting('erp.tenant_id', true), '')::uuid $$;

CREATE FUNCTION erp_tenant_bypass() RETURNS boolean
    LANGUAGE sql STABLE AS $$ SELECT coalesce(current_setting('erp.bypass_tenant', true), '') = 'on' $$;

-- Puts a tenant table under the isolation policy; later migrations call it for each new tenant table.
CREATE FUNCTION erp_enable_tenant_isolation(target regclass) RETURNS void
    LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', target);
    EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', target);
    EXECUTE format('CREATE POLICY tenant_isolation ON %s USING (erp_tenant_bypass() OR tenant_id IS NOT DISTINCT FROM erp_current_tenant()) '
                   'WITH CHECK (erp_tenant_bypass() OR tenant_id IS NOT DISTINCT FROM erp_current_tenant())', target);
END $$;

SELECT erp_enable_tenant_isolation('users');
SELECT erp_enable_tenant_isolation('roles');
SELECT erp_enable_tenant_isolation('user_roles');
SELECT erp_enable_tenant_isolation('user_claims');
SELECT erp_enable_tenant_isolation('user_logins');
SELECT erp_enable_tenant_isolation('user_tokens');
SELECT erp_enable_tenant_isolation('role_claims');
SELECT erp_enable_tenant_isolation('permission_grants');
SELECT erp_enable_tenant_isolation('tenant_settings');
SELECT erp_enable_tenant_isolation('audit_logs');
SELECT erp_enable_tenant_isolation('entity_changes');
SELECT erp_enable_tenant_isolation('document_sequences');
SELECT erp_enable_tenant_isolation('outbox_messages');
