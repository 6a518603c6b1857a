//! The runner: claims due jobs, runs them on a bounded number of tasks, and on shutdown stops
//! claiming and lets running jobs finish (up to the grace period).

use std::sync::Arc;
use std::time::Duration as StdDuration;

use time::Duration;
use tokio::sync::Semaphore;
use tokio::task::JoinSet;
use tokio_util::sync::CancellationToken;

use super::queue::{self, Claimed, Job, Lane};
use crate::state::AppState;

/// How long a claimed job is ours before another worker may take it.
pub const LEASE: Duration = Duration::minutes(5);
const IDLE_POLL: StdDuration = StdDuration::from_millis(250);

/// A job's failure: transient ones are retried with back-off, permanent ones are not.
#[derive(Debug, thiserror::Error)]
pub enum JobError {
    #[error("{0}")]
    Transient(String),
    #[error("{0}")]
    Permanent(String),
    /// Not a failure: the job waits on something outside (ANAF still processing, a daily
    /// quota) and runs again at the given time; the run is not counted as an attempt.
    #[error("waiting until {0}")]
    Later(time::OffsetDateTime),
}

impl From<sqlx::Error> for JobError {
    fn from(e: sqlx::Error) -> Self {
        JobError::Transient(format!("database: {e}"))
    }
}

/// Runs one job. Every kind's handler is a short function in its own file.
async fn run_one(state: &AppState, job: &Job) -> Result<(), JobError> {
    match job {
        Job::SendEmail(email) => super::send_email::run(state, email).await,
        Job::SendPasswordReset { email } => super::send_password_reset::run(state, email).await,
        Job::SendEmailChange { user_id, new_email } => {
            super::send_email_change::run(state, *user_id, new_email).await
        }
        Job::PurgeCompany { company_id } => super::purge_company::run(state, *company_id).await,
        Job::SubmitInvoice { submission_id } => {
            super::submit_invoice::run(state, *submission_id).await
        }
        Job::PollSubmission { submission_id } => {
            super::poll_submission::run(state, *submission_id).await
        }
        Job::ForecastTokenExpiry => super::forecast_token_expiry::run(state).await,
        Job::RefreshAnafTokens => super::refresh_anaf_tokens::run(state).await,
        Job::SyncEfactura { company_id } => super::sync_efactura::run(state, *company_id).await,
        Job::DeliverWebhook { delivery_id } => {
            super::deliver_webhook::run(state, *delivery_id).await
        }
        Job::SendDocumentEmail { log_id } => super::send_document_email::run(state, *log_id).await,
        Job::IssueRecurring {
            recurring_id,
            period,
        } => super::issue_recurring::run(state, *recurring_id, *period).await,
    }
}

/// Claims and runs the jobs of `lane` on `workers` tasks until `shutdown` fires; then waits
/// for the running ones.
pub async fn run(
    state: AppState,
    owner: String,
    lane: Lane,
    workers: usize,
    shutdown: CancellationToken,
) {
    let workers = workers.max(1);
    let slots = Arc::new(Semaphore::new(workers));
    let mut running = JoinSet::new();
    tracing::info!(owner, workers, lane = lane.as_str(), "job runner started");
    loop {
        while running.try_join_next().is_some() {}
        let free = slots.available_permits();
        if free == 0 {
            // Every worker is busy: claim again as soon as one finishes, not after an idle
            // poll (which capped throughput at workers / IDLE_POLL jobs a second).
            tokio::select! {
                () = shutdown.cancelled() => break,
                _ = running.join_next() => {}
            }
            continue;
        }
        let claimed = {
            let limit = i64::try_from(free).unwrap_or(1);
            match queue::claim(&state.db, lane, &owner, state.now(), LEASE, limit).await {
                Ok(c) => c,
                Err(e) => {
                    tracing::warn!(error = %e, "claiming jobs failed");
                    Vec::new()
                }
            }
        };
        let idle = claimed.is_empty();
        for claim in claimed {
            let Ok(permit) = Arc::clone(&slots).acquire_owned().await else {
                break;
            };
            let (state, owner) = (state.clone(), owner.clone());
            running.spawn(async move {
                execute(&state, &owner, claim).await;
                drop(permit);
            });
        }
        if idle {
            tokio::select! {
                () = shutdown.cancelled() => break,
                () = tokio::time::sleep(IDLE_POLL) => {}
            }
        } else if shutdown.is_cancelled() {
            break;
        }
    }
    let grace = state.config.shutdown_grace;
    if tokio::time::timeout(grace, async {
        while running.join_next().await.is_some() {}
    })
    .await
    .is_err()
    {
        tracing::warn!(
            left = running.len(),
            "jobs still running after the grace period; their leases will expire"
        );
        running.abort_all();
    }
    tracing::info!(owner, lane = lane.as_str(), "job runner stopped");
}

async fn execute(state: &AppState, owner: &str, claim: Claimed) {
    let Claimed {
        id,
        job,
        attempts,
        max_attempts,
    } = claim;
    let now = state.now();
    let job = match job {
        Ok(job) if attempts <= max_attempts => job,
        Ok(_) => {
            let _ = queue::fail(&state.db, id, owner, "gave up: attempts exhausted", now).await;
            return;
        }
        Err(e) => {
            tracing::error!(%id, error = %e, "unreadable job payload");
            let _ = queue::fail(
                &state.db,
                id,
                owner,
                &format!("unreadable payload: {e}"),
                now,
            )
            .await;
            return;
        }
    };
    let result = run_one(state, &job).await;
    let now = state.now();
    let outcome = match result {
        Ok(()) => {
            tracing::info!(%id, kind = job.kind(), attempts, "job finished");
            queue::complete(&state.db, id, owner, now).await
        }
        Err(JobError::Later(at)) => {
            tracing::debug!(%id, kind = job.kind(), %at, "job waits");
            queue::reschedule(&state.db, id, owner, None, at, now).await
        }
        Err(JobError::Transient(e)) if attempts < max_attempts => {
            tracing::warn!(%id, kind = job.kind(), attempts, error = %e, "job failed; will retry");
            queue::retry_later(
                &state.db,
                id,
                owner,
                &e,
                now + queue::backoff(attempts),
                now,
            )
            .await
        }
        Err(e) => {
            tracing::error!(%id, kind = job.kind(), attempts, error = %e, "job failed for good");
            queue::fail(&state.db, id, owner, &e.to_string(), now).await
        }
    };
    match outcome {
        Ok(true) => {}
        Ok(false) => tracing::warn!(%id, "lost the lease of a job before finishing it"),
        Err(e) => tracing::error!(%id, error = %e, "recording a job's outcome failed"),
    }
}
