//! Passkey routes (api.md §2.1): registration and the list for the signed-in user, and the
//! passkey sign-in. The browser passes the options to `navigator.credentials.create()` or
//! `.get()` and posts what the authenticator answered back, as `credential` (or as the whole
//! body, as the incumbent's clients send it).

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use serde::Serialize;
use serde_json::Value;
use time::OffsetDateTime;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use uuid::Uuid;

use super::auth::with_refresh_cookie;
use super::error::ApiError;
use super::json::{AppJson, AppPath};
use crate::audit::{self, Entry, Origin, Outcome};
use crate::auth::{Principal, passkeys};
use crate::ids::PasskeyId;
use crate::state::AppState;
use crate::store::passkeys::{self as store, StoredPasskey};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(register_options))
        .routes(routes!(register))
        .routes(routes!(list))
        .routes(routes!(remove))
        .routes(routes!(login_options))
        .routes(routes!(login))
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PasskeyView {
    pub id: Uuid,
    pub name: String,
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub created_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339::option")]
    #[schema(value_type = Option<String>, format = DateTime)]
    pub last_used_at: Option<OffsetDateTime>,
}

impl From<StoredPasskey> for PasskeyView {
    fn from(p: StoredPasskey) -> Self {
        PasskeyView {
            id: p.id.0,
            name: p.name,
            created_at: p.created_at.0,
            last_used_at: p.last_used_at.map(|t| t.0),
        }
    }
}

/// `credential`, or the body itself when it is the credential.
fn credential_of(body: &Value) -> Result<&Value, ApiError> {
    match body.get("credential") {
        Some(c) if c.is_object() => Ok(c),
        _ if body.get("response").is_some() => Ok(body),
        _ => Err(ApiError::bad_request("credential is required.")),
    }
}

/// Options for registering a passkey (`navigator.credentials.create({publicKey})`).
#[utoipa::path(post, path = "/api/v1/passkey/register/options", tag = "passkeys", operation_id = "passkey_register_options",
    responses((status = 200, description = "PublicKeyCredentialCreationOptions"), (status = 503, description = "Passkeys not configured")))]
async fn register_options(
    State(state): State<AppState>,
    principal: Principal,
) -> Result<Json<Value>, ApiError> {
    principal.require_session()?;
    let options = passkeys::registration_options(&state, &principal.user, state.now()).await?;
    Ok(Json(options))
}

/// Register the passkey the authenticator made (`credential`, and an optional `name`).
#[utoipa::path(post, path = "/api/v1/passkey/register", tag = "passkeys", operation_id = "passkey_register",
    responses((status = 201, body = PasskeyView), (status = 400, description = "No waiting registration, or the authenticator's answer is refused"),
        (status = 409, description = "Already registered")))]
async fn register(
    State(state): State<AppState>,
    principal: Principal,
    origin: Origin,
    AppJson(body): AppJson<Value>,
) -> Result<(StatusCode, Json<PasskeyView>), ApiError> {
    principal.require_session()?;
    let credential = credential_of(&body)?;
    let name = body.get("name").and_then(Value::as_str);
    let passkey = passkeys::register(&state, &principal.user, credential, name, state.now())
        .await
        .map_err(|e| e.audited("passkey.register_refused"))?;
    let entry = Entry::new("passkey.registered", Outcome::Success)
        .by(&principal)
        .detail("passkeyId", passkey.id.to_string())
        .detail("name", passkey.name.as_str());
    audit::record(&state, &origin, entry).await;
    Ok((StatusCode::CREATED, Json(passkey.into())))
}

/// The caller's passkeys.
#[utoipa::path(get, path = "/api/v1/me/passkeys", tag = "passkeys", operation_id = "passkey_list",
    responses((status = 200, body = [PasskeyView])))]
async fn list(
    State(state): State<AppState>,
    principal: Principal,
) -> Result<Json<Vec<PasskeyView>>, ApiError> {
    principal.require_session()?;
    let rows = store::list(&state.db, principal.user.id).await?;
    Ok(Json(rows.into_iter().map(PasskeyView::from).collect()))
}

/// Remove one of the caller's passkeys.
#[utoipa::path(delete, path = "/api/v1/me/passkeys/{id}", tag = "passkeys", operation_id = "passkey_delete",
    params(("id" = PasskeyId, Path)), responses((status = 204), (status = 404)))]
async fn remove(
    State(state): State<AppState>,
    principal: Principal,
    origin: Origin,
    AppPath(id): AppPath<PasskeyId>,
) -> Result<StatusCode, ApiError> {
    principal.require_session()?;
    passkeys::remove(&state, &principal.user, id).await?;
    let entry = Entry::new("passkey.removed", Outcome::Success)
        .by(&principal)
        .detail("passkeyId", id.to_string());
    audit::record(&state, &origin, entry).await;
    Ok(StatusCode::NO_CONTENT)
}

/// Options for a passkey sign-in (`navigator.credentials.get({publicKey})`), with the
/// `sessionId` to send back.
#[utoipa::path(post, path = "/api/auth/passkey/login/options", tag = "auth", operation_id = "passkey_login_options",
    responses((status = 200, description = "PublicKeyCredentialRequestOptions + `sessionId` (32 hex)"), (status = 429)))]
async fn login_options(State(state): State<AppState>) -> Result<Json<Value>, ApiError> {
    let (mut options, session_id) = passkeys::login_options(&state, state.now()).await?;
    if let Some(map) = options.as_object_mut() {
        map.insert("sessionId".into(), Value::from(session_id));
    }
    Ok(Json(options))
}

/// Sign in with a passkey: `sessionId` and `credential` (the assertion). No second factor is
/// asked: a passkey is one.
#[utoipa::path(post, path = "/api/auth/passkey/login", tag = "auth", operation_id = "passkey_login",
    responses((status = 200, description = "`{token, refresh_token}` + cookie"), (status = 401, description = "Unknown, spent or expired session; a refused assertion"), (status = 429)))]
async fn login(
    State(state): State<AppState>,
    origin: Origin,
    AppJson(body): AppJson<Value>,
) -> Result<Response, ApiError> {
    let session_id = body
        .get("sessionId")
        .and_then(Value::as_str)
        .ok_or_else(|| ApiError::bad_request("sessionId is required."))?;
    let credential = credential_of(&body)?;
    let (user, pair) = passkeys::login(&state, session_id, credential, state.now())
        .await
        .map_err(|e| e.audited_failure("passkey.login_failed"))?;
    let entry = Entry::new("login.succeeded", Outcome::Success)
        .of_user(&user)
        .detail("method", "passkey");
    audit::record(&state, &origin, entry).await;
    Ok(with_refresh_cookie(pair))
}
