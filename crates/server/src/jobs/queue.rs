//! The job table: `enqueue` inside the caller's transaction, `claim` with a lease, then
//! `complete`, `retry_later` or `fail`. A lease that expires (a crashed or stuck worker) makes
//! the job claimable again, so every job must be idempotent. On PostgreSQL the claim skips rows
//! another process holds (`FOR UPDATE SKIP LOCKED`), so several server processes share one queue
//! without running a job twice.

use serde::{Deserialize, Serialize};
use sqlx::types::Json;
use time::{Duration, OffsetDateTime};

use crate::ids::{
    CompanyId, EmailLogId, JobId, RecurringId, SubmissionId, UserId, WebhookDeliveryId,
};
use crate::mail::Email;
use crate::store::{Db, Ts, Tx};
use crate::{on_db, on_tx};

/// Every kind of job. A new kind without a handler in `runner::run_one` does not compile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "args", rename_all = "snake_case")]
pub enum Job {
    SendEmail(Email),
    /// Looks an address up and, when it has an active account, e-mails a password reset link
    /// (in a job so that the request's timing does not tell whether the address exists).
    SendPasswordReset {
        email: String,
    },
    /// E-mails an e-mail change link to the new address, unless it has an account.
    SendEmailChange {
        user_id: UserId,
        new_email: String,
    },
    PurgeCompany {
        company_id: CompanyId,
    },
    /// Uploads an e-Factura submission, or reconciles one whose upload has no known outcome.
    SubmitInvoice {
        submission_id: SubmissionId,
    },
    /// Asks ANAF where an uploaded submission stands.
    PollSubmission {
        submission_id: SubmissionId,
    },
    /// Daily: `anaf.token_expiring` for ANAF tokens near their end.
    ForecastTokenExpiry,
    /// Every six hours: refreshes ANAF access tokens that expire within a week.
    RefreshAnafTokens,
    /// Reads a company's SPV box and imports the invoices it received.
    SyncEfactura {
        company_id: CompanyId,
    },
    /// Sends one attempt of a webhook delivery (`webhooks::deliver`); waits between attempts.
    DeliverWebhook {
        delivery_id: WebhookDeliveryId,
    },
    /// Sends a document e-mail of the send log (`documents::email::deliver`).
    SendDocumentEmail {
        log_id: EmailLogId,
    },
    /// Makes the invoice of a recurring template's period.
    IssueRecurring {
        recurring_id: RecurringId,
        period: time::Date,
    },
}

/// A queue of its own, with its own workers: a slow webhook receiver holds up other deliveries
/// at most, never an e-Factura submission.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lane {
    Main,
    Webhooks,
}

impl Lane {
    pub fn as_str(self) -> &'static str {
        match self {
            Lane::Main => "main",
            Lane::Webhooks => "webhooks",
        }
    }
}

impl Job {
    pub fn kind(&self) -> &'static str {
        match self {
            Job::SendEmail(_) => "send_email",
            Job::SendPasswordReset { .. } => "send_password_reset",
            Job::SendEmailChange { .. } => "send_email_change",
            Job::PurgeCompany { .. } => "purge_company",
            Job::SubmitInvoice { .. } => "submit_invoice",
            Job::PollSubmission { .. } => "poll_submission",
            Job::ForecastTokenExpiry => "forecast_token_expiry",
            Job::RefreshAnafTokens => "refresh_anaf_tokens",
            Job::SyncEfactura { .. } => "sync_efactura",
            Job::DeliverWebhook { .. } => "deliver_webhook",
            Job::IssueRecurring { .. } => "issue_recurring",
            Job::SendDocumentEmail { .. } => "send_document_email",
        }
    }

    pub fn lane(&self) -> Lane {
        match self {
            Job::DeliverWebhook { .. } => Lane::Webhooks,
            _ => Lane::Main,
        }
    }

    /// How often the job is tried before it is marked failed.
    pub fn max_attempts(&self) -> i32 {
        match self {
            Job::SendEmail(_)
            | Job::SendPasswordReset { .. }
            | Job::SendEmailChange { .. }
            | Job::SendDocumentEmail { .. } => 8,
            Job::PurgeCompany { .. } => 10,
            // Waiting on ANAF is not an attempt (`JobError::Later`); these count failures.
            Job::SubmitInvoice { .. } | Job::PollSubmission { .. } => 20,
            // Waiting for a webhook's next attempt is not a job attempt; these count database
            // trouble.
            // BNR or the database unavailable, for a recurring run; a template that cannot make
            // an invoice fails at once (`JobError::Permanent`).
            Job::ForecastTokenExpiry | Job::DeliverWebhook { .. } | Job::IssueRecurring { .. } => 5,
            Job::RefreshAnafTokens => 6,
            // A pass that keeps failing waits for the next scheduled one.
            Job::SyncEfactura { .. } => 3,
        }
    }
}

