-- How the company's credit notes are written (issue #7, item 1): `storno`, an invoice (380)
-- with negative quantities, or `credit_note`, a UBL CreditNote (381) with positive ones,
-- uploaded to ANAF with standard=CN.
ALTER TABLE companies ADD COLUMN credit_note_style TEXT NOT NULL DEFAULT 'storno';
