-- A credit note's line names the invoiced line it credits (issue #7), so that what is left to
-- credit of each line is checked when the credit note is issued.
ALTER TABLE invoice_lines ADD COLUMN parent_line_id UUID;
CREATE INDEX invoice_lines_parent_line ON invoice_lines (parent_line_id) WHERE parent_line_id IS NOT NULL;
