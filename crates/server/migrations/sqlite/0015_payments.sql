-- Payments of invoices (issue #7, api.md §14). An invoice's `amount_paid` is the sum of its
-- payments, kept in the transaction that adds or removes one.
CREATE TABLE payments (
    id BLOB PRIMARY KEY,
    company_id BLOB NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    invoice_id BLOB NOT NULL REFERENCES invoices (id) ON DELETE CASCADE,
    -- Minor units of `currency` (the invoice's), always positive.
    amount BIGINT NOT NULL,
    currency TEXT NOT NULL,
    payment_date TEXT NOT NULL,
    payment_method TEXT NOT NULL,
    reference TEXT,
    notes TEXT,
    -- Recorded past the balance on purpose (`overpayment: true`).
    is_overpayment BOOLEAN NOT NULL DEFAULT FALSE,
    is_reconciled BOOLEAN NOT NULL DEFAULT FALSE,
    created_by BLOB,
    created_at TEXT NOT NULL
);
CREATE INDEX payments_invoice ON payments (invoice_id, payment_date, id);
