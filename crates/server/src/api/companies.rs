//! Companies (api.md §5). No `X-Company` here: these routes address companies directly, within
//! the caller's organization and allowed companies.

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
use super::json::{AppJson, AppPath, CifIn, Flag, Patch};
use super::wire;
use crate::auth::Principal;
use crate::ids::CompanyId;
use crate::state::AppState;
use crate::store::bank_accounts::{self, BankAccountRow};
use crate::store::companies::{self, Company};
use crate::tenancy::Permission;
use crate::tenancy::companies::{self as ops, BankChange, CompanyChanges};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list, create))
        .routes(routes!(list_deleted))
        .routes(routes!(get, update, delete))
        .routes(routes!(restore))
        .routes(routes!(refresh_anaf))
        .routes(routes!(toggle_sync))
}

/// A company as the contract shows it (api.md §5: hand-built, `cif` an integer).
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct CompanyView {
    pub id: CompanyId,
    pub name: String,
    pub cif: i64,
    pub registration_number: Option<String>,
    pub vat_payer: bool,
    pub vat_code: Option<String>,
    pub address: Option<String>,
    pub city: Option<String>,
    /// County: ISO 3166-2:RO code without `RO-` for Romanian companies.
    pub state: Option<String>,
    pub country: String,
    pub postal_code: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub website: Option<String>,
    pub capital_social: Option<String>,
    pub vat_on_collection: bool,
    pub oss: bool,
    pub vat_in: Option<String>,
    pub eori_code: Option<String>,
    pub representative: Option<String>,
    pub representative_role: Option<String>,
    pub bank_name: Option<String>,
    pub bank_account: Option<String>,
    pub bank_bic: Option<String>,
    pub default_currency: String,
    pub sync_enabled: bool,
    #[serde(serialize_with = "wire::ts_opt")]
    #[schema(value_type = Option<String>, format = DateTime)]
    pub last_synced_at: Option<OffsetDateTime>,
    pub sync_days_back: i32,
    pub archive_enabled: bool,
    pub archive_retention_years: Option<i32>,
    pub efactura_delay_hours: Option<i32>,
    /// Ours: `storno` (an invoice with negative quantities, the default) or `credit_note` (a
    /// UBL CreditNote, type 381, with positive quantities).
    pub credit_note_style: &'static str,
    pub is_read_only: bool,
    pub enabled_modules: Option<Vec<String>>,
    #[serde(serialize_with = "wire::ts_opt")]
    #[schema(value_type = Option<String>, format = DateTime)]
    pub deleted_at: Option<OffsetDateTime>,
    #[serde(serialize_with = "wire::ts_opt")]
    #[schema(value_type = Option<String>, format = DateTime)]
    pub hard_delete_at: Option<OffsetDateTime>,
    pub stripe_connect: Option<Value>,
    /// Whether an ANAF e-Factura token is connected (issue #4).
    pub has_valid_token: bool,
}

