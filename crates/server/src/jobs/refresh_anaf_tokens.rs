//! Job `refresh_anaf_tokens`: every six hours, refreshes the ANAF access tokens that expire
//! within a week (`vault::access::refresh_due`), each under its refresh lock. Each run first
//! queues the next; the server queues one at start. Runs sit on the hours 00, 06, 12 and 18 UTC
//! and the dedupe key names the slot, so chains started by several processes merge into one.

use time::{Duration, OffsetDateTime};

use super::queue::{Job, enqueue};
use super::runner::JobError;
use crate::state::AppState;
use crate::store::Tx;
use crate::vault::access;

/// The time between runs.
const EVERY: Duration = Duration::hours(6);

pub async fn run(state: &AppState) -> Result<(), JobError> {
    let transient = |e: sqlx::Error| JobError::Transient(e.to_string());
    let now = state.now();
    let mut tx = state.db.begin().await.map_err(transient)?;
    schedule(&mut tx, next_run(now), now)
        .await
        .map_err(transient)?;
    tx.commit().await.map_err(transient)?;
    let report = access::refresh_due(state, now)
        .await
        .map_err(|e| JobError::Transient(e.to_string()))?;
    if !report.permanent.is_empty() {
        tracing::warn!(failures = ?report.permanent, "ANAF tokens that need a person to connect again");
    }
    if report.transient.is_empty() {
        Ok(())
    } else {
        // Retried with back-off; tokens refreshed meanwhile are not due any more.
        Err(JobError::Transient(report.transient.join("; ")))
    }
}

/// Queues the run of `at`'s slot at `at`, unless that slot's run is queued or running already.
pub async fn schedule(
    tx: &mut Tx,
    at: OffsetDateTime,
    now: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    let slot = at.unix_timestamp().div_euclid(EVERY.whole_seconds());
    let key = format!("refresh-anaf-tokens:{slot}");
    enqueue(tx, &Job::RefreshAnafTokens, at, Some(&key), now).await?;
    Ok(())
}

/// The start of the slot after `now`'s.
pub fn next_run(now: OffsetDateTime) -> OffsetDateTime {
    let every = EVERY.whole_seconds();
    let next = (now.unix_timestamp().div_euclid(every) + 1) * every;
    OffsetDateTime::from_unix_timestamp(next).unwrap_or(now + EVERY)
}

#[cfg(test)]
mod tests {
    use time::macros::datetime;

    use super::*;

    #[test]
    fn runs_sit_on_six_hour_slots() {
        assert_eq!(
            next_run(datetime!(2026-06-15 09:00 UTC)),
            datetime!(2026-06-15 12:00 UTC)
        );
        assert_eq!(
            next_run(datetime!(2026-06-15 23:59:59 UTC)),
            datetime!(2026-06-16 00:00 UTC)
        );
        assert_eq!(
            next_run(datetime!(2026-06-15 06:00 UTC)),
            datetime!(2026-06-15 12:00 UTC)
        );
    }
}
