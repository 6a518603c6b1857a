-- The invoice list's envelope (api.md §12.2: count, totals, currencies) read from running sums
-- instead of a scan of every invoice of the company. Triggers keep the sums in step with every
-- write to `invoices`, in the writer's transaction: a live (not soft-deleted) invoice counts once
-- in the row of its (currency, status, direction, document type).

CREATE TABLE invoice_sums (
    company_id BLOB NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
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

CREATE TRIGGER invoice_sums_on_insert AFTER INSERT ON invoices WHEN NEW.deleted_at IS NULL
BEGIN
    INSERT INTO invoice_sums VALUES (NEW.company_id, NEW.currency, NEW.status, NEW.direction,
        NEW.document_type, 1, NEW.subtotal, NEW.vat_total, NEW.total, NEW.payable - NEW.amount_paid)
    ON CONFLICT (company_id, currency, status, direction, document_type) DO UPDATE SET
        count = count + 1, subtotal = subtotal + excluded.subtotal,
        vat_total = vat_total + excluded.vat_total, total = total + excluded.total,
        balance = balance + excluded.balance;
END;

CREATE TRIGGER invoice_sums_on_delete AFTER DELETE ON invoices WHEN OLD.deleted_at IS NULL
BEGIN
    UPDATE invoice_sums SET count = count - 1, subtotal = subtotal - OLD.subtotal,
        vat_total = vat_total - OLD.vat_total, total = total - OLD.total,
        balance = balance - (OLD.payable - OLD.amount_paid)
    WHERE company_id = OLD.company_id AND currency = OLD.currency AND status = OLD.status
      AND direction = OLD.direction AND document_type = OLD.document_type;
END;

CREATE TRIGGER invoice_sums_on_update AFTER UPDATE OF company_id, currency, status, direction,
    document_type, subtotal, vat_total, total, payable, amount_paid, deleted_at ON invoices
BEGIN
    UPDATE invoice_sums SET count = count - 1, subtotal = subtotal - OLD.subtotal,
        vat_total = vat_total - OLD.vat_total, total = total - OLD.total,
        balance = balance - (OLD.payable - OLD.amount_paid)
    WHERE OLD.deleted_at IS NULL AND company_id = OLD.company_id AND currency = OLD.currency
      AND status = OLD.status AND direction = OLD.direction AND document_type = OLD.document_type;
    INSERT INTO invoice_sums SELECT NEW.company_id, NEW.currency, NEW.status, NEW.direction,
        NEW.document_type, 1, NEW.subtotal, NEW.vat_total, NEW.total, NEW.payable - NEW.amount_paid
    WHERE NEW.deleted_at IS NULL
    ON CONFLICT (company_id, currency, status, direction, document_type) DO UPDATE SET
        count = count + 1, subtotal = subtotal + excluded.subtotal,
        vat_total = vat_total + excluded.vat_total, total = total + excluded.total,
        balance = balance + excluded.balance;
END;

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
