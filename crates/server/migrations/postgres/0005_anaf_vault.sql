-- The ANAF token vault (issue #4): OAuth tokens per user, encrypted at rest (src/vault), which
-- company uses which token, and this installation's fingerprint (lessons #14).

-- This installation's identity: one row, whose id is also in the data directory. When the two
-- differ the database was restored or copied elsewhere, and its ANAF tokens stay frozen until an
-- instance administrator adopts the database (POST /api/v1/anaf/confirm-instance).
CREATE TABLE instance (
    id SMALLINT PRIMARY KEY CHECK (id = 1),
    instance_id UUID NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    adopted_at TIMESTAMPTZ,
    adopted_by UUID REFERENCES users (id) ON DELETE SET NULL
);

-- A user's ANAF OAuth tokens. The secrets are `v1.<key id>.<base64url(nonce | ciphertext | tag)>`
-- (AES-256-GCM, bound to the row id and column); revoking erases them and keeps the row.
CREATE TABLE anaf_tokens (
    id UUID PRIMARY KEY,
    user_id UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    label TEXT,
    -- The ANAF the token came from (sandbox, test or prod): it is sent to no other.
    environment TEXT NOT NULL,
    access_token_enc TEXT,
    refresh_token_enc TEXT,
    access_expires_at TIMESTAMPTZ NOT NULL,
    refresh_expires_at TIMESTAMPTZ,
    -- CIFs ANAF confirmed the token may act for (a JSON array of integers).
    validated_cifs JSONB NOT NULL DEFAULT '[]',
    -- The installation that stored or adopted the token: no other one may refresh or use it.
    instance_id UUID NOT NULL,
    -- The refresh lock: a process refreshing the token holds it until then.
    refreshing_until TIMESTAMPTZ,
    -- Why ANAF refused the last refresh for good (invalid_grant): the job stops trying until a
    -- person connects again.
    refresh_error TEXT,
    refresh_failed_at TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL,
    last_used_at TIMESTAMPTZ,
    last_refreshed_at TIMESTAMPTZ,
    revoked_at TIMESTAMPTZ
);
CREATE INDEX anaf_tokens_user ON anaf_tokens (user_id, created_at);
CREATE INDEX anaf_tokens_access_expiry ON anaf_tokens (access_expires_at) WHERE revoked_at IS NULL;

-- "Connect" links (api.md §19 token-links): a user sends one to whoever holds the company's
-- certificate; opening it starts ANAF's OAuth flow, whose callback stores the token for the
-- link's user and connects the link's company. The link token is kept hashed (lookup) and sealed
-- (so its creator can list it); the OAuth `state` of the flow in progress is kept hashed, single
-- use, and expires.
CREATE TABLE anaf_token_links (
    id UUID PRIMARY KEY,
    user_id UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    organization_id UUID NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    company_id UUID REFERENCES companies (id) ON DELETE CASCADE,
    environment TEXT NOT NULL,
    link_hash TEXT NOT NULL UNIQUE,
    link_enc TEXT NOT NULL,
    state_hash TEXT UNIQUE,
    state_expires_at TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    used_at TIMESTAMPTZ,
    token_id UUID REFERENCES anaf_tokens (id) ON DELETE SET NULL,
    last_error TEXT
);
CREATE INDEX anaf_token_links_user ON anaf_token_links (user_id, created_at);

-- Which token a company submits and syncs with, per ANAF environment (test or prod): at most one
-- active connection per company and environment.
CREATE TABLE anaf_connections (
    id UUID PRIMARY KEY,
    company_id UUID NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    token_id UUID NOT NULL REFERENCES anaf_tokens (id) ON DELETE CASCADE,
    environment TEXT NOT NULL,
    connected_by UUID REFERENCES users (id) ON DELETE SET NULL,
    created_at TIMESTAMPTZ NOT NULL,
    disconnected_at TIMESTAMPTZ
);
CREATE UNIQUE INDEX anaf_connections_active ON anaf_connections (company_id, environment) WHERE disconnected_at IS NULL;
CREATE INDEX anaf_connections_token ON anaf_connections (token_id);

-- Expiry warnings already recorded (anaf.token_expiring), one per token, threshold and expiry:
-- the daily forecast can run again without warning twice, and a refreshed token (a new expiry)
-- is warned about again.
CREATE TABLE anaf_token_alerts (
    token_id UUID NOT NULL REFERENCES anaf_tokens (id) ON DELETE CASCADE,
    threshold_days INTEGER NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (token_id, threshold_days, expires_at)
);
