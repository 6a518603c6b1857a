-- Webhooks (issue #6): endpoints per company, deliveries of outbox events to them, and every
-- attempt of a delivery. Jobs get a lane, so slow receivers never hold up e-Factura work.
CREATE TABLE webhook_endpoints (
    id UUID PRIMARY KEY,
    company_id UUID NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    url TEXT NOT NULL,
    description TEXT,
    -- JSON array of event names, or ["*"].
    events JSONB NOT NULL,
    -- Sealed by the vault; the last 8 characters are kept apart for the masked form.
    secret_enc TEXT NOT NULL,
    secret_tail TEXT NOT NULL,
    -- The secret before the last rotation, which still signs until `previous_secret_until`.
    previous_secret_enc TEXT,
    previous_secret_until TIMESTAMPTZ,
    is_active BOOLEAN NOT NULL DEFAULT TRUE,
    -- Deliveries that ended failed since the last success (test pings do not count).
    consecutive_failures INTEGER NOT NULL DEFAULT 0,
    disabled_reason TEXT,
    disabled_at TIMESTAMPTZ,
    created_by UUID,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX webhook_endpoints_company ON webhook_endpoints (company_id, created_at);

CREATE TABLE webhook_deliveries (
    id UUID PRIMARY KEY,
    endpoint_id UUID NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
    company_id UUID NOT NULL,
    -- The outbox event (none for a test ping); its subject (an invoice) for the invoice's list.
    event_id UUID,
    subject_id UUID,
    event_type TEXT NOT NULL,
    -- The exact body sent, every attempt.
    payload TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending',
    -- Attempts made so far.
    attempt INTEGER NOT NULL DEFAULT 0,
    response_status INTEGER,
    response_body TEXT,
    duration_ms BIGINT,
    error_message TEXT,
    next_retry_at TIMESTAMPTZ,
    is_test BOOLEAN NOT NULL DEFAULT FALSE,
    -- A manual redelivery names the delivery it repeats.
    redelivery_of UUID,
    triggered_at TIMESTAMPTZ NOT NULL,
    completed_at TIMESTAMPTZ
);
-- One delivery per event and endpoint from the outbox, however often the relay runs.
CREATE UNIQUE INDEX webhook_deliveries_once ON webhook_deliveries (event_id, endpoint_id)
    WHERE event_id IS NOT NULL AND redelivery_of IS NULL AND NOT is_test;
CREATE INDEX webhook_deliveries_endpoint ON webhook_deliveries (endpoint_id, triggered_at);
CREATE INDEX webhook_deliveries_subject ON webhook_deliveries (subject_id, triggered_at);

CREATE TABLE webhook_attempts (
    id UUID PRIMARY KEY,
    delivery_id UUID NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
    attempt INTEGER NOT NULL,
    -- JSON object of the request's headers.
    request_headers JSONB NOT NULL,
    status_code INTEGER,
    response_body TEXT,
    duration_ms BIGINT NOT NULL,
    error TEXT,
    started_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX webhook_attempts_delivery ON webhook_attempts (delivery_id, attempt);

-- Events written before webhooks existed are not sent now.
UPDATE events SET published_at = created_at WHERE published_at IS NULL;

-- Job lanes: `webhooks` for deliveries, `main` for everything else; each lane has its workers.
ALTER TABLE jobs ADD COLUMN lane TEXT NOT NULL DEFAULT 'main';
DROP INDEX jobs_due;
CREATE INDEX jobs_claim ON jobs (lane, status, run_at, id);
CREATE INDEX jobs_leases ON jobs (status, lease_until);
