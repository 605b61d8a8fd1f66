-- 0004 cache change notifications: every web instance caches tenants, features, permissions and settings.
-- A change to their tables notifies channel erp_cache_changed on commit ("table:id"), so every instance,
-- not only the one that made the change, drops its cached copy within moments.

-- The trigger's argument names the column whose value goes into the payload (empty when none matters).
CREATE FUNCTION erp_notify_cache_change() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('erp_cache_changed', TG_TABLE_NAME || ':' ||
        coalesce(to_jsonb(coalesce(NEW, OLD)) ->> nullif(TG_ARGV[0], ''), ''));
    RETURN NULL;
END $$;

CREATE TRIGGER cache_changed AFTER INSERT OR UPDATE OR DELETE ON tenants FOR EACH ROW EXECUTE FUNCTION erp_notify_cache_change('id');
CREATE TRIGGER cache_changed AFTER INSERT OR UPDATE OR DELETE ON plans FOR EACH ROW EXECUTE FUNCTION erp_notify_cache_change('');
CREATE TRIGGER cache_changed AFTER INSERT OR UPDATE OR DELETE ON plan_feature_values FOR EACH ROW EXECUTE FUNCTION erp_notify_cache_change('');
CREATE TRIGGER cache_changed AFTER INSERT OR UPDATE OR DELETE ON tenant_feature_overrides FOR EACH ROW EXECUTE FUNCTION erp_notify_cache_change('tenant_id');
CREATE TRIGGER cache_changed AFTER INSERT OR UPDATE OR DELETE ON permission_grants FOR EACH ROW EXECUTE FUNCTION erp_notify_cache_change('');
CREATE TRIGGER cache_changed AFTER INSERT OR UPDATE OR DELETE ON user_roles FOR EACH ROW EXECUTE FUNCTION erp_notify_cache_change('');
CREATE TRIGGER cache_changed AFTER INSERT OR UPDATE OR DELETE ON roles FOR EACH ROW EXECUTE FUNCTION erp_notify_cache_change('');
CREATE TRIGGER cache_changed AFTER INSERT OR UPDATE OR DELETE ON tenant_settings FOR EACH ROW EXECUTE FUNCTION erp_notify_cache_change('tenant_id');
