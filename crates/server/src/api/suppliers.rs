//! Suppliers (api.md §7): the company's sellers, mostly written by the ANAF sync. Permissions
//! are the clients' (`client.*`), as in the incumbent. Amounts are decimal strings.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use time::{Date, OffsetDateTime};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::bulk::{Deleted, Ids};
use super::clients::shapes::{CodeIn, InvoiceRefView, name_change};
use super::error::ApiError;
use super::json::{AppJson, AppPath, AppQuery, Flag, Patch};
use super::page::{Page, PageMeta, PageQuery};
use super::wire;
use crate::ids::SupplierId;
use crate::partners::suppliers::{self as ops, Created, SupplierChanges};
use crate::state::AppState;
use crate::store::party_invoices::{self, Party, Sort};
use crate::store::suppliers::{self, SupplierFilter, SupplierListRow, SupplierRow};
use crate::tenancy::{CompanyScope, Permission};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list, create))
        .routes(routes!(get, update, delete))
        .routes(routes!(bulk_delete))
}

const NOT_FOUND: ApiError = ApiError::NotFound("Supplier not found.");

async fn load(
    state: &AppState,
    scope: &CompanyScope,
    id: SupplierId,
) -> Result<SupplierRow, ApiError> {
    suppliers::get(&state.db, scope.id(), id)
        .await?
        .ok_or(NOT_FOUND)
}

/// A supplier (§25.5, `supplier:detail`).
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct SupplierView {
    pub id: SupplierId,
    pub name: String,
    /// Digits without `RO` for a Romanian supplier; a foreign id without its VAT prefix.
    pub cif: Option<String>,
    pub vat_code: Option<String>,
    pub is_vat_payer: bool,
    pub registration_number: Option<String>,
    pub address: Option<String>,
    pub city: Option<String>,
    /// ISO 3166-2:RO code without `RO-` for Romanian suppliers.
    pub county: Option<String>,
    pub country: String,
    pub postal_code: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub bank_name: Option<String>,
    pub bank_account: Option<String>,
    pub notes: Option<String>,
    /// `manual` for suppliers created through the API.
    pub source: String,
    #[serde(serialize_with = "wire::ts_opt")]
    #[schema(value_type = Option<String>, format = DateTime)]
    pub last_synced_at: Option<OffsetDateTime>,
}

impl From<SupplierRow> for SupplierView {
    fn from(s: SupplierRow) -> Self {
        SupplierView {
            id: s.id,
            name: s.name,
            cif: s.cif,
            vat_code: s.vat_code,
            is_vat_payer: s.is_vat_payer,
            registration_number: s.registration_number,
            address: s.address,
            city: s.city,
            county: s.county,
            country: s.country,
            postal_code: s.postal_code,
            email: s.email,
            phone: s.phone,
            bank_name: s.bank_name,
            bank_account: s.bank_account,
            notes: s.notes,
            source: s.source,
            last_synced_at: s.last_synced_at.map(|t| t.0),
        }
    }
}

/// A row of the supplier list (api.md §7).
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct SupplierListItem {
    pub id: SupplierId,
    pub name: String,
    pub cif: Option<String>,
    pub vat_code: Option<String>,
    pub is_vat_payer: bool,
    pub address: Option<String>,
    pub city: Option<String>,
    pub country: String,
    pub email: Option<String>,
    #[serde(serialize_with = "wire::ts_opt")]
    #[schema(value_type = Option<String>, format = DateTime)]
    pub last_synced_at: Option<OffsetDateTime>,
    pub source: String,
    #[serde(serialize_with = "wire::ts")]
    #[schema(value_type = String, format = DateTime)]
    pub created_at: OffsetDateTime,
    /// Invoices that count: neither deleted nor cancelled.
    pub invoice_count: i64,
    /// Their total as a decimal string (`"1190.00"`), currencies added as they are.
    pub invoice_total: String,
    #[serde(serialize_with = "wire::date_opt")]
    #[schema(value_type = Option<String>, format = Date)]
    pub last_invoice_date: Option<Date>,
}

impl From<SupplierListRow> for SupplierListItem {
    fn from(r: SupplierListRow) -> Self {
        let s = r.supplier;
        SupplierListItem {
            id: s.id,
            name: s.name,
            cif: s.cif,
            vat_code: s.vat_code,
            is_vat_payer: s.is_vat_payer,
            address: s.address,
            city: s.city,
            country: s.country,
            email: s.email,
            last_synced_at: s.last_synced_at.map(|t| t.0),
            source: s.source,
            created_at: s.created_at.0,
            invoice_count: r.invoice_count,
            invoice_total: wire::amount(r.invoice_total),
            last_invoice_date: r.last_invoice_date,
        }
    }
}

