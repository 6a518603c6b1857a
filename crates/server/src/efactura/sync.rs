//! One sync pass over a company's SPV box (issue #4 item 6; api.md §19), run by the job
//! `sync_efactura`, which the scheduler queues for companies with `syncEnabled` and
//! `POST /sync/trigger` queues on demand:
//! - the pass takes the company's box (a lock in `efactura_sync`, renewed while it runs), so
//!   two processes never sync one company at once, even when a job's lease expires;
//! - it lists every page of the window from the watermark minus an overlap (on the first pass,
//!   `syncDaysBack`, at most 60 days) to now, every message recorded per company (lessons.md
//!   #12), and moves the watermark only once every page was stored (lessons.md #10);
//! - it downloads each `FACTURA PRIMITA` not processed yet, once, within ANAF's daily quota,
//!   and imports it ([`super::import`]); a failed download or import is marked `error` and
//!   tried again by the next pass, never given up (lessons.md #11);
//! - when ANAF pushes back mid-pass (HTTP 429 after its 1,000 calls a minute, a 5xx), the pass
//!   ends with what it did and the job runs again after ANAF's `Retry-After` (a minute by
//!   default), so a box of 10,000 invoices is read in minutes, not one slice a schedule;
//! - it links `FACTURA TRIMISA` and `ERORI FACTURA` messages to our submissions by upload index;
//! - `sync.started`, `sync.completed` (with the stats) and `sync.error` go to the outbox.

use serde_json::{Value, json};
use time::{Duration, OffsetDateTime};

use super::env_name;
use super::import::{self, ImportError};
use super::sentbox::{self, Fetched, Mailbox, ScanError};
use super::tokens::{self, TokenProblem};
use crate::events::{self, DomainEvent, Origin};
use crate::ids::CompanyId;
use crate::jobs::runner::JobError;
use crate::state::AppState;
use crate::store::companies::{self, Company};
use crate::store::efactura_messages::{self, AfterDownload, Pending};
use crate::store::efactura_sync::{self, Finished, SyncState};

/// The last status of a pass ANAF interrupted, to be resumed.
const INTERRUPTED: &str = "interrupted";

/// `syncDaysBack` is at most what ANAF lists.
pub const MAX_DAYS_BACK: i64 = 60;

/// What a pass did (api.md §18.2 `sync.completed`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stats {
    pub new_invoices: u32,
    pub skipped_duplicates: u32,
    pub new_suppliers: u32,
    /// Messages recorded for the first time by the listing.
    pub new_messages: usize,
    /// One line per message that failed, and per gap in the listing.
    pub errors: Vec<String>,
}

impl Stats {
    /// The contract's stats. `newClients` counts new suppliers (the incumbent's name for the
    /// parties it creates); products and series are not created from incoming invoices.
    pub fn to_json(&self) -> Value {
        json!({
            "newInvoices": self.new_invoices, "skippedDuplicates": self.skipped_duplicates,
            "newClients": self.new_suppliers, "newProducts": 0, "newSeries": 0,
            "newMessages": self.new_messages, "errors": self.errors,
        })
    }

    /// Stats written by [`Stats::to_json`]; what is missing counts as nothing.
    fn from_json(v: &Value) -> Stats {
        let count = |key: &str| {
            v[key]
                .as_u64()
                .and_then(|n| u32::try_from(n).ok())
                .unwrap_or(0)
        };
        Stats {
            new_invoices: count("newInvoices"),
            skipped_duplicates: count("skippedDuplicates"),
            new_suppliers: count("newClients"),
            new_messages: count("newMessages") as usize,
            errors: v["errors"]
                .as_array()
                .map(|e| {
                    e.iter()
                        .filter_map(|s| s.as_str().map(str::to_owned))
                        .collect()
                })
                .unwrap_or_default(),
        }
    }
}

/// How a pass ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Completed(Stats),
    /// ANAF pushed back before every pending message was read: the rest waits until `resume`.
    Interrupted {
        stats: Stats,
        resume: OffsetDateTime,
    },
    /// It could not list the box: no token, ANAF unavailable, a quota.
    Failed(String),
    /// Another pass holds the company's box.
    Busy,
    /// The company is gone.
    Skipped,
}

