//! Uploads an e-Factura submission exactly once (see `efactura::upload`).

use super::runner::JobError;
use crate::ids::SubmissionId;
use crate::state::AppState;

pub async fn run(state: &AppState, submission: SubmissionId) -> Result<(), JobError> {
    crate::efactura::upload::run(state, submission).await
}
