//! The signed-in user (api.md §2.5): profile, memberships, effective permissions, password,
//! e-mail address.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use time::OffsetDateTime;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::error::ApiError;
use super::json::{AppJson, Patch};
use super::wire;
use crate::auth::links::{self, EmailChange};
use crate::auth::{Principal, session};
use crate::state::AppState;
use crate::store::users::{self, Profile};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(get, update))
        .routes(routes!(change_email))
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OrganizationRef {
    pub id: uuid::Uuid,
    pub name: String,
    pub slug: String,
    #[serde(serialize_with = "wire::ts")]
    #[schema(value_type = String, format = DateTime)]
    pub created_at: OffsetDateTime,
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct MembershipRef {
    pub id: uuid::Uuid,
    pub role: String,
    pub organization: OrganizationRef,
}

/// `GET /api/v1/me`.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Me {
    pub id: uuid::Uuid,
    pub email: String,
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub full_name: String,
    pub phone: Option<String>,
    pub locale: String,
    pub timezone: String,
    pub respect_quiet_hours: bool,
    pub roles: Vec<String>,
    pub active: bool,
    pub email_verified: bool,
    pub mfa_enabled: bool,
    pub has_password: bool,
    #[serde(serialize_with = "wire::ts")]
    #[schema(value_type = String, format = DateTime)]
    pub created_at: OffsetDateTime,
    pub preferences: Option<Value>,
    pub avatar_url: Option<String>,
    pub organization: Option<OrganizationRef>,
    /// The installation's plan, from its licence (Freemium without one).
    pub plan: Value,
    pub memberships: Vec<MembershipRef>,
    pub permissions: Vec<String>,
    pub current_role: Option<String>,
}

fn org_ref(o: &crate::store::organizations::Organization) -> OrganizationRef {
    OrganizationRef {
        id: o.id.0,
        name: o.name.clone(),
        slug: o.slug.clone(),
        created_at: o.created_at,
    }
}

/// The installation's plan as `/me` shows it (the licence's, `GET /api/v1/licensing` has the
/// whole of it).
fn plan_of(standing: &crate::licensing::Standing) -> Value {
    use crate::licensing::Status;
    json!({
        "plan": standing.plan.as_str(),
        "expired": standing.status == Status::Expired,
        "features": standing.features(),
        "selfHosted": true,
        "communityEdition": standing.status != Status::Licensed,
    })
}

/// The signed-in user.
#[utoipa::path(get, path = "/api/v1/me", tag = "me", operation_id = "me_get",
    responses((status = 200, body = Me), (status = 401, description = "Not signed in")))]
async fn get(State(state): State<AppState>, principal: Principal) -> Result<Json<Me>, ApiError> {
    let u = &principal.user;
    let mfa_enabled = crate::store::mfa::enabled(&state.db, u.id).await?;
    let mut roles = vec!["ROLE_USER".to_owned()];
    if u.is_admin {
        roles.push("ROLE_SUPER_ADMIN".to_owned());
    }
    Ok(Json(Me {
        id: u.id.0,
        email: u.email.clone(),
        first_name: u.first_name.clone(),
        last_name: u.last_name.clone(),
        full_name: u.full_name(),
        phone: u.phone.clone(),
        locale: u.locale.clone(),
        timezone: u.timezone.clone(),
        respect_quiet_hours: false,
        roles,
        active: u.is_active,
        email_verified: u.email_verified,
        mfa_enabled,
        has_password: u.password_hash.is_some(),
        created_at: u.created_at,
        preferences: u.preferences.clone(),
        avatar_url: None,
        organization: principal
            .membership
            .as_ref()
            .map(|m| org_ref(&m.organization)),
        plan: plan_of(&state.licence),
        memberships: principal
            .memberships
            .iter()
            .map(|m| MembershipRef {
                id: m.id.0,
                role: m.role.clone(),
                organization: org_ref(&m.organization),
            })
            .collect(),
        permissions: principal
            .permissions
            .to_vec()
            .iter()
            .map(|p| p.as_str().to_owned())
            .collect(),
        current_role: principal.role.map(|r| r.as_str().to_owned()),
    }))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct UpdateMeRequest {
    #[serde(default)]
    #[schema(value_type = Option<String>)]
    pub first_name: Patch<String>,
    #[serde(default)]
    #[schema(value_type = Option<String>)]
    pub last_name: Patch<String>,
    #[serde(default)]
    #[schema(value_type = Option<String>)]
    pub phone: Patch<String>,
    pub timezone: Option<String>,
    pub locale: Option<String>,
    #[serde(default)]
    #[schema(value_type = Option<Object>)]
    pub preferences: Patch<Value>,
    /// With `currentPassword`: change the password (every other session ends).
    pub new_password: Option<String>,
    /// Alias of `newPassword` that the incumbent's CLI sends (api.md §28 #6).
    pub password: Option<String>,
    pub current_password: Option<String>,
}

/// Update the profile, or change the password.
#[utoipa::path(patch, path = "/api/v1/me", tag = "me", operation_id = "me_update",
    request_body = UpdateMeRequest,
    responses((status = 200, description = "`{message}`"), (status = 422, description = "Wrong current password or weak new one")))]
