//! Sessions: login, refresh with rotation and reuse detection, logout, and the account
//! operations around them (register, confirm e-mail, change password). Google sign-in
//! (`auth::google`) creates accounts and admits users through the same functions.
//!
//! A refresh token is single-use: each refresh marks it rotated and issues the next one of the
//! same family. Presenting a rotated token again means it was copied, so the whole family is
//! revoked (RFC 6819 §5.2.2.3).

use serde::Serialize;
use time::OffsetDateTime;
use uuid::Uuid;

use super::links::Link;
use super::{passwords, tokens};
use crate::api::error::ApiError;
use crate::audit::{self, Entry, Outcome};
use crate::events::{self, DomainEvent, Origin};
use crate::ids::{OrgId, UserId};
use crate::jobs::{self, Job};
use crate::mail::Email;
use crate::state::AppState;
use crate::store::organizations::{self, Organization};
use crate::store::users::{self, NewUser, User};
use crate::store::{StoreError, Tx, sessions};

/// The body of a successful login or refresh (api.md §2.1).
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct TokenPair {
    /// The access token (JWT, 1 h).
    pub token: String,
    /// The refresh token (single use, 30 days).
    pub refresh_token: String,
}

/// Starts a session: a new refresh-token family and an access token.
pub async fn start(
    tx: &mut Tx,
    state: &AppState,
    user: &User,
    now: OffsetDateTime,
) -> anyhow::Result<TokenPair> {
    issue(tx, state, user, Uuid::now_v7(), now).await
}

async fn issue(
    tx: &mut Tx,
    state: &AppState,
    user: &User,
    family: Uuid,
    now: OffsetDateTime,
) -> anyhow::Result<TokenPair> {
    let refresh = tokens::new_secret();
    sessions::insert_refresh(
        tx,
        user.id,
        family,
        &tokens::hash_secret(&refresh),
        now + tokens::REFRESH_TTL,
        now,
    )
    .await?;
    let token = tokens::issue_access(&state.keys, user.id.0, &user.email, user.is_admin, now)?;
    Ok(TokenPair {
        token,
        refresh_token: refresh,
    })
}

/// What a login (password or Google) gives: a session, or a challenge for the second factor.
#[derive(Debug)]
pub enum Login {
    Session(TokenPair),
    /// The user has two-factor authentication: `POST /api/auth/mfa/verify` with this token.
    SecondFactor {
        mfa_token: String,
        methods: Vec<&'static str>,
    },
}

/// Checks an e-mail and password. Unknown e-mails cost the same time as wrong passwords, and
/// count towards the same lock-out (`lockout`). Every outcome is in the audit log.
pub async fn login(
    state: &AppState,
    email: &str,
    password: &str,
    origin: &audit::Origin,
    now: OffsetDateTime,
) -> Result<Login, ApiError> {
    let had_failures = match super::lockout::check(state, email, now).await {
        Ok(had_failures) => had_failures,
        Err(locked) => {
            let entry = Entry::new("login.locked", Outcome::Refused).email(email);
            audit::record(state, origin, entry).await;
            return Err(locked);
        }
    };
    let user = users::find_by_email(&state.db, email).await?;
    let hash = user
        .as_ref()
        .and_then(|u| u.password_hash.clone())
        .unwrap_or_else(|| passwords::dummy_hash().to_owned());
    let matches = passwords::verify(password.to_owned(), hash).await?;
    let user = match user {
        Some(u) if matches && u.password_hash.is_some() => u,
        known => {
            super::lockout::failed(state, email, now).await?;
            let entry = match &known {
                Some(u) => Entry::new("login.failed", Outcome::Failure).of_user(u),
                None => Entry::new("login.failed", Outcome::Failure).email(email),
            };
            audit::record(state, origin, entry).await;
            return Err(ApiError::Unauthorized("Invalid credentials."));
        }
    };
    if had_failures {
        super::lockout::cleared(state, email).await?;
    }
    if user.is_active && !user.email_verified {
        let refusal = ApiError::Forbidden {
            message: "Please confirm your e-mail address before signing in.".into(),
            code: Some("email_not_confirmed"),
        };
        let entry = Entry::new("login.refused", Outcome::Refused)
            .of_user(&user)
            .detail("reason", refusal.to_string());
        audit::record(state, origin, entry).await;
        return Err(refusal);
    }
    admit(state, &user, "password", origin, now).await
}

