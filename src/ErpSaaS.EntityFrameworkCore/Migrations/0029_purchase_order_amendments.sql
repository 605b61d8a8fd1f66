-- 0029 purchase order amendments (变更): an approved order is never edited; it is cancelled and a draft copy, which
-- remembers the order it replaces, goes through approval again.

ALTER TABLE purchase_orders ADD COLUMN amends_order_id uuid;
ALTER TABLE purchase_orders ADD CONSTRAINT fk_purchase_orders_purchase_orders_amends_order_id
    FOREIGN KEY (amends_order_id) REFERENCES purchase_orders (id) ON DELETE RESTRICT;
CREATE INDEX ix_purchase_orders_amends_order_id ON purchase_orders (amends_order_id);