async fn update(
    State(state): State<AppState>,
    principal: Principal,
    origin: crate::audit::Origin,
    AppJson(body): AppJson<UpdateMeRequest>,
) -> Result<Json<Value>, ApiError> {
    // Account-level: a signed-in person, never an API key.
    principal.require_session()?;
    let now = state.now();
    let user = &principal.user;
    if let Some(new) = body.new_password.as_deref().or(body.password.as_deref()) {
        let current = body.current_password.as_deref().ok_or_else(|| {
            ApiError::field("currentPassword", "The current password is required.")
        })?;
        session::change_password(&state, user, current, new, now)
            .await
            .map_err(|e| e.audited_failure("password.change_failed"))?;
        let entry = crate::audit::Entry::new("password.changed", crate::audit::Outcome::Success)
            .by(&principal);
        crate::audit::record(&state, &origin, entry).await;
    }
    if let Some(tz) = &body.timezone
        && (tz.is_empty() || tz.len() > 64)
    {
        return Err(ApiError::field("timezone", "Invalid time zone."));
    }
    let profile = Profile {
        first_name: body.first_name.apply(user.first_name.clone()),
        last_name: body.last_name.apply(user.last_name.clone()),
        phone: body.phone.apply(user.phone.clone()),
        timezone: body.timezone.unwrap_or_else(|| user.timezone.clone()),
        locale: body
            .locale
            .filter(|l| l == "ro" || l == "en")
            .unwrap_or_else(|| user.locale.clone()),
        preferences: body.preferences.apply(user.preferences.clone()),
    };
    let mut tx = state.db.begin().await?;
    users::update_profile(&mut tx, user.id, &profile, now).await?;
    tx.commit().await?;
    Ok(Json(json!({ "message": "Profile updated." })))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ChangeEmailRequest {
    pub new_email: String,
    /// The current password; needed when the account has one.
    pub password: Option<String>,
    /// From `POST /api/v1/mfa/verify`; needed when the user has two-factor authentication.
    #[serde(alias = "verification_token")]
    pub verification_token: Option<String>,
}

/// Change the e-mail address: a link that works once within an hour goes to the new address,
/// and a notice to the current one; the address changes when the link is opened
/// (`POST /api/auth/confirm-email-change`). The answer does not tell whether the new address
/// already has an account (it then gets no link). Only from a session.
#[utoipa::path(post, path = "/api/v1/me/email", tag = "me", operation_id = "me_change_email",
    request_body = ChangeEmailRequest,
    responses((status = 202, description = "`{message}`: the link is on its way"),
        (status = 403, description = "An API key, or `mfa_required`"),
        (status = 422, description = "Invalid address, missing or wrong password")))]
async fn change_email(
    State(state): State<AppState>,
    principal: Principal,
    AppJson(body): AppJson<ChangeEmailRequest>,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    principal.require_session()?;
    let change = EmailChange {
        new_email: &body.new_email,
        password: body.password.as_deref(),
        verification_token: body.verification_token.as_deref(),
    };
    links::request_email_change(&state, &principal.user, change, state.now()).await?;
    Ok((
        StatusCode::ACCEPTED,
        Json(json!({
            "message": "Open the link sent to the new address to confirm it; the address changes then.",
        })),
    ))
}
