-- Invitations to join an organization (api.md §4). The e-mailed token is stored only as its
-- SHA-256 hash, like refresh and confirmation tokens. `status` is pending, accepted, cancelled or
-- expired; a pending invitation past `expires_at` reads as expired before anyone stores that.
CREATE TABLE invitations (
    id BLOB PRIMARY KEY,
    organization_id BLOB NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    email TEXT NOT NULL,
    role TEXT NOT NULL,
    allowed_companies TEXT,
    token_hash TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending',
    invited_by BLOB REFERENCES users (id) ON DELETE SET NULL,
    accepted_by BLOB REFERENCES users (id) ON DELETE SET NULL,
    expires_at TEXT NOT NULL,
    accepted_at TEXT,
    cancelled_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX invitations_token ON invitations (token_hash);
CREATE INDEX invitations_org ON invitations (organization_id, created_at);
-- One pending invitation per address and organization: a second one is 409 ALREADY_INVITED.
CREATE UNIQUE INDEX invitations_pending_email ON invitations (organization_id, email) WHERE status = 'pending';
