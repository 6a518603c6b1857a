//! Job `purge_company`: deletes a soft-deleted company, with everything it owns, once its grace
//! period is over. A company restored in time is left alone.

use super::runner::JobError;
use crate::ids::CompanyId;
use crate::state::AppState;
use crate::store::companies;

pub async fn run(state: &AppState, company: CompanyId) -> Result<(), JobError> {
    let transient = |e: sqlx::Error| JobError::Transient(e.to_string());
    let mut tx = state.db.begin().await.map_err(transient)?;
    let purged = companies::purge(&mut tx, company, state.now())
        .await
        .map_err(transient)?;
    tx.commit().await.map_err(transient)?;
    if purged {
        tracing::info!(%company, "purged a deleted company");
    }
    Ok(())
}
