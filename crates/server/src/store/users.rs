//! Users: accounts, passwords, e-mail verification.

use serde_json::Value;
use sqlx::types::Json;
use time::OffsetDateTime;

use super::{Db, StoreError, Ts, Tx, is_unique_violation};
use crate::ids::UserId;
use crate::{on_db, on_tx};

#[derive(Debug, Clone)]
pub struct User {
    pub id: UserId,
    pub email: String,
    pub password_hash: Option<String>,
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub phone: Option<String>,
    pub locale: String,
    pub timezone: String,
    pub preferences: Option<Value>,
    pub is_active: bool,
    pub email_verified: bool,
    pub is_admin: bool,
    /// Access tokens issued before this instant are refused (set when the password changes).
    pub sessions_valid_after: Option<OffsetDateTime>,
    pub created_at: OffsetDateTime,
}

impl User {
    pub fn full_name(&self) -> String {
        let parts: Vec<&str> = [self.first_name.as_deref(), self.last_name.as_deref()]
            .into_iter()
            .flatten()
            .filter(|p| !p.trim().is_empty())
            .collect();
        parts.join(" ")
    }
}

#[derive(sqlx::FromRow)]
struct UserRow {
    id: UserId,
    email: String,
    password_hash: Option<String>,
    first_name: Option<String>,
    last_name: Option<String>,
    phone: Option<String>,
    locale: String,
    timezone: String,
    preferences: Option<Json<Value>>,
    is_active: bool,
    email_verified: bool,
    is_admin: bool,
    sessions_valid_after: Option<Ts>,
    created_at: Ts,
}

impl From<UserRow> for User {
    fn from(r: UserRow) -> Self {
        User {
            id: r.id,
            email: r.email,
            password_hash: r.password_hash,
            first_name: r.first_name,
            last_name: r.last_name,
            phone: r.phone,
            locale: r.locale,
            timezone: r.timezone,
            preferences: r.preferences.map(|j| j.0),
            is_active: r.is_active,
            email_verified: r.email_verified,
            is_admin: r.is_admin,
            sessions_valid_after: r.sessions_valid_after.map(|t| t.0),
            created_at: r.created_at.0,
        }
    }
}

macro_rules! select_user {
    () => {
        "SELECT id, email, password_hash, first_name, last_name, phone, locale, timezone, \
         preferences, is_active, email_verified, is_admin, sessions_valid_after, created_at \
         FROM users"
    };
}

/// E-mail addresses are compared case-insensitively: stored trimmed and lower-cased.
pub fn normalize_email(email: &str) -> String {
    email.trim().to_lowercase()
}

pub async fn get(db: &Db, id: UserId) -> Result<Option<User>, sqlx::Error> {
    let row = on_db!(db, c => sqlx::query_as::<_, UserRow>(concat!(select_user!(), " WHERE id = $1"))
        .bind(id)
        .fetch_optional(c)
        .await)?;
    Ok(row.map(User::from))
}

/// A user, read inside a write transaction.
pub async fn get_in(tx: &mut Tx, id: UserId) -> Result<Option<User>, sqlx::Error> {
    let row = on_tx!(tx, c => sqlx::query_as::<_, UserRow>(concat!(select_user!(), " WHERE id = $1"))
        .bind(id)
        .fetch_optional(c)
        .await)?;
    Ok(row.map(User::from))
}

pub async fn find_by_email(db: &Db, email: &str) -> Result<Option<User>, sqlx::Error> {
    let row = on_db!(db, c => sqlx::query_as::<_, UserRow>(concat!(select_user!(), " WHERE email = $1"))
        .bind(normalize_email(email))
        .fetch_optional(c)
        .await)?;
    Ok(row.map(User::from))
}

/// What a new account starts with.
#[derive(Debug, Clone)]
pub struct NewUser {
    pub id: UserId,
    pub email: String,
    pub password_hash: Option<String>,
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub locale: String,
    pub email_verified: bool,
    pub is_admin: bool,
}