/// Queues `job` to run at `run_at`. With a `dedupe_key`, a job with the same key that is still
/// queued or running absorbs this one (returns `None`).
pub async fn enqueue(
    tx: &mut Tx,
    job: &Job,
    run_at: OffsetDateTime,
    dedupe_key: Option<&str>,
    now: OffsetDateTime,
) -> Result<Option<JobId>, sqlx::Error> {
    let id = JobId::new();
    let inserted = on_tx!(tx, c => sqlx::query(
        "INSERT INTO jobs (id, kind, lane, payload, dedupe_key, status, run_at, attempts, max_attempts, created_at, updated_at) \
         VALUES ($1, $2, $8, $3, $4, 'queued', $5, 0, $6, $7, $7) ON CONFLICT DO NOTHING",
    )
    .bind(id)
    .bind(job.kind())
    .bind(Json(job))
    .bind(dedupe_key)
    .bind(Ts(run_at))
    .bind(job.max_attempts())
    .bind(Ts(now))
    .bind(job.lane().as_str())
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok((inserted == 1).then_some(id))
}

/// A job this process holds the lease of.
#[derive(Debug, Clone)]
pub struct Claimed {
    pub id: JobId,
    pub job: Result<Job, String>,
    /// Including this one.
    pub attempts: i32,
    pub max_attempts: i32,
}

#[derive(sqlx::FromRow)]
struct ClaimRow {
    id: JobId,
    payload: Json<serde_json::Value>,
    attempts: i32,
    max_attempts: i32,
}

/// Whether `lane` has a job due at `now` or a lease that expired: a read, so an idle runner
/// polling it never takes SQLite's write lock. A job that becomes due just after is claimed by
/// the next poll.
async fn any_due(db: &Db, lane: Lane, now: OffsetDateTime) -> Result<bool, sqlx::Error> {
    let found: Option<i32> = on_db!(db, c => sqlx::query_scalar(
        "SELECT 1 FROM jobs WHERE lane = $1 AND \
         ((status = 'queued' AND run_at <= $2) OR (status = 'running' AND lease_until < $2)) LIMIT 1",
    )
    .bind(lane.as_str())
    .bind(Ts(now))
    .fetch_optional(c)
    .await)?;
    Ok(found.is_some())
}

/// Leases up to `limit` due jobs of `lane` to `owner` until `now + lease`. Jobs whose lease
/// expired (a crashed or stuck worker) are put back in the queue first. Nothing due: no write.
pub async fn claim(
    db: &Db,
    lane: Lane,
    owner: &str,
    now: OffsetDateTime,
    lease: Duration,
    limit: i64,
) -> Result<Vec<Claimed>, sqlx::Error> {
    if !any_due(db, lane, now).await? {
        return Ok(Vec::new());
    }
    // One statement either way, walking the claim index in order. Only PostgreSQL needs (and
    // has) SKIP LOCKED: SQLite's write transaction is exclusive already.
    macro_rules! claim_sql {
        ($lock:literal) => {
            concat!(
                "UPDATE jobs SET status = 'running', lease_owner = $1, lease_until = $2, \
                 attempts = attempts + 1, updated_at = $3 \
                 WHERE id IN (SELECT id FROM jobs \
                   WHERE lane = $5 AND status = 'queued' AND run_at <= $3 \
                   ORDER BY run_at, id LIMIT $4",
                $lock,
                ") RETURNING id, payload, attempts, max_attempts"
            )
        };
    }
    let mut tx = db.begin().await?;
    on_tx!(&mut tx, c => sqlx::query(
        "UPDATE jobs SET status = 'queued', lease_owner = NULL, lease_until = NULL, updated_at = $1 \
         WHERE status = 'running' AND lease_until < $1 AND lane = $2",
    )
    .bind(Ts(now))
    .bind(lane.as_str())
    .execute(c)
    .await.map(|_| ()))?;
    let rows: Vec<ClaimRow> = match &mut tx {
        Tx::Sqlite(t) => {
            sqlx::query_as(claim_sql!(""))
                .bind(owner)
                .bind(Ts(now + lease))
                .bind(Ts(now))
                .bind(limit)
                .bind(lane.as_str())
                .fetch_all(&mut **t)
                .await?
        }
        Tx::Postgres(t) => {
            sqlx::query_as(claim_sql!(" FOR UPDATE SKIP LOCKED"))
                .bind(owner)
                .bind(Ts(now + lease))
                .bind(Ts(now))
                .bind(limit)
                .bind(lane.as_str())
                .fetch_all(&mut **t)
                .await?
        }
    };
    tx.commit().await?;
    Ok(rows
        .into_iter()
        .map(|r| Claimed {
            id: r.id,
            job: serde_json::from_value(r.payload.0).map_err(|e| e.to_string()),
            attempts: r.attempts,
            max_attempts: r.max_attempts,
        })
        .collect())
}

/// Marks a job done, if `owner` still holds its lease.
pub async fn complete(
    db: &Db,
    id: JobId,
    owner: &str,
    now: OffsetDateTime,
) -> Result<bool, sqlx::Error> {
    finish(db, id, owner, "done", None, now).await
}

/// Marks a job failed for good.
pub async fn fail(
    db: &Db,
    id: JobId,
    owner: &str,
    error: &str,
    now: OffsetDateTime,
) -> Result<bool, sqlx::Error> {
    finish(db, id, owner, "failed", Some(error), now).await
}

async fn finish(
    db: &Db,
    id: JobId,
    owner: &str,
    status: &str,
    error: Option<&str>,
    now: OffsetDateTime,
) -> Result<bool, sqlx::Error> {
    let mut tx = db.begin().await?;
    let done = on_tx!(&mut tx, c => sqlx::query(
        "UPDATE jobs SET status = $3, last_error = COALESCE($4, last_error), finished_at = $5, \
         updated_at = $5, lease_owner = NULL, lease_until = NULL \
         WHERE id = $1 AND lease_owner = $2 AND status = 'running'",
    )
    .bind(id)
    .bind(owner)
    .bind(status)
    .bind(error)
    .bind(Ts(now))
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    tx.commit().await?;
    Ok(done == 1)
}

/// Puts a job back in the queue to run at `run_at`.
pub async fn retry_later(
    db: &Db,
    id: JobId,
    owner: &str,
    error: &str,
    run_at: OffsetDateTime,
    now: OffsetDateTime,
) -> Result<bool, sqlx::Error> {
    let mut tx = db.begin().await?;
    let done = on_tx!(&mut tx, c => sqlx::query(
        "UPDATE jobs SET status = 'queued', last_error = $3, run_at = $4, updated_at = $5, \
         lease_owner = NULL, lease_until = NULL \
         WHERE id = $1 AND lease_owner = $2 AND status = 'running'",
    )
    .bind(id)
    .bind(owner)
    .bind(error)
    .bind(Ts(run_at))
    .bind(Ts(now))
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    tx.commit().await?;
    Ok(done == 1)
}

/// Puts a job back in the queue to run at `run_at` without counting the run as an attempt: it
/// waited on something outside (ANAF still processing, a quota day), it did not fail.
pub async fn reschedule(
    db: &Db,
    id: JobId,
    owner: &str,
    note: Option<&str>,
    run_at: OffsetDateTime,
    now: OffsetDateTime,
) -> Result<bool, sqlx::Error> {
    let mut tx = db.begin().await?;
    let done = on_tx!(&mut tx, c => sqlx::query(
        "UPDATE jobs SET status = 'queued', attempts = attempts - 1, last_error = COALESCE($3, last_error), \
         run_at = $4, updated_at = $5, lease_owner = NULL, lease_until = NULL \
         WHERE id = $1 AND lease_owner = $2 AND status = 'running'",
    )
    .bind(id)
    .bind(owner)
    .bind(note)
    .bind(Ts(run_at))
    .bind(Ts(now))
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    tx.commit().await?;
    Ok(done == 1)
}

/// Back-off before attempt `attempts + 1`: 30 s doubling, at most 1 h.
pub fn backoff(attempts: i32) -> Duration {
    let exp = u32::try_from(attempts.clamp(1, 8) - 1).unwrap_or(0);
    (Duration::seconds(30) * 2i32.pow(exp)).min(Duration::hours(1))
}

/// A job's state as the tests and operators see it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct JobRow {
    pub id: JobId,
    pub kind: String,
    pub status: String,
    pub attempts: i32,
    pub last_error: Option<String>,
}

pub async fn list(db: &Db) -> Result<Vec<JobRow>, sqlx::Error> {
    on_db!(db, c => sqlx::query_as::<_, JobRow>("SELECT id, kind, status, attempts, last_error FROM jobs ORDER BY created_at, id")
        .fetch_all(c)
        .await)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_and_is_capped() {
        assert_eq!(backoff(1), Duration::seconds(30));
        assert_eq!(backoff(2), Duration::seconds(60));
        assert_eq!(backoff(5), Duration::seconds(480));
        assert_eq!(backoff(50), Duration::hours(1));
    }
}
