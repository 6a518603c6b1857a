//! Refresh tokens (rotated chains per login) and single-use e-mailed tokens, all stored as
//! SHA-256 hashes: a database leak yields nothing that can be replayed.

use time::OffsetDateTime;
use uuid::Uuid;

use super::{Ts, Tx};
use crate::ids::{TokenId, UserId};
use crate::on_tx;

/// What the refresh endpoint learns about a presented token.
#[derive(Debug, Clone)]
pub struct RefreshToken {
    pub id: TokenId,
    pub user_id: UserId,
    pub family_id: Uuid,
    pub expires_at: OffsetDateTime,
    pub rotated_at: Option<OffsetDateTime>,
    pub revoked_at: Option<OffsetDateTime>,
}

#[derive(sqlx::FromRow)]
struct RefreshRow {
    id: TokenId,
    user_id: UserId,
    family_id: Uuid,
    expires_at: Ts,
    rotated_at: Option<Ts>,
    revoked_at: Option<Ts>,
}

pub async fn insert_refresh(
    tx: &mut Tx,
    user: UserId,
    family: Uuid,
    token_hash: &str,
    expires_at: OffsetDateTime,
    now: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    on_tx!(tx, c => sqlx::query(
        "INSERT INTO refresh_tokens (id, user_id, family_id, token_hash, expires_at, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(TokenId::new())
    .bind(user)
    .bind(family)
    .bind(token_hash)
    .bind(Ts(expires_at))
    .bind(Ts(now))
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Finds a refresh token by hash, locking its row on PostgreSQL so two concurrent refreshes of
/// one token cannot both rotate it (SQLite's write transaction already serializes them).
pub async fn find_refresh_for_update(
    tx: &mut Tx,
    token_hash: &str,
) -> Result<Option<RefreshToken>, sqlx::Error> {
    const SQL: &str = "SELECT id, user_id, family_id, expires_at, rotated_at, revoked_at \
                       FROM refresh_tokens WHERE token_hash = $1";
    let row = match tx {
        Tx::Sqlite(t) => {
            sqlx::query_as::<_, RefreshRow>(SQL)
                .bind(token_hash)
                .fetch_optional(&mut **t)
                .await?
        }
        Tx::Postgres(t) => {
            sqlx::query_as::<_, RefreshRow>(concat!(
                "SELECT id, user_id, family_id, expires_at, rotated_at, revoked_at \
                 FROM refresh_tokens WHERE token_hash = $1",
                " FOR UPDATE"
            ))
            .bind(token_hash)
            .fetch_optional(&mut **t)
            .await?
        }
    };
    Ok(row.map(|r| RefreshToken {
        id: r.id,
        user_id: r.user_id,
        family_id: r.family_id,
        expires_at: r.expires_at.0,
        rotated_at: r.rotated_at.map(|t| t.0),
        revoked_at: r.revoked_at.map(|t| t.0),
    }))
}

pub async fn mark_rotated(
    tx: &mut Tx,
    id: TokenId,
    now: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    on_tx!(tx, c => sqlx::query("UPDATE refresh_tokens SET rotated_at = $2 WHERE id = $1")
        .bind(id)
        .bind(Ts(now))
        .execute(c)
        .await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Revokes every token of a login's chain (logout, or reuse of a rotated token).
pub async fn revoke_family(
    tx: &mut Tx,
    family: Uuid,
    now: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    on_tx!(tx, c => sqlx::query(
        "UPDATE refresh_tokens SET revoked_at = $2 WHERE family_id = $1 AND revoked_at IS NULL",
    )
    .bind(family)
    .bind(Ts(now))
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Revokes every refresh token of a user (password change).
pub async fn revoke_user(
    tx: &mut Tx,
    user: UserId,
    now: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    on_tx!(tx, c => sqlx::query(
        "UPDATE refresh_tokens SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL",
    )
    .bind(user)
    .bind(Ts(now))
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Purposes of single-use e-mailed tokens.
pub const CONFIRM_EMAIL: &str = "confirm_email";
pub const RESET_PASSWORD: &str = "reset_password";
/// A change of address: the token carries the new address and is mailed to it.
pub const CHANGE_EMAIL: &str = "change_email";

/// Stores an e-mailed token's hash; `new_email` only for [`CHANGE_EMAIL`].
pub async fn insert_user_token(
    tx: &mut Tx,
    user: UserId,
    purpose: &str,
    token_hash: &str,
    new_email: Option<&str>,
    expires_at: OffsetDateTime,
    now: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    on_tx!(tx, c => sqlx::query(
        "INSERT INTO user_tokens (id, user_id, purpose, token_hash, new_email, expires_at, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(TokenId::new())
    .bind(user)
    .bind(purpose)
    .bind(token_hash)
    .bind(new_email)
    .bind(Ts(expires_at))
    .bind(Ts(now))
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// What a used token was for.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct UsedToken {
    pub user_id: UserId,
    pub new_email: Option<String>,
}

/// Uses a token once: returns its user when the token exists, has this purpose, is unused and
/// unexpired, and marks it used in the same statement.
pub async fn consume_user_token(
    tx: &mut Tx,
    purpose: &str,
    token_hash: &str,
    now: OffsetDateTime,
) -> Result<Option<UsedToken>, sqlx::Error> {
    on_tx!(tx, c => sqlx::query_as::<_, UsedToken>(
        "UPDATE user_tokens SET used_at = $3 \
         WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > $3 \
         RETURNING user_id, new_email",
    )
    .bind(token_hash)
    .bind(purpose)
    .bind(Ts(now))
    .fetch_optional(c)
    .await)
}

/// Spends every unused token of `purpose` of a user, so that only a newer link works (a new
/// reset request, a finished reset or e-mail change).
pub async fn spend_user_tokens(
    tx: &mut Tx,
    user: UserId,
    purpose: &str,
    now: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    on_tx!(tx, c => sqlx::query(
        "UPDATE user_tokens SET used_at = $3 WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL",
    )
    .bind(user)
    .bind(purpose)
    .bind(Ts(now))
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(())
}
