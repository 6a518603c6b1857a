//! TOTP secrets (sealed), backup codes, challenges and step-up verifications (hashed) of users.

use time::OffsetDateTime;

use super::{Db, Ts, Tx};
use crate::ids::{BackupCodeId, MfaChallengeId, MfaVerificationId, UserId};
use crate::{on_db, on_tx};

/// A user's TOTP state.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct UserMfa {
    pub user_id: UserId,
    pub pending_secret_enc: Option<String>,
    pub totp_secret_enc: Option<String>,
    pub enabled_at: Option<Ts>,
    pub last_step: Option<i64>,
}

pub async fn get(db: &Db, user: UserId) -> Result<Option<UserMfa>, sqlx::Error> {
    on_db!(db, c => sqlx::query_as::<_, UserMfa>(
        "SELECT user_id, pending_secret_enc, totp_secret_enc, enabled_at, last_step FROM user_mfa WHERE user_id = $1")
        .bind(user).fetch_optional(c).await)
}

pub async fn get_in(tx: &mut Tx, user: UserId) -> Result<Option<UserMfa>, sqlx::Error> {
    on_tx!(tx, c => sqlx::query_as::<_, UserMfa>(
        "SELECT user_id, pending_secret_enc, totp_secret_enc, enabled_at, last_step FROM user_mfa WHERE user_id = $1")
        .bind(user).fetch_optional(c).await)
}

/// Whether the user signs in with a second factor.
pub async fn enabled(db: &Db, user: UserId) -> Result<bool, sqlx::Error> {
    Ok(get(db, user).await?.is_some_and(|m| m.enabled_at.is_some()))
}

/// Stores a secret being set up (replacing an earlier pending one).
pub async fn set_pending(
    tx: &mut Tx,
    user: UserId,
    sealed: &str,
    now: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    on_tx!(tx, c => sqlx::query(
        "INSERT INTO user_mfa (user_id, pending_secret_enc, updated_at) VALUES ($1, $2, $3) \
         ON CONFLICT (user_id) DO UPDATE SET pending_secret_enc = $2, updated_at = $3")
        .bind(user).bind(sealed).bind(Ts(now)).execute(c).await.map(|_| ()))
}

/// The pending secret becomes the user's; `step` is the step of the code that proved it.
pub async fn enable(
    tx: &mut Tx,
    user: UserId,
    sealed: &str,
    step: i64,
    now: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    on_tx!(tx, c => sqlx::query(
        "UPDATE user_mfa SET totp_secret_enc = $2, pending_secret_enc = NULL, enabled_at = $3, last_step = $4, \
         updated_at = $3 WHERE user_id = $1")
        .bind(user).bind(sealed).bind(Ts(now)).bind(step).execute(c).await.map(|_| ()))
}

/// Turns TOTP off and forgets the secret and the backup codes.
pub async fn disable(tx: &mut Tx, user: UserId, now: OffsetDateTime) -> Result<(), sqlx::Error> {
    on_tx!(tx, c => sqlx::query(
        "UPDATE user_mfa SET totp_secret_enc = NULL, pending_secret_enc = NULL, enabled_at = NULL, \
         last_step = NULL, updated_at = $2 WHERE user_id = $1")
        .bind(user).bind(Ts(now)).execute(c).await.map(|_| ()))?;
    on_tx!(tx, c => sqlx::query("DELETE FROM mfa_backup_codes WHERE user_id = $1")
        .bind(user).execute(c).await.map(|_| ()))
}

