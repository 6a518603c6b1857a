//! `Principal`: who is calling and with which organization and permissions. Extracted before
//! the handler runs; `CompanyScope` builds on it.

use std::net::{IpAddr, SocketAddr};

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;
use time::OffsetDateTime;

use super::api_keys;
use super::tokens::{self, AccessError};
use crate::api::error::ApiError;
use crate::audit::{self, Entry, Origin, Outcome};
use crate::ids::{ApiKeyId, OrgId};
use crate::state::AppState;
use crate::store::organizations::Membership;
use crate::store::users::{self, User};
use crate::tenancy::permissions::{self, Permission, PermissionSet, Role};

/// An authenticated caller.
#[derive(Debug, Clone)]
pub struct Principal {
    pub user: User,
    /// Every active membership of the user.
    pub memberships: Vec<Membership>,
    /// The membership of the organization this request acts in (api.md §1.4), if any.
    pub membership: Option<Membership>,
    pub role: Option<Role>,
    pub permissions: PermissionSet,
    /// The API key the request came with, when it did not come with a session.
    pub api_key: Option<ApiKeyId>,
}

impl Principal {
    /// Refuses the request unless the caller holds `p` in the current organization.
    pub fn require(&self, p: Permission) -> Result<(), ApiError> {
        if self.permissions.contains(p) {
            Ok(())
        } else {
            Err(ApiError::permission_denied())
        }
    }

    pub fn can(&self, p: Permission) -> bool {
        self.permissions.contains(p)
    }

    /// The current organization's membership, or the contract's 404 when the user has none.
    pub fn current(&self) -> Result<&Membership, ApiError> {
        self.membership
            .as_ref()
            .ok_or(ApiError::NotFound("Organization not found."))
    }

    pub fn org_id(&self) -> Result<OrgId, ApiError> {
        Ok(self.current()?.organization.id)
    }

    /// Refuses what a programmatic caller may not do (api.md §3.1): manage API keys, and the
    /// account-level acts no scope names — the profile and password, the ANAF token vault,
    /// accepting invitations.
    pub fn require_session(&self) -> Result<(), ApiError> {
        match self.api_key {
            None => Ok(()),
            Some(_) => Err(ApiError::Forbidden {
                message: "API keys cannot be managed via programmatic tokens, nor act for the \
                          account itself; sign in to do this."
                    .into(),
                code: None,
            }
            .audited("api_key.not_allowed")),
        }
    }
}

impl FromRequestParts<AppState> for Principal {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        if let Some(p) = parts.extensions.get::<Principal>() {
            return Ok(p.clone());
        }
        let header = parts
            .headers
            .get(axum::http::header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(str::to_owned)
            .ok_or(ApiError::Unauthorized("JWT Token not found"))?;
        let header = header.as_str();
        let now = state.now();
        // Anything not starting with `Bearer ` is an API key (api.md §1.3).
        let Some(jwt) = header.strip_prefix("Bearer ").map(str::trim) else {
            let principal = from_api_key(state, parts, header, now)
                .await
                .map_err(|e| e.audited("api_key.refused"))?;
            parts.extensions.insert(principal.clone());
            return Ok(principal);
        };
        let claims = tokens::verify_access(&state.keys, jwt, now).map_err(|e| match e {
            AccessError::Expired => {
                ApiError::Unauthorized("Expired JWT Token").audited("auth.token_expired")
            }
            AccessError::Invalid => {
                ApiError::Unauthorized("Invalid JWT Token").audited("auth.token_refused")
            }
        })?;
        let user = users::get(&state.db, crate::ids::UserId(claims.sub))
            .await?
            .ok_or_else(|| {
                ApiError::Unauthorized("Invalid JWT Token").audited("auth.token_refused")
            })?;
        if user
            .sessions_valid_after
            .is_some_and(|after| claims.iat < after.unix_timestamp())
        {
            return Err(ApiError::Unauthorized("Invalid JWT Token").audited("auth.token_revoked"));
        }
        if !user.is_active {
            return Err(inactive());
        }
        let memberships = crate::store::organizations::memberships_of(&state.db, user.id).await?;
        let wanted = parts
            .headers
            .get("x-organization")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<OrgId>().ok());
        let principal = resolve(user, memberships, wanted);
        parts.extensions.insert(principal.clone());
        Ok(principal)
    }
}

