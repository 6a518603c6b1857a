//! The vault's operations behind `/api/v1/anaf/*` (api.md §19): store a token (pasted, or
//! obtained by a connect link's OAuth flow), delete one, check a CIF against ANAF, a user's
//! status, and adopting a restored or copied database.

use time::{Duration, OffsetDateTime};

use super::access::{self, AccessError};
use super::cipher::{Purpose, Secret};
use super::instance::{self, Fingerprint};
use super::usable;
use crate::api::error::ApiError;
use crate::auth::Principal;
use crate::config::AnafEnvironment;
use crate::events::{self, DomainEvent, Origin};
use crate::ids::{AnafTokenId, CompanyId, UserId};
use crate::state::AppState;
use crate::store::anaf_tokens::{self, AnafToken, NewAnafToken};
use crate::store::{Tx, anaf_connections, companies};
use crate::tenancy::CompanyScope;

/// An access token lives 90 days and a refresh token 365 (ANAF's OAuth document, tax-apis.md
/// §2); a token whose payload and answer do not say otherwise is assumed to.
pub const ACCESS_DAYS: i64 = 90;
pub const REFRESH_DAYS: i64 = 365;

/// A token to store, as pasted (`POST /anaf/tokens`).
#[derive(Debug)]
pub struct AddToken {
    pub access_token: Secret,
    /// Facturo's own: a refresh token stored with a pasted access token.
    pub refresh_token: Option<Secret>,
    pub label: Option<String>,
    /// The access token's lifetime when its JWT payload has no `exp`: 1–365, default 90.
    pub expires_in_days: Option<i64>,
}

/// Tokens ready to be sealed and stored, with their expiries.
#[derive(Debug)]
pub struct Obtained {
    pub access_token: Secret,
    pub access_expires_at: OffsetDateTime,
    pub refresh: Option<(Secret, OffsetDateTime)>,
    pub label: Option<String>,
}

impl Obtained {
    /// What ANAF's token endpoint answered: expiries from the JWTs' `exp`, else `expires_in`,
    /// else ANAF's documented lifetimes.
    pub fn from_anaf(tokens: anaf::oauth::Tokens, now: OffsetDateTime) -> Obtained {
        let access_expires_at = tokens
            .access_expires_at(now)
            .unwrap_or(now + Duration::days(ACCESS_DAYS));
        let refresh_expires_at = tokens
            .refresh_expires_at()
            .unwrap_or(now + Duration::days(REFRESH_DAYS));
        Obtained {
            access_token: Secret::new(tokens.access_token),
            access_expires_at,
            refresh: Some((Secret::new(tokens.refresh_token), refresh_expires_at)),
            label: None,
        }
    }
}

/// Who stores a token, for which company, and where its event goes.
#[derive(Debug, Clone, Copy)]
pub struct Owner {
    pub user: UserId,
    /// The company that will use the token (the caller checked the right to connect it).
    pub company: Option<CompanyId>,
    /// Where `anaf.token_created` is recorded; none for a user outside any organization.
    pub origin: Option<Origin>,
}

const NOT_FOUND: ApiError = ApiError::NotFound("Token not found.");

/// Checks a pasted token and stores it as `principal`'s, connected to `company` when one is
/// given (the caller checked the right to); records `anaf.token_created`.
pub async fn add(
    state: &AppState,
    principal: &Principal,
    input: AddToken,
    company: Option<&CompanyScope>,
    now: OffsetDateTime,
) -> Result<AnafToken, ApiError> {
    let obtained = check_pasted(input, now)?;
    let owner = Owner {
        user: principal.user.id,
        company: company.map(CompanyScope::id),
        origin: match company {
            Some(scope) => Some(scope.origin()),
            None => principal.membership.as_ref().map(|m| Origin {
                organization: m.organization.id,
                company: None,
                actor: Some(principal.user.id),
            }),
        },
    };
    let mut tx = state.db.begin().await?;
    let id = store(&mut tx, state, owner, &obtained, now).await?;
    tx.commit().await?;
    anaf_tokens::get(&state.db, id)
        .await?
        .ok_or_else(|| ApiError::Internal(anyhow::anyhow!("ANAF token {id} vanished")))
}

/// The contract's checks of a pasted token (api.md §19): at least 10 characters, a JWT's `exp`
/// or `expiresInDays` (1–365, default 90), not expired.
fn check_pasted(input: AddToken, now: OffsetDateTime) -> Result<Obtained, ApiError> {
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
    let access_expires_at = anaf::oauth::jwt_expiry(access).unwrap_or(now + Duration::days(days));
    if access_expires_at <= now {
        return Err(ApiError::bad_request("The token has already expired."));
    }
    let refresh = match input
        .refresh_token
        .as_ref()
        .map(|s| s.expose().trim())
        .filter(|s| !s.is_empty())
    {
        Some(secret) => {
            let expires =
                anaf::oauth::jwt_expiry(secret).unwrap_or(now + Duration::days(REFRESH_DAYS));
            if expires <= now {
                return Err(ApiError::bad_request(
                    "The refresh token has already expired.",
                ));
            }
            Some((Secret::new(secret.to_owned()), expires))
        }
        None => None,
    };
    Ok(Obtained {
        access_token: Secret::new(access.to_owned()),
        access_expires_at,
        refresh,
        label: input
            .label
            .map(|l| l.trim().to_owned())
            .filter(|l| !l.is_empty()),
    })
}

