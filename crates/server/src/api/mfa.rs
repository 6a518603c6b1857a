//! Two-factor authentication of the signed-in user (api.md §2.1): status, TOTP setup, enable,
//! disable, new backup codes, and the step-up that sensitive acts ask for (`mfa_required`).
//! Only from a session, never with an API key.

use axum::Json;
use axum::extract::State;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::error::ApiError;
use super::json::AppJson;
use crate::audit::{self, Entry, Origin, Outcome};
use crate::auth::mfa::ChallengeKind;
use crate::auth::{Principal, mfa};
use crate::state::AppState;
use crate::store::mfa as store;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(status))
        .routes(routes!(setup))
        .routes(routes!(enable))
        .routes(routes!(disable))
        .routes(routes!(regenerate))
        .routes(routes!(step_up_challenge))
        .routes(routes!(step_up_verify))
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct MfaStatus {
    pub totp_enabled: bool,
    pub backup_codes_remaining: i64,
    pub passkeys_count: i64,
}

/// Whether the caller signs in with a second factor.
#[utoipa::path(get, path = "/api/v1/me/mfa/status", tag = "me", operation_id = "mfa_status",
    responses((status = 200, body = MfaStatus)))]
async fn status(
    State(state): State<AppState>,
    principal: Principal,
) -> Result<Json<MfaStatus>, ApiError> {
    principal.require_session()?;
    let id = principal.user.id;
    Ok(Json(MfaStatus {
        totp_enabled: store::enabled(&state.db, id).await?,
        backup_codes_remaining: store::backup_codes_left(&state.db, id).await?,
        passkeys_count: crate::store::passkeys::count(&state.db, id).await?,
    }))
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct TotpSetup {
    /// Base32, for typing into the app.
    pub secret: String,
    /// An SVG image as a data URI.
    pub qr_code: String,
    pub otpauth_uri: String,
}

/// Start setting TOTP up: scan the QR code, then confirm with a code (`…/totp/enable`).
#[utoipa::path(post, path = "/api/v1/me/mfa/totp/setup", tag = "me", operation_id = "mfa_totp_setup",
    responses((status = 200, body = TotpSetup), (status = 409, description = "Already enabled")))]
async fn setup(
    State(state): State<AppState>,
    principal: Principal,
) -> Result<Json<TotpSetup>, ApiError> {
    principal.require_session()?;
    let s = mfa::setup(&state, &principal.user, state.now()).await?;
    Ok(Json(TotpSetup {
        secret: s.secret,
        qr_code: s.qr_code,
        otpauth_uri: s.otpauth_uri,
    }))
}

#[derive(Debug, Default, Deserialize, ToSchema)]
pub struct CodeRequest {
    pub code: Option<String>,
    pub password: Option<String>,
    /// From `POST /api/v1/mfa/verify`, instead of `code` (disable).
    #[serde(alias = "verificationToken")]
    pub verification_token: Option<String>,
}

/// Turn TOTP on with a code from the app; the answer holds the ten backup codes, shown once.
#[utoipa::path(post, path = "/api/v1/me/mfa/totp/enable", tag = "me", operation_id = "mfa_totp_enable",
    request_body = CodeRequest,
    responses((status = 200, description = "`{enabled: true, backupCodes}`"), (status = 409), (status = 422, description = "Wrong code")))]
async fn enable(
    State(state): State<AppState>,
    principal: Principal,
    origin: Origin,
    AppJson(body): AppJson<CodeRequest>,
) -> Result<Json<Value>, ApiError> {
    principal.require_session()?;
    let code = body
        .code
        .ok_or_else(|| ApiError::bad_request("code is required."))?;
    let codes = mfa::enable(&state, &principal.user, &code, state.now())
        .await
        .map_err(|e| e.audited_failure("mfa.enable_failed"))?;
    record(&state, &origin, &principal, "mfa.enabled").await;
    Ok(Json(json!({ "enabled": true, "backupCodes": codes })))
}

/// Turn TOTP off: the password and a second factor are both needed — a current `code` (or a
/// backup code), or a `verification_token` from a step-up; with neither, 403 `mfa_required`.
#[utoipa::path(post, path = "/api/v1/me/mfa/totp/disable", tag = "me", operation_id = "mfa_totp_disable",
    request_body = CodeRequest,
    responses((status = 200, description = "`{disabled: true}`"), (status = 403, description = "`mfa_required`"),
        (status = 422, description = "Wrong password or code")))]
