//! The vault's operations behind `/api/v1/anaf/*` (api.md §19): store a token, delete one, a
//! user's status, and adopting a restored or copied database. The OAuth callback (later) stores
//! its tokens with [`add`] as a pasted token is stored.

use time::{Duration, OffsetDateTime};

use super::cipher::{Purpose, Secret};
use super::instance::{self, Fingerprint};
use super::{Vault, jwt, usable};
use crate::api::error::ApiError;
use crate::auth::Principal;
use crate::config::AnafEnvironment;
use crate::events::{self, DomainEvent, Origin};
use crate::ids::AnafTokenId;
use crate::state::AppState;
use crate::store::anaf_tokens::{self, AnafToken, NewAnafToken};
use crate::store::{Db, anaf_connections};
use crate::tenancy::CompanyScope;

/// An access token lives 90 days and a refresh token 365 (ANAF's OAuth document, tax-apis.md
/// §2); a token whose payload does not say otherwise is assumed to.
pub const ACCESS_DAYS: i64 = 90;
pub const REFRESH_DAYS: i64 = 365;

/// A token to store, as received.
#[derive(Debug)]
pub struct AddToken {
    pub access_token: Secret,
    /// Facturo's own: a refresh token stored with a pasted access token (the OAuth flow will
    /// always have one).
    pub refresh_token: Option<Secret>,
    pub label: Option<String>,
    /// The access token's lifetime when its JWT payload has no `exp`: 1–365, default 90.
    pub expires_in_days: Option<i64>,
}

const NOT_FOUND: ApiError = ApiError::NotFound("ANAF token not found.");

/// Checks and seals `input` and stores it as `principal`'s token, connected to `company` for
/// `environment` when one is given (the caller checked the right to); records
/// `anaf.token_created`.
pub async fn add(
    state: &AppState,
    principal: &Principal,
    input: AddToken,
    company: Option<&CompanyScope>,
    now: OffsetDateTime,
) -> Result<AnafToken, ApiError> {
    let access = input.access_token.expose().trim();
    if access.chars().count() < 10 {
        return Err(ApiError::bad_request(
            "A token of at least 10 characters is required.",
        ));
    }
    let days = input.expires_in_days.unwrap_or(ACCESS_DAYS);
    if !(1..=365).contains(&days) {
        return Err(ApiError::bad_request(
            "expiresInDays must be between 1 and 365.",
        ));
    }
    let access_expires =
        jwt::unverified_expiry(access).unwrap_or(now + Duration::days(days));
    if access_expires <= now {
        return Err(ApiError::bad_request("The token has already expired."));
    }
    let vault = &state.vault;
    let id = AnafTokenId::new();
    let seal = |purpose, secret: &str| {
        vault
            .seal(id, purpose, secret)
            .map_err(|e| ApiError::Internal(e.into()))
    };
    let refresh = match input
        .refresh_token
        .as_ref()
        .map(|s| s.expose().trim())
        .filter(|s| !s.is_empty())
    {
        Some(secret) => {
            let expires = jwt::unverified_expiry(secret)
                .unwrap_or(now + Duration::days(REFRESH_DAYS));
            if expires <= now {
                return Err(ApiError::bad_request(
                    "The refresh token has already expired.",
                ));
            }
            Some((seal(Purpose::AnafRefreshToken, secret)?, expires))
        }
        None => None,
    };
    let token = NewAnafToken {
        id,
        user_id: principal.user.id,
        label: input
            .label
            .map(|l| l.trim().to_owned())
            .filter(|l| !l.is_empty()),
        access_token_enc: seal(Purpose::AnafAccessToken, access)?,
        access_expires_at: access_expires,
        refresh,
        instance_id: vault.instance(),
    };
    let mut tx = state.db.begin().await?;
    anaf_tokens::insert(&mut tx, &token, now).await?;
    if let Some(scope) = company {
        let environment = state.config.anaf_environment;
        anaf_connections::connect(&mut tx, scope.id(), id, environment, principal.user.id, now)
            .await?;
    }
    let origin = match company {
        Some(scope) => Some(scope.origin()),
        None => principal.membership.as_ref().map(|m| Origin {
            organization: m.organization.id,
            company: None,
            actor: Some(principal.user.id),
        }),
    };
    if let Some(origin) = origin {
        let event = DomainEvent::AnafTokenCreated {
            token_id: id,
            company_id: company.map(CompanyScope::id),
        };
        events::record(&mut tx, origin, &event, now).await?;
    }
    tx.commit().await?;
    tracing::info!(token = %id, user = %principal.user.id, kid = vault.kid(), "stored an ANAF token");
    anaf_tokens::get(&state.db, id)
        .await?
        .ok_or_else(|| ApiError::Internal(anyhow::anyhow!("ANAF token {id} vanished")))
}