/// Seals `obtained` for a new row of `owner` from this installation's ANAF, connects the
/// company, and records `anaf.token_created`, in the caller's transaction.
pub async fn store(
    tx: &mut Tx,
    state: &AppState,
    owner: Owner,
    obtained: &Obtained,
    now: OffsetDateTime,
) -> Result<AnafTokenId, ApiError> {
    let vault = &state.vault;
    let environment = state.authority.environment;
    let id = AnafTokenId::new();
    let seal = |purpose, secret: &Secret| {
        vault
            .seal(id.0, purpose, secret.expose())
            .map_err(|e| ApiError::Internal(e.into()))
    };
    let refresh = match &obtained.refresh {
        Some((secret, expires)) => Some((seal(Purpose::AnafRefreshToken, secret)?, *expires)),
        None => None,
    };
    let token = NewAnafToken {
        id,
        user_id: owner.user,
        label: obtained.label.clone(),
        environment,
        access_token_enc: seal(Purpose::AnafAccessToken, &obtained.access_token)?,
        access_expires_at: obtained.access_expires_at,
        refresh,
        instance_id: vault.instance(),
    };
    anaf_tokens::insert(tx, &token, now).await?;
    if let Some(company) = owner.company {
        anaf_connections::connect(tx, company, id, environment, owner.user, now).await?;
    }
    if let Some(origin) = owner.origin {
        let event = DomainEvent::AnafTokenCreated {
            token_id: id,
            company_id: owner.company,
        };
        events::record(tx, origin, &event, now).await?;
    }
    tracing::info!(token = %id, user = %owner.user, environment = environment.as_str(), kid = vault.kid(), "stored an ANAF token");
    Ok(id)
}

/// Whether ANAF was told to forget a deleted token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AtAnaf {
    /// ANAF's `revoke` took the refresh and access tokens.
    Revoked,
    /// Not asked: the token belongs to another installation (a restored or copied database,
    /// whose original still uses it), or no OAuth application is configured.
    NotAsked(&'static str),
    /// Asked, and the call failed; the token is deleted here all the same.
    Failed(String),
}

/// Revokes one of `principal`'s tokens: its secrets are erased and its companies disconnected,
/// then ANAF is asked to revoke it too (RFC 7009), when this installation stored it. Another
/// user's token is not found.
pub async fn delete(
    state: &AppState,
    principal: &Principal,
    id: AnafTokenId,
    now: OffsetDateTime,
) -> Result<AtAnaf, ApiError> {
    let token = anaf_tokens::get_of_user(&state.db, principal.user.id, id)
        .await?
        .filter(|t| t.revoked_at.is_none())
        .ok_or(NOT_FOUND)?;
    // Opened before the secrets are erased; only this installation's tokens are revoked at
    // ANAF, never those a copied database brought along.
    let secrets: Vec<(Secret, anaf::oauth::TokenKind)> =
        if token.instance_id == state.vault.instance() {
            [
                (
                    token.refresh_token_enc.as_deref(),
                    Purpose::AnafRefreshToken,
                    anaf::oauth::TokenKind::Refresh,
                ),
                (
                    token.access_token_enc.as_deref(),
                    Purpose::AnafAccessToken,
                    anaf::oauth::TokenKind::Access,
                ),
            ]
            .into_iter()
            .filter_map(|(sealed, purpose, kind)| {
                let secret = state.vault.open(id.0, purpose, sealed?).ok()?;
                Some((secret, kind))
            })
            .collect()
        } else {
            Vec::new()
        };
    let mut tx = state.db.begin().await?;
    if !anaf_tokens::revoke(&mut tx, principal.user.id, id, now).await? {
        return Err(NOT_FOUND);
    }
    anaf_connections::disconnect_token(&mut tx, id, now).await?;
    tx.commit().await?;
    if token.instance_id != state.vault.instance() {
        return Ok(AtAnaf::NotAsked(
            "the token belongs to another installation",
        ));
    }
    let Ok(oauth) = state.authority.oauth() else {
        return Ok(AtAnaf::NotAsked("no ANAF OAuth application is configured"));
    };
    for (secret, kind) in &secrets {
        if let Err(e) = oauth.revoke(secret.expose(), *kind).await {
            tracing::warn!(token = %id, error = %e, "ANAF did not revoke a deleted token");
            return Ok(AtAnaf::Failed(e.to_string()));
        }
    }
    tracing::info!(token = %id, "revoked a deleted token at ANAF");
    Ok(AtAnaf::Revoked)
}