impl CompanyView {
    pub fn new(c: Company, bank: Option<&BankAccountRow>) -> Self {
        CompanyView {
            id: c.id,
            name: c.name,
            cif: c.cif,
            registration_number: c.registration_number,
            vat_payer: c.vat_payer,
            vat_code: c.vat_code,
            address: c.address,
            city: c.city,
            state: c.county,
            country: c.country,
            postal_code: c.postal_code,
            phone: c.phone,
            email: c.email,
            website: c.website,
            capital_social: c.capital_social,
            vat_on_collection: c.vat_on_collection,
            oss: c.oss,
            vat_in: c.vat_in,
            eori_code: c.eori_code,
            representative: c.representative,
            representative_role: c.representative_role,
            bank_name: bank.and_then(|b| b.bank_name.clone()),
            bank_account: bank.map(|b| b.iban.clone()),
            bank_bic: bank.and_then(|b| b.bic.clone()),
            default_currency: c.default_currency,
            sync_enabled: c.sync_enabled,
            last_synced_at: c.last_synced_at,
            sync_days_back: c.sync_days_back,
            archive_enabled: c.archive_enabled,
            archive_retention_years: c.archive_retention_years,
            efactura_delay_hours: c.efactura_delay_hours,
            credit_note_style: c.credit_note_style.as_str(),
            is_read_only: c.is_read_only,
            enabled_modules: c.enabled_modules,
            deleted_at: c.deleted_at,
            hard_delete_at: c.hard_delete_at,
            stripe_connect: None,
            has_valid_token: false,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CompanyList {
    pub data: Vec<CompanyView>,
}

/// Whether the caller may see `company` (owners and admins see all; others their allowed ones).
fn visible(principal: &Principal, company: &Company) -> bool {
    let Some(m) = &principal.membership else {
        return false;
    };
    principal.user.is_admin
        || principal
            .role
            .is_some_and(crate::tenancy::Role::sees_all_companies)
        || m.allowed_companies.is_empty()
        || m.allowed_companies.contains(&company.id)
}

async fn views(
    state: &AppState,
    principal: &Principal,
    deleted: bool,
) -> Result<Vec<CompanyView>, ApiError> {
    let org = principal.org_id()?;
    let banks = bank_accounts::defaults_of_org(&state.db, org).await?;
    Ok(companies::list(&state.db, org, deleted)
        .await?
        .into_iter()
        .filter(|c| visible(principal, c))
        .map(|c| {
            let bank = banks.iter().find(|b| b.company_id == c.id);
            CompanyView::new(c, bank)
        })
        .collect())
}

async fn view(state: &AppState, company: Company) -> Result<CompanyView, ApiError> {
    let banks = bank_accounts::list(&state.db, company.id).await?;
    let bank = banks.iter().find(|b| b.is_default);
    Ok(CompanyView::new(company, bank))
}

/// A company of the caller's organization that they may see (deleted ones with `any`).
pub(super) async fn load(
    state: &AppState,
    principal: &Principal,
    id: CompanyId,
    any: bool,
) -> Result<Company, ApiError> {
    let org = principal.org_id()?;
    let found = if any {
        companies::get_any(&state.db, org, id).await?
    } else {
        companies::get(&state.db, org, id).await?
    };
    found
        .filter(|c| visible(principal, c))
        .ok_or(ApiError::NotFound("Company not found."))
}

/// The organization's companies.
#[utoipa::path(get, path = "/api/v1/companies", tag = "companies", operation_id = "company_list",
    responses((status = 200, body = CompanyList)))]
async fn list(
    State(state): State<AppState>,
    principal: Principal,
) -> Result<Json<CompanyList>, ApiError> {
    principal.require(Permission::CompanyView)?;
    Ok(Json(CompanyList {
        data: views(&state, &principal, false).await?,
    }))
}

/// Deleted companies still within their grace period.
#[utoipa::path(get, path = "/api/v1/companies/deleted", tag = "companies", operation_id = "company_list_deleted",
    responses((status = 200, body = CompanyList)))]
async fn list_deleted(
    State(state): State<AppState>,
    principal: Principal,
) -> Result<Json<CompanyList>, ApiError> {
    principal.require(Permission::CompanyView)?;
    Ok(Json(CompanyList {
        data: views(&state, &principal, true).await?,
    }))
}

/// Fields of a company. On create only `cif` is required; the rest is filled from ANAF's
/// registry unless given (`name` given means nothing is looked up).
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct CompanyRequest {
    pub cif: Option<CifIn>,
    pub name: Option<String>,
    #[serde(default)]
    #[schema(value_type = Option<String>)]
    pub registration_number: Patch<String>,
    pub vat_payer: Option<Flag>,
    #[serde(default)]
    #[schema(value_type = Option<String>)]
    pub vat_code: Patch<String>,
    pub vat_on_collection: Option<Flag>,
    pub oss: Option<Flag>,
    #[serde(default)]
    #[schema(value_type = Option<String>)]
    pub vat_in: Patch<String>,
    #[serde(default)]
    #[schema(value_type = Option<String>)]
    pub eori_code: Patch<String>,
    #[serde(default)]
    #[schema(value_type = Option<String>)]
    pub address: Patch<String>,
    #[serde(default)]
    #[schema(value_type = Option<String>)]
    pub city: Patch<String>,
    /// The county (ISO 3166-2:RO code or name for Romanian companies).
    #[serde(default, alias = "county")]
    #[schema(value_type = Option<String>)]
    pub state: Patch<String>,
    pub country: Option<String>,
    #[serde(default)]
    #[schema(value_type = Option<String>)]
    pub postal_code: Patch<String>,
    #[serde(default)]
    #[schema(value_type = Option<String>)]
    pub phone: Patch<String>,
    #[serde(default)]
    #[schema(value_type = Option<String>)]
    pub email: Patch<String>,
    #[serde(default)]
    #[schema(value_type = Option<String>)]
    pub website: Patch<String>,
    #[serde(default)]
    #[schema(value_type = Option<String>)]
    pub capital_social: Patch<String>,
    #[serde(default)]
    #[schema(value_type = Option<String>)]
    pub representative: Patch<String>,
    #[serde(default)]
    #[schema(value_type = Option<String>)]
    pub representative_role: Patch<String>,
    #[serde(default)]
    #[schema(value_type = Option<String>)]
    pub bank_name: Patch<String>,
    /// IBAN of the default bank account; `null` removes it.
    #[serde(default)]
    #[schema(value_type = Option<String>)]
    pub bank_account: Patch<String>,
    #[serde(default)]
    #[schema(value_type = Option<String>)]
    pub bank_bic: Patch<String>,
    pub default_currency: Option<String>,
    pub sync_days_back: Option<i32>,
    pub archive_enabled: Option<Flag>,
    #[serde(default)]
    #[schema(value_type = Option<i32>)]
    pub archive_retention_years: Patch<i32>,
    #[serde(default)]
    #[schema(value_type = Option<i32>)]
    pub efactura_delay_hours: Patch<i32>,
    /// Ours: `storno` or `credit_note`.
    pub credit_note_style: Option<String>,
    #[serde(default)]
    #[schema(value_type = Option<Vec<String>>)]
    pub enabled_modules: Patch<Vec<String>>,
}

