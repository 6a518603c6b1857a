-- E-mailing documents (issue #7, api.md §12.1 `…/email`): per-company templates with
-- variables, and the log of every document e-mail with its status.
CREATE TABLE email_templates (
    id BLOB PRIMARY KEY,
    company_id BLOB NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    -- The one used when a request names none.
    is_default BOOLEAN NOT NULL DEFAULT FALSE,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX email_templates_company ON email_templates (company_id, name);

CREATE TABLE email_logs (
    id BLOB PRIMARY KEY,
    company_id BLOB NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    invoice_id BLOB REFERENCES invoices (id) ON DELETE SET NULL,
    -- invoice
    category TEXT NOT NULL,
    to_email TEXT NOT NULL,
    -- JSON arrays of addresses.
    cc_emails TEXT NOT NULL,
    bcc_emails TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    template_id BLOB REFERENCES email_templates (id) ON DELETE SET NULL,
    template_used TEXT,
    from_email TEXT,
    -- JSON array of the attached files' names.
    attachments TEXT NOT NULL,
    -- queued | sent | failed
    status TEXT NOT NULL,
    error_message TEXT,
    sent_by BLOB,
    sent_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX email_logs_invoice ON email_logs (invoice_id, created_at);
