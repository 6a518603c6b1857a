//! Follows an uploaded e-Factura submission to its outcome (see `efactura::poll`).

use super::runner::JobError;
use crate::ids::SubmissionId;
use crate::state::AppState;

pub async fn run(state: &AppState, submission: SubmissionId) -> Result<(), JobError> {
    crate::efactura::poll::run(state, submission).await
}