pub async fn insert(tx: &mut Tx, user: &NewUser, now: OffsetDateTime) -> Result<(), StoreError> {
    let result = on_tx!(tx, c => sqlx::query(
        "INSERT INTO users (id, email, password_hash, first_name, last_name, locale, \
         email_verified, is_admin, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)",
    )
    .bind(user.id)
    .bind(normalize_email(&user.email))
    .bind(&user.password_hash)
    .bind(&user.first_name)
    .bind(&user.last_name)
    .bind(&user.locale)
    .bind(user.email_verified)
    .bind(user.is_admin)
    .bind(Ts(now))
    .execute(c)
    .await.map(|r| r.rows_affected()));
    result.map(|_| ()).map_err(email_taken)
}

pub async fn mark_email_verified(
    tx: &mut Tx,
    id: UserId,
    now: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    on_tx!(tx, c => sqlx::query("UPDATE users SET email_verified = TRUE, updated_at = $2 WHERE id = $1")
        .bind(id)
        .bind(Ts(now))
        .execute(c)
        .await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Moves a user to a new address, which the link they opened there proved. Another account
/// with the address is a conflict.
pub async fn set_email(
    tx: &mut Tx,
    id: UserId,
    email: &str,
    now: OffsetDateTime,
) -> Result<(), StoreError> {
    let result = on_tx!(tx, c => sqlx::query(
        "UPDATE users SET email = $2, email_verified = TRUE, updated_at = $3 WHERE id = $1",
    )
    .bind(id)
    .bind(normalize_email(email))
    .bind(Ts(now))
    .execute(c)
    .await.map(|r| r.rows_affected()));
    result.map(|_| ()).map_err(email_taken)
}

/// Confirms an unconfirmed account for whoever proved its address elsewhere (a Google
/// sign-in), dropping the password that whoever registered it chose without proving it, and
/// ending any session that password gave.
pub async fn claim_unconfirmed(
    tx: &mut Tx,
    id: UserId,
    now: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    on_tx!(tx, c => sqlx::query(
        "UPDATE users SET password_hash = NULL, email_verified = TRUE, sessions_valid_after = $2, \
         updated_at = $2 WHERE id = $1 AND email_verified = FALSE",
    )
    .bind(id)
    .bind(Ts(now))
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Sets a new password hash and invalidates every access token issued before `now`.
pub async fn set_password(
    tx: &mut Tx,
    id: UserId,
    hash: &str,
    now: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    on_tx!(tx, c => sqlx::query(
        "UPDATE users SET password_hash = $2, sessions_valid_after = $3, updated_at = $3 WHERE id = $1",
    )
    .bind(id)
    .bind(hash)
    .bind(Ts(now))
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Promotes an existing user to instance administrator.
pub async fn set_admin(
    tx: &mut Tx,
    id: UserId,
    is_admin: bool,
    now: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    on_tx!(tx, c => sqlx::query("UPDATE users SET is_admin = $2, updated_at = $3 WHERE id = $1")
        .bind(id)
        .bind(is_admin)
        .bind(Ts(now))
        .execute(c)
        .await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// The profile fields a user may change about themself.
#[derive(Debug, Clone, Default)]
pub struct Profile {
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub phone: Option<String>,
    pub timezone: String,
    pub locale: String,
    pub preferences: Option<Value>,
}

pub async fn update_profile(
    tx: &mut Tx,
    id: UserId,
    p: &Profile,
    now: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    on_tx!(tx, c => sqlx::query(
        "UPDATE users SET first_name = $2, last_name = $3, phone = $4, timezone = $5, locale = $6, \
         preferences = $7, updated_at = $8 WHERE id = $1",
    )
    .bind(id)
    .bind(&p.first_name)
    .bind(&p.last_name)
    .bind(&p.phone)
    .bind(&p.timezone)
    .bind(&p.locale)
    .bind(p.preferences.clone().map(Json))
    .bind(Ts(now))
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// A write refused because another account has the address is a conflict.
fn email_taken(e: sqlx::Error) -> StoreError {
    if is_unique_violation(&e) {
        StoreError::Conflict("An account with this e-mail address already exists.".into())
    } else {
        e.into()
    }
}
