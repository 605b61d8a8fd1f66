-- 0036 catalog stamps: a search for a common word ("valve") matches thousands of products, and finding them is a pass
-- over the company's whole catalog (no index serves a substring match under row-level security). The app remembers a
-- search's products and asks this table whether the catalog changed since: each company's stamp is drawn anew when a
-- transaction that changed a product's code, name or specification, added or removed a product, or changed a barcode
-- commits.
--
-- The stamp is written by deferred constraint triggers, so at commit and once per transaction: a transaction never
-- holds the stamp's row lock while it goes on to lock products (two imports touching products in opposite orders could
-- otherwise deadlock on it). It is random, never a counter, so it cannot come back to an earlier value after a company
-- is moved to its own database.

CREATE TABLE catalog_stamps (
    tenant_id uuid PRIMARY KEY,
    stamp uuid NOT NULL
);

SELECT erp_enable_tenant_isolation('catalog_stamps');

CREATE FUNCTION erp_stamp_catalog() RETURNS trigger
    LANGUAGE plpgsql AS $$
DECLARE
    company uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD.tenant_id ELSE NEW.tenant_id END;
BEGIN
    -- The first changed row of a transaction stamps its company; the transaction's other rows find it done.
    IF current_setting('erp.catalog_stamped', true) = company::text THEN
        RETURN NULL;
    END IF;
    INSERT INTO catalog_stamps AS c (tenant_id, stamp) VALUES (company, gen_random_uuid())
    ON CONFLICT (tenant_id) DO UPDATE SET stamp = excluded.stamp;
    PERFORM set_config('erp.catalog_stamped', company::text, true);
    RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER products_catalog_stamp AFTER INSERT OR DELETE OR UPDATE OF tenant_id, code, name, specification ON products
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION erp_stamp_catalog();
CREATE CONSTRAINT TRIGGER product_barcodes_catalog_stamp AFTER INSERT OR DELETE OR UPDATE ON product_barcodes
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION erp_stamp_catalog();
