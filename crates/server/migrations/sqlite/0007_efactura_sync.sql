-- The e-Factura sync of incoming invoices (issue #4 item 6): per company and ANAF environment,
-- the listing watermark, the lock that keeps two processes off one company's box, the last
-- manual trigger and the last pass; the import's warnings on each message.

CREATE TABLE efactura_sync (
    company_id BLOB NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    environment TEXT NOT NULL,
    -- Every message created before this instant was listed and recorded. Moved only after every
    -- page of a window was stored (lessons.md #10); the next window starts an overlap earlier.
    listed_until TEXT,
    -- A manual trigger's `days`: the next pass lists from here at the latest.
    backfill_from TEXT,
    -- The pass holding the company's box, until when (renewed while it runs).
    lock_owner TEXT,
    lock_until TEXT,
    -- The last accepted manual trigger, for the minimum interval between two.
    triggered_at TEXT,
    last_started_at TEXT,
    last_finished_at TEXT,
    -- completed or failed.
    last_status TEXT,
    last_error TEXT,
    -- The last pass's stats: {newInvoices, skippedDuplicates, newClients, newProducts, newSeries, errors}.
    last_stats TEXT,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (company_id, environment)
);

-- What the import noticed (the buyer is not the company, values the reader left out), and when
-- the message became an invoice.
ALTER TABLE efactura_messages ADD COLUMN warnings TEXT;
ALTER TABLE efactura_messages ADD COLUMN processed_at TEXT;
CREATE INDEX efactura_messages_invoice ON efactura_messages (company_id, invoice_id);
CREATE INDEX efactura_messages_pending ON efactura_messages (company_id, environment, message_type, status);

-- An incoming invoice is imported once per company, however often ANAF delivers it: its
-- supplier's CIF, number, issue date, total and type identify it (lessons.md #6).
CREATE UNIQUE INDEX invoices_incoming_identity ON invoices (company_id, sender_cif, number, issue_date, total, document_type) WHERE direction = 'incoming' AND sender_cif IS NOT NULL;
