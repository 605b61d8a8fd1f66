-- 0027 payment approvals: a payment to a supplier goes through the company's payment approval flow and counts as paid
-- only once approved. Each payment gets a status (approved, pending approval, rejected), the approver's reason when
-- rejected, and a number after its invoice (PI-…/2) that names it in the approvers' inboxes; the invoice counts the
-- payments ever recorded on it, so a deleted rejected payment's number is not given out again.
-- Payments recorded before approvals applied to them counted at once: they are approved, numbered in the order paid.

ALTER TABLE purchase_invoices ADD payments_recorded integer NOT NULL DEFAULT 0;
ALTER TABLE purchase_invoices ALTER COLUMN payments_recorded DROP DEFAULT;

ALTER TABLE purchase_payments ADD number character varying(72);
ALTER TABLE purchase_payments ADD status character varying(32) NOT NULL DEFAULT 'Approved';
ALTER TABLE purchase_payments ALTER COLUMN status DROP DEFAULT;
ALTER TABLE purchase_payments ADD rejection_reason character varying(500);

-- The tenant policy binds the owner too (FORCE ROW LEVEL SECURITY): without the bypass no company's payment is seen.
SELECT set_config('erp.bypass_tenant', 'on', true);

UPDATE purchase_payments p SET number = i.number || '/' || n.position
FROM (SELECT id, row_number() OVER (PARTITION BY invoice_id ORDER BY paid_on, created_at, id) AS position FROM purchase_payments) n,
     purchase_invoices i
WHERE n.id = p.id AND i.id = p.invoice_id;

UPDATE purchase_invoices i SET payments_recorded = c.recorded
FROM (SELECT invoice_id, count(*) AS recorded FROM purchase_payments GROUP BY invoice_id) c
WHERE c.invoice_id = i.id;

SELECT set_config('erp.bypass_tenant', '', true);

ALTER TABLE purchase_payments ALTER COLUMN number SET NOT NULL;
