//! Invitations (api.md §4): managed with `org.manage_members`; looked up by token without
//! signing in, and accepted by the signed-in user they were sent to.

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
use super::members::{CompanySummary, summaries};
use super::wire;
use crate::auth::Principal;
use crate::ids::{CompanyId, InvitationId, OrgId, UserId};
use crate::state::AppState;
use crate::store::invitations::{self, Invitation};
use crate::store::members::{self, CompanyRef};
use crate::tenancy::Permission;
use crate::tenancy::invitations::{self as ops, InviteRequest};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list, create))
        .routes(routes!(cancel))
        .routes(routes!(resend))
        .routes(routes!(preview, accept))
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct InvitedBy {
    pub id: UserId,
    pub first_name: Option<String>,
    pub last_name: Option<String>,
}

/// api.md §4 Invitation.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct InvitationView {
    pub id: InvitationId,
    pub email: String,
    pub role: String,
    /// `pending`, `accepted`, `cancelled` or `expired`.
    pub status: &'static str,
    #[serde(serialize_with = "wire::ts")]
    #[schema(value_type = String, format = DateTime)]
    pub created_at: OffsetDateTime,
    #[serde(serialize_with = "wire::ts")]
    #[schema(value_type = String, format = DateTime)]
    pub expires_at: OffsetDateTime,
    /// `null` once the inviter's account is gone.
    pub invited_by: Option<InvitedBy>,
    pub allowed_companies: Vec<CompanySummary>,
}

impl InvitationView {
    fn new(i: Invitation, companies: &[CompanyRef], now: OffsetDateTime) -> InvitationView {
        InvitationView {
            id: i.id,
            status: i.status_at(now).as_str(),
            created_at: i.created_at,
            expires_at: i.expires_at,
            invited_by: i.invited_by.map(|u| InvitedBy {
                id: u.id,
                first_name: u.first_name,
                last_name: u.last_name,
            }),
            allowed_companies: summaries(&i.allowed_companies, companies),
            email: i.email,
            role: i.role,
        }
    }
}

async fn view(
    state: &AppState,
    i: Invitation,
    now: OffsetDateTime,
) -> Result<InvitationView, ApiError> {
    let companies = members::company_refs(&state.db, i.organization_id).await?;
    Ok(InvitationView::new(i, &companies, now))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct InvitationList {
    pub data: Vec<InvitationView>,
}

/// The organization's invitations, newest first, whatever their status.
#[utoipa::path(get, path = "/api/v1/invitations", tag = "members", operation_id = "invitation_list",
    responses((status = 200, body = InvitationList), (status = 403)))]
async fn list(
    State(state): State<AppState>,
    principal: Principal,
) -> Result<Json<InvitationList>, ApiError> {
    principal.require(Permission::OrgManageMembers)?;
    let org = principal.org_id()?;
    let now = state.now();
    let companies = members::company_refs(&state.db, org).await?;
    let data = invitations::list(&state.db, org)
        .await?
        .into_iter()
        .map(|i| InvitationView::new(i, &companies, now))
        .collect();
    Ok(Json(InvitationList { data }))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct CreateInvitationRequest {
    pub email: Option<String>,
    /// `admin`, `accountant` or `employee` (an owner is promoted, never invited).
    pub role: Option<String>,
    /// Companies the member may act for; absent, `null` or `[]`: all.
    pub allowed_companies: Option<Vec<CompanyId>>,
}

/// Invite an address; the link is e-mailed and works for seven days.
#[utoipa::path(post, path = "/api/v1/invitations", tag = "members", operation_id = "invitation_create",
    request_body = CreateInvitationRequest,
    responses((status = 201, body = InvitationView), (status = 400, description = "`{errors:[{key,message}]}`"),
              (status = 403), (status = 409, description = "`code`: `ALREADY_MEMBER` or `ALREADY_INVITED`")))]
