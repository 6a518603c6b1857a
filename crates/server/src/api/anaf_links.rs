//! ANAF "connect" links (api.md §19 token-links) and the OAuth flow they start: a user makes a
//! link for a company, whoever holds the company's certificate opens it, goes to ANAF
//! (`…/authorize`), and ANAF's redirect (`/anaf/oauth/callback`) brings the code back, which
//! the server exchanges and stores (`vault::links`). Only the creator sees their links; the
//! link's check, its authorize step and the callback are public, since the certificate holder
//! need not have an account.

use axum::Json;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Redirect;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::anaf::company_for;
use super::error::ApiError;
use super::json::{AppJson, AppPath};
use super::wire;
use crate::auth::Principal;
use crate::ids::CompanyId;
use crate::state::AppState;
use crate::tenancy::NamedCompany;
use crate::vault::links::{self, Callback, Completed, LinkView};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list, create))
        .routes(routes!(check))
        .routes(routes!(authorize))
        .routes(routes!(callback))
}

/// A link as its creator sees it.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct AnafTokenLink {
    pub link_token: String,
    /// The page to send to whoever holds the company's certificate.
    pub link_url: String,
    pub company_id: Option<CompanyId>,
    #[serde(serialize_with = "wire::ts")]
    #[schema(value_type = String, format = DateTime)]
    pub expires_at: OffsetDateTime,
    #[serde(serialize_with = "wire::ts")]
    #[schema(value_type = String, format = DateTime)]
    pub created_at: OffsetDateTime,
}

impl From<LinkView> for AnafTokenLink {
    fn from(v: LinkView) -> Self {
        AnafTokenLink {
            link_token: v.link_token,
            link_url: v.link_url,
            company_id: v.company_id,
            expires_at: v.expires_at,
            created_at: v.created_at,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AnafTokenLinkList {
    pub data: Vec<AnafTokenLink>,
}

/// `POST /anaf/token-links` answers the contract's three keys.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct AnafTokenLinkCreated {
    pub link_token: String,
    pub link_url: String,
    #[serde(serialize_with = "wire::ts")]
    #[schema(value_type = String, format = DateTime)]
    pub expires_at: OffsetDateTime,
}

#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct CreateAnafTokenLinkRequest {
    /// The company to connect (else `X-Company`, else the organization's only company); needs
    /// `company.edit` there.
    pub company_id: Option<String>,
}

/// The public check of a link.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct AnafTokenLinkStatus {
    pub expired: bool,
    pub used: bool,
    pub completed: bool,
    #[serde(serialize_with = "wire::ts")]
    #[schema(value_type = String, format = DateTime)]
    pub expires_at: OffsetDateTime,
}

/// The caller's open links (neither used nor expired), newest first.
#[utoipa::path(get, path = "/api/v1/anaf/token-links", tag = "anaf", operation_id = "anaf_token_link_list",
    responses((status = 200, body = AnafTokenLinkList)))]
async fn list(
    State(state): State<AppState>,
    principal: Principal,
) -> Result<Json<AnafTokenLinkList>, ApiError> {
    let links = links::list(&state, &principal, state.now()).await?;
    Ok(Json(AnafTokenLinkList {
        data: links.into_iter().map(AnafTokenLink::from).collect(),
    }))
}

/// Make a connect link, valid 24 hours, for a company of the caller's.
#[utoipa::path(post, path = "/api/v1/anaf/token-links", tag = "anaf", operation_id = "anaf_token_link_create",
    request_body = CreateAnafTokenLinkRequest,
    responses((status = 201, body = AnafTokenLinkCreated), (status = 403, description = "No `company.edit` on the company"),
              (status = 404, description = "The named company is not found"), (status = 429, description = "Five links are open already")))]
async fn create(
    State(state): State<AppState>,
    principal: Principal,
    named: NamedCompany,
    AppJson(body): AppJson<CreateAnafTokenLinkRequest>,
) -> Result<(StatusCode, Json<AnafTokenLinkCreated>), ApiError> {
    // Account-level: a signed-in person, never an API key.
    principal.require_session()?;
    let company = company_for(&state, &principal, body.company_id.or(named.0)).await?;
    let link = links::create(&state, &principal, company.as_ref(), state.now()).await?;
    Ok((
        StatusCode::CREATED,
        Json(AnafTokenLinkCreated {
            link_token: link.link_token,
            link_url: link.link_url,
            expires_at: link.expires_at,
        }),
    ))
}

/// Public: whether a link can still be used.
#[utoipa::path(get, path = "/api/v1/anaf/token-links/{linkToken}", tag = "anaf", operation_id = "anaf_token_link_check",
    params(("linkToken" = String, Path)),
    responses((status = 200, body = AnafTokenLinkStatus), (status = 404, description = "No such link")))]
async fn check(
    State(state): State<AppState>,
    AppPath(link_token): AppPath<String>,
) -> Result<Json<AnafTokenLinkStatus>, ApiError> {
    let status = links::status(&state, &link_token, state.now())
        .await?
        .ok_or(ApiError::NotFound("Link not found."))?;
    Ok(Json(AnafTokenLinkStatus {
        expired: status.expired,
        used: status.used,
        completed: status.completed,
        expires_at: status.expires_at,
    }))
}

/// Public, Facturo's: starts the OAuth flow of an open link by sending the browser to ANAF's
/// `authorize`, where the certificate holder signs in with the qualified certificate.
#[utoipa::path(get, path = "/api/v1/anaf/token-links/{linkToken}/authorize", tag = "anaf", operation_id = "anaf_token_link_authorize",
    params(("linkToken" = String, Path)),
    responses((status = 302, description = "To ANAF's authorize page"), (status = 404, description = "No such link"),
              (status = 410, description = "The link expired or was used"), (status = 503, description = "No OAuth application is configured")))]
async fn authorize(
    State(state): State<AppState>,
    AppPath(link_token): AppPath<String>,
) -> Result<Redirect, ApiError> {
    let url = links::authorize(&state, &link_token, state.now()).await?;
    Ok(Redirect::to(&url))
}

/// What ANAF's redirect carries (RFC 6749 §4.1.2).
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CallbackQuery {
    pub code: Option<String>,
    pub state: Option<String>,
    pub error: Option<String>,
    pub error_description: Option<String>,
}

/// Public, Facturo's: the OAuth redirect URI (`FACTURO_ANAF_REDIRECT_URI`). Exchanges the code
/// for tokens, stores them encrypted for the link's creator, connects the link's company and
/// sends the browser back to the link's page, which says how it went.
#[utoipa::path(get, path = "/api/v1/anaf/oauth/callback", tag = "anaf", operation_id = "anaf_oauth_callback",
    params(CallbackQuery),
    responses((status = 303, description = "To the link's page"), (status = 400, description = "Unknown, used or expired `state`")))]
async fn callback(
    State(state): State<AppState>,
    Query(q): Query<CallbackQuery>,
) -> Result<Redirect, ApiError> {
    let callback = Callback {
        code: q.code,
        state: q.state,
        error: q.error,
        error_description: q.error_description,
    };
    let page = match links::complete(&state, callback, state.now()).await? {
        Completed::Connected { link_token, .. } => links::link_url(&state, &link_token),
        Completed::Failed { link_token, .. } => {
            format!("{}?failed=1", links::link_url(&state, &link_token))
        }
    };
    Ok(Redirect::to(&page))
}
