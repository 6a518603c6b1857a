//! A usable access token for a company, and refreshing tokens before they expire.
//!
//! [`access_token`] is what submission and sync call. [`refresh_due`] is what the refresh job
//! runs. Both refresh through [`refresh_one`], which holds the token's refresh lock
//! (`store::anaf_tokens::claim_refresh`) while it talks to ANAF: ANAF may rotate the refresh
//! token (tax-apis.md §2), so two processes refreshing one token at once would lose it. Nothing
//! is refreshed or used while the installation is frozen (lessons #14).

use std::time::Duration as StdDuration;

use time::{Duration, OffsetDateTime};

use super::cipher::{CipherError, Purpose, Secret};
use super::clients::NotConfigured;
use super::instance;
use super::tokens::Obtained;
use crate::api::error::ApiError;
use crate::config::AnafEnvironment;
use crate::ids::{AnafTokenId, CompanyId};
use crate::state::AppState;
use crate::store::anaf_connections;
use crate::store::anaf_tokens::{self, AnafToken, ClaimRequest, Refreshed};

/// The refresh job renews an access token this long before it expires (Storno renews at 5
/// days; a week leaves room for a few failed days).
pub const REFRESH_AHEAD: Duration = Duration::days(7);
/// [`access_token`] refreshes on the spot when less than this is left (the job normally has
/// long before).
pub const INLINE_MARGIN: Duration = Duration::minutes(10);
/// How long a refresh lock is held at most: longer than a call to ANAF may take.
pub const LOCK: Duration = Duration::minutes(2);
/// How long [`access_token`] waits for another process's refresh of an expired token.
const WAIT: StdDuration = StdDuration::from_secs(10);
const POLL: StdDuration = StdDuration::from_millis(100);

/// An access token to send to ANAF. `Debug` does not show it.
#[derive(Debug)]
pub struct AccessToken {
    pub token_id: AnafTokenId,
    pub secret: Secret,
    pub expires_at: OffsetDateTime,
    /// CIFs ANAF confirmed the token may act for.
    pub validated_cifs: Vec<i64>,
}

/// Why no access token can be had. [`AccessError::is_transient`] says whether trying again
/// later can help; the others need a person (connect again, confirm the instance, configure).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum AccessError {
    #[error(
        "company {company} has no ANAF connection for {}; connect it with a token link \
         (POST /api/v1/anaf/token-links)", environment.as_str()
    )]
    NotConnected {
        company: CompanyId,
        environment: AnafEnvironment,
    },
    #[error(
        "this installation is frozen: the database was restored or copied from another one, and \
         its ANAF tokens are not used until an instance administrator confirms this installation \
         (POST /api/v1/anaf/confirm-instance)"
    )]
    Frozen,
    #[error("the ANAF token was deleted")]
    Revoked,
    #[error("the ANAF token comes from ANAF '{token}', and this installation talks to '{}'", current.as_str())]
    OtherEnvironment {
        token: String,
        current: AnafEnvironment,
    },
    #[error(
        "the ANAF token expired at {expires_at}; a person with the company's certificate must \
         connect again"
    )]
    Expired { expires_at: OffsetDateTime },
    #[error(
        "ANAF refused to refresh the token ({error}); a person with the company's certificate \
         must connect again"
    )]
    Refused { error: String },
    #[error(transparent)]
    NotConfigured(#[from] NotConfigured),
    /// ANAF could not be asked now (network, maintenance, rate limit). Transient.
    #[error("ANAF could not refresh the token now: {0}")]
    Unavailable(anaf::Error),
    /// ANAF refused the refresh for a reason that is not the token's (a misconfigured client).
    #[error("ANAF refused the token refresh: {0}")]
    Anaf(anaf::Error),
    /// Another process is refreshing the expired token and has not finished. Transient.
    #[error("another process is refreshing the ANAF token; try again shortly")]
    Busy,
    #[error("ANAF token {token}: {source}")]
    Cipher {
        token: AnafTokenId,
        source: CipherError,
    },
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
}

