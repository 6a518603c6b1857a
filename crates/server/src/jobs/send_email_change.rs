//! Job `send_email_change`: makes an e-mail change link and e-mails it to the new address,
//! unless that address has an account (`auth::links::email_change_mail`). The e-mail is sent
//! from here, not queued as `send_email`, so the link never sits in the job table.

use super::runner::JobError;
use crate::ids::UserId;
use crate::state::AppState;

pub async fn run(state: &AppState, user: UserId, new_email: &str) -> Result<(), JobError> {
    match crate::auth::links::email_change_mail(state, user, new_email, state.now()).await? {
        Some(mail) => super::send_email::run(state, &mail).await,
        None => Ok(()),
    }
}
