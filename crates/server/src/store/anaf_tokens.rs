//! ANAF OAuth tokens of a user (issue #4), their secrets sealed by `vault::cipher`; the refresh
//! lock; the expiry alerts already recorded. A user's tokens are addressed with the user id as
//! the first bind, so another user's id finds nothing.

use sqlx::types::Json;
use time::OffsetDateTime;

use super::{Db, Ts, Tx};
use crate::config::AnafEnvironment;
use crate::ids::{AnafTokenId, InstanceId, UserId};
use crate::{on_db, on_tx};

/// A stored token. The secrets stay sealed here; `vault::open` decrypts them for a caller that
/// may use them.
#[derive(Clone)]
pub struct AnafToken {
    pub id: AnafTokenId,
    pub user_id: UserId,
    pub label: Option<String>,
    /// The ANAF that issued the token (`sandbox`, `test`, `prod`).
    pub environment: String,
    /// `None` once revoked (the secrets are erased).
    pub access_token_enc: Option<String>,
    pub refresh_token_enc: Option<String>,
    pub access_expires_at: OffsetDateTime,
    /// Set exactly when there is a refresh token.
    pub refresh_expires_at: Option<OffsetDateTime>,
    pub validated_cifs: Vec<i64>,
    /// The installation that stored or adopted the token (lessons #14).
    pub instance_id: InstanceId,
    pub refreshing_until: Option<OffsetDateTime>,
    /// Why ANAF refused the last refresh for good; the token is not refreshed again.
    pub refresh_error: Option<String>,
    pub created_at: OffsetDateTime,
    pub last_used_at: Option<OffsetDateTime>,
    pub last_refreshed_at: Option<OffsetDateTime>,
    pub revoked_at: Option<OffsetDateTime>,
}

impl std::fmt::Debug for AnafToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let sealed = |s: &Option<String>| s.as_ref().map(|_| "<sealed>");
        f.debug_struct("AnafToken")
            .field("id", &self.id)
            .field("user_id", &self.user_id)
            .field("label", &self.label)
            .field("environment", &self.environment)
            .field("access_token_enc", &sealed(&self.access_token_enc))
            .field("refresh_token_enc", &sealed(&self.refresh_token_enc))
            .field("access_expires_at", &self.access_expires_at)
            .field("refresh_expires_at", &self.refresh_expires_at)
            .field("instance_id", &self.instance_id)
            .field("refresh_error", &self.refresh_error)
            .field("revoked_at", &self.revoked_at)
            .finish_non_exhaustive()
    }
}

impl AnafToken {
    /// When a person with the certificate must act again: the refresh token's expiry, or the
    /// access token's when there is no refresh token (a pasted token) or ANAF refused it.
    pub fn expires_at(&self) -> OffsetDateTime {
        match (self.refresh_expires_at, &self.refresh_error) {
            (Some(at), None) => at,
            _ => self.access_expires_at,
        }
    }

    /// Whether the token can be refreshed: it has a refresh token ANAF has not refused, and it
    /// has not expired.
    pub fn is_refreshable(&self, now: OffsetDateTime) -> bool {
        self.refresh_token_enc.is_some()
            && self.refresh_error.is_none()
            && self.refresh_expires_at.is_some_and(|at| at > now)
    }

    pub fn is_expired(&self, now: OffsetDateTime) -> bool {
        self.expires_at() <= now
    }
}

#[derive(sqlx::FromRow)]
struct Row {
    id: AnafTokenId,
    user_id: UserId,
    label: Option<String>,
    environment: String,
    access_token_enc: Option<String>,
    refresh_token_enc: Option<String>,
    access_expires_at: Ts,
    refresh_expires_at: Option<Ts>,
    validated_cifs: Json<Vec<i64>>,
    instance_id: InstanceId,
    refreshing_until: Option<Ts>,
    refresh_error: Option<String>,
    created_at: Ts,
    last_used_at: Option<Ts>,
    last_refreshed_at: Option<Ts>,
    revoked_at: Option<Ts>,
}

impl From<Row> for AnafToken {
    fn from(r: Row) -> Self {
        AnafToken {
            id: r.id,
            user_id: r.user_id,
            label: r.label,
            environment: r.environment,
            access_token_enc: r.access_token_enc,
            refresh_token_enc: r.refresh_token_enc,
            access_expires_at: r.access_expires_at.0,
            refresh_expires_at: r.refresh_expires_at.map(|t| t.0),
            validated_cifs: r.validated_cifs.0,
            instance_id: r.instance_id,
            refreshing_until: r.refreshing_until.map(|t| t.0),
            refresh_error: r.refresh_error,
            created_at: r.created_at.0,
            last_used_at: r.last_used_at.map(|t| t.0),
            last_refreshed_at: r.last_refreshed_at.map(|t| t.0),
            revoked_at: r.revoked_at.map(|t| t.0),
        }
    }
}

