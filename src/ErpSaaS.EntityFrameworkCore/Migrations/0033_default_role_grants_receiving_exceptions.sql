-- 0033 the default roles of companies that already exist get the two permissions new companies' roles start with:
-- the warehouse keeper receives goods against approved purchase orders (Receiving), and purchasers, salespeople and
-- accountants see the exceptions list (Analytics.Exceptions.View). Roles an admin renamed or removed are left as they are.

-- The tenant policy binds the owner too (FORCE ROW LEVEL SECURITY): without the bypass no company's role is seen.
SELECT set_config('erp.bypass_tenant', 'on', true);

INSERT INTO permission_grants (id, tenant_id, grantee, grantee_id, name)
SELECT gen_random_uuid(), r.tenant_id, 'Role', r.id, defaults.permission
FROM roles r
JOIN (VALUES ('WarehouseKeeper', 'Receiving'),
             ('Purchaser', 'Analytics.Exceptions.View'),
             ('Salesperson', 'Analytics.Exceptions.View'),
             ('Accountant', 'Analytics.Exceptions.View')) AS defaults (role, permission) ON r.name = defaults.role
WHERE r.tenant_id IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM permission_grants g
                  WHERE g.tenant_id = r.tenant_id AND g.grantee = 'Role' AND g.grantee_id = r.id AND g.name = defaults.permission);

SELECT set_config('erp.bypass_tenant', '', true);
