-- API keys (issue #5, api.md §3): `af_` + 64 hex characters, shown once and stored only as
-- their SHA-256. A key acts for its user in its organization, with the permissions the user
-- holds there AND its scopes.
CREATE TABLE api_keys (
    id UUID PRIMARY KEY,
    user_id UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    organization_id UUID NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL,
    token_prefix TEXT NOT NULL,
    scopes JSONB NOT NULL,
    expires_at TIMESTAMPTZ,
    last_used_at TIMESTAMPTZ,
    revoked_at TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX api_keys_hash ON api_keys (token_hash);
CREATE INDEX api_keys_user ON api_keys (user_id, organization_id, created_at);