/// Records `step` as used unless it (or a later one) was: false for a replayed code.
pub async fn use_step(tx: &mut Tx, user: UserId, step: i64) -> Result<bool, sqlx::Error> {
    let n = on_tx!(tx, c => sqlx::query(
        "UPDATE user_mfa SET last_step = $2 WHERE user_id = $1 AND (last_step IS NULL OR last_step < $2)")
        .bind(user).bind(step).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

/// Replaces the user's backup codes by these hashes.
pub async fn replace_backup_codes(
    tx: &mut Tx,
    user: UserId,
    hashes: &[String],
    now: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    on_tx!(tx, c => sqlx::query("DELETE FROM mfa_backup_codes WHERE user_id = $1")
        .bind(user).execute(c).await.map(|_| ()))?;
    for hash in hashes {
        on_tx!(tx, c => sqlx::query(
            "INSERT INTO mfa_backup_codes (id, user_id, code_hash, created_at) VALUES ($1, $2, $3, $4)")
            .bind(BackupCodeId::new()).bind(user).bind(hash).bind(Ts(now)).execute(c).await.map(|_| ()))?;
    }
    Ok(())
}

/// Uses the unused backup code with `hash`: false when there is none.
pub async fn use_backup_code(
    tx: &mut Tx,
    user: UserId,
    hash: &str,
    now: OffsetDateTime,
) -> Result<bool, sqlx::Error> {
    let n = on_tx!(tx, c => sqlx::query(
        "UPDATE mfa_backup_codes SET used_at = $3 WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL")
        .bind(user).bind(hash).bind(Ts(now)).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

pub async fn backup_codes_left(db: &Db, user: UserId) -> Result<i64, sqlx::Error> {
    on_db!(db, c => sqlx::query_scalar::<_, i64>(
        "SELECT COUNT(*) FROM mfa_backup_codes WHERE user_id = $1 AND used_at IS NULL")
        .bind(user).fetch_one(c).await)
}

/// A login (`purpose` `login`) or a sensitive act (`step_up`) waiting for its second factor.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Challenge {
    pub id: MfaChallengeId,
    pub user_id: UserId,
    pub purpose: String,
    pub failures: i32,
    pub expires_at: Ts,
    pub used_at: Option<Ts>,
}

pub async fn insert_challenge(
    tx: &mut Tx,
    user: UserId,
    purpose: &str,
    token_hash: &str,
    expires_at: OffsetDateTime,
    now: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    on_tx!(tx, c => sqlx::query(
        "INSERT INTO mfa_challenges (id, user_id, purpose, token_hash, expires_at, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6)")
        .bind(MfaChallengeId::new()).bind(user).bind(purpose).bind(token_hash).bind(Ts(expires_at)).bind(Ts(now))
        .execute(c).await.map(|_| ()))
}

pub async fn find_challenge(
    tx: &mut Tx,
    token_hash: &str,
) -> Result<Option<Challenge>, sqlx::Error> {
    on_tx!(tx, c => sqlx::query_as::<_, Challenge>(
        "SELECT id, user_id, purpose, failures, expires_at, used_at FROM mfa_challenges WHERE token_hash = $1")
        .bind(token_hash).fetch_optional(c).await)
}

/// Counts a wrong code against the challenge.
pub async fn fail_challenge(tx: &mut Tx, id: MfaChallengeId) -> Result<(), sqlx::Error> {
    on_tx!(tx, c => sqlx::query("UPDATE mfa_challenges SET failures = failures + 1 WHERE id = $1")
        .bind(id).execute(c).await.map(|_| ()))
}

/// Uses the challenge once: false when it was used meanwhile.
pub async fn use_challenge(
    tx: &mut Tx,
    id: MfaChallengeId,
    now: OffsetDateTime,
) -> Result<bool, sqlx::Error> {
    let n = on_tx!(tx, c => sqlx::query(
        "UPDATE mfa_challenges SET used_at = $2 WHERE id = $1 AND used_at IS NULL")
        .bind(id).bind(Ts(now)).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

/// Records a passed step-up: the token with `token_hash` lets one sensitive act through until
/// `expires_at`.
pub async fn insert_verification(
    tx: &mut Tx,
    user: UserId,
    token_hash: &str,
    expires_at: OffsetDateTime,
    now: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    on_tx!(tx, c => sqlx::query(
        "INSERT INTO mfa_verifications (id, user_id, token_hash, expires_at, created_at) VALUES ($1, $2, $3, $4, $5)")
        .bind(MfaVerificationId::new()).bind(user).bind(token_hash).bind(Ts(expires_at)).bind(Ts(now))
        .execute(c).await.map(|_| ()))
}

/// Spends the user's unexpired, unused verification with `token_hash`: false when there is
/// none.
pub async fn use_verification(
    tx: &mut Tx,
    user: UserId,
    token_hash: &str,
    now: OffsetDateTime,
) -> Result<bool, sqlx::Error> {
    let n = on_tx!(tx, c => sqlx::query(
        "UPDATE mfa_verifications SET used_at = $3 WHERE user_id = $1 AND token_hash = $2 \
         AND used_at IS NULL AND expires_at > $3")
        .bind(user).bind(token_hash).bind(Ts(now)).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(n == 1)
}