/// What ANAF said about a token and a CIF (`validate-cif`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CifCheck {
    Valid {
        cif: i64,
        company_name: String,
    },
    Invalid {
        cif: i64,
        error: String,
        code: Option<&'static str>,
    },
}

/// Asks ANAF whether one of `principal`'s tokens may act for `cif` (required), a company of the
/// caller's organization (api.md §19 `validate-cif`), by listing that CIF's SPV box for one day, and
/// keeps the token's `validatedCifs` in step with the answer.
pub async fn validate_cif(
    state: &AppState,
    principal: &Principal,
    id: AnafTokenId,
    cif: Option<i64>,
    now: OffsetDateTime,
) -> Result<CifCheck, ApiError> {
    let token = anaf_tokens::get_of_user(&state.db, principal.user.id, id)
        .await?
        .ok_or(NOT_FOUND)?;
    let cif = cif.ok_or_else(|| ApiError::bad_request("CIF is required."))?;
    let invalid = |error: String, code| CifCheck::Invalid { cif, error, code };
    let org = principal.org_id()?;
    let Some(company) = companies::list(&state.db, org, false)
        .await?
        .into_iter()
        .find(|c| c.cif == cif)
    else {
        return Ok(invalid(
            format!("CIF {cif} is not a company of your organization; add the company first."),
            Some("COMPANY_NOT_FOUND"),
        ));
    };
    CompanyScope::of_company(state, principal.clone(), company.id).await?;
    let access = match access::token_access(state, token.id, now).await {
        Ok(access) => access,
        Err(e @ (AccessError::Expired { .. } | AccessError::Refused { .. })) => {
            return Ok(invalid(e.to_string(), Some("TOKEN_EXPIRED")));
        }
        Err(e) => return Err(e.into()),
    };
    let cif_u64 = u64::try_from(cif).map_err(|_| ApiError::bad_request("A CIF is positive."))?;
    let answer = state
        .anaf
        .client(state.anaf.environment)
        .messages(access.secret.expose(), cif_u64, 1, None)
        .await;
    let check = match answer {
        Ok(_) => CifCheck::Valid {
            cif,
            company_name: company.name,
        },
        Err(anaf::Error::Refused {
            kind: anaf::efactura::RefusalKind::NoRights,
            message,
        }) => invalid(message, Some("TOKEN_INVALID_FOR_CIF")),
        Err(anaf::Error::Unauthorized { status, .. }) => invalid(
            format!("ANAF did not accept the token (HTTP {status})."),
            Some("TOKEN_INVALID"),
        ),
        Err(e) if e.is_quota() || matches!(e, anaf::Error::RateLimited { .. }) => {
            return Err(ApiError::TooManyRequests {
                retry_after_secs: 60,
            });
        }
        Err(e) if e.is_transient() => return Err(ApiError::Unavailable(e.to_string())),
        Err(e) => invalid(e.to_string(), None),
    };
    let mut cifs = token.validated_cifs.clone();
    cifs.retain(|c| *c != cif);
    if matches!(check, CifCheck::Valid { .. }) {
        cifs.push(cif);
        cifs.sort_unstable();
    }
    if cifs != token.validated_cifs {
        let mut tx = state.db.begin().await?;
        anaf_tokens::set_validated_cifs(&mut tx, token.id, &cifs).await?;
        tx.commit().await?;
    }
    Ok(check)
}

/// A user's ANAF status (api.md §19) and the installation's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    /// At least one token from this installation's ANAF that it may use now.
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
    let environment = state.authority.environment;
    let tokens: Vec<AnafToken> = anaf_tokens::list_of_user(&state.db, principal.user.id)
        .await?
        .into_iter()
        .filter(|t| t.environment == environment.as_str())
        .collect();
    let fingerprint = fingerprint(state).await?;
    let foreign_tokens = tokens
        .iter()
        .any(|t| t.instance_id != state.vault.instance());
    let frozen_reason = fingerprint.reason().or(foreign_tokens.then_some(
        "Some of your ANAF tokens were stored by another Facturo installation: an instance \
         administrator must confirm this one before they are used.",
    ));
    Ok(Status {
        connected: !fingerprint.is_frozen()
            && tokens.iter().any(|t| usable(&state.vault, t, now).is_ok()),
        token_count: tokens.len(),
        nearest_expiry: tokens
            .iter()
            .map(AnafToken::expires_at)
            .filter(|at| *at > now)
            .min(),
        has_expired_tokens: tokens.iter().any(|t| t.is_expired(now)),
        frozen: frozen_reason.is_some(),
        frozen_reason,
        environment,
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
    let tokens = instance::adopt(&state.db, state.vault.instance(), principal.user.id, now).await?;
    Ok(Adopted { was_frozen, tokens })
}