macro_rules! columns {
    () => {
        "id, user_id, label, environment, access_token_enc, refresh_token_enc, \
         access_expires_at, refresh_expires_at, validated_cifs, instance_id, refreshing_until, \
         refresh_error, created_at, last_used_at, last_refreshed_at, revoked_at"
    };
}

/// A token to store; its secrets already sealed for `id`.
#[derive(Debug, Clone)]
pub struct NewAnafToken {
    pub id: AnafTokenId,
    pub user_id: UserId,
    pub label: Option<String>,
    pub environment: AnafEnvironment,
    pub access_token_enc: String,
    pub access_expires_at: OffsetDateTime,
    /// The sealed refresh token and its expiry.
    pub refresh: Option<(String, OffsetDateTime)>,
    pub instance_id: InstanceId,
}

pub async fn insert(
    tx: &mut Tx,
    token: &NewAnafToken,
    now: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    let (refresh_enc, refresh_expires) = token
        .refresh
        .as_ref()
        .map(|(enc, at)| (enc.as_str(), Ts(*at)))
        .unzip();
    on_tx!(tx, c => sqlx::query(
        "INSERT INTO anaf_tokens (id, user_id, label, access_token_enc, refresh_token_enc, \
         access_expires_at, refresh_expires_at, validated_cifs, instance_id, created_at, environment) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
    )
    .bind(token.id)
    .bind(token.user_id)
    .bind(token.label.as_deref())
    .bind(&token.access_token_enc)
    .bind(refresh_enc)
    .bind(Ts(token.access_expires_at))
    .bind(refresh_expires)
    .bind(Json(Vec::<i64>::new()))
    .bind(token.instance_id)
    .bind(Ts(now))
    .bind(token.environment.as_str())
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// A token by id, whoever owns it, revoked or not (jobs and the submission path).
pub async fn get(db: &Db, id: AnafTokenId) -> Result<Option<AnafToken>, sqlx::Error> {
    let row = on_db!(db, c => sqlx::query_as::<_, Row>(concat!("SELECT ", columns!(), " FROM anaf_tokens WHERE id = $1"))
        .bind(id)
        .fetch_optional(c)
        .await)?;
    Ok(row.map(AnafToken::from))
}

/// One of `user`'s tokens that is not revoked.
pub async fn get_of_user(
    db: &Db,
    user: UserId,
    id: AnafTokenId,
) -> Result<Option<AnafToken>, sqlx::Error> {
    let row = on_db!(db, c => sqlx::query_as::<_, Row>(concat!(
        "SELECT ", columns!(), " FROM anaf_tokens WHERE user_id = $1 AND id = $2 AND revoked_at IS NULL"))
        .bind(user)
        .bind(id)
        .fetch_optional(c)
        .await)?;
    Ok(row.map(AnafToken::from))
}

/// `user`'s tokens that are not revoked, newest first.
pub async fn list_of_user(db: &Db, user: UserId) -> Result<Vec<AnafToken>, sqlx::Error> {
    let rows = on_db!(db, c => sqlx::query_as::<_, Row>(concat!(
        "SELECT ", columns!(), " FROM anaf_tokens WHERE user_id = $1 AND revoked_at IS NULL \
         ORDER BY created_at DESC, id DESC"))
        .bind(user)
        .fetch_all(c)
        .await)?;
    Ok(rows.into_iter().map(AnafToken::from).collect())
}

/// Revokes one of `user`'s tokens and erases its secrets (the row stays for the record).
/// Returns whether there was such a token.
pub async fn revoke(
    tx: &mut Tx,
    user: UserId,
    id: AnafTokenId,
    now: OffsetDateTime,
) -> Result<bool, sqlx::Error> {
    let n = on_tx!(tx, c => sqlx::query(
        "UPDATE anaf_tokens SET revoked_at = $3, access_token_enc = NULL, refresh_token_enc = NULL, \
         refreshing_until = NULL WHERE user_id = $1 AND id = $2 AND revoked_at IS NULL",
    )
    .bind(user)
    .bind(id)
    .bind(Ts(now))
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

/// Notes that a call to ANAF used the token.
pub async fn touch_used(
    tx: &mut Tx,
    id: AnafTokenId,
    now: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    on_tx!(tx, c => sqlx::query("UPDATE anaf_tokens SET last_used_at = $2 WHERE id = $1")
        .bind(id)
        .bind(Ts(now))
        .execute(c)
        .await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Replaces the CIFs ANAF confirmed the token may act for (validate-cif).
pub async fn set_validated_cifs(
    tx: &mut Tx,
    id: AnafTokenId,
    cifs: &[i64],
) -> Result<(), sqlx::Error> {
    on_tx!(tx, c => sqlx::query("UPDATE anaf_tokens SET validated_cifs = $2 WHERE id = $1")
        .bind(id)
        .bind(Json(cifs))
        .execute(c)
        .await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// The right to refresh one token, held until `until`.
#[derive(Debug, Clone)]
pub struct RefreshClaim {
    pub token: AnafToken,
    /// Also the claim's identity: a later claim of the same token has a later instant.
    pub until: OffsetDateTime,
}

/// Which token to claim and when.
#[derive(Debug, Clone, Copy)]
pub struct ClaimRequest {
    pub id: AnafTokenId,
    /// Only a token of this installation can be claimed: a frozen one never is.
    pub instance: InstanceId,
    /// Only a token whose access token expires by then: one another process refreshed
    /// meanwhile is not due any more, so it is not refreshed twice.
    pub due_before: OffsetDateTime,
    /// The claim's end.
    pub until: OffsetDateTime,
    pub now: OffsetDateTime,
}

/// Claims the right to refresh a token, so that two processes never refresh one token at once
/// (ANAF may rotate the refresh token: the loser's refresh would fail, or overwrite the
/// winner's). Only a live, refreshable, due token can be claimed. `None` when another process
/// holds the claim or the token cannot or need not be refreshed. The claim is committed before
/// this returns.
pub async fn claim_refresh(
    db: &Db,
    request: ClaimRequest,
) -> Result<Option<RefreshClaim>, sqlx::Error> {
    let mut tx = db.begin().await?;
    // One statement: on PostgreSQL a concurrent claim waits for this row's lock and then
    // re-checks the condition, so it sees this claim; on SQLite the write transaction is
    // exclusive already.
    let row = on_tx!(&mut tx, c => sqlx::query_as::<_, Row>(concat!(
        "UPDATE anaf_tokens SET refreshing_until = $3 \
         WHERE id = $1 AND instance_id = $2 AND revoked_at IS NULL \
         AND refresh_token_enc IS NOT NULL AND refresh_error IS NULL AND refresh_expires_at > $4 \
         AND access_expires_at <= $5 \
         AND (refreshing_until IS NULL OR refreshing_until < $4) \
         RETURNING ", columns!()))
        .bind(request.id)
        .bind(request.instance)
        .bind(Ts(request.until))
        .bind(Ts(request.now))
        .bind(Ts(request.due_before))
        .fetch_optional(c)
        .await)?;
    tx.commit().await?;
    Ok(row.map(|r| RefreshClaim {
        token: r.into(),
        until: request.until,
    }))
}

/// What ANAF answered to a refresh, sealed for the token's row.
#[derive(Debug, Clone)]
pub struct Refreshed {
    pub access_token_enc: String,
    pub access_expires_at: OffsetDateTime,
    /// A new refresh token when ANAF sent one; else the old one stays (tax-apis.md §2).
    pub refresh: Option<(String, OffsetDateTime)>,
}

/// Stores the result of a refresh and releases the claim if it is still `claim`'s. The new
/// secrets are stored even when the claim expired meanwhile: they are what ANAF issued last.
/// Returns whether the claim was still held.
pub async fn store_refreshed(
    tx: &mut Tx,
    claim: &RefreshClaim,
    refreshed: &Refreshed,
    now: OffsetDateTime,
) -> Result<bool, sqlx::Error> {
    let (refresh_enc, refresh_expires) = refreshed
        .refresh
        .as_ref()
        .map(|(enc, at)| (enc.as_str(), Ts(*at)))
        .unzip();
    let held = on_tx!(&mut *tx, c => sqlx::query_scalar::<_, i64>(
        "SELECT COUNT(*) FROM anaf_tokens WHERE id = $1 AND refreshing_until = $2",
    )
    .bind(claim.token.id)
    .bind(Ts(claim.until))
    .fetch_one(c)
    .await)?;
    on_tx!(tx, c => sqlx::query(
        "UPDATE anaf_tokens SET access_token_enc = $2, access_expires_at = $3, \
         refresh_token_enc = COALESCE($4, refresh_token_enc), \
         refresh_expires_at = COALESCE($5, refresh_expires_at), last_refreshed_at = $6, \
         refreshing_until = CASE WHEN refreshing_until = $7 THEN NULL ELSE refreshing_until END \
         WHERE id = $1 AND revoked_at IS NULL",
    )
    .bind(claim.token.id)
    .bind(&refreshed.access_token_enc)
    .bind(Ts(refreshed.access_expires_at))
    .bind(refresh_enc)
    .bind(refresh_expires)
    .bind(Ts(now))
    .bind(Ts(claim.until))
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(held == 1)
}

/// Gives a claim up (the refresh failed), if it is still `claim`'s.
pub async fn release_refresh(db: &Db, claim: &RefreshClaim) -> Result<(), sqlx::Error> {
    let mut tx = db.begin().await?;
    on_tx!(&mut tx, c => sqlx::query(
        "UPDATE anaf_tokens SET refreshing_until = NULL WHERE id = $1 AND refreshing_until = $2",
    )
    .bind(claim.token.id)
    .bind(Ts(claim.until))
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    tx.commit().await
}

/// Records that ANAF refused to refresh the token for good and releases the claim: the token is
/// not refreshed again (lessons §7.2 item 18: a dead refresh token retried forever).
pub async fn refresh_refused(
    db: &Db,
    claim: &RefreshClaim,
    error: &str,
    now: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    let mut tx = db.begin().await?;
    on_tx!(&mut tx, c => sqlx::query(
        "UPDATE anaf_tokens SET refresh_error = $3, refresh_failed_at = $4, refreshing_until = NULL \
         WHERE id = $1 AND refreshing_until = $2",
    )
    .bind(claim.token.id)
    .bind(Ts(claim.until))
    .bind(error)
    .bind(Ts(now))
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    tx.commit().await
}

/// Live, refreshable tokens of installation `instance` from `environment` whose access token
/// expires by `due_before`, soonest first: what the refresh job refreshes.
pub async fn due_for_refresh(
    db: &Db,
    instance: InstanceId,
    environment: AnafEnvironment,
    due_before: OffsetDateTime,
    now: OffsetDateTime,
) -> Result<Vec<AnafToken>, sqlx::Error> {
    let rows = on_db!(db, c => sqlx::query_as::<_, Row>(concat!(
        "SELECT ", columns!(), " FROM anaf_tokens \
         WHERE instance_id = $1 AND environment = $2 AND revoked_at IS NULL \
         AND refresh_token_enc IS NOT NULL AND refresh_error IS NULL AND refresh_expires_at > $4 \
         AND access_expires_at <= $3 \
         ORDER BY access_expires_at, id"))
        .bind(instance)
        .bind(environment.as_str())
        .bind(Ts(due_before))
        .bind(Ts(now))
        .fetch_all(c)
        .await)?;
    Ok(rows.into_iter().map(AnafToken::from).collect())
}

/// Live tokens of installation `instance` from `environment` whose expiry (see
/// [`AnafToken::expires_at`]) is after `now` and at or before `horizon`, soonest first.
pub async fn expiring(
    db: &Db,
    instance: InstanceId,
    environment: AnafEnvironment,
    now: OffsetDateTime,
    horizon: OffsetDateTime,
) -> Result<Vec<AnafToken>, sqlx::Error> {
    // The same expiry as `AnafToken::expires_at`.
    macro_rules! ends {
        () => {
            "(CASE WHEN refresh_error IS NULL THEN COALESCE(refresh_expires_at, access_expires_at) \
             ELSE access_expires_at END)"
        };
    }
    let rows = on_db!(db, c => sqlx::query_as::<_, Row>(concat!(
        "SELECT ", columns!(), " FROM anaf_tokens \
         WHERE instance_id = $1 AND environment = $4 AND revoked_at IS NULL \
         AND ", ends!(), " > $2 AND ", ends!(), " <= $3 ORDER BY ", ends!(), ", id"))
        .bind(instance)
        .bind(Ts(now))
        .bind(Ts(horizon))
        .bind(environment.as_str())
        .fetch_all(c)
        .await)?;
    Ok(rows.into_iter().map(AnafToken::from).collect())
}

/// Stamps every live token of another installation with `instance` (the database was adopted).
/// Returns how many were adopted.
pub async fn adopt_all(tx: &mut Tx, instance: InstanceId) -> Result<u64, sqlx::Error> {
    on_tx!(tx, c => sqlx::query(
        "UPDATE anaf_tokens SET instance_id = $1, refreshing_until = NULL \
         WHERE instance_id <> $1 AND revoked_at IS NULL",
    )
    .bind(instance)
    .execute(c)
    .await
    .map(|r| r.rows_affected()))
}

/// Records that token `id` was warned about at `threshold_days` before `expires_at`. Returns
/// `false` when it had been already.
pub async fn record_alert(
    tx: &mut Tx,
    id: AnafTokenId,
    threshold_days: i32,
    expires_at: OffsetDateTime,
    now: OffsetDateTime,
) -> Result<bool, sqlx::Error> {
    let n = on_tx!(tx, c => sqlx::query(
        "INSERT INTO anaf_token_alerts (token_id, threshold_days, expires_at, created_at) \
         VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
    )
    .bind(id)
    .bind(threshold_days)
    .bind(Ts(expires_at))
    .bind(Ts(now))
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(n == 1)
}