/// The principal of an API key: its user in the key's organization, with the permissions the
/// user holds there AND the key's scopes. A user who left the organization, or was
/// deactivated, has keys that no longer work.
async fn from_api_key(
    state: &AppState,
    parts: &mut Parts,
    raw: &str,
    now: OffsetDateTime,
) -> Result<Principal, ApiError> {
    let (key, user, first_use) = api_keys::authenticate(state, raw, now).await?;
    if !user.is_active {
        return Err(inactive());
    }
    let memberships = crate::store::organizations::memberships_of(&state.db, user.id).await?;
    if !memberships
        .iter()
        .any(|m| m.organization.id == key.organization_id)
    {
        return Err(api_keys::refused(Some(
            "The API token's organization is no longer the user's.",
        )));
    }
    let mut principal = resolve(user, memberships, Some(key.organization_id));
    principal.permissions = principal.permissions.intersect(api_keys::scope_set(&key));
    principal.api_key = Some(key.id);
    if first_use {
        // A key's use is recorded when its last use is written: at most once a minute.
        let origin = Origin::from_request_parts(parts, state).await?;
        let entry = Entry::new("api_key.used", Outcome::Success)
            .by(&principal)
            .detail("name", key.name.as_str());
        audit::record(state, &origin, entry).await;
    }
    Ok(principal)
}

impl Principal {
    /// The principal of `user` acting in organization `org` without a request (a recurring
    /// template's runs act as its author): `None` when the user is inactive or no longer a
    /// member there.
    pub async fn acting_for(
        state: &AppState,
        user: crate::ids::UserId,
        org: OrgId,
    ) -> Result<Option<Principal>, ApiError> {
        let Some(user) = users::get(&state.db, user).await? else {
            return Ok(None);
        };
        if !user.is_active {
            return Ok(None);
        }
        let memberships = crate::store::organizations::memberships_of(&state.db, user.id).await?;
        if !memberships.iter().any(|m| m.organization.id == org) {
            return Ok(None);
        }
        Ok(Some(resolve(user, memberships, Some(org))))
    }
}

/// The contract's 403 for a deactivated account (recorded in the audit log).
fn inactive() -> ApiError {
    ApiError::Forbidden {
        message: "This account is inactive.".into(),
        code: Some("account_inactive"),
    }
    .audited("auth.account_inactive")
}

/// Picks the organization (api.md §1.4 step 1) and computes the effective permissions.
fn resolve(user: User, memberships: Vec<Membership>, wanted: Option<OrgId>) -> Principal {
    let chosen = wanted
        .and_then(|id| memberships.iter().find(|m| m.organization.id == id))
        .or_else(|| match memberships.as_slice() {
            [only] => Some(only),
            all => all
                .iter()
                .find(|m| m.company_count > 0)
                .or_else(|| all.iter().find(|m| m.role == "owner"))
                .or_else(|| all.first()),
        })
        .cloned();
    let role = chosen.as_ref().and_then(|m| Role::parse(&m.role));
    let permissions = match &chosen {
        Some(m) => permissions::effective(role, m.permissions.as_deref(), user.is_admin),
        None => PermissionSet::default(),
    };
    Principal {
        user,
        memberships,
        membership: chosen,
        role,
        permissions,
        api_key: None,
    }
}

/// The client's IP: the peer address, or, when the peer is a trusted proxy, the right-most
/// address in `X-Forwarded-For` that is not itself a trusted proxy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientIp(pub IpAddr);

impl FromRequestParts<AppState> for ClientIp {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let peer = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map_or(IpAddr::from([127, 0, 0, 1]), |c| c.0.ip());
        let trusted = &state.config.trusted_proxies;
        if !trusted.contains(&peer) {
            return Ok(ClientIp(peer));
        }
        let forwarded = parts
            .headers
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .filter_map(|ip| ip.trim().parse::<IpAddr>().ok())
            .collect::<Vec<_>>();
        let client = forwarded
            .iter()
            .rev()
            .find(|ip| !trusted.contains(ip))
            .copied()
            .unwrap_or(peer);
        Ok(ClientIp(client))
    }
}
