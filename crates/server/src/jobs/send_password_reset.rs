//! Job `send_password_reset`: when the address has an active account, makes a reset link and
//! e-mails it (`auth::links::reset_mail`); an unknown address ends the job quietly. The e-mail
//! is sent from here, not queued as `send_email`, so the link never sits in the job table.

use super::runner::JobError;
use crate::state::AppState;

pub async fn run(state: &AppState, email: &str) -> Result<(), JobError> {
    match crate::auth::links::reset_mail(state, email, state.now()).await? {
        Some(mail) => super::send_email::run(state, &mail).await,
        None => Ok(()),
    }
}