async fn disable(
    State(state): State<AppState>,
    principal: Principal,
    origin: Origin,
    AppJson(body): AppJson<CodeRequest>,
) -> Result<Json<Value>, ApiError> {
    principal.require_session()?;
    let password = body
        .password
        .ok_or_else(|| ApiError::bad_request("password is required."))?;
    let proof = match (body.code, body.verification_token) {
        (Some(code), _) => mfa::Proof::Code(code),
        (None, Some(token)) => mfa::Proof::Verification(token),
        (None, None) => return Err(ApiError::mfa_required()),
    };
    mfa::disable(&state, &principal.user, &password, proof, state.now())
        .await
        .map_err(|e| e.audited_failure("mfa.disable_failed"))?;
    record(&state, &origin, &principal, "mfa.disabled").await;
    Ok(Json(json!({ "disabled": true })))
}

/// New backup codes; the old ones stop working.
#[utoipa::path(post, path = "/api/v1/me/mfa/backup-codes/regenerate", tag = "me", operation_id = "mfa_backup_codes",
    request_body = CodeRequest,
    responses((status = 200, description = "`{backupCodes}`"), (status = 400, description = "MFA is off"), (status = 422, description = "Wrong password")))]
async fn regenerate(
    State(state): State<AppState>,
    principal: Principal,
    origin: Origin,
    AppJson(body): AppJson<CodeRequest>,
) -> Result<Json<Value>, ApiError> {
    principal.require_session()?;
    let password = body
        .password
        .ok_or_else(|| ApiError::bad_request("password is required."))?;
    let codes = mfa::regenerate(&state, &principal.user, &password, state.now())
        .await
        .map_err(|e| e.audited_failure("mfa.backup_codes_failed"))?;
    record(&state, &origin, &principal, "mfa.backup_codes_regenerated").await;
    Ok(Json(json!({ "backupCodes": codes })))
}

/// Step-up: whether a sensitive act needs a second factor now, and if so a challenge for it.
#[utoipa::path(post, path = "/api/v1/mfa/challenge", tag = "me", operation_id = "mfa_step_up_challenge",
    responses((status = 200, description = "`{mfa_required: false}` or `{mfa_required: true, challenge_token, methods}`")))]
async fn step_up_challenge(
    State(state): State<AppState>,
    principal: Principal,
) -> Result<Json<Value>, ApiError> {
    principal.require_session()?;
    let user = &principal.user;
    if !store::enabled(&state.db, user.id).await? {
        return Ok(Json(json!({ "mfa_required": false })));
    }
    let token = mfa::challenge(&state, user, ChallengeKind::StepUp, state.now()).await?;
    Ok(Json(json!({
        "mfa_required": true,
        "challenge_token": token,
        "methods": mfa::methods(&state, user).await?,
    })))
}

#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct StepUpVerify {
    #[serde(alias = "challenge_token")]
    pub challenge_token: Option<String>,
    /// `totp` (default) or `backup`.
    #[serde(rename = "type")]
    pub kind: Option<String>,
    pub code: Option<String>,
}

/// Step-up: answer the challenge with a code; the `verification_token` lets one sensitive act
/// (API key create or rotate, disabling MFA, changing the e-mail) through within 120 s.
#[utoipa::path(post, path = "/api/v1/mfa/verify", tag = "me", operation_id = "mfa_step_up_verify",
    request_body = StepUpVerify,
    responses((status = 200, description = "`{verification_token}`"), (status = 422, description = "Wrong code, or an unknown, spent or expired challenge"), (status = 429)))]
async fn step_up_verify(
    State(state): State<AppState>,
    principal: Principal,
    origin: Origin,
    AppJson(body): AppJson<StepUpVerify>,
) -> Result<Json<Value>, ApiError> {
    principal.require_session()?;
    let now = state.now();
    let challenge = body
        .challenge_token
        .ok_or_else(|| ApiError::bad_request("challengeToken is required."))?;
    let code = body
        .code
        .ok_or_else(|| ApiError::bad_request("code is required."))?;
    let kind = body.kind.as_deref().unwrap_or("totp");
    let token = mfa::verify_step_up(&state, &principal.user, &challenge, kind, &code, now)
        .await
        .map_err(|e| e.audited_failure("mfa.step_up_failed"))?;
    record(&state, &origin, &principal, "mfa.step_up_verified").await;
    Ok(Json(json!({ "verification_token": token })))
}

/// A second-factor change by the signed-in user, in the audit log.
async fn record(state: &AppState, origin: &Origin, principal: &Principal, event: &'static str) {
    let entry = Entry::new(event, Outcome::Success).by(principal);
    audit::record(state, origin, entry).await;
}