/// Why a pass stopped.
#[derive(Debug, thiserror::Error)]
enum Failure {
    #[error("{0}")]
    Token(TokenProblem),
    #[error("listing the SPV box: {0}")]
    Scan(ScanError),
    #[error("another pass took over the company's box")]
    LostLock,
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

impl Failure {
    fn is_transient(&self) -> bool {
        match self {
            Failure::Scan(ScanError::Anaf(e)) => e.is_transient(),
            // The pages shifted under the listing (`Incomplete`): listing again soon sees them
            // still.
            Failure::Scan(ScanError::Incomplete { .. } | ScanError::Database(_))
            | Failure::Database(_) => true,
            _ => false,
        }
    }
}

/// Runs one pass for `company`. ANAF's transient failures and database errors are the job's
/// to retry; the others are recorded and wait for the next scheduled pass.
pub async fn run(state: &AppState, company: CompanyId) -> Result<Outcome, JobError> {
    let now = state.now();
    let Some(company) = companies::by_id(&state.db, company).await? else {
        return Ok(Outcome::Skipped);
    };
    if company.deleted_at.is_some() {
        return Ok(Outcome::Skipped);
    }
    let env = env_name(state.anaf.environment);
    let owner = uuid::Uuid::now_v7().to_string();
    let lock = state.anaf.policy.sync_lock;
    if !efactura_sync::lock(&state.db, company.id, env, &owner, now + lock, now).await? {
        return Ok(Outcome::Busy);
    }
    let pass = Pass {
        state,
        company: &company,
        env,
        owner: &owner,
    };
    match pass.run(now).await {
        Ok((stats, None)) => {
            pass.completed(&stats).await?;
            Ok(Outcome::Completed(stats))
        }
        Ok((stats, Some(resume))) => {
            pass.interrupted(&stats).await?;
            Ok(Outcome::Interrupted { stats, resume })
        }
        Err(Failure::LostLock) => Ok(Outcome::Busy),
        Err(failure) => {
            let message = failure.to_string();
            pass.failed(&message).await?;
            if failure.is_transient() {
                return Err(JobError::Transient(message));
            }
            Ok(Outcome::Failed(message))
        }
    }
}

/// Where a pass's listing starts: `overlap` before the watermark, or `days_back` (1–60) before
/// now on the first pass; a pending backfill reaches further. The second value is the gap
/// between a watermark older than ANAF's 60 days and the oldest instant ANAF still lists.
pub fn window_start(
    listed_until: Option<OffsetDateTime>,
    backfill_from: Option<OffsetDateTime>,
    days_back: i32,
    overlap: Duration,
    now: OffsetDateTime,
) -> (OffsetDateTime, Option<(OffsetDateTime, OffsetDateTime)>) {
    let days = i64::from(days_back).clamp(1, MAX_DAYS_BACK);
    let mut start = listed_until.map_or(now - Duration::days(days), |t| t - overlap);
    if let Some(from) = backfill_from {
        start = start.min(from);
    }
    let (listable, _) = sentbox::window(start, now);
    let gap = listed_until
        .filter(|until| listable > *until)
        .map(|until| (until, listable));
    (start, gap)
}

/// How long a pass interrupted by `e` waits: ANAF's `Retry-After` (its per-minute limit
/// resets within a minute), else a minute; at most an hour.
fn resume_after(e: &ScanError) -> Duration {
    let asked = match e {
        ScanError::Anaf(anaf::Error::RateLimited {
            retry_after: Some(wait),
            ..
        }) => Duration::try_from(*wait).ok(),
        _ => None,
    };
    asked
        .unwrap_or(Duration::MINUTE)
        .clamp(Duration::SECOND, Duration::HOUR)
}

struct Pass<'a> {
    state: &'a AppState,
    company: &'a Company,
    env: &'static str,
    owner: &'a str,
}

