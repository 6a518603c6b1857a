//! API keys of the caller (api.md §3.2): list, the scopes one may grant, create, change,
//! revoke and rotate. Keys are managed only from a signed-in session, never with a key.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::error::ApiError;
use super::json::{AppJson, AppPath};
use super::wire;
use crate::audit::{self, Entry, Origin, Outcome};
use crate::auth::Principal;
use crate::auth::api_keys::{self as ops, Minted};
use crate::ids::ApiKeyId;
use crate::state::AppState;
use crate::store::api_keys::{self, ApiKey};
use crate::tenancy::Permission;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list, create))
        .routes(routes!(scopes))
        .routes(routes!(update, revoke))
        .routes(routes!(rotate))
}

/// An API key as the contract shows it; the key itself only in the answer that made it.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ApiToken {
    pub id: ApiKeyId,
    pub name: String,
    /// `af_` and the first 9 hex characters.
    pub token_prefix: String,
    pub scopes: Vec<String>,
    #[serde(serialize_with = "wire::ts_opt")]
    #[schema(value_type = Option<String>, format = DateTime)]
    pub expire_at: Option<OffsetDateTime>,
    #[serde(serialize_with = "wire::ts_opt")]
    #[schema(value_type = Option<String>, format = DateTime)]
    pub last_used_at: Option<OffsetDateTime>,
    #[serde(serialize_with = "wire::ts_opt")]
    #[schema(value_type = Option<String>, format = DateTime)]
    pub revoked_at: Option<OffsetDateTime>,
    #[serde(serialize_with = "wire::ts")]
    #[schema(value_type = String, format = DateTime)]
    pub created_at: OffsetDateTime,
    /// The key, shown once (create and rotate).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub token: Option<String>,
}

impl From<ApiKey> for ApiToken {
    fn from(k: ApiKey) -> Self {
        ApiToken {
            id: k.id,
            name: k.name,
            token_prefix: k.token_prefix,
            scopes: k.scopes.0,
            expire_at: k.expires_at.map(|t| t.0),
            last_used_at: k.last_used_at.map(|t| t.0),
            revoked_at: k.revoked_at.map(|t| t.0),
            created_at: k.created_at.0,
            token: None,
        }
    }
}

impl From<Minted> for ApiToken {
    fn from(m: Minted) -> Self {
        ApiToken {
            token: Some(m.token),
            ..ApiToken::from(m.key)
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ApiTokenList {
    pub data: Vec<ApiToken>,
}

/// The caller's keys in the current organization, newest first, revoked ones included.
#[utoipa::path(get, path = "/api/v1/api-tokens", tag = "api-tokens", operation_id = "api_tokens_list",
    responses((status = 200, body = ApiTokenList)))]
async fn list(
    State(state): State<AppState>,
    principal: Principal,
) -> Result<Json<ApiTokenList>, ApiError> {
    principal.require(Permission::ApiKeyView)?;
    let keys = api_keys::list(&state.db, principal.user.id, principal.org_id()?).await?;
    Ok(Json(ApiTokenList {
        data: keys.into_iter().map(ApiToken::from).collect(),
    }))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Scope {
    pub value: &'static str,
    pub label: &'static str,
    pub category: &'static str,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ScopeList {
    pub scopes: Vec<Scope>,
}

/// The scopes the caller may grant: the permissions it holds, in the contract's order.
#[utoipa::path(get, path = "/api/v1/api-tokens/scopes", tag = "api-tokens", operation_id = "api_tokens_scopes",
    responses((status = 200, body = ScopeList)))]
async fn scopes(principal: Principal) -> Result<Json<ScopeList>, ApiError> {
    principal.require(Permission::ApiKeyView)?;
    Ok(Json(ScopeList {
        scopes: principal
            .permissions
            .to_vec()
            .into_iter()
            .map(|p| Scope {
                value: p.as_str(),
                label: p.as_str(),
                category: p.category(),
            })
            .collect(),
    }))
}

#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct CreateApiToken {
    pub name: Option<String>,
    pub scopes: Option<Vec<String>>,
    /// `YYYY-MM-DD` (the end of that day, Bucharest time) or an ISO 8601 date-time.
    pub expires_at: Option<String>,
    /// Step-up proof (`POST /api/v1/mfa/verify`), needed when the user has MFA.
    #[serde(rename = "verification_token", alias = "verificationToken")]
    pub verification_token: Option<String>,
}

/// Make a key. Its value is in `token`, shown this once; only its hash is kept.
#[utoipa::path(post, path = "/api/v1/api-tokens", tag = "api-tokens", operation_id = "api_tokens_create",
    request_body = CreateApiToken,
    responses((status = 201, body = ApiToken), (status = 400, description = "No name, no scopes, unknown scopes, a past expiry"),
        (status = 403, description = "A scope the caller lacks, the caller is itself an API key, or `mfa_required`")))]
