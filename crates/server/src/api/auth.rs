//! Authentication routes (api.md §2): login, Google sign-in, registration, e-mail confirmation,
//! refresh, logout. Password reset and e-mail change links are in `api::recovery`.

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::json;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::error::ApiError;
use super::json::AppJson;
use crate::audit::{self, Entry, Origin, Outcome};
use crate::auth::session::{self, Registration, TokenPair};
use crate::state::AppState;
use crate::store::users;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(login))
        .routes(routes!(google))
        .routes(routes!(mfa_verify))
        .routes(routes!(register))
        .routes(routes!(confirm_email))
        .routes(routes!(resend_confirmation))
        .routes(routes!(refresh))
        .routes(routes!(refresh_alias))
        .routes(routes!(refresh_legacy))
        .routes(routes!(logout))
}

/// The web app keeps the refresh token in this cookie (HttpOnly, so scripts cannot read it).
const REFRESH_COOKIE: &str = "facturo_refresh";

#[derive(Debug, Deserialize, ToSchema)]
pub struct LoginRequest {
    pub email: String,
    pub password: String,
}

/// Sign in with e-mail and password.
#[utoipa::path(post, path = "/api/auth", tag = "auth", operation_id = "auth_login",
    request_body = LoginRequest,
    responses(
        (status = 200, description = "Signed in", body = TokenPair),
        (status = 401, description = "Invalid credentials"),
        (status = 403, description = "Account inactive or e-mail not confirmed"),
        (status = 429, description = "More than 5 attempts a minute from this IP"),
    ))]
async fn login(
    State(state): State<AppState>,
    origin: Origin,
    AppJson(body): AppJson<LoginRequest>,
) -> Result<Response, ApiError> {
    let now = state.now();
    let login = session::login(&state, &body.email, &body.password, &origin, now).await?;
    Ok(signed_in(login, None))
}

/// A login's answer: the tokens and the refresh cookie (with `isNewUser` for Google), or the
/// second-factor challenge without a cookie (api.md §2.2).
fn signed_in(login: session::Login, is_new_user: Option<bool>) -> Response {
    match login {
        session::Login::Session(pair) => match is_new_user {
            None => with_refresh_cookie(pair),
            Some(is_new_user) => set_refresh_cookie(
                Json(json!({
                    "token": pair.token,
                    "refresh_token": pair.refresh_token,
                    "isNewUser": is_new_user,
                }))
                .into_response(),
                &pair.refresh_token,
            ),
        },
        session::Login::SecondFactor { mfa_token, methods } => Json(json!({
            "mfa_required": true, "mfa_token": mfa_token, "mfa_methods": methods,
        }))
        .into_response(),
    }
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct GoogleRequest {
    /// The Google ID token (a JWT) the app got from Google Identity Services.
    pub credential: String,
    /// `ro` or `en`, for a new account (default: from `Accept-Language`).
    pub locale: Option<String>,
}

/// Sign in with Google. The account linked to the Google account signs in; else the account
/// with its (Google-verified) address, which gets linked; else a new account and organization
/// are made, without a password (`isNewUser: true`). A user with two-factor authentication gets
/// the same challenge as a password login.
#[utoipa::path(post, path = "/api/auth/google", tag = "auth", operation_id = "auth_google",
    request_body = GoogleRequest,
    responses(
        (status = 200, description = "`{token, refresh_token, isNewUser}` and the refresh cookie, or `{mfa_required: true, mfa_token, mfa_methods}`"),
        (status = 401, description = "Invalid Google token (signature, issuer, audience, expiry), or an address Google has not verified"),
        (status = 403, description = "Account inactive"),
        (status = 503, description = "Google sign-in is not configured, or Google's keys cannot be fetched"),
    ))]
async fn google(
    State(state): State<AppState>,
    headers: HeaderMap,
    origin: Origin,
    AppJson(body): AppJson<GoogleRequest>,
) -> Result<Response, ApiError> {
    let locale = locale_of(body.locale, &headers);
    let done = crate::auth::google::sign_in(&state, &body.credential, locale, &origin, state.now())
        .await
        .map_err(|e| e.audited_failure("google.refused"))?;
    Ok(signed_in(done.login, Some(done.is_new_user)))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct MfaVerifyRequest {
    #[serde(alias = "mfa_token")]
    pub mfa_token: String,
    /// `totp` (default) or `backup`.
    #[serde(rename = "type")]
    pub kind: Option<String>,
    pub code: String,
}

/// Finish a login that asked for the second factor, with a code from the authenticator app or
/// a backup code. Five wrong codes spend the challenge; it lives five minutes.
#[utoipa::path(post, path = "/api/auth/mfa/verify", tag = "auth", operation_id = "auth_mfa_verify",
    request_body = MfaVerifyRequest,
    responses((status = 200, description = "`{token, refresh_token}`"), (status = 401, description = "Wrong code, or an unknown, spent or expired challenge"), (status = 429)))]