impl Pass<'_> {
    fn origin(&self) -> Origin {
        Origin {
            organization: self.company.organization_id,
            company: Some(self.company.id),
            actor: None,
        }
    }

    fn mailbox(&self) -> Mailbox {
        Mailbox {
            company: self.company.id,
            environment: self.state.anaf.environment,
            cif: u64::try_from(self.company.cif).unwrap_or_default(),
        }
    }

    /// The pass's stats, and when to resume when ANAF pushed back before the end.
    async fn run(&self, now: OffsetDateTime) -> Result<(Stats, Option<OffsetDateTime>), Failure> {
        let (state, company) = (self.state, self.company);
        let token = tokens::access_token(state, company.id, state.anaf.environment, now)
            .await
            .map_err(Failure::Token)?;
        let saved = efactura_sync::get(&state.db, company.id, self.env).await?;
        // A pass ANAF interrupted is resumed as the same sync: one `sync.started`, one
        // `sync.completed` with the counts of all its parts.
        let resumed = saved
            .as_ref()
            .filter(|s| s.last_status.as_deref() == Some(INTERRUPTED))
            .map(|s| {
                s.last_stats
                    .as_ref()
                    .map(|j| Stats::from_json(&j.0))
                    .unwrap_or_default()
            });
        let resuming = resumed.is_some();
        let mut stats = resumed.unwrap_or_default();
        let start = self.window_start(saved.as_ref(), now, &mut stats);
        let listed = sentbox::list(state, self.mailbox(), &token, start, None, now)
            .await
            .map_err(Failure::Scan)?;
        stats.new_messages += listed.new;
        if let Some(end) = listed.end
            && !efactura_sync::listed(&state.db, company.id, self.env, self.owner, end, now).await?
        {
            // The listing outlived the lock and another pass holds the box now.
            return Err(Failure::LostLock);
        }
        efactura_messages::link_to_submissions(&state.db, company.id, self.env, now).await?;
        let pending =
            efactura_messages::pending(&state.db, company.id, self.env, "FACTURA PRIMITA").await?;
        if !resuming {
            self.record(&DomainEvent::SyncStarted {
                company_id: company.id,
                total: pending.len(),
            })
            .await?;
        }
        // The lock is renewed once half of it has run, not before every message: a commit less
        // per message, and it never lapses while the pass is alive.
        let renew_every = state.anaf.policy.sync_lock / 2;
        let mut renewed = now;
        for message in pending {
            if state.now() - renewed >= renew_every {
                self.keep_lock().await?;
                renewed = state.now();
            }
            if let Some(wait) = self.receive(&token, &message, &mut stats).await? {
                return Ok((stats, Some(state.now() + wait)));
            }
        }
        Ok((stats, None))
    }

    /// Where this pass's window starts; a gap the listing cannot reach any more is reported.
    fn window_start(
        &self,
        saved: Option<&SyncState>,
        now: OffsetDateTime,
        stats: &mut Stats,
    ) -> OffsetDateTime {
        let (start, gap) = window_start(
            saved.and_then(|s| s.listed_until).map(|t| t.0),
            saved.and_then(|s| s.backfill_from).map(|t| t.0),
            self.company.sync_days_back,
            self.state.anaf.policy.sync_overlap,
            now,
        );
        if let Some((from, to)) = gap {
            stats.errors.push(format!(
                "Messages created between {} and {} are older than ANAF lists (60 days) and may be missing.",
                from.date(),
                to.date()
            ));
        }
        start
    }

    async fn keep_lock(&self) -> Result<(), Failure> {
        let until = self.state.now() + self.state.anaf.policy.sync_lock;
        let db = &self.state.db;
        if efactura_sync::renew(db, self.company.id, self.env, self.owner, until).await? {
            Ok(())
        } else {
            Err(Failure::LostLock)
        }
    }

    /// Downloads (unless stored) and imports one received invoice; `Some(wait)` when ANAF is
    /// unwell and the remaining messages should wait that long.
    async fn receive(
        &self,
        token: &str,
        message: &Pending,
        stats: &mut Stats,
    ) -> Result<Option<Duration>, Failure> {
        let state = self.state;
        let now = state.now();
        let label = format!("Message {}", message.message_id);
        if !message.has_archive {
            let fetched = sentbox::fetch(
                state,
                self.mailbox(),
                token,
                message.id,
                message.message_id,
                now,
            )
            .await;
            match fetched {
                Ok(Fetched::Archive(d)) => {
                    efactura_messages::store_download(
                        &state.db,
                        message.id,
                        &d,
                        AfterDownload::Received,
                        now,
                    )
                    .await?;
                }
                Ok(Fetched::Refused(why)) => {
                    stats.errors.push(format!("{label}: {why}"));
                    return Ok(None);
                }
                Ok(Fetched::QuotaSpent) => {
                    stats.errors.push(format!(
                        "{label}: today's downloads of it are spent; it is downloaded tomorrow."
                    ));
                    return Ok(None);
                }
                Err(ScanError::Database(e)) => return Err(e.into()),
                Err(e) => {
                    stats.errors.push(format!("{label}: {e}"));
                    return Ok(Some(resume_after(&e)));
                }
            }
        }
        match import::import_message(state, self.company, message.id, now).await {
            Ok(imported) if imported.duplicate => stats.skipped_duplicates += 1,
            Ok(imported) => {
                stats.new_invoices += 1;
                stats.new_suppliers += u32::from(imported.new_supplier);
            }
            Err(ImportError::Database(e)) => return Err(e.into()),
            Err(e) => {
                let why = e.to_string();
                efactura_messages::mark_error(&state.db, message.id, &why, now).await?;
                stats.errors.push(format!("{label}: {why}"));
            }
        }
        Ok(None)
    }

    async fn record(&self, event: &DomainEvent) -> Result<(), sqlx::Error> {
        let now = self.state.now();
        let mut tx = self.state.db.begin().await?;
        events::record(&mut tx, self.origin(), event, now).await?;
        tx.commit().await
    }

    /// Records how far an interrupted pass got, without an event: the pass that resumes it
    /// finishes the sync.
    async fn interrupted(&self, stats: &Stats) -> Result<(), sqlx::Error> {
        let (tx, _, _) = self.record_end(INTERRUPTED, stats).await?;
        tx.commit().await
    }

    /// Writes the pass's ending and stats; the caller adds to the transaction and commits it.
    async fn record_end(
        &self,
        status: &str,
        stats: &Stats,
    ) -> Result<(crate::store::Tx, OffsetDateTime, Value), sqlx::Error> {
        let now = self.state.now();
        let json = stats.to_json();
        let finished = Finished {
            status,
            error: None,
            stats: &json,
        };
        let mut tx = self.state.db.begin().await?;
        efactura_sync::finish(
            &mut tx,
            self.company.id,
            self.env,
            self.owner,
            &finished,
            now,
        )
        .await?;
        Ok((tx, now, json))
    }

    async fn completed(&self, stats: &Stats) -> Result<(), sqlx::Error> {
        let (mut tx, now, json) = self.record_end("completed", stats).await?;
        companies::set_last_synced(&mut tx, self.company.id, now).await?;
        let event = DomainEvent::SyncCompleted {
            company_id: self.company.id,
            stats: json,
        };
        events::record(&mut tx, self.origin(), &event, now).await?;
        tx.commit().await
    }

    /// Records the failure. `sync.error` goes out when the failure is new: a company whose
    /// token is missing is not announced every half hour (lessons.md #18).
    async fn failed(&self, message: &str) -> Result<(), sqlx::Error> {
        let now = self.state.now();
        let before = efactura_sync::get(&self.state.db, self.company.id, self.env).await?;
        let repeated = before.is_some_and(|s| {
            s.last_status.as_deref() == Some("failed") && s.last_error.as_deref() == Some(message)
        });
        let stats = Stats {
            errors: vec![message.to_owned()],
            ..Stats::default()
        }
        .to_json();
        let finished = Finished {
            status: "failed",
            error: Some(message),
            stats: &stats,
        };
        let mut tx = self.state.db.begin().await?;
        efactura_sync::finish(
            &mut tx,
            self.company.id,
            self.env,
            self.owner,
            &finished,
            now,
        )
        .await?;
        if !repeated {
            let event = DomainEvent::SyncFailed {
                company_id: self.company.id,
                errors: vec![message.to_owned()],
            };
            events::record(&mut tx, self.origin(), &event, now).await?;
        }
        tx.commit().await
    }
}

