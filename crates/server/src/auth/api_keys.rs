//! API keys as a way in (api.md §1.3, §3): `Authorization: af_…` without `Bearer`. A key acts
//! for the user who made it, in the organization it was made in (Facturo binds it there; the
//! incumbent resolved the organization per request, so a key reached every organization of its
//! user), with the user's permissions there AND the key's scopes.

use axum::http::StatusCode;
use rand::RngCore;
use serde_json::json;
use time::OffsetDateTime;

use super::Principal;
use super::tokens::hash_secret;
use crate::api::error::ApiError;
use crate::ids::ApiKeyId;
use crate::state::AppState;
use crate::store::api_keys::{self, ApiKey, NewApiKey};
use crate::store::users::{self, User};
use crate::tenancy::permissions::{Permission, PermissionSet};

/// What every key starts with.
pub const PREFIX: &str = "af_";
/// How much of a key is kept in the clear to tell keys apart: `af_` and 9 hex characters.
pub const SHOWN: usize = 12;

/// A new key: `af_` and 32 random bytes as 64 lowercase hex characters.
pub fn generate() -> String {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    format!("{PREFIX}{}", hex::encode(bytes))
}

/// Whether `raw` has a key's shape (checked before any database read).
pub fn well_formed(raw: &str) -> bool {
    raw.strip_prefix(PREFIX).is_some_and(|hex| {
        hex.len() == 64
            && hex
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    })
}

/// The 403 of a refused key (api.md §1.6), with why in `detail`.
pub fn refused(detail: Option<&str>) -> ApiError {
    ApiError::Custom(
        StatusCode::FORBIDDEN,
        json!({ "status_code": 403, "detail": detail, "message": "Invalid API Token", "error_code": "AUTH_HEADER_TOKEN" }),
    )
}

/// The key `raw` names and its user, when the key is live. Lookup is by the key's SHA-256, an
/// index probe: no comparison of secrets whose time could leak them.
pub async fn authenticate(
    state: &AppState,
    raw: &str,
    now: OffsetDateTime,
) -> Result<(ApiKey, User, bool), ApiError> {
    if !well_formed(raw) {
        return Err(refused(None));
    }
    let key = api_keys::find_by_hash(&state.db, &hash_secret(raw))
        .await?
        .ok_or_else(|| refused(None))?;
    if key.revoked_at.is_some() {
        return Err(refused(Some("API token has been revoked")));
    }
    if !key.is_live(now) {
        return Err(refused(Some("API token has expired")));
    }
    let user = users::get(&state.db, key.user_id)
        .await?
        .ok_or_else(|| refused(None))?;
    // A use is written at most once a minute: most requests of a busy key write nothing.
    let first_use = key
        .last_used_at
        .is_none_or(|t| now - t.0 >= api_keys::TOUCH_EVERY);
    if first_use {
        api_keys::touch(&state.db, key.id, now).await?;
    }
    Ok((key, user, first_use))
}

/// The permissions a key's scopes name (unknown names grant nothing).
pub fn scope_set(key: &ApiKey) -> PermissionSet {
    let perms: Vec<Permission> = key
        .scopes
        .0
        .iter()
        .filter_map(|s| Permission::parse(s))
        .collect();
    PermissionSet::of(&perms)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_af_and_sixty_four_hex_characters() {
        let key = generate();
        assert_eq!(key.len(), 67);
        assert!(well_formed(&key), "{key}");
        assert_ne!(generate(), key);
        for bad in [
            "",
            "af_",
            "Bearer x",
            &key[..66],
            &key.to_uppercase(),
            &format!("{key}0"),
        ] {
            assert!(!well_formed(bad), "{bad}");
        }
    }
}

/// A key just made: shown once.
#[derive(Debug, Clone)]
pub struct Minted {
    pub key: ApiKey,
    pub token: String,
}

/// What `POST /api-tokens` asks for, checked.
#[derive(Debug, Clone)]
pub struct KeyRequest {
    pub name: String,
    pub scopes: Vec<Permission>,
    pub expires_at: Option<OffsetDateTime>,
}

