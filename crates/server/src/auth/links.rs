//! Single-use links sent by e-mail: confirming an address, resetting a forgotten password and
//! moving an account to a new address (issue #5 item 5, api.md §2.1). A link carries a random
//! secret that is stored only as its SHA-256 hash (`user_tokens`), works once and expires. No
//! answer tells whether an address has an account: the reset and change links are made and sent
//! by jobs (`send_password_reset`, `send_email_change`), which also keeps their secrets out of
//! the job table.

use time::{Duration, OffsetDateTime};

use super::{mfa, passwords, session, tokens};
use crate::api::error::ApiError;
use crate::ids::UserId;
use crate::jobs::{self, Job};
use crate::mail::Email;
use crate::state::AppState;
use crate::store::sessions::{self, UsedToken};
use crate::store::users::{self, User};
use crate::store::{StoreError, Tx};

/// A kind of e-mailed link: its token's stored purpose, lifetime and page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Link {
    ConfirmEmail,
    ResetPassword,
    /// Sent to the new address; the token carries it.
    ChangeEmail,
}

impl Link {
    fn purpose(self) -> &'static str {
        match self {
            Link::ConfirmEmail => sessions::CONFIRM_EMAIL,
            Link::ResetPassword => sessions::RESET_PASSWORD,
            Link::ChangeEmail => sessions::CHANGE_EMAIL,
        }
    }

    /// How long the link works: a reset or a change is a short errand, a new account's
    /// confirmation may wait for the weekend.
    pub fn ttl(self) -> Duration {
        match self {
            Link::ConfirmEmail => Duration::hours(48),
            Link::ResetPassword | Link::ChangeEmail => Duration::hours(1),
        }
    }

    /// The page of `web` the link opens; it asks for a click (or the new password) before it
    /// uses the token, so a mail scanner that follows links does not spend it.
    fn page(self) -> &'static str {
        match self {
            Link::ConfirmEmail => "/confirm-email",
            Link::ResetPassword => "/reset-password",
            Link::ChangeEmail => "/confirm-email-change",
        }
    }

    /// Stores a new token for `user` and returns the link to e-mail.
    pub async fn issue(
        self,
        tx: &mut Tx,
        state: &AppState,
        user: UserId,
        new_email: Option<&str>,
        now: OffsetDateTime,
    ) -> Result<String, sqlx::Error> {
        let secret = tokens::new_secret();
        let hash = tokens::hash_secret(&secret);
        let expires = now + self.ttl();
        sessions::insert_user_token(tx, user, self.purpose(), &hash, new_email, expires, now)
            .await?;
        Ok(format!(
            "{}{}?token={secret}",
            state.config.public_url(),
            self.page()
        ))
    }

    /// Uses a token of this kind once: what it was issued for, unless it is unknown, used or
    /// expired.
    pub async fn consume(
        self,
        tx: &mut Tx,
        token: &str,
        now: OffsetDateTime,
    ) -> Result<Option<UsedToken>, sqlx::Error> {
        let hash = tokens::hash_secret(token.trim());
        sessions::consume_user_token(tx, self.purpose(), &hash, now).await
    }
}