async fn mfa_verify(
    State(state): State<AppState>,
    origin: Origin,
    AppJson(body): AppJson<MfaVerifyRequest>,
) -> Result<Response, ApiError> {
    let now = state.now();
    let kind = body.kind.as_deref().unwrap_or("totp");
    let (user, pair) =
        crate::auth::mfa::verify_login(&state, &body.mfa_token, kind, &body.code, now)
            .await
            .map_err(|e| e.audited_failure("mfa.login_failed"))?;
    let entry = Entry::new("login.succeeded", Outcome::Success)
        .of_user(&user)
        .detail("method", kind);
    audit::record(&state, &origin, entry).await;
    Ok(with_refresh_cookie(pair))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct RegisterRequest {
    pub email: String,
    pub password: String,
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub organization_name: Option<String>,
    pub locale: Option<String>,
}

/// Create an account and its organization. A confirmation e-mail follows, unless the server
/// runs with `FACTURO_AUTO_CONFIRM_EMAIL=1`.
#[utoipa::path(post, path = "/api/auth/register", tag = "auth", operation_id = "auth_register",
    request_body = RegisterRequest,
    responses((status = 201, description = "Registered: `{message, email}`"), (status = 409, description = "E-mail taken"), (status = 422, description = "Invalid e-mail or password")))]
async fn register(
    State(state): State<AppState>,
    headers: HeaderMap,
    AppJson(body): AppJson<RegisterRequest>,
) -> Result<Response, ApiError> {
    let locale = locale_of(body.locale, &headers);
    let confirmed = state.config.auto_confirm_email;
    let email = users::normalize_email(&body.email);
    let reg = Registration {
        email: email.clone(),
        password: body.password,
        first_name: body.first_name,
        last_name: body.last_name,
        organization_name: body.organization_name,
        locale,
        confirmed,
        is_admin: false,
    };
    session::register(&state, reg, state.now()).await?;
    let message = if confirmed {
        "Account created. You can sign in now."
    } else {
        "Account created. Check your e-mail to confirm your address."
    };
    Ok((
        StatusCode::CREATED,
        Json(json!({ "message": message, "email": email })),
    )
        .into_response())
}

/// A new account's locale: the one asked for when it is `ro` or `en`, else from
/// `Accept-Language`.
fn locale_of(asked: Option<String>, headers: &HeaderMap) -> String {
    asked.filter(|l| l == "ro" || l == "en").unwrap_or_else(|| {
        let accept = headers
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        if accept.contains("ro") { "ro" } else { "en" }.to_owned()
    })
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct TokenRequest {
    pub token: String,
}

/// Confirm an e-mail address with the token from the e-mailed link.
#[utoipa::path(post, path = "/api/auth/confirm-email", tag = "auth", operation_id = "auth_confirm_email",
    request_body = TokenRequest,
    responses((status = 200, description = "Confirmed"), (status = 400, description = "Invalid or expired token")))]
async fn confirm_email(
    State(state): State<AppState>,
    AppJson(body): AppJson<TokenRequest>,
) -> Result<Json<serde_json::Value>, ApiError> {
    if session::confirm_email(&state, &body.token, state.now()).await? {
        Ok(Json(
            json!({ "message": "E-mail address confirmed. You can sign in now." }),
        ))
    } else {
        Err(ApiError::bad_request(
            "This confirmation link is invalid or has expired.",
        ))
    }
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct EmailRequest {
    pub email: String,
}

/// Send the confirmation e-mail again. Always answers the same, whether or not the address
/// has an account.
#[utoipa::path(post, path = "/api/auth/resend-confirmation", tag = "auth", operation_id = "auth_resend_confirmation",
    request_body = EmailRequest, responses((status = 200, description = "`{message}`")))]
