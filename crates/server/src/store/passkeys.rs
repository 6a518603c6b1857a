//! Users' passkeys and the WebAuthn ceremonies waiting for their second step.

use time::OffsetDateTime;

use super::{Db, Ts, Tx};
use crate::ids::{CeremonyId, PasskeyId, UserId};
use crate::{on_db, on_tx};

/// A stored passkey; `credential` is webauthn-rs's JSON of it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct StoredPasskey {
    pub id: PasskeyId,
    pub user_id: UserId,
    pub credential_id: String,
    pub name: String,
    pub credential: String,
    pub created_at: Ts,
    pub last_used_at: Option<Ts>,
}

const COLUMNS: &str = "id, user_id, credential_id, name, credential, created_at, last_used_at";

pub async fn list(db: &Db, user: UserId) -> Result<Vec<StoredPasskey>, sqlx::Error> {
    on_db!(db, c => sqlx::query_as::<_, StoredPasskey>(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM passkeys WHERE user_id = $1 ORDER BY created_at, id")))
        .bind(user).fetch_all(c).await)
}

pub async fn count(db: &Db, user: UserId) -> Result<i64, sqlx::Error> {
    on_db!(db, c => sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM passkeys WHERE user_id = $1")
        .bind(user).fetch_one(c).await)
}

pub async fn by_credential(
    db: &Db,
    credential_id: &str,
) -> Result<Option<StoredPasskey>, sqlx::Error> {
    on_db!(db, c => sqlx::query_as::<_, StoredPasskey>(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM passkeys WHERE credential_id = $1")))
        .bind(credential_id).fetch_optional(c).await)
}

pub async fn insert(
    tx: &mut Tx,
    user: UserId,
    credential_id: &str,
    name: &str,
    credential: &str,
    now: OffsetDateTime,
) -> Result<PasskeyId, sqlx::Error> {
    let id = PasskeyId::new();
    on_tx!(tx, c => sqlx::query(
        "INSERT INTO passkeys (id, user_id, credential_id, name, credential, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6)")
        .bind(id).bind(user).bind(credential_id).bind(name).bind(credential).bind(Ts(now))
        .execute(c).await.map(|_| id))
}

/// Records a sign-in with the passkey: its updated credential (counter) and the time.
pub async fn used(
    tx: &mut Tx,
    id: PasskeyId,
    credential: &str,
    now: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    on_tx!(tx, c => sqlx::query("UPDATE passkeys SET credential = $2, last_used_at = $3 WHERE id = $1")
        .bind(id).bind(credential).bind(Ts(now)).execute(c).await.map(|_| ()))
}

/// Deletes the user's passkey: false when the user has none with that id.
pub async fn delete(tx: &mut Tx, user: UserId, id: PasskeyId) -> Result<bool, sqlx::Error> {
    on_tx!(tx, c => sqlx::query("DELETE FROM passkeys WHERE user_id = $1 AND id = $2")
        .bind(user).bind(id).execute(c).await.map(|r| r.rows_affected() == 1))
}

/// Stores a ceremony's state under `token_hash`, replacing one stored under it before.
pub async fn begin_ceremony(
    tx: &mut Tx,
    token_hash: &str,
    kind: &str,
    user: Option<UserId>,
    state: &str,
    expires_at: OffsetDateTime,
    now: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    on_tx!(tx, c => sqlx::query("DELETE FROM passkey_ceremonies WHERE token_hash = $1 OR expires_at < $2")
        .bind(token_hash).bind(Ts(now)).execute(c).await.map(|_| ()))?;
    on_tx!(tx, c => sqlx::query(
        "INSERT INTO passkey_ceremonies (id, token_hash, kind, user_id, state, expires_at, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)")
        .bind(CeremonyId::new()).bind(token_hash).bind(kind).bind(user).bind(state)
        .bind(Ts(expires_at)).bind(Ts(now)).execute(c).await.map(|_| ()))
}

/// Takes (deletes and returns) the unexpired state of a ceremony of `kind`: each is used once.
pub async fn take_ceremony(
    tx: &mut Tx,
    token_hash: &str,
    kind: &str,
    now: OffsetDateTime,
) -> Result<Option<String>, sqlx::Error> {
    let found: Option<(String, Ts)> = on_tx!(tx, c => sqlx::query_as(
        "DELETE FROM passkey_ceremonies WHERE token_hash = $1 AND kind = $2 RETURNING state, expires_at")
        .bind(token_hash).bind(kind).fetch_optional(c).await)?;
    Ok(found
        .filter(|(_, expires)| expires.0 > now)
        .map(|(state, _)| state))
}
