-- API keys (issue #5, api.md §3): `af_` + 64 hex characters, shown once and stored only as
-- their SHA-256. A key acts for its user in its organization, with the permissions the user
-- holds there AND its scopes.
CREATE TABLE api_keys (
    id BLOB PRIMARY KEY,
    user_id BLOB NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    organization_id BLOB NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL,
    token_prefix TEXT NOT NULL,
    scopes TEXT NOT NULL,
    expires_at TEXT,
    last_used_at TEXT,
    revoked_at TEXT,
    created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX api_keys_hash ON api_keys (token_hash);
CREATE INDEX api_keys_user ON api_keys (user_id, organization_id, created_at);
