-- Whether ANAF's signature on the archive an incoming invoice was imported from verified
-- against a trusted certificate: NULL when it could not be checked (issue #4).
ALTER TABLE efactura_messages ADD COLUMN signature_valid BOOLEAN;
