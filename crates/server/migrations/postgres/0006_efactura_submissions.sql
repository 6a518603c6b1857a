-- e-Factura submissions (issue #4): the exactly-once ledger, the SPV messages seen, and the
-- daily ANAF quotas shared by every server process.

-- One row per attempt to file an invoice with ANAF. The XML is kept as sent (its SHA-256 matches
-- the copy ANAF returns). States: queued → uploading → uploaded → ok | nok | not_taken_over, or
-- failed (refused at upload, or given up before anything reached ANAF). `uploading` is written and
-- committed before the upload request leaves: a submission found in it after a crash or a lost
-- answer is reconciled against the SPV sent box, never uploaded blindly again.
CREATE TABLE efactura_submissions (
    id UUID PRIMARY KEY,
    company_id UUID NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    invoice_id UUID NOT NULL REFERENCES invoices (id) ON DELETE CASCADE,
    environment TEXT NOT NULL,
    -- The uploader's `cif` parameter: digits, no RO.
    cif TEXT NOT NULL,
    -- UBL or CN.
    standard TEXT NOT NULL,
    foreign_buyer BOOLEAN NOT NULL DEFAULT FALSE,
    xml TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    state TEXT NOT NULL,
    -- The invoice's status before the submission, given back when it fails before ANAF.
    previous_status TEXT NOT NULL,
    upload_index BIGINT,
    download_id BIGINT,
    -- ANAF said the invoice was filed before, under this index: the submission stands for it.
    duplicate_of BIGINT,
    uploads INTEGER NOT NULL DEFAULT 0,
    upload_started_at TIMESTAMPTZ,
    uploaded_at TIMESTAMPTZ,
    polls INTEGER NOT NULL DEFAULT 0,
    -- [{ruleId, message}] of a rejection.
    errors JSONB,
    error_message TEXT,
    -- The last transient problem (a timeout, a quota), shown while the submission waits.
    last_problem TEXT,
    -- The ZIP ANAF returned for the outcome: the signed invoice, or the error report.
    archive BYTEA,
    created_by UUID REFERENCES users (id) ON DELETE SET NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    finished_at TIMESTAMPTZ
);
-- At most one submission of an invoice is in flight.
CREATE UNIQUE INDEX efactura_submissions_live ON efactura_submissions (invoice_id) WHERE state IN ('queued', 'uploading', 'uploaded');
CREATE INDEX efactura_submissions_invoice ON efactura_submissions (invoice_id, created_at);
CREATE UNIQUE INDEX efactura_submissions_index ON efactura_submissions (company_id, environment, upload_index) WHERE upload_index IS NOT NULL;

-- The messages of a company's SPV box, each downloaded once (ANAF allows 10 downloads a day).
CREATE TABLE efactura_messages (
    id UUID PRIMARY KEY,
    company_id UUID NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    environment TEXT NOT NULL,
    -- ANAF's `id` (the download id) and `id_solicitare` (the upload index).
    message_id BIGINT NOT NULL,
    upload_index BIGINT NOT NULL,
    message_type TEXT NOT NULL,
    cif TEXT,
    details TEXT,
    anaf_created_at TIMESTAMPTZ NOT NULL,
    -- received → processed, or error (retried by the next pass).
    status TEXT NOT NULL,
    error_message TEXT,
    archive BYTEA,
    -- The invoice inside the archive: SHA-256 of its bytes, its number and issue date.
    xml_sha256 TEXT,
    invoice_number TEXT,
    invoice_issue_date DATE,
    invoice_id UUID REFERENCES invoices (id) ON DELETE SET NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX efactura_messages_company_message ON efactura_messages (company_id, environment, message_id);
CREATE INDEX efactura_messages_upload ON efactura_messages (company_id, environment, upload_index);
CREATE INDEX efactura_messages_sha ON efactura_messages (company_id, environment, xml_sha256);

-- Calls spent against ANAF's daily quotas (tax-apis.md §1.4), per environment, kind, subject
-- (an upload index, a CIF, a message id) and Romanian day.
CREATE TABLE anaf_quota_usage (
    environment TEXT NOT NULL,
    bucket TEXT NOT NULL,
    subject TEXT NOT NULL,
    day TEXT NOT NULL,
    used INTEGER NOT NULL,
    PRIMARY KEY (environment, bucket, subject, day)
);

ALTER TABLE invoices ADD COLUMN anaf_error_message TEXT;