/// Lets in a user whose first factor passed (`method`: a password, a Google ID token): a
/// session, or the second-factor challenge when they have TOTP (api.md §2.2 step 2 and 5); an
/// inactive account is refused. Each outcome is in the audit log.
pub async fn admit(
    state: &AppState,
    user: &User,
    method: &'static str,
    origin: &audit::Origin,
    now: OffsetDateTime,
) -> Result<Login, ApiError> {
    if !user.is_active {
        let refusal = ApiError::Forbidden {
            message: "This account is inactive.".into(),
            code: Some("account_inactive"),
        };
        let entry = Entry::new("login.refused", Outcome::Refused)
            .of_user(user)
            .detail("method", method)
            .detail("reason", refusal.to_string());
        audit::record(state, origin, entry).await;
        return Err(refusal);
    }
    if crate::store::mfa::enabled(&state.db, user.id).await? {
        let challenge = Login::SecondFactor {
            mfa_token: super::mfa::challenge(state, user, super::mfa::ChallengeKind::Login, now)
                .await?,
            methods: super::mfa::methods(state, user).await?,
        };
        let entry = Entry::new("login.mfa_challenged", Outcome::Success)
            .of_user(user)
            .detail("method", method);
        audit::record(state, origin, entry).await;
        return Ok(challenge);
    }
    let mut tx = state.db.begin().await?;
    let pair = start(&mut tx, state, user, now).await?;
    tx.commit().await?;
    let entry = Entry::new("login.succeeded", Outcome::Success)
        .of_user(user)
        .detail("method", method);
    audit::record(state, origin, entry).await;
    Ok(Login::Session(pair))
}

/// Exchanges a refresh token for a new pair, or refuses it (401).
pub async fn refresh(
    state: &AppState,
    presented: &str,
    now: OffsetDateTime,
) -> Result<TokenPair, ApiError> {
    const REFUSED: ApiError = ApiError::Unauthorized("Invalid or expired refresh token.");
    let mut tx = state.db.begin().await?;
    let Some(found) =
        sessions::find_refresh_for_update(&mut tx, &tokens::hash_secret(presented)).await?
    else {
        return Err(REFUSED);
    };
    if found.revoked_at.is_some() || found.expires_at <= now {
        return Err(REFUSED);
    }
    if found.rotated_at.is_some() {
        sessions::revoke_family(&mut tx, found.family_id, now).await?;
        tx.commit().await?;
        tracing::warn!(user = %found.user_id, "a rotated refresh token was reused; its session is revoked");
        return Err(REFUSED.audited("refresh.replayed"));
    }
    let user = match users::get_in(&mut tx, found.user_id).await? {
        Some(u) if u.is_active => u,
        _ => return Err(REFUSED),
    };
    sessions::mark_rotated(&mut tx, found.id, now).await?;
    let pair = issue(&mut tx, state, &user, found.family_id, now).await?;
    tx.commit().await?;
    Ok(pair)
}

