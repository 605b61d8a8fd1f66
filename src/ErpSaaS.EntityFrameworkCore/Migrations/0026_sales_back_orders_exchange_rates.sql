-- 0026 sales back orders and foreign-currency orders: a confirmed order line keeps the base quantity it waits for stock for
-- (reserved later, by hand or when stock arrives); an order keeps its rate to the company's base currency from the moment it
-- went to confirmation (approval amounts and the credit check are in the base currency).

ALTER TABLE sales_order_lines ADD COLUMN back_ordered_quantity numeric(18,4) NOT NULL DEFAULT 0;
ALTER TABLE sales_order_lines ALTER COLUMN back_ordered_quantity DROP DEFAULT;

ALTER TABLE sales_orders ADD COLUMN exchange_rate numeric(20,10);

-- Orders already past draft get the rate they would have got: 1 in the company's base currency, else the rate in force on
-- the day they were confirmed (or created, while they wait for approval). The owner is bound by the tenant policy too
-- (FORCE ROW LEVEL SECURITY), so the update lifts it for this transaction only.
SELECT set_config('erp.bypass_tenant', 'on', true);

UPDATE sales_orders o SET exchange_rate = CASE
        WHEN o.currency_code = b.base_currency THEN 1
        ELSE (SELECT r.rate FROM exchange_rates r
              WHERE r.tenant_id = o.tenant_id AND r.currency_code = o.currency_code AND r.base_currency_code = b.base_currency
                AND r.effective_date <= coalesce(o.confirmed_at, o.created_at)::date
              ORDER BY r.effective_date DESC LIMIT 1)
    END
FROM (SELECT t.id AS tenant_id,
             coalesce((SELECT s.value FROM tenant_settings s WHERE s.tenant_id = t.id AND s.name = 'Company.BaseCurrency'), 'CNY') AS base_currency
      FROM tenants t) b
WHERE b.tenant_id = o.tenant_id AND o.status <> 'Draft';

SELECT set_config('erp.bypass_tenant', '', true);
