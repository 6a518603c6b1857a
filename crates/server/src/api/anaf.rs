//! ANAF tokens (api.md §19): a user's tokens and status, checking a CIF, and Facturo's own
//! `POST /api/v1/anaf/confirm-instance` for a restored or copied database (lessons #14). Tokens
//! belong to a user, not a company: another user's token is not found. The token itself never
//! leaves the server. The connect links are in `anaf_links`.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use rust_decimal::prelude::ToPrimitive;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::error::ApiError;
use super::json::{AppJson, AppPath, Num};
use super::wire;
use crate::audit::{self, Entry, Origin, Outcome};
use crate::auth::Principal;
use crate::ids::{AnafTokenId, CompanyId};
use crate::state::AppState;
use crate::store::anaf_tokens::{self, AnafToken};
use crate::tenancy::{CompanyScope, NamedCompany, Permission};
use crate::vault::cipher::Secret;
use crate::vault::tokens::{self as ops, AddToken};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(status))
        .routes(routes!(list, create))
        .routes(routes!(delete))
        .routes(routes!(validate_cif))
        .routes(routes!(confirm_instance))
}

/// One token as `GET /anaf/tokens` lists it: never the token itself.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct AnafTokenView {
    pub id: AnafTokenId,
    pub label: Option<String>,
    /// When a person with the certificate must authorize again: the refresh token's end, or
    /// the access token's for a token without one.
    #[serde(serialize_with = "wire::ts")]
    #[schema(value_type = String, format = DateTime)]
    pub expires_at: OffsetDateTime,
    pub is_expired: bool,
    #[serde(serialize_with = "wire::ts_opt")]
    #[schema(value_type = Option<String>, format = DateTime)]
    pub last_used_at: Option<OffsetDateTime>,
    #[serde(serialize_with = "wire::ts")]
    #[schema(value_type = String, format = DateTime)]
    pub created_at: OffsetDateTime,
    pub validated_cifs: Vec<i64>,
    /// Facturo's: the access token's own end (it is refreshed before it).
    #[serde(serialize_with = "wire::ts")]
    #[schema(value_type = String, format = DateTime)]
    pub access_expires_at: OffsetDateTime,
    /// Facturo's: whether a refresh token is stored.
    pub has_refresh_token: bool,
    /// Facturo's: when the access token was last refreshed.
    #[serde(serialize_with = "wire::ts_opt")]
    #[schema(value_type = Option<String>, format = DateTime)]
    pub last_refreshed_at: Option<OffsetDateTime>,
    /// Facturo's: why ANAF refused to refresh the token (a person must connect again).
    pub refresh_error: Option<String>,
    /// Facturo's: the ANAF the token comes from (`sandbox`, `test`, `prod`).
    pub environment: String,
    /// Facturo's: stored by another installation, unusable until an administrator confirms this
    /// one.
    pub frozen: bool,
}

