-- The UBL 2.1 XML of an issued invoice, generated and validated at issue (issue #3), kept as
-- issued: what goes to ANAF and what a download returns, never regenerated.
CREATE TABLE invoice_xml (
    invoice_id BLOB PRIMARY KEY REFERENCES invoices (id) ON DELETE CASCADE,
    company_id BLOB NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    xml TEXT NOT NULL,
    -- Hex SHA-256 of the XML, for exactly-once submission and integrity checks.
    sha256 TEXT NOT NULL,
    created_at TEXT NOT NULL
);
