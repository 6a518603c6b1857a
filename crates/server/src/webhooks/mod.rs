//! Webhooks (issue #6, api.md §18): the company's endpoints receive its business events as
//! signed HTTP POSTs.
//!
//! The path of an event: a change writes its `DomainEvent` to the outbox in its own transaction
//! (`events::record`); the `relay` claims unpublished events and, in one transaction, creates a
//! delivery for every active endpoint subscribed to it plus a `DeliverWebhook` job on the
//! `webhooks` lane; `deliver` sends one attempt per run of that job, records it, and waits
//! (`JobError::Later`) before the next. So an event is never lost and never sent for a change
//! that was rolled back, and delivery is at-least-once (a receiver deduplicates on the payload
//! `id`, which is the event's id).
//!
//! - `registry`: the subscribable event types.
//! - `signing`: secrets, both signature schemes, and their verification.
//! - `target`: which URLs may be called (HTTPS, no internal addresses) and the HTTP client
//!   whose DNS resolution is checked and pinned.
//! - `endpoints`: the operations behind the API (create, change, rotate, test, redeliver).

pub mod deliver;
pub mod endpoints;
pub mod registry;
pub mod relay;
pub mod signing;
pub mod target;

use std::sync::Arc;
use std::time::Duration;

/// How webhooks are delivered (`FACTURO_WEBHOOK_*`).
#[derive(Clone)]
pub struct Settings {
    /// Hosts (names or IP addresses) that may be called over plain HTTP and at internal
    /// addresses: development, tests, an ERP on the local network. Lower case.
    pub allow_hosts: Vec<String>,
    /// The wait before the second attempt; each later wait is five times the one before, with
    /// ±20 % jitter.
    pub retry_base: Duration,
    /// Attempts of one delivery, the first included (1 + 3 retries).
    pub max_attempts: i32,
    pub connect_timeout: Duration,
    /// The whole attempt, connecting and reading the answer included.
    pub timeout: Duration,
    /// How much of a response body is read and kept.
    pub response_cap: usize,
    /// Consecutive failed deliveries after which an endpoint is switched off.
    pub disable_after: i32,
    /// How long the secret before a rotation still signs.
    pub secret_grace: Duration,
    /// Deliveries this process sends at once.
    pub workers: usize,
    /// Resolves host names (the system's resolver unless a test scripts one).
    pub lookup: Arc<dyn target::Lookup>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            allow_hosts: Vec::new(),
            retry_base: Duration::from_mins(1),
            max_attempts: 4,
            connect_timeout: Duration::from_secs(5),
            timeout: Duration::from_secs(10),
            response_cap: 16 * 1024,
            disable_after: 50,
            secret_grace: Duration::from_hours(24),
            workers: 16,
            lookup: Arc::new(target::SystemLookup),
        }
    }
}

impl std::fmt::Debug for Settings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Settings")
            .field("allow_hosts", &self.allow_hosts)
            .field("retry_base", &self.retry_base)
            .field("max_attempts", &self.max_attempts)
            .field("connect_timeout", &self.connect_timeout)
            .field("timeout", &self.timeout)
            .field("response_cap", &self.response_cap)
            .field("disable_after", &self.disable_after)
            .field("secret_grace", &self.secret_grace)
            .field("workers", &self.workers)
            .finish_non_exhaustive()
    }
}

impl Settings {
    /// Whether `host` is on the allow-list.
    pub fn allows(&self, host: &str) -> bool {
        let host = host.trim_start_matches('[').trim_end_matches(']');
        self.allow_hosts
            .iter()
            .any(|h| h.eq_ignore_ascii_case(host))
    }
}
