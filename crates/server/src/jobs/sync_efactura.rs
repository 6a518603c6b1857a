//! Job `sync_efactura`: one sync pass over a company's SPV box (see `efactura::sync`). Queued
//! with a per-company dedupe key, so a company has at most one pass waiting or running.

use time::OffsetDateTime;

use super::queue::{Job, enqueue};
use super::runner::JobError;
use crate::efactura::sync::Outcome;
use crate::ids::CompanyId;
use crate::state::AppState;
use crate::store::Tx;

/// A pass ANAF interrupted runs again when ANAF said (not counted as a failed attempt).
pub async fn run(state: &AppState, company: CompanyId) -> Result<(), JobError> {
    match crate::efactura::sync::run(state, company).await? {
        Outcome::Interrupted { resume, .. } => Err(JobError::Later(resume)),
        Outcome::Completed(_) | Outcome::Failed(_) | Outcome::Busy | Outcome::Skipped => Ok(()),
    }
}

/// Queues a pass for `company` now, unless one is queued or running; true when queued.
pub async fn queue(
    tx: &mut Tx,
    company: CompanyId,
    now: OffsetDateTime,
) -> Result<bool, sqlx::Error> {
    let key = format!("sync_efactura:{company}");
    let job = Job::SyncEfactura {
        company_id: company,
    };
    Ok(enqueue(tx, &job, now, Some(&key), now).await?.is_some())
}
