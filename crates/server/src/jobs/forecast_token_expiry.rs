//! Job `forecast_token_expiry`: daily, records `anaf.token_expiring` for ANAF tokens near their
//! end (`vault::forecast`). Each run first queues the next day's; the server queues the current
//! day's at start, so the chain survives restarts and a lost run. The dedupe key names the day,
//! so a day has one run queued at most, and a repeated run warns no one twice.

use time::{OffsetDateTime, Time};

use super::queue::{Job, enqueue};
use super::runner::JobError;
use crate::state::AppState;
use crate::store::Tx;
use crate::vault::forecast;

/// The hour (UTC) of the daily run: 09:00 in Bucharest in winter, before the working day.
const RUN_AT: Time = time::macros::time!(07:00);

pub async fn run(state: &AppState) -> Result<(), JobError> {
    let transient = |e: sqlx::Error| JobError::Transient(e.to_string());
    let now = state.now();
    let mut tx = state.db.begin().await.map_err(transient)?;
    schedule(&mut tx, next_run(now), now)
        .await
        .map_err(transient)?;
    tx.commit().await.map_err(transient)?;
    forecast::run(&state.db, &state.vault, state.authority.environment, now)
        .await
        .map_err(transient)?;
    Ok(())
}

/// Queues the run of `at`'s day at `at`, unless that day's run is queued or running already.
pub async fn schedule(
    tx: &mut Tx,
    at: OffsetDateTime,
    now: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    let key = format!("forecast-token-expiry:{}", at.date());
    enqueue(tx, &Job::ForecastTokenExpiry, at, Some(&key), now).await?;
    Ok(())
}

/// The next day's run after `now`.
pub fn next_run(now: OffsetDateTime) -> OffsetDateTime {
    let today = now.to_offset(time::UtcOffset::UTC).date();
    today
        .next_day()
        .unwrap_or(today)
        .with_time(RUN_AT)
        .assume_utc()
}

#[cfg(test)]
mod tests {
    use time::macros::datetime;

    use super::*;

    #[test]
    fn the_next_run_is_tomorrow_morning() {
        assert_eq!(
            next_run(datetime!(2026-06-15 09:00 UTC)),
            datetime!(2026-06-16 07:00 UTC)
        );
        assert_eq!(
            next_run(datetime!(2026-06-15 01:00 +03:00)),
            datetime!(2026-06-15 07:00 UTC)
        );
    }
}