/// The supplier list envelope (api.md §1.5, plus `pages`).
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct SupplierList {
    pub data: Vec<SupplierListItem>,
    #[serde(flatten)]
    pub page: PageMeta,
    /// The company's default currency.
    pub currency: String,
    /// Whether some supplier invoice is in another currency than `currency`.
    pub has_foreign_currencies: bool,
}

/// The supplier list's query (api.md §7); unknown keys are ignored.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct SupplierListQuery {
    pub page: Option<i64>,
    pub limit: Option<i64>,
    /// Part of the name, CIF, VAT code or e-mail, any case.
    pub search: Option<String>,
    /// As for clients: `name`, `createdAt`, `invoiceCount`, `invoiceTotal`, `lastInvoiceDate`,
    /// `-` for descending.
    pub sort: Option<String>,
    pub vat_payer: Option<bool>,
    pub has_invoices: Option<bool>,
    pub source: Option<String>,
}

impl SupplierListQuery {
    fn filter(self) -> SupplierFilter {
        let text = |s: Option<String>| s.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty());
        SupplierFilter {
            search: text(self.search),
            vat_payer: self.vat_payer,
            has_invoices: self.has_invoices,
            source: text(self.source),
        }
    }
}

/// The company's live suppliers, a page at a time.
#[utoipa::path(get, path = "/api/v1/suppliers", tag = "suppliers", operation_id = "supplier_list",
    params(SupplierListQuery), responses((status = 200, body = SupplierList)))]
async fn list(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppQuery(q): AppQuery<SupplierListQuery>,
) -> Result<Json<SupplierList>, ApiError> {
    scope.require(Permission::ClientView)?;
    let page = Page::new(q.page, q.limit);
    let sort = q.sort.as_deref().and_then(Sort::parse).unwrap_or_default();
    let (rows, total) = suppliers::list(&state.db, scope.id(), &q.filter(), page, sort).await?;
    let currency = scope.company.default_currency.clone();
    Ok(Json(SupplierList {
        data: rows.into_iter().map(SupplierListItem::from).collect(),
        page: page.meta(total),
        has_foreign_currencies: suppliers::has_other_currencies(&state.db, scope.id(), &currency)
            .await?,
        currency,
    }))
}

/// Fields of a supplier (api.md §7). On edit, absent fields stay and `null` clears.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct SupplierRequest {
    #[serde(default)]
    #[schema(value_type = Option<String>)]
    pub name: Patch<String>,
    /// CIF: digits for a Romanian supplier (`RO` marks a VAT payer), an EU VAT number (fills
    /// `vatCode` and `country`), or another country's tax id.
    #[serde(default)]
    #[schema(value_type = Option<CodeIn>)]
    pub cif: Patch<CodeIn>,
    #[serde(default)]
    #[schema(value_type = Option<String>)]
    pub vat_code: Patch<String>,
    pub is_vat_payer: Option<Flag>,
    #[serde(default)]
    #[schema(value_type = Option<String>)]
    pub registration_number: Patch<String>,
    #[serde(default)]
    #[schema(value_type = Option<String>)]
    pub address: Patch<String>,
    #[serde(default)]
    #[schema(value_type = Option<String>)]
    pub city: Patch<String>,
    #[serde(default)]
    #[schema(value_type = Option<String>)]
    pub county: Patch<String>,
    pub country: Option<String>,
    #[serde(default)]
    #[schema(value_type = Option<String>)]
    pub postal_code: Patch<String>,
    #[serde(default)]
    #[schema(value_type = Option<String>)]
    pub email: Patch<String>,
    #[serde(default)]
    #[schema(value_type = Option<String>)]
    pub phone: Patch<String>,
    #[serde(default)]
    #[schema(value_type = Option<String>)]
    pub bank_name: Patch<String>,
    #[serde(default)]
    #[schema(value_type = Option<String>)]
    pub bank_account: Patch<String>,
    #[serde(default)]
    #[schema(value_type = Option<String>)]
    pub notes: Patch<String>,
}

impl SupplierRequest {
    fn changes(self) -> SupplierChanges {
        SupplierChanges {
            name: name_change(self.name),
            cif: self.cif.map(|c| c.0),
            vat_code: self.vat_code,
            is_vat_payer: self.is_vat_payer.map(|f| f.0),
            registration_number: self.registration_number,
            address: self.address,
            city: self.city,
            county: self.county,
            country: self.country,
            postal_code: self.postal_code,
            email: self.email,
            phone: self.phone,
            bank_name: self.bank_name,
            bank_account: self.bank_account,
            notes: self.notes,
        }
    }
}

/// `{supplier}`, plus `existing: true` when a live supplier had the CIF already.
#[derive(Debug, Serialize, ToSchema)]
pub struct SupplierReply {
    pub supplier: SupplierView,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub existing: Option<bool>,
}

