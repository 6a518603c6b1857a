//! Document series (api.md §10, object §25.13). Numbers are the prefix and the counter padded
//! to four digits (`FCT0042`); `nextNumber` previews the next one.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::error::ApiError;
use super::json::{AppJson, AppPath, Flag};
use crate::catalog::series::{self as ops, SeriesChanges};
use crate::ids::SeriesId;
use crate::state::AppState;
use crate::store::series::{self, SeriesRow};
use crate::tenancy::{CompanyScope, Permission};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list, create))
        .routes(routes!(update, delete))
        .routes(routes!(set_default))
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct DocumentSeries {
    pub id: SeriesId,
    pub prefix: String,
    /// The last number taken (0 before the first).
    pub current_number: i64,
    /// `invoice`, `proforma`, `credit_note`, `delivery_note`, `receipt` or `voucher`.
    #[serde(rename = "type")]
    pub kind: String,
    pub active: bool,
    pub is_default: bool,
    /// `manual`, `default` (seeded) or `efactura`.
    pub source: String,
    /// The number the next document will take (`FCT0042`).
    pub next_number: String,
}

impl From<SeriesRow> for DocumentSeries {
    fn from(s: SeriesRow) -> Self {
        DocumentSeries {
            next_number: s.next_number(),
            id: s.id,
            prefix: s.prefix,
            current_number: s.current_number,
            kind: s.kind,
            active: s.active,
            is_default: s.is_default,
            source: s.source,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct DocumentSeriesList {
    pub data: Vec<DocumentSeries>,
}

/// The fields of a series; `prefix` is required on create.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct SeriesRequest {
    /// 1 to 10 ASCII letters, digits, `-` or `_`; unique in the company.
    pub prefix: Option<String>,
    /// `invoice` (default), `proforma`, `credit_note`, `delivery_note`, `receipt` or `voucher`.
    #[serde(rename = "type")]
    pub kind: Option<String>,
    /// 0 to 999999999 (default 0); never below the highest number issued in the series.
    pub current_number: Option<i64>,
    pub active: Option<Flag>,
    /// Makes this the only default series of its type.
    pub is_default: Option<Flag>,
}

impl SeriesRequest {
    fn changes(self) -> SeriesChanges {
        SeriesChanges {
            prefix: self.prefix,
            kind: self.kind,
            current_number: self.current_number,
            active: self.active.map(|f| f.0),
            is_default: self.is_default.map(|f| f.0),
        }
    }
}

/// The company's document series.
#[utoipa::path(get, path = "/api/v1/document-series", tag = "document-series", operation_id = "series_list",
    responses((status = 200, body = DocumentSeriesList)))]
async fn list(
    State(state): State<AppState>,
    scope: CompanyScope,
) -> Result<Json<DocumentSeriesList>, ApiError> {
    scope.require(Permission::SeriesView)?;
    let rows = series::list(&state.db, scope.id()).await?;
    Ok(Json(DocumentSeriesList {
        data: rows.into_iter().map(DocumentSeries::from).collect(),
    }))
}

/// Add a document series.
#[utoipa::path(post, path = "/api/v1/document-series", tag = "document-series", operation_id = "series_create",
    request_body = SeriesRequest,
    responses((status = 201, body = DocumentSeries), (status = 400, description = "Missing or invalid field"), (status = 409, description = "Duplicate prefix")))]
async fn create(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppJson(body): AppJson<SeriesRequest>,
) -> Result<(StatusCode, Json<DocumentSeries>), ApiError> {
    scope.require(Permission::SeriesManage)?;
    let row = ops::create(&state.db, &scope, body.changes(), state.now()).await?;
    Ok((StatusCode::CREATED, Json(row.into())))
}

/// Edit a series. `currentNumber` cannot go below the highest number issued, and once numbers
/// are issued the prefix and type are fixed.
#[utoipa::path(patch, path = "/api/v1/document-series/{id}", tag = "document-series", operation_id = "series_update",
    params(("id" = SeriesId, Path)), request_body = SeriesRequest,
    responses((status = 200, body = DocumentSeries), (status = 404),
              (status = 409, description = "Counter below an issued number, prefix/type of a used series, or duplicate prefix")))]
async fn update(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppPath(id): AppPath<SeriesId>,
    AppJson(body): AppJson<SeriesRequest>,
) -> Result<Json<DocumentSeries>, ApiError> {
    scope.require(Permission::SeriesManage)?;
    let row = ops::update(&state.db, &scope, id, body.changes(), state.now()).await?;
    Ok(Json(row.into()))
}

/// Make a series the default of its type.
#[utoipa::path(post, path = "/api/v1/document-series/{id}/set-default", tag = "document-series", operation_id = "series_set_default",
    params(("id" = SeriesId, Path)), responses((status = 200, body = DocumentSeries), (status = 404)))]
async fn set_default(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppPath(id): AppPath<SeriesId>,
) -> Result<Json<DocumentSeries>, ApiError> {
    scope.require(Permission::SeriesManage)?;
    let row = ops::set_default(&state.db, &scope, id, state.now()).await?;
    Ok(Json(row.into()))
}

/// Delete a series that no invoice uses.
#[utoipa::path(delete, path = "/api/v1/document-series/{id}", tag = "document-series", operation_id = "series_delete",
    params(("id" = SeriesId, Path)),
    responses((status = 200, description = "`{message: \"Document series deleted.\"}`"), (status = 404), (status = 409, description = "Used by invoices")))]
async fn delete(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppPath(id): AppPath<SeriesId>,
) -> Result<Json<Value>, ApiError> {
    scope.require(Permission::SeriesManage)?;
    ops::delete(&state.db, &scope, id, state.now()).await?;
    Ok(Json(json!({ "message": "Document series deleted." })))
}
