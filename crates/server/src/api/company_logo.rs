//! `POST/GET/DELETE /api/v1/companies/{id}/logo` (api.md §5): the logo printed on the company's
//! documents. Uploaded as multipart field `logo`; a PNG, JPEG or SVG of at most 2 MiB and a
//! sane pixel size (`pdf::check_logo`), an SVG without DOCTYPE or entities. The image is
//! checked before anything is written. It is served back under the API's
//! `Content-Security-Policy: default-src 'none'` (`api::security`), so an SVG opened directly
//! runs no script and loads nothing.

use axum::Json;
use axum::extract::multipart::{Multipart, MultipartError, MultipartRejection};
use axum::extract::{DefaultBodyLimit, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::companies::load;
use super::error::ApiError;
use super::json::AppPath;
use super::wire;
use crate::auth::Principal;
use crate::ids::CompanyId;
use crate::state::AppState;
use crate::store::Ts;
use crate::store::branding::{self as store, LogoRow};
use crate::tenancy::Permission;
use crate::tenancy::companies as ops;

/// The largest upload read: twice the logo limit, so a logo somewhat too large gets the
/// check's message with its size, and a huge one is cut off early with a 413.
const MAX_UPLOAD_BYTES: usize = 2 * pdf::MAX_LOGO_BYTES;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(upload, get, delete))
        .layer(DefaultBodyLimit::max(MAX_UPLOAD_BYTES))
}

fn path(id: CompanyId) -> String {
    format!("/api/v1/companies/{id}/logo")
}

/// A multipart failure as the contract's shapes: a body over the limit is a 413 that says
/// the logo's limit, anything else a 400.
fn multipart_error(e: &MultipartError) -> ApiError {
    if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
        ApiError::Custom(
            StatusCode::PAYLOAD_TOO_LARGE,
            json!({ "error": format!(
                "The upload is larger than {} MiB; a logo may have at most {} MiB.",
                MAX_UPLOAD_BYTES / (1024 * 1024),
                pdf::MAX_LOGO_BYTES / (1024 * 1024)
            ) }),
        )
    } else {
        ApiError::bad_request(format!(
            "The multipart body cannot be read: {}",
            e.body_text()
        ))
    }
}

/// The bytes of the field `logo`, or a 400 saying what is missing.
async fn logo_field(multipart: Result<Multipart, MultipartRejection>) -> Result<Vec<u8>, ApiError> {
    let mut multipart = multipart.map_err(|_| {
        ApiError::bad_request("Send the logo as multipart/form-data in the field 'logo'.")
    })?;
    while let Some(field) = multipart
        .next_field()
        .await
        .map_err(|e| multipart_error(&e))?
    {
        if field.name() == Some("logo") {
            let bytes = field.bytes().await.map_err(|e| multipart_error(&e))?;
            return Ok(bytes.to_vec());
        }
    }
    Err(ApiError::bad_request(
        "The multipart body has no field 'logo'.",
    ))
}

/// Upload (or replace) the company's logo: multipart field `logo`, a PNG, JPEG or SVG of at
/// most 2 MiB.
#[utoipa::path(post, path = "/api/v1/companies/{id}/logo", tag = "companies", operation_id = "company_logo_upload",
    params(("id" = CompanyId, Path)),
    request_body(content_type = "multipart/form-data", description = "Field `logo`: the image"),
    responses((status = 200, description = "`{logoPath, message}`"),
        (status = 400, description = "Not a PNG, JPEG or SVG image, too large, or no field `logo`"),
        (status = 413, description = "The upload is over 4 MiB")))]
async fn upload(
    State(state): State<AppState>,
    principal: Principal,
    AppPath(id): AppPath<CompanyId>,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<Json<Value>, ApiError> {
    principal.require(Permission::CompanyEdit)?;
    let company = load(&state, &principal, id, false).await?;
    let content = logo_field(multipart).await?;
    let kind = pdf::check_logo(&content)
        .map_err(|e| ApiError::bad_request(format!("{}.", wire::capitalised(&e.to_string()))))?;
    let now = state.now();
    let mut tx = state.db.begin().await?;
    store::save_logo(
        &mut tx,
        &LogoRow {
            company_id: company.id,
            media_type: kind.media_type().to_owned(),
            content,
            updated_at: Ts(now),
        },
    )
    .await?;
    ops::record_updated(&mut tx, &principal, &company, now).await?;
    tx.commit().await?;
    Ok(Json(
        json!({ "logoPath": path(company.id), "message": "Logo uploaded." }),
    ))
}

/// The company's logo as it was uploaded.
#[utoipa::path(get, path = "/api/v1/companies/{id}/logo", tag = "companies", operation_id = "company_logo_get",
    params(("id" = CompanyId, Path)),
    responses((status = 200, description = "The image (PNG, JPEG or SVG)"), (status = 404, description = "No logo")))]
async fn get(
    State(state): State<AppState>,
    principal: Principal,
    AppPath(id): AppPath<CompanyId>,
) -> Result<Response, ApiError> {
    principal.require(Permission::CompanyView)?;
    let company = load(&state, &principal, id, false).await?;
    let logo = store::logo(&state.db, company.id)
        .await?
        .ok_or(ApiError::NotFound("The company has no logo."))?;
    let extension =
        pdf::LogoKind::from_media_type(&logo.media_type).map_or("img", pdf::LogoKind::extension);
    Ok((
        [
            (header::CONTENT_TYPE, logo.media_type.clone()),
            (
                header::CONTENT_DISPOSITION,
                format!("inline; filename=\"logo.{extension}\""),
            ),
            (header::CACHE_CONTROL, "private, no-cache".to_owned()),
        ],
        logo.content,
    )
        .into_response())
}

/// Remove the company's logo; its documents print without one.
#[utoipa::path(delete, path = "/api/v1/companies/{id}/logo", tag = "companies", operation_id = "company_logo_delete",
    params(("id" = CompanyId, Path)),
    responses((status = 200, description = "`{message}`"), (status = 404, description = "No logo")))]
async fn delete(
    State(state): State<AppState>,
    principal: Principal,
    AppPath(id): AppPath<CompanyId>,
) -> Result<Json<Value>, ApiError> {
    principal.require(Permission::CompanyEdit)?;
    let company = load(&state, &principal, id, false).await?;
    let now = state.now();
    let mut tx = state.db.begin().await?;
    if !store::delete_logo(&mut tx, company.id).await? {
        return Err(ApiError::NotFound("The company has no logo."));
    }
    ops::record_updated(&mut tx, &principal, &company, now).await?;
    tx.commit().await?;
    Ok(Json(json!({ "message": "Logo removed." })))
}
