//! Health, version, the OpenAPI document and the offline API docs page.

use std::any::Any;
use std::sync::Arc;

use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde_json::{Value, json};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::on_db;
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(health))
        .routes(routes!(version))
}

/// Serves the OpenAPI document and a page that renders it without any CDN.
pub fn docs_router(openapi: &utoipa::openapi::OpenApi) -> Router<AppState> {
    let json = Arc::new(openapi.to_pretty_json().unwrap_or_else(|_| "{}".into()));
    Router::new()
        .route(
            "/api/openapi.json",
            get(move || {
                let json = Arc::clone(&json);
                async move {
                    (
                        [(header::CONTENT_TYPE, "application/json")],
                        json.as_str().to_owned(),
                    )
                }
            }),
        )
        .route(
            "/api/docs",
            get(|| async { Html(super::security::DOCS_PAGE) }),
        )
}

/// Liveness and database reachability.
#[utoipa::path(get, path = "/health", tag = "system", operation_id = "health",
    responses((status = 200, description = "`{status: healthy, checks}`"), (status = 503, description = "Database unreachable")))]
async fn health(State(state): State<AppState>) -> Response {
    let db = on_db!(&state.db, c => sqlx::query_scalar::<_, i32>("SELECT 1").fetch_one(c).await);
    match db {
        Ok(_) => {
            Json(json!({ "status": "healthy", "checks": { "database": "ok" } })).into_response()
        }
        Err(e) => {
            tracing::error!(error = %e, "health check: database unreachable");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                Json(json!({ "status": "degraded", "checks": { "database": "error" } })),
            )
                .into_response()
        }
    }
}

/// The server's version.
#[utoipa::path(get, path = "/api/v1/version", tag = "system", operation_id = "version",
    responses((status = 200, description = "`{version}`")))]
async fn version() -> Json<Value> {
    Json(json!({ "version": env!("CARGO_PKG_VERSION"), "name": "Facturo" }))
}

/// Unknown routes get JSON, like every other error.
pub async fn not_found() -> Response {
    (
        StatusCode::NOT_FOUND,
        Json(json!({ "error": "Not found." })),
    )
        .into_response()
}

/// A panic becomes a plain 500; the panic message is logged, not shown.
#[allow(clippy::needless_pass_by_value)] // The signature CatchPanicLayer wants.
pub fn panic_response(err: Box<dyn Any + Send + 'static>) -> Response {
    let detail = err
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| err.downcast_ref::<&str>().copied())
        .unwrap_or("unknown panic");
    tracing::error!(panic = detail, "a request handler panicked");
    (
        StatusCode::INTERNAL_SERVER_ERROR,
        Json(json!({ "error": "Internal server error." })),
    )
        .into_response()
}