impl AnafTokenView {
    fn new(state: &AppState, t: AnafToken, now: OffsetDateTime) -> Self {
        AnafTokenView {
            id: t.id,
            is_expired: t.is_expired(now),
            expires_at: t.expires_at(),
            frozen: t.instance_id != state.vault.instance(),
            has_refresh_token: t.refresh_token_enc.is_some(),
            last_refreshed_at: t.last_refreshed_at,
            refresh_error: t.refresh_error,
            environment: t.environment,
            access_expires_at: t.access_expires_at,
            label: t.label,
            last_used_at: t.last_used_at,
            created_at: t.created_at,
            validated_cifs: t.validated_cifs,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AnafTokenList {
    pub data: Vec<AnafTokenView>,
}

/// `GET /anaf/status`: the contract's keys, then Facturo's.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct AnafStatus {
    /// At least one token this installation may use now.
    pub connected: bool,
    pub has_token: bool,
    pub token_count: usize,
    #[serde(serialize_with = "wire::ts_opt")]
    #[schema(value_type = Option<String>, format = DateTime)]
    pub nearest_expiry: Option<OffsetDateTime>,
    pub has_expired_tokens: bool,
    /// The database came from another installation (restored or copied): nothing is refreshed
    /// or submitted with its tokens until an instance administrator confirms this one.
    pub frozen: bool,
    pub frozen_reason: Option<&'static str>,
    /// `sandbox`, `test` or `prod` (`FACTURO_ANAF`); the status counts this one's tokens.
    pub environment: &'static str,
}

/// A token to store. `token` is required.
#[derive(Default, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct CreateAnafTokenRequest {
    /// The ANAF access token (at least 10 characters). A JWT's `exp` gives its expiry.
    pub token: Option<String>,
    /// Facturo's: the refresh token that came with it; its JWT `exp`, else 365 days, gives the
    /// end of the token.
    pub refresh_token: Option<String>,
    pub label: Option<String>,
    /// The access token's lifetime when it is not a JWT with `exp`: 1–365, default 90.
    #[schema(value_type = Option<i64>)]
    pub expires_in_days: Option<Num>,
    /// The company to use the token for (else `X-Company`, else the organization's only
    /// company); needs `company.edit` there.
    pub company_id: Option<String>,
}

impl std::fmt::Debug for CreateAnafTokenRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CreateAnafTokenRequest")
            .field("label", &self.label)
            .field("expires_in_days", &self.expires_in_days)
            .field("company_id", &self.company_id)
            .finish_non_exhaustive()
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AnafTokenCreated {
    /// `ok`
    pub status: &'static str,
    pub message: &'static str,
    pub data: AnafTokenView,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AnafOk {
    /// `ok`
    pub status: &'static str,
    pub message: &'static str,
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct InstanceConfirmed {
    /// `ok`
    pub status: &'static str,
    pub message: &'static str,
    /// Whether the database belonged to another installation until now.
    pub was_frozen: bool,
    /// Tokens that became this installation's.
    pub adopted_tokens: u64,
}

/// The caller's ANAF connection state (tokens are per user).
#[utoipa::path(get, path = "/api/v1/anaf/status", tag = "anaf", operation_id = "anaf_status",
    responses((status = 200, body = AnafStatus)))]
async fn status(
    State(state): State<AppState>,
    principal: Principal,
) -> Result<Json<AnafStatus>, ApiError> {
    let s = ops::status(&state, &principal, state.now()).await?;
    Ok(Json(AnafStatus {
        connected: s.connected,
        has_token: s.token_count > 0,
        token_count: s.token_count,
        nearest_expiry: s.nearest_expiry,
        has_expired_tokens: s.has_expired_tokens,
        frozen: s.frozen,
        frozen_reason: s.frozen_reason,
        environment: s.environment.as_str(),
    }))
}

/// The caller's ANAF tokens, newest first.
#[utoipa::path(get, path = "/api/v1/anaf/tokens", tag = "anaf", operation_id = "anaf_token_list",
    responses((status = 200, body = AnafTokenList)))]
async fn list(
    State(state): State<AppState>,
    principal: Principal,
) -> Result<Json<AnafTokenList>, ApiError> {
    let now = state.now();
    let tokens = anaf_tokens::list_of_user(&state.db, principal.user.id).await?;
    Ok(Json(AnafTokenList {
        data: tokens
            .into_iter()
            .map(|t| AnafTokenView::new(&state, t, now))
            .collect(),
    }))
}

/// Store an ANAF token, encrypted, and use it for a company when one is named.
#[utoipa::path(post, path = "/api/v1/anaf/tokens", tag = "anaf", operation_id = "anaf_token_create",
    request_body = CreateAnafTokenRequest,
    responses((status = 201, body = AnafTokenCreated), (status = 400, description = "`{error}`: no token, a bad lifetime, an expired token"),
              (status = 403, description = "No `company.edit` on the named company"), (status = 404, description = "The named company is not found")))]