/// Checks a key's name, scopes and expiry (api.md §3.2's 400s and 403): every scope must be a
/// permission the caller holds, and a key cannot outlive the past.
pub fn check_request(
    principal: &Principal,
    name: Option<&str>,
    scopes: Option<&[String]>,
    expires_at: Option<&str>,
    now: OffsetDateTime,
) -> Result<KeyRequest, ApiError> {
    let name = name
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .ok_or_else(|| ApiError::bad_request("Field \"name\" is required."))?;
    if name.chars().count() > 100 {
        return Err(ApiError::bad_request(
            "The name has at most 100 characters.",
        ));
    }
    let scopes = check_scopes(principal, scopes.unwrap_or_default())?;
    let expires_at = match expires_at.map(str::trim).filter(|s| !s.is_empty()) {
        None => None,
        Some(text) => {
            let at = parse_instant(text).ok_or_else(|| {
                ApiError::bad_request(format!(
                    "expiresAt '{text}' is not a date (YYYY-MM-DD) or an ISO 8601 date-time."
                ))
            })?;
            if at <= now {
                return Err(ApiError::bad_request("expiresAt must be in the future."));
            }
            Some(at)
        }
    };
    Ok(KeyRequest {
        name: name.to_owned(),
        scopes,
        expires_at,
    })
}

/// The scopes named, each a permission the caller holds, in the contract's order.
pub fn check_scopes(principal: &Principal, names: &[String]) -> Result<Vec<Permission>, ApiError> {
    if names.is_empty() {
        return Err(ApiError::bad_request("At least one scope is required."));
    }
    let unknown: Vec<&str> = names
        .iter()
        .map(String::as_str)
        .filter(|n| Permission::parse(n).is_none())
        .collect();
    if !unknown.is_empty() {
        return Err(ApiError::bad_request(format!(
            "Invalid scopes: {}",
            unknown.join(", ")
        )));
    }
    let wanted = PermissionSet::of(
        &names
            .iter()
            .filter_map(|n| Permission::parse(n))
            .collect::<Vec<_>>(),
    );
    if let Some(missing) = wanted.to_vec().into_iter().find(|p| !principal.can(*p)) {
        return Err(ApiError::Forbidden {
            message: format!(
                "Cannot grant scope \"{}\" — you do not have this permission.",
                missing.as_str()
            ),
            code: None,
        });
    }
    Ok(wanted.to_vec())
}

/// `YYYY-MM-DD` (the end of that day in Bucharest) or an RFC 3339 date-time.
fn parse_instant(text: &str) -> Option<OffsetDateTime> {
    use time::format_description::well_known::Rfc3339;
    if let Ok(at) = OffsetDateTime::parse(text, &Rfc3339) {
        return Some(at);
    }
    let date = crate::api::json::parse_date(text)?;
    let next = date.next_day()?;
    Some(einvoice::bucharest::to_instant(next.midnight()))
}

fn names(scopes: &[Permission]) -> Vec<String> {
    scopes.iter().map(|p| p.as_str().to_owned()).collect()
}

/// Makes a key for the caller in its organization.
pub async fn create(
    state: &AppState,
    principal: &Principal,
    request: &KeyRequest,
    now: OffsetDateTime,
) -> Result<Minted, ApiError> {
    principal.require_session()?;
    let org = principal.org_id()?;
    let token = generate();
    let scopes = names(&request.scopes);
    let id = ApiKeyId::new();
    let mut tx = state.db.begin().await?;
    api_keys::insert(
        &mut tx,
        &NewApiKey {
            id,
            user_id: principal.user.id,
            organization_id: org,
            name: &request.name,
            token_hash: &hash_secret(&token),
            token_prefix: &token[..SHOWN],
            scopes: &scopes,
            expires_at: request.expires_at,
        },
        now,
    )
    .await?;
    let key = api_keys::get(&mut tx, principal.user.id, org, id)
        .await?
        .ok_or(NOT_FOUND)?;
    tx.commit().await?;
    tracing::info!(user = %principal.user.id, key = %id, prefix = %key.token_prefix, "API key created");
    Ok(Minted { key, token })
}

