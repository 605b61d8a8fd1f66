-- 0030 sales order amendments (变更): a confirmed order is never edited; it is cancelled (its reservations released)
-- and a draft copy, which remembers the order it replaces, goes through confirmation again.

ALTER TABLE sales_orders ADD COLUMN amends_order_id uuid;
ALTER TABLE sales_orders ADD CONSTRAINT fk_sales_orders_sales_orders_amends_order_id
    FOREIGN KEY (amends_order_id) REFERENCES sales_orders (id) ON DELETE RESTRICT;
CREATE INDEX ix_sales_orders_amends_order_id ON sales_orders (amends_order_id);
