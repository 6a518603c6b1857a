//! Job `issue_recurring`: the scheduled run of one recurring template for one period
//! (`documents::recurring::run`). Queued once per (template, period) by the scheduler; the
//! run's own claim makes a retried or doubled job harmless.

use time::{Date, OffsetDateTime};

use super::runner::JobError;
use super::{Job, enqueue};
use crate::api::error::ApiError;
use crate::documents::recurring::{self, Trigger};
use crate::ids::RecurringId;
use crate::state::AppState;
use crate::store::Tx;

/// Queues the run of `period`; `false` when it is queued or running already.
pub async fn queue(
    tx: &mut Tx,
    recurring_id: RecurringId,
    period: Date,
    now: OffsetDateTime,
) -> Result<bool, sqlx::Error> {
    let key = format!("issue_recurring:{recurring_id}:{period}");
    let job = Job::IssueRecurring {
        recurring_id,
        period,
    };
    Ok(enqueue(tx, &job, now, Some(&key), now).await?.is_some())
}

pub async fn run(state: &AppState, id: RecurringId, period: Date) -> Result<(), JobError> {
    let now = state.now();
    match Box::pin(recurring::run(state, id, Trigger::Scheduled(period), now)).await {
        Ok(Some(issued)) => {
            tracing::info!(recurring = %id, %period, number = %issued.number, "issued a recurring invoice");
            Ok(())
        }
        Ok(None) => Ok(()),
        // The database or BNR: tried again by the job.
        Err(e @ (ApiError::Internal(_) | ApiError::Unavailable(_))) => {
            Err(JobError::Transient(e.to_string()))
        }
        // The template cannot make a valid invoice: said on the template, tried again by the
        // scheduler an hour later or once it is saved again.
        Err(e) => {
            let message = format!("The run of {period} failed: {e}");
            recurring::record_failure(state, id, &message, now).await?;
            Err(JobError::Permanent(message))
        }
    }
}
