-- E-mailing proformas and delivery notes (issue #7, item 8): a send-log entry names the
-- trade document it sent, as it names an invoice.
ALTER TABLE email_logs ADD COLUMN trade_document_id BLOB REFERENCES trade_documents (id) ON DELETE SET NULL;
CREATE INDEX email_logs_trade_document ON email_logs (trade_document_id, created_at);