/// Ends the session a refresh token belongs to. Unknown tokens are ignored (logout is
/// idempotent).
pub async fn logout(
    state: &AppState,
    presented: &str,
    now: OffsetDateTime,
) -> Result<(), ApiError> {
    let mut tx = state.db.begin().await?;
    if let Some(found) =
        sessions::find_refresh_for_update(&mut tx, &tokens::hash_secret(presented)).await?
    {
        sessions::revoke_family(&mut tx, found.family_id, now).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// What registration needs.
#[derive(Debug, Clone)]
pub struct Registration {
    pub email: String,
    pub password: String,
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub organization_name: Option<String>,
    pub locale: String,
    /// Confirm the address now (`FACTURO_AUTO_CONFIRM_EMAIL`, or `facturo user create`).
    pub confirmed: bool,
    pub is_admin: bool,
}

/// Creates a user, their organization and owner membership; unless confirmed, queues the
/// confirmation e-mail in the same transaction.
pub async fn register(
    state: &AppState,
    reg: Registration,
    now: OffsetDateTime,
) -> Result<UserId, ApiError> {
    let email = users::normalize_email(&reg.email);
    if !is_plausible_email(&email) {
        return Err(ApiError::field(
            "email",
            "A valid e-mail address is required.",
        ));
    }
    passwords::check_policy(&reg.password).map_err(|m| ApiError::field("password", m))?;
    let hash = passwords::hash(reg.password.clone()).await?;
    let account = Account {
        email: email.clone(),
        password_hash: Some(hash),
        first_name: reg.first_name,
        last_name: reg.last_name,
        organization_name: reg.organization_name,
        locale: reg.locale,
        confirmed: reg.confirmed,
        is_admin: reg.is_admin,
    };
    let mut tx = state.db.begin().await?;
    let user = create_account(&mut tx, account, now).await?;
    if !reg.confirmed {
        send_confirmation(&mut tx, state, user, &email, now).await?;
    }
    tx.commit().await?;
    Ok(user)
}

/// A new account as registration and a first Google sign-in make it.
#[derive(Debug, Clone)]
pub struct Account {
    /// Normalized (`users::normalize_email`) and checked by the caller.
    pub email: String,
    /// None for an account that signs in through Google only.
    pub password_hash: Option<String>,
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub organization_name: Option<String>,
    pub locale: String,
    pub confirmed: bool,
    pub is_admin: bool,
}

/// Inserts the user, their organization and owner membership (api.md §2.4) and records
/// `user.registered`, in the caller's transaction. A taken address is a 409.
pub async fn create_account(
    tx: &mut Tx,
    account: Account,
    now: OffsetDateTime,
) -> Result<UserId, ApiError> {
    let user = NewUser {
        id: UserId::new(),
        email: account.email.clone(),
        password_hash: account.password_hash,
        first_name: clean(account.first_name),
        last_name: clean(account.last_name),
        locale: account.locale,
        email_verified: account.confirmed,
        is_admin: account.is_admin,
    };
    let org_name = clean(account.organization_name).unwrap_or_else(|| default_org_name(&user));
    let org = Organization {
        id: OrgId::new(),
        slug: slug(&org_name),
        name: org_name,
        created_at: now,
    };
    users::insert(tx, &user, now).await.map_err(|e| match e {
        StoreError::Conflict(m) => ApiError::conflict(m),
        other => other.into(),
    })?;
    organizations::insert(tx, &org).await?;
    organizations::add_member(tx, org.id, user.id, "owner", now).await?;
    let origin = Origin {
        organization: org.id,
        company: None,
        actor: Some(user.id),
    };
    events::record(
        tx,
        origin,
        &DomainEvent::UserRegistered {
            user_id: user.id,
            email: account.email,
        },
        now,
    )
    .await?;
    Ok(user.id)
}

/// Queues a confirmation e-mail with a new single-use link.
pub async fn send_confirmation(
    tx: &mut Tx,
    state: &AppState,
    user: UserId,
    email: &str,
    now: OffsetDateTime,
) -> Result<(), ApiError> {
    let link = Link::ConfirmEmail.issue(tx, state, user, None, now).await?;
    let mail = Email {
        to: email.to_owned(),
        subject: "Confirm your e-mail address for Facturo".into(),
        text: format!(
            "Welcome to Facturo.\n\nConfirm your e-mail address by opening this link within 48 hours:\n\n{link}\n\n\
             If you did not create an account, ignore this message.\n"
        ),
    };
    jobs::enqueue(tx, &Job::SendEmail(mail), now, None, now).await?;
    Ok(())
}

/// Uses a confirmation token. `false` when it is unknown, used or expired.
pub async fn confirm_email(
    state: &AppState,
    token: &str,
    now: OffsetDateTime,
) -> Result<bool, ApiError> {
    let mut tx = state.db.begin().await?;
    let Some(used) = Link::ConfirmEmail.consume(&mut tx, token, now).await? else {
        return Ok(false);
    };
    let user_id = used.user_id;
    users::mark_email_verified(&mut tx, user_id, now).await?;
    if let Some(org) = organizations::first_org_in(&mut tx, user_id).await? {
        let origin = Origin {
            organization: org,
            company: None,
            actor: Some(user_id),
        };
        events::record(
            &mut tx,
            origin,
            &DomainEvent::UserEmailConfirmed { user_id },
            now,
        )
        .await?;
    }
    tx.commit().await?;
    Ok(true)
}

/// Sets a new password after checking the current one; every other session ends.
pub async fn change_password(
    state: &AppState,
    user: &User,
    current: &str,
    new: &str,
    now: OffsetDateTime,
) -> Result<(), ApiError> {
    let Some(hash) = user.password_hash.clone() else {
        return Err(ApiError::unprocessable(
            "This account has no password; set one through a reset link.",
        ));
    };
    if !passwords::verify(current.to_owned(), hash).await? {
        return Err(ApiError::unprocessable("Current password is incorrect."));
    }
    passwords::check_policy(new).map_err(|m| ApiError::field("newPassword", m))?;
    let new_hash = passwords::hash(new.to_owned()).await?;
    let mut tx = state.db.begin().await?;
    set_password(&mut tx, user.id, &new_hash, now).await?;
    tx.commit().await?;
    Ok(())
}

/// Stores a new password hash; every session of the user ends (refresh tokens revoked, access
/// tokens refused) and `user.password_changed` is recorded. A change and a reset both end here.
pub async fn set_password(
    tx: &mut Tx,
    user: UserId,
    hash: &str,
    now: OffsetDateTime,
) -> Result<(), ApiError> {
    users::set_password(tx, user, hash, now).await?;
    sessions::revoke_user(tx, user, now).await?;
    if let Some(org) = organizations::first_org_in(tx, user).await? {
        let origin = Origin {
            organization: org,
            company: None,
            actor: Some(user),
        };
        events::record(
            tx,
            origin,
            &DomainEvent::UserPasswordChanged { user_id: user },
            now,
        )
        .await?;
    }
    Ok(())
}

fn clean(s: Option<String>) -> Option<String> {
    s.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty())
}

/// Enough to catch typos; the confirmation e-mail proves the rest.
pub fn is_plausible_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && email.len() <= 254
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !email.chars().any(|c| c.is_whitespace() || c.is_control())
        && !domain.contains('@')
}

