//! E-mailed links of the auth routes (api.md §2.1, issue #5 item 5): a forgotten password's
//! reset, and the confirmation of a new e-mail address (requested at `POST /api/v1/me/email`).
//! Public routes; none tells whether an address has an account.

use axum::Json;
use axum::extract::State;
use serde::Deserialize;
use serde_json::{Value, json};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::auth::{EmailRequest, TokenRequest};
use super::error::ApiError;
use super::json::AppJson;
use crate::auth::links;
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(forgot_password))
        .routes(routes!(reset_password))
        .routes(routes!(confirm_email_change))
}

/// Ask for a password reset link. The answer is the same whether or not the address has an
/// account; when it has an active one, a link that works once within an hour is e-mailed to
/// it, and older links stop working.
#[utoipa::path(post, path = "/api/auth/forgot-password", tag = "auth", operation_id = "auth_forgot_password",
    request_body = EmailRequest, responses((status = 200, description = "`{message}`, always the same")))]
async fn forgot_password(
    State(state): State<AppState>,
    AppJson(body): AppJson<EmailRequest>,
) -> Result<Json<Value>, ApiError> {
    links::request_reset(&state, &body.email, state.now()).await?;
    Ok(Json(
        json!({ "message": "If this address has an account, a link to reset its password is on its way." }),
    ))
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct ResetPasswordRequest {
    /// The token of the e-mailed link.
    pub token: String,
    /// The new password (at least 8 characters).
    pub password: String,
}

/// Set a new password with the token of a reset link. Every session of the account ends.
#[utoipa::path(post, path = "/api/auth/reset-password", tag = "auth", operation_id = "auth_reset_password",
    request_body = ResetPasswordRequest,
    responses((status = 200, description = "`{message}`"),
        (status = 400, description = "`{error}`: the link is invalid, used or expired, or the password is too short")))]
async fn reset_password(
    State(state): State<AppState>,
    origin: crate::audit::Origin,
    AppJson(body): AppJson<ResetPasswordRequest>,
) -> Result<Json<Value>, ApiError> {
    links::reset_password(&state, &body.token, &body.password, &origin, state.now())
        .await
        .map_err(|e| e.audited_failure("password.reset_refused"))?;
    Ok(Json(
        json!({ "message": "Your password has been reset. You can sign in with it now." }),
    ))
}

/// Confirm a new e-mail address with the token of the link sent to it: the account moves to
/// that address. The link works once within an hour.
#[utoipa::path(post, path = "/api/auth/confirm-email-change", tag = "auth", operation_id = "auth_confirm_email_change",
    request_body = TokenRequest,
    responses((status = 200, description = "`{message}`"),
        (status = 400, description = "The link is invalid, used or expired"),
        (status = 409, description = "Another account took the address meanwhile")))]
async fn confirm_email_change(
    State(state): State<AppState>,
    origin: crate::audit::Origin,
    AppJson(body): AppJson<TokenRequest>,
) -> Result<Json<Value>, ApiError> {
    links::confirm_email_change(&state, &body.token, &origin, state.now())
        .await
        .map_err(|e| e.audited_failure("email.change_refused"))?;
    Ok(Json(
        json!({ "message": "Your e-mail address has been changed. Sign in with the new one." }),
    ))
}
