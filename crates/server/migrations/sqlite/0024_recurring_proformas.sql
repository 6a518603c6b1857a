-- Recurring proformas (api.md §17.1 documentType proforma, issue #7): a run of such a template
-- makes a proforma, which the run and the template name as they name an invoice.
ALTER TABLE recurring_runs ADD COLUMN trade_document_id BLOB REFERENCES trade_documents (id) ON DELETE SET NULL;
ALTER TABLE recurring_invoices ADD COLUMN last_trade_document_id BLOB REFERENCES trade_documents (id) ON DELETE SET NULL;