fn default_org_name(user: &NewUser) -> String {
    let full = [user.first_name.as_deref(), user.last_name.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    let who = if full.is_empty() {
        user.email.split('@').next().unwrap_or("My").to_owned()
    } else {
        full
    };
    format!("{who}'s Organization")
}

/// `<slug>-<6 hex>` (api.md §2.4).
fn slug(name: &str) -> String {
    let mut out = String::new();
    for ch in name.to_lowercase().chars() {
        let ch = match ch {
            'ă' | 'â' => 'a',
            'î' => 'i',
            'ș' | 'ş' => 's',
            'ț' | 'ţ' => 't',
            c => c,
        };
        if ch.is_ascii_alphanumeric() {
            out.push(ch);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    let base: String = out.trim_matches('-').chars().take(40).collect();
    let suffix = &tokens::new_secret()[..6];
    if base.is_empty() {
        format!("org-{suffix}")
    } else {
        format!("{base}-{suffix}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_checked_for_shape() {
        assert!(is_plausible_email("ana@firma.ro"));
        for bad in [
            "ana",
            "ana@",
            "@firma.ro",
            "ana@firma",
            "a na@firma.ro",
            "a@b@c.ro",
            "ana@.ro",
        ] {
            assert!(!is_plausible_email(bad), "{bad}");
        }
    }

    #[test]
    fn slugs_are_ascii_with_a_random_suffix() {
        let s = slug("Ștefan's Organization");
        assert!(s.starts_with("stefan-s-organization-"), "{s}");
        assert_eq!(s.len(), "stefan-s-organization-".len() + 6);
        assert!(slug("!!!").starts_with("org-"));
    }
}
