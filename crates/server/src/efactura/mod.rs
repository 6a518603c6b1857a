//! Filing invoices with ANAF e-Factura exactly once, and following them to their outcome
//! (issue #4; lessons.md #2, #13–#16).
//!
//! A submission's path through the ledger (`store::submissions`):
//! - [`submit::submit`] (API): checks, records a `queued` submission holding the XML as issued,
//!   moves the invoice to `sent_to_provider` and queues the upload job, in one transaction;
//! - [`upload::run`] (job `submit_invoice`): commits `uploading` *before* the request leaves,
//!   then records the index (`uploaded`), a refusal (`failed`), or — when the answer is lost
//!   (timeout, 5xx, a crash) — nothing: the submission stays `uploading`;
//! - a submission found `uploading` is reconciled, never uploaded blindly again: the SPV sent
//!   box is read ([`sentbox`]) and its invoices compared with ours by SHA-256 (or number and
//!   date); a match is the upload. Only when nothing matches for [`Policy::reconcile_after`]
//!   is it uploaded again, and should ANAF then call it a duplicate, the original index is
//!   linked;
//! - [`poll::run`] (job `poll_submission`): `stareMesaj` on a widening schedule within the
//!   daily quotas shared by all processes ([`quota`]) until `ok`, `nok` or "not taken over";
//! - [`outcome`]: every ending is written to the ledger and the invoice, with its event, in one
//!   transaction.
//!
//! Incoming invoices take the other way (issue #4 item 6): [`sync`] lists a company's box into
//! `efactura_messages` (all pages before its watermark moves), downloads each `FACTURA PRIMITA`
//! once and has [`import`] store it as an incoming invoice ([`incoming`] reads the XML).

pub mod import;
pub mod in_flight;
pub mod incoming;
pub mod outcome;
pub mod poll;
pub mod quota;
pub mod sandbox;
pub mod sentbox;
pub mod signature;
pub mod submit;
pub mod sync;
pub mod tokens;
pub mod trigger;
pub mod upload;

use std::time::Duration as StdDuration;

use anaf::efactura::{EfacturaClient, Environment};
use anaf::signature::TrustedCert;
use time::Duration;

/// The e-Factura clients of this installation and the rules it submits by.
#[derive(Debug)]
pub struct Anaf {
    test: EfacturaClient,
    prod: EfacturaClient,
    /// The environment companies file in.
    pub environment: Environment,
    pub policy: Policy,
    /// The certificates whose signatures on downloaded archives are valid: the embedded
    /// simulator's, and those of `FACTURO_ANAF_TRUSTED_CERTS`. Empty: not checked.
    pub trusted: Vec<TrustedCert>,
    /// The uploads this process has out (`in_flight`).
    pub in_flight: in_flight::InFlight,
}

/// Why the ANAF clients could not be configured.
#[derive(Debug, thiserror::Error)]
pub enum AnafSetupError {
    #[error(transparent)]
    Client(#[from] anaf::Error),
    #[error("reading the trusted certificates {path}: {reason}")]
    TrustedCerts { path: String, reason: String },
}

impl Anaf {
    /// Clients for the APIs under `test_url` and `prod_url` (ANAF's, or a simulator's).
    pub fn new(
        test_url: &str,
        prod_url: &str,
        environment: Environment,
        timeout: StdDuration,
        policy: Policy,
    ) -> Result<Anaf, anaf::Error> {
        Ok(Anaf {
            test: EfacturaClient::with_base_url(test_url, timeout)?,
            prod: EfacturaClient::with_base_url(prod_url, timeout)?,
            environment,
            policy,
            trusted: Vec::new(),
            in_flight: in_flight::InFlight::default(),
        })
    }

    /// The clients the configuration names (`FACTURO_ANAF`, `FACTURO_ANAF_API_URL`): in the
    /// sandbox, the simulator this server embeds under `/sandbox/anaf`.
    pub fn from_config(config: &crate::config::Config) -> Result<Anaf, AnafSetupError> {
        let endpoints = config.anaf.resolve(config.public_url());
        let mut anaf = Anaf::new(
            &endpoints.test_api_url,
            &endpoints.prod_api_url,
            config.anaf.environment.files_in(),
            config.anaf_timeout,
            config.efactura_policy.clone(),
        )?;
        if let Some(path) = &config.anaf.trusted_certs {
            let failed = |reason: String| AnafSetupError::TrustedCerts {
                path: path.display().to_string(),
                reason,
            };
            let pem = std::fs::read_to_string(path).map_err(|e| failed(e.to_string()))?;
            anaf.trusted = TrustedCert::all_from_pem(&pem).map_err(|e| failed(e.to_string()))?;
        }
        Ok(anaf)
    }

