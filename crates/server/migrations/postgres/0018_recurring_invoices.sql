-- Recurring invoices (api.md §17): templates that issue an invoice every period, and one run
-- row per (template, period) so that a period is never invoiced twice, whichever process or
-- retry gets there.
CREATE TABLE recurring_invoices (
    id UUID PRIMARY KEY,
    company_id UUID NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    client_id UUID REFERENCES clients (id),
    series_id UUID REFERENCES document_series (id),
    reference TEXT,
    is_active BOOLEAN NOT NULL DEFAULT TRUE,
    -- invoice | credit_note
    document_type TEXT NOT NULL,
    currency TEXT NOT NULL,
    -- once | weekly | monthly | bimonthly | quarterly | semi_annually | yearly
    frequency TEXT NOT NULL,
    -- ISO weekday for weekly; else the day of the month, 29-31 meaning that day or the month's
    -- last when it is shorter.
    frequency_day INTEGER NOT NULL,
    frequency_month INTEGER,
    next_issuance_date DATE,
    stop_date DATE,
    -- Issue the generated invoice (else it stays a draft), submit it to ANAF.
    auto_issue BOOLEAN NOT NULL DEFAULT TRUE,
    auto_submit BOOLEAN NOT NULL DEFAULT FALSE,
    -- The template's fields and lines (with their price rules), as the client sent them.
    content JSONB NOT NULL,
    -- Minor units of the lines at their template prices.
    subtotal BIGINT NOT NULL,
    vat_total BIGINT NOT NULL,
    total BIGINT NOT NULL,
    last_issued_at TIMESTAMPTZ,
    last_invoice_id UUID REFERENCES invoices (id) ON DELETE SET NULL,
    last_invoice_number TEXT,
    last_document_type TEXT,
    -- Why the last run failed, until one succeeds.
    last_error TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    created_by UUID NOT NULL,
    deleted_at TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX recurring_invoices_company ON recurring_invoices (company_id, created_at, id);
CREATE INDEX recurring_invoices_due ON recurring_invoices (next_issuance_date)
    WHERE is_active AND deleted_at IS NULL;

CREATE TABLE recurring_runs (
    id UUID PRIMARY KEY,
    recurring_id UUID NOT NULL REFERENCES recurring_invoices (id) ON DELETE CASCADE,
    -- The scheduled day this run invoices; a manual "issue now" has none.
    period DATE,
    invoice_id UUID REFERENCES invoices (id) ON DELETE SET NULL,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX recurring_runs_period ON recurring_runs (recurring_id, period)
    WHERE period IS NOT NULL;