async fn resend_confirmation(
    State(state): State<AppState>,
    AppJson(body): AppJson<EmailRequest>,
) -> Result<Json<serde_json::Value>, ApiError> {
    let now = state.now();
    if let Some(user) = users::find_by_email(&state.db, &body.email).await?
        && !user.email_verified
    {
        let mut tx = state.db.begin().await?;
        session::send_confirmation(&mut tx, &state, user.id, &user.email, now).await?;
        tx.commit().await?;
    }
    Ok(Json(
        json!({ "message": "If this address has an unconfirmed account, a new link is on its way." }),
    ))
}

#[derive(Debug, Default, Deserialize, ToSchema)]
pub struct RefreshRequest {
    pub refresh_token: Option<String>,
}

/// Exchange a refresh token (body or cookie) for a new pair. The presented token is used up.
#[utoipa::path(post, path = "/api/auth/refresh", tag = "auth", operation_id = "auth_refresh",
    request_body = RefreshRequest,
    responses((status = 200, description = "New pair", body = TokenPair), (status = 401, description = "Invalid, expired or reused token")))]
async fn refresh(
    state: State<AppState>,
    headers: HeaderMap,
    body: AppJson<RefreshRequest>,
) -> Result<Response, ApiError> {
    refresh_with(state, headers, body).await
}

/// Alias of `/api/auth/refresh` that the incumbent's CLI and docs use (api.md §28 #1).
#[utoipa::path(post, path = "/api/auth/token/refresh", tag = "auth", operation_id = "auth_token_refresh",
    request_body = RefreshRequest, responses((status = 200, description = "New pair", body = TokenPair)))]
async fn refresh_alias(
    state: State<AppState>,
    headers: HeaderMap,
    body: AppJson<RefreshRequest>,
) -> Result<Response, ApiError> {
    refresh_with(state, headers, body).await
}

/// Alias of `/api/auth/refresh` under the incumbent's bundle route name.
#[utoipa::path(post, path = "/api/token/refresh", tag = "auth", operation_id = "token_refresh",
    request_body = RefreshRequest, responses((status = 200, description = "New pair", body = TokenPair)))]
async fn refresh_legacy(
    state: State<AppState>,
    headers: HeaderMap,
    body: AppJson<RefreshRequest>,
) -> Result<Response, ApiError> {
    refresh_with(state, headers, body).await
}

async fn refresh_with(
    State(state): State<AppState>,
    headers: HeaderMap,
    AppJson(body): AppJson<RefreshRequest>,
) -> Result<Response, ApiError> {
    let presented = body
        .refresh_token
        .or_else(|| cookie(&headers, REFRESH_COOKIE))
        .ok_or_else(|| ApiError::bad_request("Field \"refresh_token\" is required."))?;
    let pair = session::refresh(&state, &presented, state.now())
        .await
        .map_err(|e| e.audited("refresh.refused"))?;
    Ok(with_refresh_cookie(pair))
}

/// End the session of a refresh token (body or cookie): it and its successors stop working.
#[utoipa::path(post, path = "/api/auth/logout", tag = "auth", operation_id = "auth_logout",
    request_body = RefreshRequest, responses((status = 204, description = "Signed out")))]
async fn logout(
    State(state): State<AppState>,
    headers: HeaderMap,
    AppJson(body): AppJson<RefreshRequest>,
) -> Result<Response, ApiError> {
    if let Some(presented) = body
        .refresh_token
        .or_else(|| cookie(&headers, REFRESH_COOKIE))
    {
        session::logout(&state, &presented, state.now()).await?;
    }
    let mut response = StatusCode::NO_CONTENT.into_response();
    let expired =
        format!("{REFRESH_COOKIE}=; Path=/api; HttpOnly; Secure; SameSite=Strict; Max-Age=0");
    if let Ok(v) = HeaderValue::from_str(&expired) {
        response.headers_mut().insert(header::SET_COOKIE, v);
    }
    Ok(response)
}

pub(super) fn with_refresh_cookie(pair: TokenPair) -> Response {
    let refresh = pair.refresh_token.clone();
    set_refresh_cookie(Json(pair).into_response(), &refresh)
}

fn set_refresh_cookie(mut response: Response, refresh_token: &str) -> Response {
    let value = format!(
        "{REFRESH_COOKIE}={refresh_token}; Path=/api; HttpOnly; Secure; SameSite=Strict; Max-Age={}",
        crate::auth::tokens::REFRESH_TTL.whole_seconds()
    );
    if let Ok(v) = HeaderValue::from_str(&value) {
        response.headers_mut().insert(header::SET_COOKIE, v);
    }
    response
}

fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_owned())
        .filter(|v| !v.is_empty())
}
