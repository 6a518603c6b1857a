-- Request rate limits (issue #5 item 6). SQLite installations run one process and keep them in
-- memory; the tables exist so both backends share one schema.
-- A token bucket as GCRA's theoretical arrival time (microseconds since the epoch); no row means
-- a full bucket.
CREATE TABLE rate_limit_buckets (
    name TEXT NOT NULL,
    key TEXT NOT NULL,
    tat BIGINT NOT NULL,
    PRIMARY KEY (name, key)
);
-- The hits a sliding window holds (microseconds since the epoch).
CREATE TABLE rate_limit_hits (
    name TEXT NOT NULL,
    key TEXT NOT NULL,
    at BIGINT NOT NULL
);
CREATE INDEX rate_limit_hits_key ON rate_limit_hits (name, key, at);

-- Failed password logins per account (the e-mail as typed, lower-cased: unknown addresses are
-- counted too, so a lock-out tells nothing about who has an account).
CREATE TABLE login_failures (
    account TEXT PRIMARY KEY,
    failures INTEGER NOT NULL,
    last_failure_at TEXT NOT NULL,
    locked_until TEXT
);

-- Security events (issue #5 item 9): append-only, refused updates and deletes. Ids are not
-- foreign keys, so the record outlives what it names.
CREATE TABLE audit_log (
    id BLOB PRIMARY KEY,
    organization_id BLOB,
    user_id BLOB,
    api_key_id BLOB,
    actor_email TEXT,
    event TEXT NOT NULL,
    outcome TEXT NOT NULL,
    ip TEXT,
    user_agent TEXT,
    details TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX audit_log_org ON audit_log (organization_id, created_at);
CREATE INDEX audit_log_user ON audit_log (user_id, created_at);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