impl AccessError {
    /// Whether the same call may succeed later without anyone doing anything.
    pub fn is_transient(&self) -> bool {
        matches!(
            self,
            AccessError::Unavailable(_) | AccessError::Busy | AccessError::Database(_)
        )
    }
}

impl From<AccessError> for ApiError {
    fn from(e: AccessError) -> Self {
        match e {
            AccessError::NotConnected { .. }
            | AccessError::OtherEnvironment { .. }
            | AccessError::Expired { .. }
            | AccessError::Refused { .. }
            | AccessError::Anaf(_) => ApiError::Unprocessable(e.to_string()),
            AccessError::Frozen => ApiError::Conflict {
                message: e.to_string(),
                code: Some("INSTANCE_FROZEN"),
            },
            AccessError::Revoked => ApiError::NotFound("Token not found."),
            AccessError::NotConfigured(_) | AccessError::Unavailable(_) | AccessError::Busy => {
                ApiError::Unavailable(e.to_string())
            }
            AccessError::Cipher { .. } | AccessError::Database(_) => {
                ApiError::Internal(anyhow::Error::new(e))
            }
        }
    }
}

/// A usable access token of `company` for `environment`: the token the company is connected
/// to, refreshed first when it is about to expire. This is what code that calls ANAF for a
/// company asks, right before the call.
pub async fn access_token(
    state: &AppState,
    company: CompanyId,
    environment: AnafEnvironment,
    now: OffsetDateTime,
) -> Result<AccessToken, AccessError> {
    let connection = anaf_connections::active(&state.db, company, environment)
        .await?
        .ok_or(AccessError::NotConnected {
            company,
            environment,
        })?;
    token_access(state, connection.token_id, now).await
}

/// Whether `company` has a token for `environment` this installation may use or refresh now,
/// without decrypting it or calling ANAF (a check before work is queued).
pub async fn check_company(
    state: &AppState,
    company: CompanyId,
    environment: AnafEnvironment,
    now: OffsetDateTime,
) -> Result<(), AccessError> {
    if instance::fingerprint(&state.db, state.vault.instance())
        .await?
        .is_frozen()
    {
        return Err(AccessError::Frozen);
    }
    let connection = anaf_connections::active(&state.db, company, environment)
        .await?
        .ok_or(AccessError::NotConnected {
            company,
            environment,
        })?;
    let token = anaf_tokens::get(&state.db, connection.token_id)
        .await?
        .ok_or(AccessError::Revoked)?;
    check(state, &token, now)
}

/// A usable access token from token `id`, whoever owns it (the caller checked), refreshed
/// first when it is about to expire.
pub async fn token_access(
    state: &AppState,
    id: AnafTokenId,
    now: OffsetDateTime,
) -> Result<AccessToken, AccessError> {
    if instance::fingerprint(&state.db, state.vault.instance())
        .await?
        .is_frozen()
    {
        return Err(AccessError::Frozen);
    }
    let mut token = anaf_tokens::get(&state.db, id)
        .await?
        .ok_or(AccessError::Revoked)?;
    check(state, &token, now)?;
    if token.access_expires_at <= now + INLINE_MARGIN {
        token = refresh_now(state, token, now).await?;
    }
    let sealed = token
        .access_token_enc
        .as_deref()
        .ok_or(AccessError::Revoked)?;
    let secret = state
        .vault
        .open(token.id.0, Purpose::AnafAccessToken, sealed)
        .map_err(|source| AccessError::Cipher {
            token: token.id,
            source,
        })?;
    let mut tx = state.db.begin().await?;
    anaf_tokens::touch_used(&mut tx, token.id, now).await?;
    tx.commit().await?;
    Ok(AccessToken {
        token_id: token.id,
        secret,
        expires_at: token.access_expires_at,
        validated_cifs: token.validated_cifs,
    })
}