async fn create(
    State(state): State<AppState>,
    principal: Principal,
    origin: Origin,
    named: NamedCompany,
    AppJson(body): AppJson<CreateAnafTokenRequest>,
) -> Result<(StatusCode, Json<AnafTokenCreated>), ApiError> {
    // Account-level: a signed-in person, never an API key.
    principal.require_session()?;
    let now = state.now();
    let company = company_for(&state, &principal, body.company_id.or(named.0)).await?;
    let input = AddToken {
        access_token: Secret::new(body.token.unwrap_or_default()),
        refresh_token: body.refresh_token.map(Secret::new),
        label: body.label,
        expires_in_days: days(body.expires_in_days)?,
    };
    let token = ops::add(&state, &principal, input, company.as_ref(), now).await?;
    let entry = Entry::new("anaf.token_added", Outcome::Success)
        .by(&principal)
        .detail("tokenId", token.id.to_string())
        .detail("companyId", company.as_ref().map(|c| c.id().to_string()));
    audit::record(&state, &origin, entry).await;
    let data = AnafTokenView::new(&state, token, now);
    Ok((
        StatusCode::CREATED,
        Json(AnafTokenCreated {
            status: "ok",
            message: "Token saved successfully.",
            data,
        }),
    ))
}

/// A named company must be one the caller may edit; with none named, the organization's only
/// company is used when the caller may edit it.
pub(super) async fn company_for(
    state: &AppState,
    principal: &Principal,
    named: Option<String>,
) -> Result<Option<CompanyScope>, ApiError> {
    let Some(text) = named.filter(|t| !t.trim().is_empty()) else {
        let only = match CompanyScope::only_company(state, principal.clone(), true).await {
            Ok(only) => only,
            Err(ApiError::NotFound(_) | ApiError::Forbidden { .. }) => None,
            Err(e) => return Err(e),
        };
        return Ok(only.filter(|s| s.principal.can(Permission::CompanyEdit)));
    };
    let id: CompanyId = text
        .parse()
        .map_err(|_| ApiError::NotFound("Company not found."))?;
    let scope = CompanyScope::named_in_body(state, principal.clone(), id).await?;
    scope.require(Permission::CompanyEdit)?;
    Ok(Some(scope))
}

fn days(n: Option<Num>) -> Result<Option<i64>, ApiError> {
    n.map(|n| {
        n.0.is_integer()
            .then(|| n.0.to_i64())
            .flatten()
            .ok_or_else(|| ApiError::bad_request("expiresInDays must be between 1 and 365."))
    })
    .transpose()
}

/// What deleting a token did.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct TokenDeleted {
    pub status: &'static str,
    pub message: &'static str,
    /// Facturo's: whether ANAF revoked the token as well.
    pub revoked_at_anaf: bool,
    /// Facturo's: why ANAF was not asked, or what it answered, when it did not revoke.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub anaf_note: Option<String>,
}

/// Delete one of the caller's tokens: its secrets are erased and no company uses it any more;
/// ANAF is asked to revoke it too (not for a token a copied database brought along).
#[utoipa::path(delete, path = "/api/v1/anaf/tokens/{id}", tag = "anaf", operation_id = "anaf_token_delete",
    params(("id" = AnafTokenId, Path)),
    responses((status = 200, body = TokenDeleted), (status = 404, description = "Not the caller's token")))]
async fn delete(
    State(state): State<AppState>,
    principal: Principal,
    origin: Origin,
    AppPath(id): AppPath<AnafTokenId>,
) -> Result<Json<TokenDeleted>, ApiError> {
    // Account-level: a signed-in person, never an API key.
    principal.require_session()?;
    let at_anaf = ops::delete(&state, &principal, id, state.now()).await?;
    let entry = Entry::new("anaf.token_deleted", Outcome::Success)
        .by(&principal)
        .detail("tokenId", id.to_string())
        .detail("revokedAtAnaf", matches!(at_anaf, ops::AtAnaf::Revoked));
    audit::record(&state, &origin, entry).await;
    let (revoked_at_anaf, anaf_note) = match at_anaf {
        ops::AtAnaf::Revoked => (true, None),
        ops::AtAnaf::NotAsked(why) => (false, Some(format!("ANAF was not asked: {why}."))),
        ops::AtAnaf::Failed(e) => (false, Some(format!("ANAF did not revoke it: {e}"))),
    };
    Ok(Json(TokenDeleted {
        status: "ok",
        message: "Token deleted successfully.",
        revoked_at_anaf,
        anaf_note,
    }))
}

/// `POST /anaf/tokens/{id}/validate-cif`: `cif` is required, a number or its text.
#[derive(Debug, Default, Deserialize, ToSchema)]
pub struct ValidateCifRequest {
    #[schema(value_type = Option<String>)]
    pub cif: Option<serde_json::Value>,
}

