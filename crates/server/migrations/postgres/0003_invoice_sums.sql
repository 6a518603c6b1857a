-- The invoice list's envelope (api.md §12.2: count, totals, currencies) read from running sums
-- instead of a scan of every invoice of the company. A trigger keeps the sums in step with every
-- write to `invoices`, in the writer's transaction: a live (not soft-deleted) invoice counts once
-- in the row of its (currency, status, direction, document type).

CREATE TABLE invoice_sums (
    company_id UUID NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    currency TEXT NOT NULL,
    status TEXT NOT NULL,
    direction TEXT NOT NULL,
    document_type TEXT NOT NULL,
    count BIGINT NOT NULL,
    subtotal BIGINT NOT NULL,
    vat_total BIGINT NOT NULL,
    total BIGINT NOT NULL,
    -- Σ (payable − amount paid), for the receivable/payable totals.
    balance BIGINT NOT NULL,
    PRIMARY KEY (company_id, currency, status, direction, document_type)
);

INSERT INTO invoice_sums
SELECT company_id, currency, status, direction, document_type, COUNT(*), SUM(subtotal),
       SUM(vat_total), SUM(total), SUM(payable - amount_paid)
FROM invoices WHERE deleted_at IS NULL
GROUP BY company_id, currency, status, direction, document_type;

-- Adds `n` invoices with these amounts to one row of the sums (n = -1 takes one away).
CREATE FUNCTION invoice_sums_add(inv invoices, n BIGINT) RETURNS void AS $$
    INSERT INTO invoice_sums VALUES (inv.company_id, inv.currency, inv.status, inv.direction,
        inv.document_type, n, n * inv.subtotal, n * inv.vat_total, n * inv.total,
        n * (inv.payable - inv.amount_paid))
    ON CONFLICT (company_id, currency, status, direction, document_type) DO UPDATE SET
        count = invoice_sums.count + excluded.count,
        subtotal = invoice_sums.subtotal + excluded.subtotal,
        vat_total = invoice_sums.vat_total + excluded.vat_total,
        total = invoice_sums.total + excluded.total,
        balance = invoice_sums.balance + excluded.balance;
$$ LANGUAGE sql;

CREATE FUNCTION invoice_sums_on_write() RETURNS trigger AS $$
DECLARE
    old_counts BOOLEAN := FALSE;
    new_counts BOOLEAN := FALSE;
BEGIN
    IF TG_OP <> 'INSERT' THEN old_counts := OLD.deleted_at IS NULL; END IF;
    IF TG_OP <> 'DELETE' THEN new_counts := NEW.deleted_at IS NULL; END IF;
    -- When a change moves an invoice between two rows, the rows are locked in key order, so two
    -- transactions moving invoices in opposite directions cannot deadlock.
    IF old_counts AND new_counts
       AND (NEW.currency, NEW.status, NEW.direction, NEW.document_type)
         < (OLD.currency, OLD.status, OLD.direction, OLD.document_type) THEN
        PERFORM invoice_sums_add(NEW, 1);
        PERFORM invoice_sums_add(OLD, -1);
    ELSE
        IF old_counts THEN PERFORM invoice_sums_add(OLD, -1); END IF;
        IF new_counts THEN PERFORM invoice_sums_add(NEW, 1); END IF;
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER invoice_sums_on_write AFTER INSERT OR DELETE OR UPDATE OF company_id, currency,
    status, direction, document_type, subtotal, vat_total, total, payable, amount_paid, deleted_at
    ON invoices FOR EACH ROW EXECUTE FUNCTION invoice_sums_on_write();

-- A page of the default list (live invoices by issue date) walks this index alone, and an
-- OFFSET skips index entries without reading the table.
DROP INDEX invoices_company_issue_date;
CREATE INDEX invoices_company_live_issue_date ON invoices (company_id, deleted_at, issue_date, id);

-- Lookups by parent (refunds of an invoice) and by client carry the live-row condition too, so
-- they win over the issue-date index above, which also starts with two equality columns.
DROP INDEX invoices_parent;
CREATE INDEX invoices_company_parent ON invoices (company_id, parent_document_id, deleted_at);
DROP INDEX invoices_company_client;
CREATE INDEX invoices_company_client ON invoices (company_id, client_id, deleted_at);
