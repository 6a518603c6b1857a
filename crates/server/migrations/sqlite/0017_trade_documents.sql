-- Proformas (api.md §15) and delivery notes (§16): the documents that lead to an invoice. Both
-- kinds share one table; `kind` tells them apart and each has its own status machine.
CREATE TABLE trade_documents (
    id BLOB PRIMARY KEY,
    company_id BLOB NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    -- proforma | delivery_note
    kind TEXT NOT NULL,
    number TEXT NOT NULL,
    series_id BLOB REFERENCES document_series (id),
    -- The position in its series once numbered.
    series_number BIGINT,
    status TEXT NOT NULL,
    client_id BLOB REFERENCES clients (id),
    -- The buyer's name and tax id as the document shows them (the client's, or as typed).
    receiver_name TEXT,
    receiver_cif TEXT,
    issue_date TEXT NOT NULL,
    due_date TEXT,
    -- Proformas: the offer holds until this day; `expired` after it.
    valid_until TEXT,
    currency TEXT NOT NULL,
    -- Minor units, from the same calculation as an invoice's.
    subtotal BIGINT NOT NULL,
    vat_total BIGINT NOT NULL,
    total BIGINT NOT NULL,
    discount BIGINT NOT NULL,
    -- The request that produces the document (an invoice's input, lines included): what a PUT
    -- is merged over and what a conversion turns into an invoice.
    content TEXT NOT NULL,
    -- The lines as shown, with their ids and computed amounts.
    lines TEXT NOT NULL,
    -- A delivery note made from a proforma: the proforma.
    proforma_id BLOB REFERENCES trade_documents (id),
    -- A storno delivery note: the note it reverses.
    reverses_id BLOB REFERENCES trade_documents (id),
    converted_invoice_id BLOB REFERENCES invoices (id) ON DELETE SET NULL,
    version INTEGER NOT NULL DEFAULT 1,
    created_by BLOB,
    sent_at TEXT,
    accepted_at TEXT,
    rejected_at TEXT,
    issued_at TEXT,
    converted_at TEXT,
    cancelled_at TEXT,
    expired_at TEXT,
    deleted_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX trade_documents_company ON trade_documents (company_id, kind, created_at, id);
CREATE INDEX trade_documents_converted ON trade_documents (converted_invoice_id);
CREATE UNIQUE INDEX trade_documents_series_number ON trade_documents (series_id, series_number)
    WHERE series_number IS NOT NULL;
