//! Job `send_email`: hands one e-mail to the mailer.

use super::runner::JobError;
use crate::mail::Email;
use crate::state::AppState;

pub async fn run(state: &AppState, email: &Email) -> Result<(), JobError> {
    state.mailer.send(email).await.map_err(|e| {
        if e.is_transient() {
            JobError::Transient(e.to_string())
        } else {
            JobError::Permanent(e.to_string())
        }
    })
}