async fn create(
    State(state): State<AppState>,
    principal: Principal,
    AppJson(body): AppJson<CreateInvitationRequest>,
) -> Result<(StatusCode, Json<InvitationView>), ApiError> {
    principal.require(Permission::OrgManageMembers)?;
    let now = state.now();
    let request = InviteRequest {
        email: body.email,
        role: body.role,
        allowed_companies: body.allowed_companies.unwrap_or_default(),
    };
    let invitation = ops::invite(&state, &principal, request, now).await?;
    Ok((
        StatusCode::CREATED,
        Json(view(&state, invitation, now).await?),
    ))
}

/// Cancel an invitation: its link stops working.
#[utoipa::path(delete, path = "/api/v1/invitations/{id}", tag = "members", operation_id = "invitation_cancel",
    params(("id" = InvitationId, Path)),
    responses((status = 204), (status = 403), (status = 404), (status = 409, description = "Already accepted")))]
async fn cancel(
    State(state): State<AppState>,
    principal: Principal,
    AppPath(id): AppPath<InvitationId>,
) -> Result<StatusCode, ApiError> {
    principal.require(Permission::OrgManageMembers)?;
    ops::cancel(&state, &principal, id, state.now()).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// E-mail a new link, valid for seven more days; the old link stops working.
#[utoipa::path(post, path = "/api/v1/invitations/{id}/resend", tag = "members", operation_id = "invitation_resend",
    params(("id" = InvitationId, Path)),
    responses((status = 200, body = InvitationView), (status = 403), (status = 404), (status = 409)))]
async fn resend(
    State(state): State<AppState>,
    principal: Principal,
    AppPath(id): AppPath<InvitationId>,
) -> Result<Json<InvitationView>, ApiError> {
    principal.require(Permission::OrgManageMembers)?;
    let now = state.now();
    let invitation = ops::resend(&state, &principal, id, now).await?;
    Ok(Json(view(&state, invitation, now).await?))
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct InvitationPreview {
    pub email: String,
    pub organization_name: String,
    pub role: String,
    #[serde(serialize_with = "wire::ts")]
    #[schema(value_type = String, format = DateTime)]
    pub expires_at: OffsetDateTime,
    /// Whether to sign in (true) or register first.
    pub has_account: bool,
}

/// What an invitation link offers (public: the token is the credential).
#[utoipa::path(get, path = "/api/v1/invitations/accept/{token}", tag = "members", operation_id = "invitation_preview",
    params(("token" = String, Path)),
    responses((status = 200, body = InvitationPreview), (status = 404),
              (status = 410, description = "`code`: `INVITATION_USED`, `INVITATION_CANCELLED` or `INVITATION_EXPIRED`")))]
async fn preview(
    State(state): State<AppState>,
    AppPath(token): AppPath<String>,
) -> Result<Json<InvitationPreview>, ApiError> {
    let p = ops::preview(&state, &token, state.now()).await?;
    Ok(Json(InvitationPreview {
        email: p.invitation.email,
        organization_name: p.invitation.organization_name,
        role: p.invitation.role,
        expires_at: p.invitation.expires_at,
        has_account: p.has_account,
    }))
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct InvitationAccepted {
    pub message: &'static str,
    pub organization_id: OrgId,
    pub organization_name: String,
}

/// Join the organization. The signed-in user's e-mail must be the invited one.
#[utoipa::path(post, path = "/api/v1/invitations/accept/{token}", tag = "members", operation_id = "invitation_accept",
    params(("token" = String, Path)),
    responses((status = 200, body = InvitationAccepted), (status = 403, description = "Sent to another address"),
              (status = 404), (status = 409, description = "`ALREADY_MEMBER`"), (status = 410)))]
async fn accept(
    State(state): State<AppState>,
    principal: Principal,
    AppPath(token): AppPath<String>,
) -> Result<Json<InvitationAccepted>, ApiError> {
    // Account-level: a signed-in person, never an API key.
    principal.require_session()?;
    let invitation = ops::accept(&state, &principal, &token, state.now()).await?;
    Ok(Json(InvitationAccepted {
        message: "Invitation accepted.",
        organization_id: invitation.organization_id,
        organization_name: invitation.organization_name,
    }))
}
