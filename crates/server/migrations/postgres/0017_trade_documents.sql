-- Proformas (api.md §15) and delivery notes (§16): the documents that lead to an invoice. Both
-- kinds share one table; `kind` tells them apart and each has its own status machine.
CREATE TABLE trade_documents (
    id UUID PRIMARY KEY,
    company_id UUID NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    -- proforma | delivery_note
    kind TEXT NOT NULL,
    number TEXT NOT NULL,
    series_id UUID REFERENCES document_series (id),
    -- The position in its series once numbered.
    series_number BIGINT,
    status TEXT NOT NULL,
    client_id UUID REFERENCES clients (id),
    -- The buyer's name and tax id as the document shows them (the client's, or as typed).
    receiver_name TEXT,
    receiver_cif TEXT,
    issue_date DATE NOT NULL,
    due_date DATE,
    -- Proformas: the offer holds until this day; `expired` after it.
    valid_until DATE,
    currency TEXT NOT NULL,
    -- Minor units, from the same calculation as an invoice's.
    subtotal BIGINT NOT NULL,
    vat_total BIGINT NOT NULL,
    total BIGINT NOT NULL,
    discount BIGINT NOT NULL,
    -- The request that produces the document (an invoice's input, lines included): what a PUT
    -- is merged over and what a conversion turns into an invoice.
    content JSONB NOT NULL,
    -- The lines as shown, with their ids and computed amounts.
    lines JSONB NOT NULL,
    -- A delivery note made from a proforma: the proforma.
    proforma_id UUID REFERENCES trade_documents (id),
    -- A storno delivery note: the note it reverses.
    reverses_id UUID REFERENCES trade_documents (id),
    converted_invoice_id UUID REFERENCES invoices (id) ON DELETE SET NULL,
    version INTEGER NOT NULL DEFAULT 1,
    created_by UUID,
    sent_at TIMESTAMPTZ,
    accepted_at TIMESTAMPTZ,
    rejected_at TIMESTAMPTZ,
    issued_at TIMESTAMPTZ,
    converted_at TIMESTAMPTZ,
    cancelled_at TIMESTAMPTZ,
    expired_at TIMESTAMPTZ,
    deleted_at TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX trade_documents_company ON trade_documents (company_id, kind, created_at, id);
CREATE INDEX trade_documents_converted ON trade_documents (converted_invoice_id);
CREATE UNIQUE INDEX trade_documents_series_number ON trade_documents (series_id, series_number)
    WHERE series_number IS NOT NULL;
