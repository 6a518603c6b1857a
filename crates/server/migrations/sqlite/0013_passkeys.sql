-- Passkeys (WebAuthn, issue #5 item 3): a user's credentials, and the ceremonies between their
-- two steps (kept here so any server process can finish what another started).
CREATE TABLE passkeys (
    id BLOB PRIMARY KEY,
    user_id BLOB NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- base64url of the credential id the authenticator names it by.
    credential_id TEXT NOT NULL,
    name TEXT NOT NULL,
    -- The credential as webauthn-rs keeps it (public key, counter, flags), JSON.
    credential TEXT NOT NULL,
    created_at TEXT NOT NULL,
    last_used_at TEXT
);
CREATE UNIQUE INDEX passkeys_credential ON passkeys (credential_id);
CREATE INDEX passkeys_user ON passkeys (user_id);
CREATE TABLE passkey_ceremonies (
    id BLOB PRIMARY KEY,
    -- SHA-256 of the login's sessionId, or of `register:<user id>` (one registration per user).
    token_hash TEXT NOT NULL,
    kind TEXT NOT NULL,
    user_id BLOB REFERENCES users (id) ON DELETE CASCADE,
    state TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX passkey_ceremonies_hash ON passkey_ceremonies (token_hash);