const NOT_FOUND: ApiError = ApiError::NotFound("API token not found.");

/// Renames a key or changes its scopes (each held by the caller).
pub async fn update(
    state: &AppState,
    principal: &Principal,
    id: ApiKeyId,
    name: Option<&str>,
    scopes: Option<&[String]>,
) -> Result<ApiKey, ApiError> {
    principal.require_session()?;
    let org = principal.org_id()?;
    let mut tx = state.db.begin().await?;
    let key = api_keys::get(&mut tx, principal.user.id, org, id)
        .await?
        .ok_or(NOT_FOUND)?;
    let name = match name.map(str::trim) {
        None => key.name.clone(),
        Some("") => return Err(ApiError::bad_request("Field \"name\" is required.")),
        Some(n) => n.to_owned(),
    };
    let scopes = match scopes {
        None => key.scopes.0.clone(),
        Some(s) => names(&check_scopes(principal, s)?),
    };
    api_keys::update(&mut tx, id, &name, &scopes).await?;
    let key = api_keys::get(&mut tx, principal.user.id, org, id)
        .await?
        .ok_or(NOT_FOUND)?;
    tx.commit().await?;
    Ok(key)
}

/// Revokes one of the caller's keys at once: its next request is refused.
pub async fn revoke(
    state: &AppState,
    principal: &Principal,
    id: ApiKeyId,
    now: OffsetDateTime,
) -> Result<(), ApiError> {
    principal.require_session()?;
    let org = principal.org_id()?;
    let mut tx = state.db.begin().await?;
    api_keys::get(&mut tx, principal.user.id, org, id)
        .await?
        .ok_or(NOT_FOUND)?;
    api_keys::revoke(&mut tx, id, now).await?;
    tx.commit().await?;
    tracing::info!(user = %principal.user.id, key = %id, "API key revoked");
    Ok(())
}

/// Replaces a live key by a new one with the same name, scopes and expiry; the old one is
/// revoked in the same transaction.
pub async fn rotate(
    state: &AppState,
    principal: &Principal,
    id: ApiKeyId,
    now: OffsetDateTime,
) -> Result<Minted, ApiError> {
    principal.require_session()?;
    let org = principal.org_id()?;
    let mut tx = state.db.begin().await?;
    let old = api_keys::get(&mut tx, principal.user.id, org, id)
        .await?
        .ok_or(NOT_FOUND)?;
    if !old.is_live(now) || !api_keys::revoke(&mut tx, id, now).await? {
        return Err(ApiError::unprocessable(
            "Only a live API token can be rotated.",
        ));
    }
    // The scopes the caller no longer holds are dropped, never carried over.
    let scopes: Vec<String> = old
        .scopes
        .0
        .iter()
        .filter(|s| Permission::parse(s).is_some_and(|p| principal.can(p)))
        .cloned()
        .collect();
    if scopes.is_empty() {
        return Err(ApiError::Forbidden {
            message: "You hold none of the API token's scopes any more.".into(),
            code: None,
        });
    }
    let token = generate();
    let new_id = ApiKeyId::new();
    api_keys::insert(
        &mut tx,
        &NewApiKey {
            id: new_id,
            user_id: principal.user.id,
            organization_id: org,
            name: &old.name,
            token_hash: &hash_secret(&token),
            token_prefix: &token[..SHOWN],
            scopes: &scopes,
            expires_at: old.expires_at.map(|t| t.0),
        },
        now,
    )
    .await?;
    let key = api_keys::get(&mut tx, principal.user.id, org, new_id)
        .await?
        .ok_or(NOT_FOUND)?;
    tx.commit().await?;
    tracing::info!(user = %principal.user.id, old = %id, key = %new_id, "API key rotated");
    Ok(Minted { key, token })
}