impl SupplierReply {
    fn of(supplier: SupplierRow) -> Json<SupplierReply> {
        Json(SupplierReply {
            supplier: supplier.into(),
            existing: None,
        })
    }
}

/// Add a supplier.
#[utoipa::path(post, path = "/api/v1/suppliers", tag = "suppliers", operation_id = "supplier_create",
    request_body = SupplierRequest,
    responses((status = 201, body = SupplierReply), (status = 200, body = SupplierReply, description = "A live supplier has this CIF"),
              (status = 422, description = "`{errors: [{key, message}]}`")))]
async fn create(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppJson(body): AppJson<SupplierRequest>,
) -> Result<(StatusCode, Json<SupplierReply>), ApiError> {
    scope.require(Permission::ClientCreate)?;
    Ok(
        match ops::create(&state, &scope, body.changes(), state.now()).await? {
            Created::New(s) => (StatusCode::CREATED, SupplierReply::of(*s)),
            Created::Existing(s) => {
                let reply = SupplierReply {
                    supplier: (*s).into(),
                    existing: Some(true),
                };
                (StatusCode::OK, Json(reply))
            }
        },
    )
}

/// `{supplier, invoiceHistory, invoiceCount, invoiceTotal}` (as for clients).
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct SupplierDetail {
    pub supplier: SupplierView,
    /// All invoices but deleted ones, newest first, paged by `page`/`limit`.
    pub invoice_history: Vec<InvoiceRefView>,
    /// How many invoices are neither deleted nor cancelled.
    pub invoice_count: i64,
    /// Their total as a decimal string.
    pub invoice_total: String,
}

/// One supplier with its invoices.
#[utoipa::path(get, path = "/api/v1/suppliers/{id}", tag = "suppliers", operation_id = "supplier_get",
    params(("id" = SupplierId, Path), ("page" = Option<i64>, Query), ("limit" = Option<i64>, Query)),
    responses((status = 200, body = SupplierDetail), (status = 404)))]
async fn get(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppPath(id): AppPath<SupplierId>,
    AppQuery(q): AppQuery<PageQuery>,
) -> Result<Json<SupplierDetail>, ApiError> {
    scope.require(Permission::ClientView)?;
    let supplier = load(&state, &scope, id).await?;
    let party = Party::Supplier(id);
    let summary = party_invoices::summary(&state.db, scope.id(), party).await?;
    let history = party_invoices::history(&state.db, scope.id(), party, q.page()).await?;
    Ok(Json(SupplierDetail {
        supplier: supplier.into(),
        invoice_history: history.into_iter().map(InvoiceRefView::from).collect(),
        invoice_count: summary.count,
        invoice_total: wire::amount(summary.total),
    }))
}

/// Edit a supplier.
#[utoipa::path(patch, path = "/api/v1/suppliers/{id}", tag = "suppliers", operation_id = "supplier_update",
    params(("id" = SupplierId, Path)), request_body = SupplierRequest,
    responses((status = 200, body = SupplierReply), (status = 404), (status = 422, description = "`{errors: [{key, message}]}`")))]
async fn update(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppPath(id): AppPath<SupplierId>,
    AppJson(body): AppJson<SupplierRequest>,
) -> Result<Json<SupplierReply>, ApiError> {
    scope.require(Permission::ClientEdit)?;
    let supplier = load(&state, &scope, id).await?;
    let supplier = ops::update(&state, &scope, supplier, body.changes(), state.now()).await?;
    Ok(SupplierReply::of(supplier))
}

/// Delete a supplier (soft: its invoices keep it).
#[utoipa::path(delete, path = "/api/v1/suppliers/{id}", tag = "suppliers", operation_id = "supplier_delete",
    params(("id" = SupplierId, Path)), responses((status = 200, description = "`{message: \"Supplier deleted.\"}`"), (status = 404)))]
async fn delete(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppPath(id): AppPath<SupplierId>,
) -> Result<Json<Value>, ApiError> {
    scope.require(Permission::ClientDelete)?;
    if ops::delete(&state, &scope, id, state.now()).await? {
        Ok(Json(json!({ "message": "Supplier deleted." })))
    } else {
        Err(NOT_FOUND)
    }
}

/// Delete up to 100 suppliers; the ones not found are listed in `errors`.
#[utoipa::path(post, path = "/api/v1/suppliers/bulk-delete", tag = "suppliers", operation_id = "supplier_bulk_delete",
    request_body = Ids,
    responses((status = 200, body = Deleted), (status = 400, description = "Not 1 to 100 ids")))]
async fn bulk_delete(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppJson(body): AppJson<Ids>,
) -> Result<Json<Deleted>, ApiError> {
    scope.require(Permission::ClientDelete)?;
    let outcome = ops::bulk_delete(&state, &scope, body.ids, state.now()).await?;
    Ok(Json(outcome.into()))
}