#[cfg(test)]
mod tests {
    use time::macros::datetime;

    use super::*;

    const NOW: OffsetDateTime = datetime!(2026-06-15 09:00 UTC);

    #[test]
    fn the_first_pass_lists_sync_days_back_within_anafs_sixty() {
        let hour = Duration::hours(1);
        assert_eq!(
            window_start(None, None, 60, hour, NOW).0,
            NOW - Duration::days(60)
        );
        assert_eq!(
            window_start(None, None, 7, hour, NOW).0,
            NOW - Duration::days(7)
        );
        assert_eq!(
            window_start(None, None, 0, hour, NOW).0,
            NOW - Duration::days(1)
        );
        assert_eq!(
            window_start(None, None, 365, hour, NOW),
            (NOW - Duration::days(60), None)
        );
    }

    #[test]
    fn a_later_pass_overlaps_the_last_window_and_a_backfill_reaches_further() {
        let until = NOW - Duration::minutes(30);
        let hour = Duration::hours(1);
        assert_eq!(
            window_start(Some(until), None, 60, hour, NOW),
            (until - hour, None)
        );
        let from = NOW - Duration::days(5);
        assert_eq!(window_start(Some(until), Some(from), 60, hour, NOW).0, from);
        // A backfill later than the overlap changes nothing.
        assert_eq!(
            window_start(Some(until), Some(NOW), 60, hour, NOW).0,
            until - hour
        );
    }

    #[test]
    fn a_watermark_older_than_anaf_lists_is_a_reported_gap() {
        let until = NOW - Duration::days(70);
        let (start, gap) = window_start(Some(until), None, 60, Duration::hours(1), NOW);
        assert_eq!(start, until - Duration::hours(1));
        assert_eq!(gap, Some((until, NOW - Duration::days(59))));
    }

    #[test]
    fn stats_have_the_contract_keys() {
        let stats = Stats {
            new_invoices: 2,
            skipped_duplicates: 1,
            new_suppliers: 1,
            new_messages: 4,
            errors: vec!["Message 1: x".into()],
        };
        let json = stats.to_json();
        for key in [
            "newInvoices",
            "skippedDuplicates",
            "newClients",
            "newProducts",
            "newSeries",
            "errors",
        ] {
            assert!(json.get(key).is_some(), "{key}");
        }
        assert_eq!(json["newClients"], 1);
    }
}
