//! API keys (api.md §3): only the SHA-256 of a key is stored, with its first 12 characters to
//! tell keys apart in lists.

use sqlx::types::Json;
use time::OffsetDateTime;

use super::{Db, Ts, Tx};
use crate::ids::{ApiKeyId, OrgId, UserId};
use crate::{on_db, on_tx};

/// A stored key.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ApiKey {
    pub id: ApiKeyId,
    pub user_id: UserId,
    pub organization_id: OrgId,
    pub name: String,
    pub token_prefix: String,
    /// Permission names (`invoice.view`), as granted.
    pub scopes: Json<Vec<String>>,
    pub expires_at: Option<Ts>,
    pub last_used_at: Option<Ts>,
    pub revoked_at: Option<Ts>,
    pub created_at: Ts,
}

impl ApiKey {
    /// Whether the key may authenticate at `now`.
    pub fn is_live(&self, now: OffsetDateTime) -> bool {
        self.revoked_at.is_none() && self.expires_at.is_none_or(|t| t.0 > now)
    }
}

macro_rules! columns {
    () => {
        "SELECT id, user_id, organization_id, name, token_prefix, scopes, expires_at, last_used_at, \
         revoked_at, created_at FROM api_keys"
    };
}

/// A key to store.
#[derive(Debug, Clone)]
pub struct NewApiKey<'a> {
    pub id: ApiKeyId,
    pub user_id: UserId,
    pub organization_id: OrgId,
    pub name: &'a str,
    pub token_hash: &'a str,
    pub token_prefix: &'a str,
    pub scopes: &'a [String],
    pub expires_at: Option<OffsetDateTime>,
}

pub async fn insert(
    tx: &mut Tx,
    key: &NewApiKey<'_>,
    now: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    on_tx!(tx, c => sqlx::query(
        "INSERT INTO api_keys (id, user_id, organization_id, name, token_hash, token_prefix, scopes, \
         expires_at, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(key.id).bind(key.user_id).bind(key.organization_id).bind(key.name).bind(key.token_hash)
    .bind(key.token_prefix).bind(Json(key.scopes)).bind(key.expires_at.map(Ts)).bind(Ts(now))
    .execute(c)
    .await.map(|_| ()))
}

/// The key with `token_hash`, whatever its state.
pub async fn find_by_hash(db: &Db, token_hash: &str) -> Result<Option<ApiKey>, sqlx::Error> {
    on_db!(db, c => sqlx::query_as::<_, ApiKey>(concat!(columns!(), " WHERE token_hash = $1"))
        .bind(token_hash)
        .fetch_optional(c)
        .await)
}

/// The user's keys in an organization, newest first, revoked ones included.
pub async fn list(db: &Db, user: UserId, org: OrgId) -> Result<Vec<ApiKey>, sqlx::Error> {
    on_db!(db, c => sqlx::query_as::<_, ApiKey>(concat!(columns!(),
        " WHERE user_id = $1 AND organization_id = $2 ORDER BY created_at DESC, id DESC"))
        .bind(user).bind(org)
        .fetch_all(c)
        .await)
}

/// One of the user's keys in an organization.
pub async fn get(
    tx: &mut Tx,
    user: UserId,
    org: OrgId,
    id: ApiKeyId,
) -> Result<Option<ApiKey>, sqlx::Error> {
    on_tx!(tx, c => sqlx::query_as::<_, ApiKey>(concat!(columns!(),
        " WHERE id = $1 AND user_id = $2 AND organization_id = $3"))
        .bind(id).bind(user).bind(org)
        .fetch_optional(c)
        .await)
}

/// Renames a key or changes its scopes.
pub async fn update(
    tx: &mut Tx,
    id: ApiKeyId,
    name: &str,
    scopes: &[String],
) -> Result<(), sqlx::Error> {
    on_tx!(tx, c => sqlx::query("UPDATE api_keys SET name = $2, scopes = $3 WHERE id = $1")
        .bind(id).bind(name).bind(Json(scopes))
        .execute(c)
        .await.map(|_| ()))
}

/// Revokes a live key; false when it was revoked already.
pub async fn revoke(tx: &mut Tx, id: ApiKeyId, now: OffsetDateTime) -> Result<bool, sqlx::Error> {
    let n = on_tx!(tx, c => sqlx::query(
        "UPDATE api_keys SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL")
        .bind(id).bind(Ts(now))
        .execute(c)
        .await.map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

/// How often a key's `last_used_at` is written at most: a busy integration does not turn
/// every read into a write.
pub const TOUCH_EVERY: time::Duration = time::Duration::MINUTE;

/// Notes a use of the key, unless one was noted within [`TOUCH_EVERY`] (two processes racing).
pub async fn touch(db: &Db, id: ApiKeyId, now: OffsetDateTime) -> Result<(), sqlx::Error> {
    let mut tx = db.begin().await?;
    on_tx!(&mut tx, c => sqlx::query(
        "UPDATE api_keys SET last_used_at = $2 WHERE id = $1 \
         AND (last_used_at IS NULL OR last_used_at < $3)")
        .bind(id).bind(Ts(now)).bind(Ts(now - TOUCH_EVERY))
        .execute(c)
        .await.map(|_| ()))?;
    tx.commit().await
}