/// Whether this installation may use `token` at all.
fn check(state: &AppState, token: &AnafToken, now: OffsetDateTime) -> Result<(), AccessError> {
    let current = state.authority.environment;
    if token.revoked_at.is_some() || token.access_token_enc.is_none() {
        Err(AccessError::Revoked)
    } else if token.instance_id != state.vault.instance() {
        Err(AccessError::Frozen)
    } else if token.environment != current.as_str() {
        Err(AccessError::OtherEnvironment {
            token: token.environment.clone(),
            current,
        })
    } else if token.access_expires_at <= now && !token.is_refreshable(now) {
        Err(dead(token))
    } else {
        Ok(())
    }
}

/// The error for a token that can be neither used nor refreshed.
fn dead(token: &AnafToken) -> AccessError {
    match &token.refresh_error {
        Some(error) => AccessError::Refused {
            error: error.clone(),
        },
        None => AccessError::Expired {
            expires_at: token.expires_at(),
        },
    }
}

/// Refreshes a token whose access token is about to expire; when another process is at it,
/// uses the current access token while it lasts, else waits for the other refresh.
async fn refresh_now(
    state: &AppState,
    token: AnafToken,
    now: OffsetDateTime,
) -> Result<AnafToken, AccessError> {
    if !token.is_refreshable(now) {
        return Ok(token);
    }
    match refresh_one(state, token.id, now + INLINE_MARGIN, now).await? {
        Refresh::Done(fresh) => return Ok(*fresh),
        Refresh::Skipped if token.access_expires_at > now => return Ok(token),
        Refresh::Skipped => {}
    }
    let deadline = tokio::time::Instant::now() + WAIT;
    while tokio::time::Instant::now() < deadline {
        tokio::time::sleep(POLL).await;
        let current = anaf_tokens::get(&state.db, token.id)
            .await?
            .ok_or(AccessError::Revoked)?;
        if current.access_expires_at > now {
            return Ok(current);
        }
        if current.refresh_error.is_some() || current.revoked_at.is_some() {
            return Err(dead(&current));
        }
    }
    Err(AccessError::Busy)
}

/// What [`refresh_one`] did.
#[derive(Debug)]
pub enum Refresh {
    /// The token as stored after the refresh.
    Done(Box<AnafToken>),
    /// Another process holds the lock, or the token is not due (any more), or cannot be
    /// refreshed here: nothing was sent to ANAF.
    Skipped,
}

