//! VAT rates (api.md §9, object §25.14 plus `exemptionCode`) and the VAT category codes. As in
//! the contract, the rates need no permission beyond access to the company.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use einvoice::codes::VatCategory;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::error::ApiError;
use super::json::{AppJson, AppPath, Flag, Num, Patch};
use super::wire;
use crate::auth::Principal;
use crate::catalog::vat_rates::{self as ops, VatRateChanges};
use crate::ids::VatRateId;
use crate::state::AppState;
use crate::store::vat_rates::{self, VatRateRow};
use crate::tenancy::{CompanyScope, Permission};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list, create))
        .routes(routes!(update, delete))
        .routes(routes!(category_codes))
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct VatRate {
    pub id: VatRateId,
    /// A percentage with 2 decimals (`"21.00"`).
    pub rate: String,
    pub label: String,
    pub category_code: String,
    /// VATEX code for E, AE, K, G and O rates.
    pub exemption_code: Option<String>,
    pub is_default: bool,
    pub is_active: bool,
    pub position: i32,
}

impl From<VatRateRow> for VatRate {
    fn from(r: VatRateRow) -> Self {
        VatRate {
            id: r.id,
            rate: wire::fixed(r.rate.0, 2),
            label: r.label,
            category_code: r.category_code,
            exemption_code: r.exemption_code,
            is_default: r.is_default,
            is_active: r.is_active,
            position: r.position,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct VatRateList {
    pub data: Vec<VatRate>,
}

/// The fields of a VAT rate; `rate` and `label` are required on create.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct VatRateRequest {
    pub rate: Option<Num>,
    pub label: Option<String>,
    /// S (default), Z, E, AE, K, G, O, L or M; Z, E, AE, K, G and O need rate 0, S more.
    pub category_code: Option<String>,
    /// VATEX code (`VATEX-EU-AE`), only for E, AE, K, G and O; `null` removes it.
    #[serde(default)]
    #[schema(value_type = Option<String>)]
    pub exemption_code: Patch<String>,
    /// Makes this the only default rate.
    pub is_default: Option<Flag>,
    pub is_active: Option<Flag>,
    /// Defaults to after the last rate.
    pub position: Option<i32>,
}

impl VatRateRequest {
    fn changes(self) -> VatRateChanges {
        VatRateChanges {
            rate: self.rate.map(|n| n.0),
            label: self.label,
            category_code: self.category_code,
            exemption_code: self.exemption_code,
            is_default: self.is_default.map(|f| f.0),
            is_active: self.is_active.map(|f| f.0),
            position: self.position,
        }
    }
}

/// The company's VAT rates, in their order.
#[utoipa::path(get, path = "/api/v1/vat-rates", tag = "vat-rates", operation_id = "vat_rate_list",
    responses((status = 200, body = VatRateList)))]
async fn list(
    State(state): State<AppState>,
    scope: CompanyScope,
) -> Result<Json<VatRateList>, ApiError> {
    let rows = vat_rates::list(&state.db, scope.id()).await?;
    Ok(Json(VatRateList {
        data: rows.into_iter().map(VatRate::from).collect(),
    }))
}

/// Add a VAT rate.
#[utoipa::path(post, path = "/api/v1/vat-rates", tag = "vat-rates", operation_id = "vat_rate_create",
    request_body = VatRateRequest,
    responses((status = 201, body = VatRate), (status = 400, description = "Missing rate or label, or an invalid value")))]
async fn create(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppJson(body): AppJson<VatRateRequest>,
) -> Result<(StatusCode, Json<VatRate>), ApiError> {
    // The incumbent let any member change the rates; here it takes `settings.manage`.
    scope.require(Permission::SettingsManage)?;
    let row = ops::create(&state.db, &scope, body.changes(), state.now()).await?;
    Ok((StatusCode::CREATED, Json(row.into())))
}

/// Edit a VAT rate: only the fields given change.
#[utoipa::path(patch, path = "/api/v1/vat-rates/{id}", tag = "vat-rates", operation_id = "vat_rate_update",
    params(("id" = VatRateId, Path)), request_body = VatRateRequest,
    responses((status = 200, body = VatRate), (status = 400), (status = 404)))]
async fn update(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppPath(id): AppPath<VatRateId>,
    AppJson(body): AppJson<VatRateRequest>,
) -> Result<Json<VatRate>, ApiError> {
    // The incumbent let any member change the rates; here it takes `settings.manage`.
    scope.require(Permission::SettingsManage)?;
    let row = ops::update(&state.db, &scope, id, body.changes(), state.now()).await?;
    Ok(Json(row.into()))
}

/// Delete a VAT rate (invoice lines keep their own rate).
#[utoipa::path(delete, path = "/api/v1/vat-rates/{id}", tag = "vat-rates", operation_id = "vat_rate_delete",
    params(("id" = VatRateId, Path)), responses((status = 200, description = "`{message: \"VAT rate deleted.\"}`"), (status = 404)))]
async fn delete(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppPath(id): AppPath<VatRateId>,
) -> Result<Json<Value>, ApiError> {
    // The incumbent let any member change the rates; here it takes `settings.manage`.
    scope.require(Permission::SettingsManage)?;
    ops::delete(&state.db, &scope, id, state.now()).await?;
    Ok(Json(json!({ "message": "VAT rate deleted." })))
}

/// A VAT category (UNCL 5305) with the translation keys of its label and description.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct VatCategoryCode {
    pub code: &'static str,
    /// `vat_category.S.label`
    pub label_key: String,
    /// `vat_category.S.description`
    pub description_key: String,
    /// The English name of UNCL 5305, for clients without the translations.
    pub name: &'static str,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct VatCategoryCodeList {
    pub data: Vec<VatCategoryCode>,
}

/// The contract's order (S, Z, E, AE, K, L, O, M), then G (export), which invoice lines accept.
const CATEGORY_ORDER: [VatCategory; 9] = [
    VatCategory::S,
    VatCategory::Z,
    VatCategory::E,
    VatCategory::AE,
    VatCategory::K,
    VatCategory::L,
    VatCategory::O,
    VatCategory::M,
    VatCategory::G,
];

/// The VAT category codes. Needs a signed-in user, no company.
#[utoipa::path(get, path = "/api/v1/vat-category-codes", tag = "vat-rates", operation_id = "vat_category_codes",
    responses((status = 200, body = VatCategoryCodeList)))]
async fn category_codes(_principal: Principal) -> Json<VatCategoryCodeList> {
    let data = CATEGORY_ORDER
        .iter()
        .map(|c| VatCategoryCode {
            code: c.code(),
            label_key: format!("vat_category.{}.label", c.code()),
            description_key: format!("vat_category.{}.description", c.code()),
            name: c.name_en(),
        })
        .collect();
    Json(VatCategoryCodeList { data })
}