/// Revokes one of `principal`'s tokens: its secrets are erased and its companies disconnected.
/// Another user's token is not found.
pub async fn delete(
    db: &Db,
    principal: &Principal,
    id: AnafTokenId,
    now: OffsetDateTime,
) -> Result<(), ApiError> {
    let mut tx = db.begin().await?;
    if !anaf_tokens::revoke(&mut tx, principal.user.id, id, now).await? {
        return Err(NOT_FOUND);
    }
    anaf_connections::disconnect_token(&mut tx, id, now).await?;
    tx.commit().await?;
    Ok(())
}

/// A user's ANAF status (api.md §19) and the installation's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    /// At least one token this installation may use now.
    pub connected: bool,
    pub token_count: usize,
    /// The soonest end of a token that has not ended.
    pub nearest_expiry: Option<OffsetDateTime>,
    pub has_expired_tokens: bool,
    pub frozen: bool,
    pub frozen_reason: Option<&'static str>,
    pub environment: AnafEnvironment,
}

pub async fn status(
    state: &AppState,
    principal: &Principal,
    now: OffsetDateTime,
) -> Result<Status, ApiError> {
    let tokens = anaf_tokens::list_of_user(&state.db, principal.user.id).await?;
    let fingerprint = instance::fingerprint(&state.db, state.vault.instance()).await?;
    let foreign_tokens = tokens
        .iter()
        .any(|t| t.instance_id != state.vault.instance());
    let frozen_reason = fingerprint.reason().or(foreign_tokens.then_some(
        "Some of your ANAF tokens were stored by another Facturo installation: an instance \
         administrator must confirm this one before they are used.",
    ));
    Ok(Status {
        connected: tokens
            .iter()
            .any(|t| usable(&state.vault, t, now).is_ok()),
        token_count: tokens.len(),
        nearest_expiry: tokens
            .iter()
            .map(AnafToken::expires_at)
            .filter(|at| *at > now)
            .min(),
        has_expired_tokens: tokens.iter().any(|t| t.is_expired(now)),
        frozen: frozen_reason.is_some(),
        frozen_reason,
        environment: state.config.anaf_environment,
    })
}

/// Whether this installation's tokens are frozen, for everyone.
pub async fn fingerprint(state: &AppState) -> Result<Fingerprint, sqlx::Error> {
    instance::fingerprint(&state.db, state.vault.instance()).await
}

/// What adopting the database did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Adopted {
    pub was_frozen: bool,
    pub tokens: u64,
}

/// An instance administrator makes the database this installation's; its tokens thaw.
pub async fn confirm_instance(
    state: &AppState,
    principal: &Principal,
    now: OffsetDateTime,
) -> Result<Adopted, ApiError> {
    if !principal.user.is_admin {
        return Err(ApiError::permission_denied());
    }
    let was_frozen = fingerprint(state).await?.is_frozen();
    let tokens = instance::adopt(
        &state.db,
        state.vault.instance(),
        principal.user.id,
        now,
    )
    .await?;
    Ok(Adopted { was_frozen, tokens })
}