    pub fn client(&self, environment: Environment) -> &EfacturaClient {
        match environment {
            Environment::Test => &self.test,
            Environment::Prod => &self.prod,
        }
    }
}

/// How submissions are paced. The defaults stay under ANAF's documented quotas (tax-apis.md
/// §1.4, the stricter figure where sources disagree).
#[derive(Debug, Clone)]
pub struct Policy {
    /// How long an upload whose answer was lost is looked for in the sent box before it is
    /// uploaded again. ANAF lists an upload only once processed: minutes usually, hours at peaks.
    pub reconcile_after: Duration,
    /// How long a submission that never reached ANAF (no usable token) waits before it is given
    /// up and the invoice can be submitted again.
    pub abandon_after: Duration,
    /// `stareMesaj` calls per upload index and day (ANAF: 20 or 100).
    pub status_per_index: u32,
    /// `stareMesaj` calls per CIF and day, all its uploads together: one busy company cannot
    /// spend the installation's calls.
    pub status_per_cif: u32,
    /// `descarcare` calls per message and day (ANAF: 10).
    pub downloads_per_message: u32,
    /// `listaMesajePaginatieFactura` calls per CIF and day (ANAF: 100,000).
    pub pages_per_cif: u32,
    /// How often a company with `syncEnabled` has its SPV box synced: the installation's
    /// plan's [`crate::plan::Plan::efactura_sync_every`] (Freemium's 24 h until a licence,
    /// issue #5, names another plan).
    pub sync_every: Duration,
    /// How long past `sync_every` a company may go without a successful pass before the
    /// scheduler raises `sync.overdue`.
    pub sync_overdue_margin: Duration,
    /// The least time between two manual syncs of a company (`POST /sync/trigger`).
    pub sync_trigger_every: Duration,
    /// How far before the last listed instant the next listing starts: a message ANAF lists
    /// late, or one that moved between pages, is still seen (lessons.md #5).
    pub sync_overlap: Duration,
    /// How long a sync pass holds a company's box without renewing its lock: a crashed pass
    /// frees it after this.
    pub sync_lock: Duration,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            reconcile_after: Duration::hours(6),
            abandon_after: Duration::days(1),
            status_per_index: 20,
            status_per_cif: 5_000,
            downloads_per_message: 10,
            pages_per_cif: 100_000,
            sync_every: crate::plan::Plan::default().efactura_sync_every(),
            sync_overdue_margin: Duration::hours(1),
            sync_trigger_every: Duration::minutes(2),
            sync_overlap: Duration::hours(1),
            sync_lock: Duration::minutes(10),
        }
    }
}

/// The environment's name as the ledger stores it.
pub fn env_name(environment: Environment) -> &'static str {
    match environment {
        Environment::Test => "test",
        Environment::Prod => "prod",
    }
}

/// The environment a stored name stands for.
pub fn env_of(name: &str) -> Environment {
    if name == "prod" {
        Environment::Prod
    } else {
        Environment::Test
    }
}

/// The wait before status poll number `polls + 1` (and reconciliation pass): 1, 2, 5, 10, 20,
/// 40 minutes, then 1, 2, 4 hours, then every 6 hours.
pub fn poll_delay(polls: i32) -> Duration {
    const MINUTES: [i64; 9] = [1, 2, 5, 10, 20, 40, 60, 120, 240];
    let at = usize::try_from(polls).unwrap_or(0);
    Duration::minutes(MINUTES.get(at).copied().unwrap_or(360))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn polls_widen_and_settle_at_six_hours() {
        let waits: Vec<i64> = (0..12).map(|n| poll_delay(n).whole_minutes()).collect();
        assert_eq!(waits, [1, 2, 5, 10, 20, 40, 60, 120, 240, 360, 360, 360]);
        assert_eq!(poll_delay(-3), Duration::minutes(1));
    }

    #[test]
    fn environments_round_trip_through_their_names() {
        for env in [Environment::Test, Environment::Prod] {
            assert_eq!(env_of(env_name(env)), env);
        }
    }
}