/// `POST /api/auth/forgot-password`: queues the `send_password_reset` job, whatever the
/// address. The job looks the address up, so this request does the same work (one insert)
/// whether or not it has an account, and its timing tells nothing. While one request for an
/// address waits in the queue, more are absorbed into it.
pub async fn request_reset(
    state: &AppState,
    email: &str,
    now: OffsetDateTime,
) -> Result<(), ApiError> {
    let email = users::normalize_email(email);
    if !session::is_plausible_email(&email) {
        return Ok(());
    }
    let dedupe = format!("password_reset:{email}");
    let mut tx = state.db.begin().await?;
    jobs::enqueue(
        &mut tx,
        &Job::SendPasswordReset { email },
        now,
        Some(&dedupe),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The `send_password_reset` job's work before sending: when `email` has an active account, a
/// new reset token (older unused ones stop working), committed, and the e-mail with its link.
/// The job sends that e-mail itself, so the link never sits in the job table; a retried job
/// makes a new link.
pub async fn reset_mail(
    state: &AppState,
    email: &str,
    now: OffsetDateTime,
) -> Result<Option<Email>, sqlx::Error> {
    let Some(user) = users::find_by_email(&state.db, email)
        .await?
        .filter(|u| u.is_active)
    else {
        return Ok(None);
    };
    let mut tx = state.db.begin().await?;
    sessions::spend_user_tokens(&mut tx, user.id, sessions::RESET_PASSWORD, now).await?;
    let link = Link::ResetPassword
        .issue(&mut tx, state, user.id, None, now)
        .await?;
    tx.commit().await?;
    tracing::info!(user = %user.id, "a password reset link is being sent");
    Ok(Some(Email {
        to: user.email,
        subject: "Reset your Facturo password".into(),
        text: format!(
            "Someone asked to reset the password of your Facturo account.\n\n\
             Choose a new password by opening this link within an hour:\n\n{link}\n\n\
             The link works once. If you did not ask for it, ignore this message: your password \
             stays as it is.\n"
        ),
    }))
}

/// `POST /api/auth/reset-password`: sets the password a reset link was opened for. Every
/// session of the user ends; a link that is unknown, used or expired, or a password the policy
/// refuses, is a 400 (`{error}`) that leaves the link as it was.
pub async fn reset_password(
    state: &AppState,
    token: &str,
    password: &str,
    origin: &crate::audit::Origin,
    now: OffsetDateTime,
) -> Result<(), ApiError> {
    passwords::check_policy(password).map_err(ApiError::BadRequest)?;
    let hash = passwords::hash(password.to_owned()).await?;
    let mut tx = state.db.begin().await?;
    let user = match Link::ResetPassword.consume(&mut tx, token, now).await? {
        Some(used) => users::get_in(&mut tx, used.user_id)
            .await?
            .filter(|u| u.is_active),
        None => None,
    };
    let Some(user) = user else {
        return Err(ApiError::bad_request(
            "This password reset link is invalid, used or expired.",
        ));
    };
    sessions::spend_user_tokens(&mut tx, user.id, sessions::RESET_PASSWORD, now).await?;
    session::set_password(&mut tx, user.id, &hash, now).await?;
    tx.commit().await?;
    tracing::info!(user = %user.id, "the password was reset by an e-mailed link; every session ended");
    // The owner proved the address: a lock-out of password logins ends too.
    super::lockout::cleared(state, &user.email).await?;
    let entry =
        crate::audit::Entry::new("password.reset", crate::audit::Outcome::Success).of_user(&user);
    crate::audit::record(state, origin, entry).await;
    Ok(())
}

/// What a request to change the address brings besides the caller.
#[derive(Debug, Clone, Copy)]
pub struct EmailChange<'a> {
    pub new_email: &'a str,
    /// Needed when the account has a password.
    pub password: Option<&'a str>,
    /// A passed step-up's token, needed when the user has MFA.
    pub verification_token: Option<&'a str>,
}

/// `POST /api/v1/me/email`: after the password and, for an MFA user, a step-up, queues the
/// `send_email_change` job and a notice to the current address. The job makes the link and
/// sends it to the new address unless that address has an account; the request does the same
/// work either way, so neither its answer nor its timing tells.
pub async fn request_email_change(
    state: &AppState,
    user: &User,
    change: EmailChange<'_>,
    now: OffsetDateTime,
) -> Result<(), ApiError> {
    let new_email = users::normalize_email(change.new_email);
    if !session::is_plausible_email(&new_email) {
        return Err(ApiError::field(
            "newEmail",
            "A valid e-mail address is required.",
        ));
    }
    if new_email == user.email {
        return Err(ApiError::field(
            "newEmail",
            "This is already your e-mail address.",
        ));
    }
    if let Some(hash) = user.password_hash.clone() {
        let password = change
            .password
            .ok_or_else(|| ApiError::field("password", "The password is required."))?;
        if !passwords::verify(password.to_owned(), hash).await? {
            return Err(ApiError::unprocessable("The password is incorrect."));
        }
    }
    // After the password, so that a wrong password does not spend the verification token.
    mfa::require_step_up(state, user, change.verification_token, now).await?;
    let notice = Email {
        to: user.email.clone(),
        subject: "Your Facturo e-mail address is being changed".into(),
        text: format!(
            "Someone signed in to your Facturo account asked to change its e-mail address to \
             {new_email}. The change happens when the link sent there is opened.\n\n\
             If it was not you, change your password now and turn on two-factor authentication.\n"
        ),
    };
    let mut tx = state.db.begin().await?;
    let job = Job::SendEmailChange {
        user_id: user.id,
        new_email,
    };
    jobs::enqueue(&mut tx, &job, now, None, now).await?;
    jobs::enqueue(&mut tx, &Job::SendEmail(notice), now, None, now).await?;
    tx.commit().await?;
    tracing::info!(user = %user.id, "an e-mail change was requested");
    Ok(())
}

/// The `send_email_change` job's work before sending: a new change token for `user` (older
/// ones stop working), committed, and the e-mail with its link to `new_email`; nothing when the
/// address has an account by now, or the user is inactive.
pub async fn email_change_mail(
    state: &AppState,
    user: UserId,
    new_email: &str,
    now: OffsetDateTime,
) -> Result<Option<Email>, sqlx::Error> {
    let Some(user) = users::get(&state.db, user).await?.filter(|u| u.is_active) else {
        return Ok(None);
    };
    let taken = users::find_by_email(&state.db, new_email).await?.is_some();
    let mut tx = state.db.begin().await?;
    sessions::spend_user_tokens(&mut tx, user.id, sessions::CHANGE_EMAIL, now).await?;
    if taken {
        tx.commit().await?;
        tracing::info!(user = %user.id, "an e-mail change to a taken address gets no link");
        return Ok(None);
    }
    let link = Link::ChangeEmail
        .issue(&mut tx, state, user.id, Some(new_email), now)
        .await?;
    tx.commit().await?;
    Ok(Some(Email {
        to: new_email.to_owned(),
        subject: "Confirm your new e-mail address for Facturo".into(),
        text: format!(
            "Someone asked to move a Facturo account to this address.\n\n\
             Confirm it by opening this link within an hour:\n\n{link}\n\n\
             If it was not you, ignore this message.\n"
        ),
    }))
}

/// `POST /api/auth/confirm-email-change`: moves the account to the address its link was sent
/// to, which the opened link proves. When another account took the address meanwhile it is a
/// 409 and the link stays unused. The other change links and any reset link (sent to the old
/// address) stop working.
pub async fn confirm_email_change(
    state: &AppState,
    token: &str,
    origin: &crate::audit::Origin,
    now: OffsetDateTime,
) -> Result<(), ApiError> {
    let refused = || ApiError::bad_request("This confirmation link is invalid, used or expired.");
    let mut tx = state.db.begin().await?;
    let Some(UsedToken {
        user_id,
        new_email: Some(new_email),
    }) = Link::ChangeEmail.consume(&mut tx, token, now).await?
    else {
        return Err(refused());
    };
    let user = users::get_in(&mut tx, user_id)
        .await?
        .filter(|u| u.is_active)
        .ok_or_else(refused)?;
    users::set_email(&mut tx, user.id, &new_email, now)
        .await
        .map_err(|e| match e {
            StoreError::Conflict(_) => ApiError::conflict(
                "Another account uses this e-mail address now; the change cannot be made.",
            ),
            other => other.into(),
        })?;
    sessions::spend_user_tokens(&mut tx, user.id, sessions::CHANGE_EMAIL, now).await?;
    sessions::spend_user_tokens(&mut tx, user.id, sessions::RESET_PASSWORD, now).await?;
    tx.commit().await?;
    tracing::info!(user = %user.id, "the e-mail address was changed by an e-mailed link");
    let entry = crate::audit::Entry::new("email.changed", crate::audit::Outcome::Success)
        .of_user(&user)
        .detail("from", user.email.as_str())
        .detail("to", new_email.as_str());
    crate::audit::record(state, origin, entry).await;
    Ok(())
}