/// What ANAF said about the token and the CIF.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct CifValidation {
    pub valid: bool,
    pub cif: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub company_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// `COMPANY_NOT_FOUND`, `TOKEN_INVALID_FOR_CIF`, `TOKEN_INVALID`, `TOKEN_EXPIRED`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<&'static str>,
}

/// Ask ANAF whether one of the caller's tokens may act for a CIF of the caller's organization
/// (it lists that CIF's SPV box); the token's `validatedCifs` follow the answer.
#[utoipa::path(post, path = "/api/v1/anaf/tokens/{id}/validate-cif", tag = "anaf", operation_id = "anaf_token_validate_cif",
    params(("id" = AnafTokenId, Path)), request_body = ValidateCifRequest,
    responses((status = 200, body = CifValidation), (status = 422, body = CifValidation, description = "`valid: false`"),
              (status = 400, description = "No CIF"), (status = 404, description = "Not the caller's token"),
              (status = 429, description = "ANAF's limit"), (status = 503, description = "ANAF unreachable")))]
async fn validate_cif(
    State(state): State<AppState>,
    principal: Principal,
    AppPath(id): AppPath<AnafTokenId>,
    AppJson(body): AppJson<ValidateCifRequest>,
) -> Result<(StatusCode, Json<CifValidation>), ApiError> {
    // Account-level: a signed-in person, never an API key.
    principal.require_session()?;
    let cif = body.cif.as_ref().and_then(cif_of);
    let check = ops::validate_cif(&state, &principal, id, cif, state.now()).await?;
    Ok(match check {
        ops::CifCheck::Valid { cif, company_name } => (
            StatusCode::OK,
            Json(CifValidation {
                valid: true,
                cif,
                message: Some(format!(
                    "The token is valid for {company_name} (CIF {cif})."
                )),
                company_name: Some(company_name),
                error: None,
                code: None,
            }),
        ),
        ops::CifCheck::Invalid { cif, error, code } => (
            StatusCode::UNPROCESSABLE_ENTITY,
            Json(CifValidation {
                valid: false,
                cif,
                company_name: None,
                message: None,
                error: Some(error),
                code,
            }),
        ),
    })
}

/// A CIF sent as a number or as text, with or without `RO`.
fn cif_of(value: &serde_json::Value) -> Option<i64> {
    match value {
        serde_json::Value::Number(n) => n.as_i64(),
        serde_json::Value::String(s) => {
            let digits = s.trim();
            let digits = digits
                .strip_prefix("RO")
                .or_else(|| digits.strip_prefix("ro"))
                .unwrap_or(digits);
            digits.trim().parse().ok()
        }
        _ => None,
    }
    .filter(|n| *n > 0)
}

/// Facturo's own: an instance administrator confirms that this installation now owns the
/// database (after a restore or a copy), which thaws its ANAF tokens here. Only do this on the
/// installation that should submit from now on: the other copy's tokens stop being safe to use.
#[utoipa::path(post, path = "/api/v1/anaf/confirm-instance", tag = "anaf", operation_id = "anaf_confirm_instance",
    responses((status = 200, body = InstanceConfirmed), (status = 403, description = "Not an instance administrator")))]
async fn confirm_instance(
    State(state): State<AppState>,
    principal: Principal,
    origin: Origin,
) -> Result<Json<InstanceConfirmed>, ApiError> {
    // Account-level: a signed-in person, never an API key.
    principal.require_session()?;
    let adopted = ops::confirm_instance(&state, &principal, state.now()).await?;
    let entry = Entry::new("anaf.instance_confirmed", Outcome::Success)
        .by(&principal)
        .detail("adoptedTokens", adopted.tokens);
    audit::record(&state, &origin, entry).await;
    Ok(Json(InstanceConfirmed {
        status: "ok",
        message: if adopted.was_frozen {
            "This installation now owns the database; its ANAF tokens are usable here."
        } else {
            "This installation already owned the database."
        },
        was_frozen: adopted.was_frozen,
        adopted_tokens: adopted.tokens,
    }))
}
