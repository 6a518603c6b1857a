-- Request rate limits (issue #5 item 6), shared by every server process on this database.
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
    last_failure_at TIMESTAMPTZ NOT NULL,
    locked_until TIMESTAMPTZ
);

-- Security events (issue #5 item 9): append-only, refused updates and deletes. Ids are not
-- foreign keys, so the record outlives what it names.
CREATE TABLE audit_log (
    id UUID PRIMARY KEY,
    organization_id UUID,
    user_id UUID,
    api_key_id UUID,
    actor_email TEXT,
    event TEXT NOT NULL,
    outcome TEXT NOT NULL,
    ip TEXT,
    user_agent TEXT,
    details JSONB NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX audit_log_org ON audit_log (organization_id, created_at);
CREATE INDEX audit_log_user ON audit_log (user_id, created_at);
CREATE FUNCTION audit_log_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