impl CompanyRequest {
    fn changes(self) -> CompanyChanges {
        let bank = match self.bank_account {
            Patch::Absent => Patch::Absent,
            Patch::Null => Patch::Null,
            Patch::Value(iban) => Patch::Value(BankChange {
                iban,
                bank_name: self.bank_name.as_value().cloned(),
                bic: self.bank_bic.as_value().cloned(),
            }),
        };
        CompanyChanges {
            name: self.name,
            registration_number: self.registration_number,
            vat_payer: self.vat_payer.map(|f| f.0),
            vat_code: self.vat_code,
            vat_on_collection: self.vat_on_collection.map(|f| f.0),
            oss: self.oss.map(|f| f.0),
            vat_in: self.vat_in,
            eori_code: self.eori_code,
            address: self.address,
            city: self.city,
            county: self.state,
            country: self.country,
            postal_code: self.postal_code,
            phone: self.phone,
            email: self.email,
            website: self.website,
            capital_social: self.capital_social,
            representative: self.representative,
            representative_role: self.representative_role,
            default_currency: self.default_currency,
            sync_days_back: self.sync_days_back,
            archive_enabled: self.archive_enabled.map(|f| f.0),
            archive_retention_years: self.archive_retention_years,
            efactura_delay_hours: self.efactura_delay_hours,
            credit_note_style: self.credit_note_style,
            enabled_modules: self.enabled_modules,
            bank,
        }
    }
}

/// Add a company by its CIF; name, address and VAT status come from ANAF's registry.
#[utoipa::path(post, path = "/api/v1/companies", tag = "companies", operation_id = "company_create",
    request_body = CompanyRequest,
    responses((status = 201, body = CompanyView), (status = 404, description = "Company not found at ANAF"),
              (status = 409, description = "DUPLICATE_CIF"), (status = 503, description = "ANAF unavailable")))]
async fn create(
    State(state): State<AppState>,
    principal: Principal,
    AppJson(body): AppJson<CompanyRequest>,
) -> Result<(StatusCode, Json<CompanyView>), ApiError> {
    principal.require(Permission::CompanyCreate)?;
    let cif = body
        .cif
        .ok_or_else(|| ApiError::field("cif", "The CIF is required."))?
        .0;
    let company = ops::create(&state, &principal, cif, body.changes(), state.now()).await?;
    Ok((StatusCode::CREATED, Json(view(&state, company).await?)))
}

/// One company.
#[utoipa::path(get, path = "/api/v1/companies/{id}", tag = "companies", operation_id = "company_get",
    params(("id" = CompanyId, Path)), responses((status = 200, body = CompanyView), (status = 404)))]
async fn get(
    State(state): State<AppState>,
    principal: Principal,
    AppPath(id): AppPath<CompanyId>,
) -> Result<Json<CompanyView>, ApiError> {
    principal.require(Permission::CompanyView)?;
    let company = load(&state, &principal, id, false).await?;
    Ok(Json(view(&state, company).await?))
}

