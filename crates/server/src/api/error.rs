//! `ApiError`: every error the API returns, and the one `IntoResponse` that knows each shape of
//! the contract (`../shared/spec/api.md` §1.6):
//! - `{"error": …}` (+ `code`) for validation and state errors;
//! - `{"errors": [{"key", "message"}]}` for field validation;
//! - `{"code": 401, "message": …}` for authentication;
//! - 429 with `Retry-After`.
//!
//! A 500 shows the client a generic message and the request id; `log_internal_errors` logs the
//! detail once.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use serde_json::{Value, json};

/// One field's validation failure.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, utoipa::ToSchema)]
pub struct FieldError {
    pub key: String,
    pub message: String,
}

impl FieldError {
    pub fn new(key: impl Into<String>, message: impl Into<String>) -> Self {
        FieldError {
            key: key.into(),
            message: message.into(),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// 400 `{"error"}`: the request is malformed.
    #[error("{0}")]
    BadRequest(String),
    /// `{"errors":[…]}` with the given status (the contract uses 422 for clients, 400 for
    /// products).
    #[error("validation failed: {0:?}")]
    Fields(StatusCode, Vec<FieldError>),
    /// 401 `{"code":401,"message"}`.
    #[error("unauthorized: {0}")]
    Unauthorized(&'static str),
    /// 403 `{"error"}` (+ `code`).
    #[error("forbidden: {message}")]
    Forbidden {
        message: String,
        code: Option<&'static str>,
    },
    /// 404 `{"error"}`.
    #[error("{0}")]
    NotFound(&'static str),
    /// 409 `{"error"}` (+ `code`).
    #[error("conflict: {message}")]
    Conflict {
        message: String,
        code: Option<&'static str>,
    },
    /// 422 `{"error"}`.
    #[error("{0}")]
    Unprocessable(String),
    /// 413: the body is larger than the limit.
    #[error("request body too large")]
    PayloadTooLarge,
    /// 429 `{"error","retryAfter"}` + `Retry-After`.
    #[error("too many requests; retry after {retry_after_secs}s")]
    TooManyRequests { retry_after_secs: u64 },
    /// 429 with a body of its own (`{error, code, retryAfter, …}`) + `Retry-After`: a limit
    /// of the product's (a sync triggered too soon, api.md §19).
    #[error("throttled; retry after {retry_after_secs}s")]
    Throttled { retry_after_secs: u64, body: Value },
    /// 503 `{"error"}`: a dependency (ANAF, SMTP) is unavailable.
    #[error("{0}")]
    Unavailable(String),
    /// Any status with a body that follows no common shape (e.g. issue's validation report).
    /// Its text is the body's `error` when it has one (what a job writes where a person reads).
    #[error("{}", custom_text(*.0, .1))]
    Custom(StatusCode, Value),
    /// 500: a bug or an infrastructure failure. The detail is logged, never shown.
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
    /// `error`, which the guard layer also records in the audit log as `refusal`.
    #[error("{error}")]
    Audited {
        error: Box<ApiError>,
        refusal: crate::audit::Refusal,
    },
}

/// The detail of a 500, handed to the logging middleware through the response extensions.
#[derive(Debug, Clone)]
pub struct InternalErrorDetail(pub std::sync::Arc<String>);

/// The text of a [`ApiError::Custom`]: its body's `error`, else the status and the body.
fn custom_text(status: StatusCode, body: &Value) -> String {
    match body.get("error").and_then(Value::as_str) {
        Some(error) => error.to_owned(),
        None => format!("{status}: {body}"),
    }
}

impl ApiError {
    pub fn bad_request(message: impl Into<String>) -> Self {
        ApiError::BadRequest(message.into())
    }

    pub fn unprocessable(message: impl Into<String>) -> Self {
        ApiError::Unprocessable(message.into())
    }

    pub fn forbidden(message: impl Into<String>) -> Self {
        ApiError::Forbidden {
            message: message.into(),
            code: None,
        }
    }

    pub fn conflict(message: impl Into<String>) -> Self {
        ApiError::Conflict {
            message: message.into(),
            code: None,
        }
    }

    /// The contract's 403 for a missing permission (recorded in the audit log).
    pub fn permission_denied() -> Self {
        ApiError::forbidden("Permission denied.").audited("permission.denied")
    }

    /// This refusal, recorded in the audit log as `event` (outcome `refused`).
    pub fn audited(self, event: &'static str) -> Self {
        self.audited_as(event, crate::audit::Outcome::Refused)
    }

    /// This refusal of a wrong secret, recorded in the audit log as `event` (outcome
    /// `failure`).
    pub fn audited_failure(self, event: &'static str) -> Self {
        self.audited_as(event, crate::audit::Outcome::Failure)
    }

    fn audited_as(self, event: &'static str, outcome: crate::audit::Outcome) -> Self {
        match self {
            already @ ApiError::Audited { .. } => already,
            // A broken database is no refusal.
            internal @ ApiError::Internal(_) => internal,
            error => ApiError::Audited {
                refusal: crate::audit::Refusal {
                    event,
                    outcome,
                    reason: error.to_string(),
                },
                error: Box::new(error),
            },
        }
    }

    /// The contract's step-up gate (api.md §1.6): the act needs a fresh second factor, proven
    /// through `/api/v1/mfa/challenge` and `/api/v1/mfa/verify`.
    pub fn mfa_required() -> Self {
        ApiError::Custom(
            StatusCode::FORBIDDEN,
            json!({
                "error": "mfa_required",
                "error_description": "This action needs a second factor: get a verification_token from \
                                      POST /api/v1/mfa/challenge and POST /api/v1/mfa/verify, then send it."
            }),
        )
        .audited("mfa.step_up_required")
    }

    /// The contract's 402 for a plan's limit (api.md §1.6).
    pub fn plan_limit(message: impl Into<String>) -> Self {
        ApiError::Custom(
            StatusCode::PAYMENT_REQUIRED,
            json!({ "error": message.into(), "code": "PLAN_LIMIT" }),
        )
    }

    /// A single-field validation error (422).
    pub fn field(key: impl Into<String>, message: impl Into<String>) -> Self {
        ApiError::Fields(
            StatusCode::UNPROCESSABLE_ENTITY,
            vec![FieldError::new(key, message)],
        )
    }
}

fn with_code(mut body: Value, code: Option<&'static str>) -> Value {
    if let (Some(code), Some(map)) = (code, body.as_object_mut()) {
        map.insert("code".into(), Value::from(code));
    }
    body
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, body) = match self {
            ApiError::BadRequest(m) => (StatusCode::BAD_REQUEST, json!({ "error": m })),
            ApiError::Fields(status, errors) => (status, json!({ "errors": errors })),
            ApiError::Unauthorized(m) => (
                StatusCode::UNAUTHORIZED,
                json!({ "code": 401, "message": m }),
            ),
            ApiError::Forbidden { message, code } => (
                StatusCode::FORBIDDEN,
                with_code(json!({ "error": message }), code),
            ),
            ApiError::NotFound(m) => (StatusCode::NOT_FOUND, json!({ "error": m })),
            ApiError::Conflict { message, code } => (
                StatusCode::CONFLICT,
                with_code(json!({ "error": message }), code),
            ),
            ApiError::Unprocessable(m) => (StatusCode::UNPROCESSABLE_ENTITY, json!({ "error": m })),
            ApiError::PayloadTooLarge => (
                StatusCode::PAYLOAD_TOO_LARGE,
                json!({ "error": "Request body is too large." }),
            ),
            ApiError::TooManyRequests { retry_after_secs } => {
                let body = json!({ "error": "Too many requests.", "retryAfter": retry_after_secs });
                let mut response =
                    (StatusCode::TOO_MANY_REQUESTS, axum::Json(body)).into_response();
                response
                    .headers_mut()
                    .insert(header::RETRY_AFTER, HeaderValue::from(retry_after_secs));
                return response;
            }
            ApiError::Throttled {
                retry_after_secs,
                body,
            } => {
                let mut response =
                    (StatusCode::TOO_MANY_REQUESTS, axum::Json(body)).into_response();
                response
                    .headers_mut()
                    .insert(header::RETRY_AFTER, HeaderValue::from(retry_after_secs));
                return response;
            }
            ApiError::Unavailable(m) => (StatusCode::SERVICE_UNAVAILABLE, json!({ "error": m })),
            ApiError::Custom(status, body) => (status, body),
            ApiError::Audited { error, refusal } => {
                let mut response = error.into_response();
                response.extensions_mut().insert(refusal);
                return response;
            }
            ApiError::Internal(err) => {
                let mut response = (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    axum::Json(json!({ "error": "Internal server error." })),
                )
                    .into_response();
                response
                    .extensions_mut()
                    .insert(InternalErrorDetail(std::sync::Arc::new(format!("{err:#}"))));
                return response;
            }
        };
        (status, axum::Json(body)).into_response()
    }
}

impl From<sqlx::Error> for ApiError {
    fn from(err: sqlx::Error) -> Self {
        ApiError::Internal(anyhow::Error::new(err).context("database"))
    }
}

impl From<crate::store::StoreError> for ApiError {
    fn from(err: crate::store::StoreError) -> Self {
        use crate::store::StoreError;
        match err {
            StoreError::Conflict(message) => ApiError::conflict(message),
            StoreError::Database(e) => e.into(),
        }
    }
}

/// Middleware: logs the detail of every 500 once, with the request id, and puts the request id
/// in the body so a user can quote it.
pub async fn log_internal_errors(
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let method = request.method().clone();
    let path = request.uri().path().to_owned();
    let request_id = request
        .headers()
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("-")
        .to_owned();
    let response = next.run(request).await;
    if let Some(detail) = response.extensions().get::<InternalErrorDetail>() {
        tracing::error!(%method, %path, request_id, error = %detail.0, "request failed");
        let status = response.status();
        let mut replaced = (
            status,
            axum::Json(json!({ "error": "Internal server error.", "requestId": request_id })),
        )
            .into_response();
        for (name, value) in response.headers() {
            if name != header::CONTENT_LENGTH && name != header::CONTENT_TYPE {
                replaced.headers_mut().insert(name, value.clone());
            }
        }
        return replaced;
    }
    response
}
