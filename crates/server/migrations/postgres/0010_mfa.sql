-- TOTP (RFC 6238) and backup codes (issue #5 item 2). Secrets are sealed by the vault; backup
-- codes and login challenges are stored as SHA-256 hashes.
CREATE TABLE user_mfa (
    user_id UUID PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    -- The secret being set up, until a code proves the authenticator has it.
    pending_secret_enc TEXT,
    totp_secret_enc TEXT,
    enabled_at TIMESTAMPTZ,
    -- The last TOTP time step accepted: a code is used once.
    last_step BIGINT,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE TABLE mfa_backup_codes (
    id UUID PRIMARY KEY,
    user_id UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    code_hash TEXT NOT NULL,
    used_at TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX mfa_backup_codes_user ON mfa_backup_codes (user_id);
-- A password login of an MFA user waits here for its second factor (purpose 'login'), and so
-- does a signed-in user proving it again before a sensitive act (purpose 'step_up').
CREATE TABLE mfa_challenges (
    id UUID PRIMARY KEY,
    user_id UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose TEXT NOT NULL,
    token_hash TEXT NOT NULL,
    failures INTEGER NOT NULL DEFAULT 0,
    expires_at TIMESTAMPTZ NOT NULL,
    used_at TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX mfa_challenges_hash ON mfa_challenges (token_hash);
-- A passed step-up challenge: its token lets one sensitive act through within two minutes.
CREATE TABLE mfa_verifications (
    id UUID PRIMARY KEY,
    user_id UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    used_at TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX mfa_verifications_hash ON mfa_verifications (token_hash);