/// Edit a company. The CIF cannot change.
#[utoipa::path(patch, path = "/api/v1/companies/{id}", tag = "companies", operation_id = "company_update",
    params(("id" = CompanyId, Path)), request_body = CompanyRequest,
    responses((status = 200, body = CompanyView), (status = 422, description = "Invalid fields")))]
async fn update(
    State(state): State<AppState>,
    principal: Principal,
    AppPath(id): AppPath<CompanyId>,
    AppJson(body): AppJson<CompanyRequest>,
) -> Result<Json<CompanyView>, ApiError> {
    principal.require(Permission::CompanyEdit)?;
    let company = load(&state, &principal, id, false).await?;
    let company = ops::update(&state, &principal, company, body.changes(), state.now()).await?;
    Ok(Json(view(&state, company).await?))
}

/// Delete a company: it can be restored for 5 days, then it is purged with all its data.
#[utoipa::path(delete, path = "/api/v1/companies/{id}", tag = "companies", operation_id = "company_delete",
    params(("id" = CompanyId, Path)), responses((status = 200, description = "`{message, deletedAt, hardDeleteAt}`")))]
async fn delete(
    State(state): State<AppState>,
    principal: Principal,
    AppPath(id): AppPath<CompanyId>,
) -> Result<Json<Value>, ApiError> {
    principal.require(Permission::CompanyDelete)?;
    let company = load(&state, &principal, id, false).await?;
    let now = state.now();
    let purge_at = ops::delete(&state, &principal, &company, now).await?;
    Ok(Json(json!({
        "message": "Company deleted. It can be restored until the hard-delete date.",
        "deletedAt": wire::timestamp_text(now),
        "hardDeleteAt": wire::timestamp_text(purge_at),
    })))
}

/// Restore a deleted company within its grace period.
#[utoipa::path(post, path = "/api/v1/companies/{id}/restore", tag = "companies", operation_id = "company_restore",
    params(("id" = CompanyId, Path)), responses((status = 200, body = CompanyView), (status = 409, description = "Not deleted"), (status = 410, description = "Grace period over")))]
async fn restore(
    State(state): State<AppState>,
    principal: Principal,
    AppPath(id): AppPath<CompanyId>,
) -> Result<Json<CompanyView>, ApiError> {
    principal.require(Permission::CompanyDelete)?;
    let company = load(&state, &principal, id, true).await?;
    let company = ops::restore(&state, &principal, company, state.now()).await?;
    Ok(Json(view(&state, company).await?))
}

/// Refill name, address and VAT status from ANAF's registry (at most once an hour).
#[utoipa::path(post, path = "/api/v1/companies/{id}/refresh-anaf", tag = "companies", operation_id = "company_refresh_anaf",
    params(("id" = CompanyId, Path)), responses((status = 200, body = CompanyView), (status = 429, description = "Refreshed less than an hour ago")))]
async fn refresh_anaf(
    State(state): State<AppState>,
    principal: Principal,
    AppPath(id): AppPath<CompanyId>,
) -> Result<Json<CompanyView>, ApiError> {
    principal.require(Permission::CompanyEdit)?;
    let company = load(&state, &principal, id, false).await?;
    let company = ops::refresh(&state, &principal, company, state.now()).await?;
    Ok(Json(view(&state, company).await?))
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct SyncToggled {
    pub sync_enabled: bool,
    pub message: String,
}

/// Turn the scheduled e-Factura sync of the company on or off. Turning it on needs a company
/// that can reach ANAF (422 `NO_TOKEN`).
#[utoipa::path(post, path = "/api/v1/companies/{id}/toggle-sync", tag = "companies", operation_id = "company_toggle_sync",
    params(("id" = CompanyId, Path)), responses((status = 200, body = SyncToggled), (status = 422, description = "`{error, code: NO_TOKEN}`")))]
async fn toggle_sync(
    State(state): State<AppState>,
    principal: Principal,
    AppPath(id): AppPath<CompanyId>,
) -> Result<Json<SyncToggled>, ApiError> {
    principal.require(Permission::CompanyEdit)?;
    let company = load(&state, &principal, id, false).await?;
    let enabled =
        crate::efactura::trigger::toggle(&state, &principal, &company, state.now()).await?;
    let message = if enabled {
        "The e-Factura sync is on."
    } else {
        "The e-Factura sync is off."
    };
    Ok(Json(SyncToggled {
        sync_enabled: enabled,
        message: message.into(),
    }))
}