/// Refreshes token `id` if its access token expires by `due_before`, under its refresh lock.
/// ANAF's new tokens replace the old ones (the refresh token too when ANAF sent a new one). A
/// refresh ANAF refuses for good (`invalid_grant`) is recorded on the token, which is not tried
/// again.
pub async fn refresh_one(
    state: &AppState,
    id: AnafTokenId,
    due_before: OffsetDateTime,
    now: OffsetDateTime,
) -> Result<Refresh, AccessError> {
    let oauth = state.authority.oauth()?;
    let request = ClaimRequest {
        id,
        instance: state.vault.instance(),
        due_before,
        until: now + LOCK,
        now,
    };
    let Some(claim) = anaf_tokens::claim_refresh(&state.db, request).await? else {
        return Ok(Refresh::Skipped);
    };
    let cipher = |source| AccessError::Cipher { token: id, source };
    let opened = claim
        .token
        .refresh_token_enc
        .as_deref()
        .ok_or(CipherError::Malformed)
        .and_then(|sealed| state.vault.open(id.0, Purpose::AnafRefreshToken, sealed));
    let refresh = match opened {
        Ok(secret) => secret,
        Err(e) => {
            anaf_tokens::release_refresh(&state.db, &claim).await?;
            return Err(cipher(e));
        }
    };
    let answer = oauth.refresh(refresh.expose()).await;
    let tokens = match answer {
        Ok(tokens) => tokens,
        Err(e) if is_dead_grant(&e) => {
            tracing::warn!(token = %id, error = %e, "ANAF refused to refresh a token; a person must connect again");
            anaf_tokens::refresh_refused(&state.db, &claim, &e.to_string(), now).await?;
            return Err(AccessError::Refused {
                error: e.to_string(),
            });
        }
        Err(e) => {
            anaf_tokens::release_refresh(&state.db, &claim).await?;
            return Err(if e.is_transient() {
                AccessError::Unavailable(e)
            } else {
                AccessError::Anaf(e)
            });
        }
    };
    let rotated = tokens.refresh_token != refresh.expose();
    let obtained = Obtained::from_anaf(tokens, now);
    let seal = |purpose, secret: &Secret| {
        state
            .vault
            .seal(id.0, purpose, secret.expose())
            .map_err(cipher)
    };
    let refreshed = Refreshed {
        access_token_enc: seal(Purpose::AnafAccessToken, &obtained.access_token)?,
        access_expires_at: obtained.access_expires_at,
        refresh: match (&obtained.refresh, rotated) {
            (Some((secret, expires)), true) => {
                Some((seal(Purpose::AnafRefreshToken, secret)?, *expires))
            }
            _ => None,
        },
    };
    let mut tx = state.db.begin().await?;
    let held = anaf_tokens::store_refreshed(&mut tx, &claim, &refreshed, now).await?;
    tx.commit().await?;
    if !held {
        tracing::warn!(token = %id, "a token refresh outlasted its lock; its result was stored anyway");
    }
    tracing::info!(token = %id, access_expires_at = %obtained.access_expires_at, rotated, "refreshed an ANAF token");
    let fresh = anaf_tokens::get(&state.db, id)
        .await?
        .ok_or(AccessError::Revoked)?;
    Ok(Refresh::Done(Box::new(fresh)))
}

/// Whether ANAF's answer means the refresh token itself is dead (RFC 6749 §5.2
/// `invalid_grant`: expired, revoked or rotated away), as opposed to a failure of the call or of
/// the client's registration.
fn is_dead_grant(e: &anaf::Error) -> bool {
    matches!(e, anaf::Error::OAuth { error, .. } if error == "invalid_grant")
}

/// What a run of [`refresh_due`] did.
#[derive(Debug, Default)]
pub struct RefreshReport {
    pub refreshed: usize,
    pub skipped: usize,
    /// Failures that a later run may get past.
    pub transient: Vec<String>,
    /// Failures that need a person.
    pub permanent: Vec<String>,
    /// The installation is frozen: nothing was tried.
    pub frozen: bool,
}

/// Refreshes every token of this installation and ANAF whose access token expires within
/// [`REFRESH_AHEAD`]. A frozen installation refreshes nothing.
pub async fn refresh_due(
    state: &AppState,
    now: OffsetDateTime,
) -> Result<RefreshReport, AccessError> {
    let mut report = RefreshReport::default();
    if instance::fingerprint(&state.db, state.vault.instance())
        .await?
        .is_frozen()
    {
        tracing::warn!(
            "not refreshing ANAF tokens: this installation is frozen (restored or copied database)"
        );
        report.frozen = true;
        return Ok(report);
    }
    if state.authority.oauth().is_err() {
        tracing::debug!("not refreshing ANAF tokens: no OAuth application is configured");
        return Ok(report);
    }
    let due_before = now + REFRESH_AHEAD;
    let due = anaf_tokens::due_for_refresh(
        &state.db,
        state.vault.instance(),
        state.authority.environment,
        due_before,
        now,
    )
    .await?;
    for token in due {
        match refresh_one(state, token.id, due_before, now).await {
            Ok(Refresh::Done(_)) => report.refreshed += 1,
            Ok(Refresh::Skipped) => report.skipped += 1,
            Err(e) if e.is_transient() => report.transient.push(format!("{}: {e}", token.id)),
            Err(e) => report.permanent.push(format!("{}: {e}", token.id)),
        }
    }
    Ok(report)
}
