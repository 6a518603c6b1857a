//! Job `send_document_email`: sends one e-mail of the document send log with its
//! attachments (`documents::email::deliver`); SMTP trouble is tried again.

use super::runner::JobError;
use crate::documents::email::{self, SendFailure};
use crate::ids::EmailLogId;
use crate::state::AppState;

pub async fn run(state: &AppState, id: EmailLogId) -> Result<(), JobError> {
    Box::pin(email::deliver(state, id))
        .await
        .map_err(|e| match e {
            SendFailure::Transient(m) => JobError::Transient(m),
            SendFailure::Permanent(m) => JobError::Permanent(m),
        })
}