async fn create(
    State(state): State<AppState>,
    principal: Principal,
    origin: Origin,
    AppJson(body): AppJson<CreateApiToken>,
) -> Result<(StatusCode, Json<ApiToken>), ApiError> {
    principal.require(Permission::ApiKeyManage)?;
    principal.require_session()?;
    let now = state.now();
    let request = ops::check_request(
        &principal,
        body.name.as_deref(),
        body.scopes.as_deref(),
        body.expires_at.as_deref(),
        now,
    )?;
    crate::auth::mfa::require_step_up(
        &state,
        &principal.user,
        body.verification_token.as_deref(),
        now,
    )
    .await?;
    let minted = ops::create(&state, &principal, &request, now).await?;
    record(&state, &origin, &principal, "api_key.created", &minted.key).await;
    Ok((StatusCode::CREATED, Json(minted.into())))
}

#[derive(Debug, Default, Deserialize, ToSchema)]
pub struct UpdateApiToken {
    pub name: Option<String>,
    pub scopes: Option<Vec<String>>,
}

/// Rename a key or change its scopes.
#[utoipa::path(patch, path = "/api/v1/api-tokens/{id}", tag = "api-tokens", operation_id = "api_tokens_update",
    params(("id" = ApiKeyId, Path)), request_body = UpdateApiToken,
    responses((status = 200, body = ApiToken), (status = 404)))]
async fn update(
    State(state): State<AppState>,
    principal: Principal,
    origin: Origin,
    AppPath(id): AppPath<ApiKeyId>,
    AppJson(body): AppJson<UpdateApiToken>,
) -> Result<Json<ApiToken>, ApiError> {
    principal.require(Permission::ApiKeyManage)?;
    let key = ops::update(
        &state,
        &principal,
        id,
        body.name.as_deref(),
        body.scopes.as_deref(),
    )
    .await?;
    record(&state, &origin, &principal, "api_key.updated", &key).await;
    Ok(Json(key.into()))
}

/// Revoke a key: its next request is refused.
#[utoipa::path(delete, path = "/api/v1/api-tokens/{id}", tag = "api-tokens", operation_id = "api_tokens_revoke",
    params(("id" = ApiKeyId, Path)), responses((status = 204), (status = 404)))]
async fn revoke(
    State(state): State<AppState>,
    principal: Principal,
    origin: Origin,
    AppPath(id): AppPath<ApiKeyId>,
) -> Result<StatusCode, ApiError> {
    principal.require(Permission::ApiKeyManage)?;
    ops::revoke(&state, &principal, id, state.now()).await?;
    let entry = Entry::new("api_key.revoked", Outcome::Success)
        .by(&principal)
        .detail("keyId", id.to_string());
    audit::record(&state, &origin, entry).await;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Debug, Default, Deserialize, ToSchema)]
pub struct RotateApiToken {
    /// Step-up proof (`POST /api/v1/mfa/verify`), needed when the user has MFA.
    #[serde(alias = "verificationToken")]
    pub verification_token: Option<String>,
}

/// Replace a key by a new one with the same name, scopes and expiry; the old one is revoked.
#[utoipa::path(post, path = "/api/v1/api-tokens/{id}/rotate", tag = "api-tokens", operation_id = "api_tokens_rotate",
    params(("id" = ApiKeyId, Path)), request_body = RotateApiToken,
    responses((status = 201, body = ApiToken), (status = 403, description = "`mfa_required`"), (status = 404), (status = 422)))]
async fn rotate(
    State(state): State<AppState>,
    principal: Principal,
    origin: Origin,
    AppPath(id): AppPath<ApiKeyId>,
    AppJson(body): AppJson<RotateApiToken>,
) -> Result<(StatusCode, Json<ApiToken>), ApiError> {
    principal.require(Permission::ApiKeyManage)?;
    principal.require_session()?;
    let now = state.now();
    crate::auth::mfa::require_step_up(
        &state,
        &principal.user,
        body.verification_token.as_deref(),
        now,
    )
    .await?;
    let minted = ops::rotate(&state, &principal, id, now).await?;
    record(&state, &origin, &principal, "api_key.rotated", &minted.key).await;
    Ok((StatusCode::CREATED, Json(minted.into())))
}

/// A change to `key`, in the audit log.
async fn record(
    state: &AppState,
    origin: &Origin,
    principal: &Principal,
    event: &'static str,
    key: &ApiKey,
) {
    let entry = Entry::new(event, Outcome::Success)
        .by(principal)
        .detail("keyId", key.id.to_string())
        .detail("name", key.name.as_str())
        .detail("scopes", key.scopes.0.clone());
    audit::record(state, origin, entry).await;
}
