//! Invoices (api.md §12): list, create, get, update (PUT), delete, issue, cancel, restore,
//! validate, history. Credit notes are invoices with `documentType: credit_note` (§13).

mod credit_api;
mod email_api;
mod pdf_api;
mod submissions_api;
mod views;

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub use views::{InvoiceDetail, InvoiceListItem, LineView, SeriesRef};
use views::{Related, VatGroupView};

use super::error::ApiError;
use super::json::{AppJson, AppPath, AppQuery, DateIn, Flag, Num};
use super::page::{Page, PageMeta};
use super::wire;
use crate::documents::checks::{self, Report};
use crate::documents::input::InvoiceInput;
use crate::documents::{calendar, draft, issue as issuing, lifecycle, save, validation};
use crate::efactura::incoming;
use crate::ids::{ClientId, InvoiceId, SupplierId};
use crate::state::AppState;
use crate::store::invoice_list::{self, InvoiceFilter, SortBy};
use crate::store::invoices::{InvoiceRecord, LineRecord};
use crate::store::{
    clients, efactura_messages, invoice_xml, invoices, payments, series, submissions, suppliers,
    trade_documents,
};
use crate::tenancy::{CompanyScope, Permission};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list, create))
        .routes(routes!(get, update, delete))
        .routes(routes!(issue))
        .routes(routes!(cancel))
        .routes(routes!(restore))
        .routes(routes!(validate))
        .routes(routes!(xml))
        .routes(routes!(events))
        .merge(submissions_api::router())
        .merge(pdf_api::router())
        .merge(email_api::router())
        .merge(credit_api::router())
}

/// The statuses an invoice can have (api.md §27).
const STATUSES: &[&str] = &[
    "draft",
    "synced",
    "issued",
    "sent_to_provider",
    "validated",
    "rejected",
    "cancelled",
    "paid",
    "partially_paid",
    "overdue",
    "converted",
    "refund",
    "refunded",
];

#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct ListQuery {
    page: Option<i64>,
    limit: Option<i64>,
    /// Number, buyer or seller name or CIF.
    search: Option<String>,
    status: Option<String>,
    direction: Option<String>,
    /// `invoice` or `credit_note`.
    #[serde(rename = "type")]
    #[param(rename = "type")]
    document_type: Option<String>,
    client_id: Option<ClientId>,
    supplier_id: Option<SupplierId>,
    /// Issue date from (inclusive); `from` is accepted too.
    #[serde(alias = "from")]
    date_from: Option<DateIn>,
    /// Issue date to (inclusive); `to` is accepted too.
    #[serde(alias = "to")]
    date_to: Option<DateIn>,
    currency: Option<String>,
    is_paid: Option<Flag>,
    is_overdue: Option<Flag>,
    is_duplicate: Option<Flag>,
    is_late_submission: Option<Flag>,
    total_min: Option<Num>,
    total_max: Option<Num>,
    vat_total_min: Option<Num>,
    vat_total_max: Option<Num>,
    /// number, issueDate (default), total, status, direction, createdAt.
    sort: Option<String>,
    /// asc or desc (default).
    order: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ListTotalsView {
    pub subtotal: String,
    pub vat_total: String,
    pub total: String,
    pub receivable: String,
    pub payable: String,
}

/// The list envelope (api.md §1.5, plus `pages`).
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct InvoiceList {
    pub data: Vec<InvoiceListItem>,
    #[serde(flatten)]
    pub page: PageMeta,
    /// The currency `totals` are in: the `currency` filter, else the company's.
    pub currency: String,
    pub distinct_currencies: Vec<String>,
    pub totals: ListTotalsView,
}

fn minor_bound(n: Option<Num>, key: &str) -> Result<Option<i64>, ApiError> {
    n.map(|n| {
        einvoice::money::to_minor(einvoice::money::round2(n.0))
            .ok_or_else(|| ApiError::bad_request(format!("'{key}' is out of range.")))
    })
    .transpose()
}

fn filter_of(q: &ListQuery, today: time::Date) -> Result<InvoiceFilter, ApiError> {
    if let Some(s) = &q.status
        && !STATUSES.contains(&s.as_str())
    {
        return Err(ApiError::bad_request(format!("Unknown status '{s}'.")));
    }
    Ok(InvoiceFilter {
        search: q.search.clone(),
        status: q.status.clone(),
        direction: q.direction.clone(),
        document_type: q.document_type.clone(),
        client_id: q.client_id,
        supplier_id: q.supplier_id,
        date_from: q.date_from.map(|d| d.0),
        date_to: q.date_to.map(|d| d.0),
        currency: q.currency.as_ref().map(|c| c.to_ascii_uppercase()),
        is_paid: q.is_paid.map(|f| f.0),
        overdue_on: q.is_overdue.filter(|f| f.0).map(|_| today),
        total_min: minor_bound(q.total_min, "totalMin")?,
        total_max: minor_bound(q.total_max, "totalMax")?,
        vat_total_min: minor_bound(q.vat_total_min, "vatTotalMin")?,
        vat_total_max: minor_bound(q.vat_total_max, "vatTotalMax")?,
        // No invoice is a duplicate or late submission until ANAF sync exists (issue #4).
        nothing: q.is_duplicate.is_some_and(|f| f.0) || q.is_late_submission.is_some_and(|f| f.0),
    })
}

/// The company's invoices, filtered, sorted and paged, with totals.
#[utoipa::path(get, path = "/api/v1/invoices", tag = "invoices", operation_id = "invoice_list",
    params(ListQuery), responses((status = 200, body = InvoiceList)))]
async fn list(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppQuery(q): AppQuery<ListQuery>,
) -> Result<Json<InvoiceList>, ApiError> {
    scope.require(Permission::InvoiceView)?;
    let page = Page::new(q.page, q.limit);
    let filter = filter_of(&q, calendar::bucharest_today(state.now()))?;
    let sort = SortBy::parse(q.sort.as_deref().unwrap_or("issueDate"));
    let descending = !q
        .order
        .as_deref()
        .is_some_and(|o| o.eq_ignore_ascii_case("asc"));
    let currency = filter
        .currency
        .clone()
        .unwrap_or_else(|| scope.company.default_currency.clone());
    let rows = invoice_list::page(
        &state.db,
        scope.id(),
        &filter,
        sort,
        descending,
        page.limit,
        page.offset(),
    )
    .await?;
    let t = invoice_list::totals(&state.db, scope.id(), &filter, &currency).await?;
    Ok(Json(InvoiceList {
        data: rows
            .into_iter()
            .map(|row| InvoiceListItem::new(row, state.now()))
            .collect(),
        page: page.meta(t.count),
        currency,
        distinct_currencies: invoice_list::currencies(&state.db, scope.id()).await?,
        totals: ListTotalsView {
            subtotal: wire::amount(t.subtotal),
            vat_total: wire::amount(t.vat_total),
            total: wire::amount(t.total),
            receivable: wire::amount(t.receivable),
            payable: wire::amount(t.payable),
        },
    }))
}

/// `{invoice, validation}`: what create and update answer.
#[derive(Debug, Serialize, ToSchema)]
pub struct InvoiceSaved {
    pub invoice: InvoiceDetail,
    pub validation: Report,
}

async fn saved(
    state: &AppState,
    scope: &CompanyScope,
    id: InvoiceId,
) -> Result<InvoiceSaved, ApiError> {
    let (invoice, validation) = load(state, scope, id).await?;
    Ok(InvoiceSaved {
        invoice,
        validation,
    })
}

/// Create a draft invoice or credit note.
#[utoipa::path(post, path = "/api/v1/invoices", tag = "invoices", operation_id = "invoice_create",
    request_body = InvoiceInput,
    responses((status = 201, body = InvoiceSaved), (status = 400, description = "`{error, errors[]}` naming each wrong field")))]
async fn create(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppJson(body): AppJson<InvoiceInput>,
) -> Result<(StatusCode, Json<InvoiceSaved>), ApiError> {
    scope.require(Permission::InvoiceCreate)?;
    let (id, _) = save::create(&state, &scope, body, state.now()).await?;
    Ok((StatusCode::CREATED, Json(saved(&state, &scope, id).await?)))
}

/// One invoice with its lines, totals and VAT breakdown.
#[utoipa::path(get, path = "/api/v1/invoices/{id}", tag = "invoices", operation_id = "invoice_get",
    params(("id" = InvoiceId, Path)), responses((status = 200, body = InvoiceDetail), (status = 404)))]
async fn get(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppPath(id): AppPath<InvoiceId>,
) -> Result<Json<InvoiceDetail>, ApiError> {
    scope.require(Permission::InvoiceView)?;
    Ok(Json(load(&state, &scope, id).await?.0))
}

/// Change an invoice: only the keys sent change (`lines` replaces all lines). Send `version` to
/// refuse the change (409) if someone else changed it since you read it. Drafts, issued
/// invoices not yet at ANAF and invoices ANAF rejected can change; an issued one keeps its
/// number and series and its XML is generated again (422 with the report when not valid).
#[utoipa::path(put, path = "/api/v1/invoices/{id}", tag = "invoices", operation_id = "invoice_update",
    params(("id" = InvoiceId, Path)), request_body = InvoiceInput,
    responses((status = 200, body = InvoiceSaved), (status = 409, description = "Changed meanwhile"), (status = 422, description = "Not editable in its status, or not valid once issued")))]
async fn update(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppPath(id): AppPath<InvoiceId>,
    AppJson(body): AppJson<Value>,
) -> Result<Json<InvoiceSaved>, ApiError> {
    scope.require(Permission::InvoiceEdit)?;
    let Value::Object(patch) = body else {
        return Err(ApiError::bad_request("The body must be a JSON object."));
    };
    save::update(&state, &scope, id, patch, state.now()).await?;
    Ok(Json(saved(&state, &scope, id).await?))
}

/// Delete a draft or cancelled invoice.
#[utoipa::path(delete, path = "/api/v1/invoices/{id}", tag = "invoices", operation_id = "invoice_delete",
    params(("id" = InvoiceId, Path)), responses((status = 204), (status = 422, description = "Neither draft nor cancelled")))]
async fn delete(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppPath(id): AppPath<InvoiceId>,
) -> Result<StatusCode, ApiError> {
    scope.require(Permission::InvoiceDelete)?;
    lifecycle::delete(&state, &scope, id, state.now()).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Issued {
    pub status: String,
    pub number: String,
    pub efactura_delay_hours: Option<i32>,
    pub scheduled_send_at: Option<String>,
}

/// Issue a draft: it takes the next number of its series and can no longer be edited.
#[utoipa::path(post, path = "/api/v1/invoices/{id}/issue", tag = "invoices", operation_id = "invoice_issue",
    params(("id" = InvoiceId, Path)),
    responses((status = 200, body = Issued), (status = 422, description = "Not valid (`{error, valid, errors, warnings}`) or not a draft")))]
async fn issue(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppPath(id): AppPath<InvoiceId>,
) -> Result<Json<Issued>, ApiError> {
    scope.require(Permission::InvoiceIssue)?;
    let done = issuing::issue(&state, &scope, id, state.now()).await?;
    Ok(Json(Issued {
        status: done.status,
        number: done.number,
        efactura_delay_hours: done.efactura_delay_hours,
        scheduled_send_at: done.scheduled_send_at.map(wire::timestamp_text),
    }))
}

#[derive(Debug, Default, Deserialize, ToSchema)]
pub struct CancelRequest {
    pub reason: Option<String>,
}

/// Cancel a draft or an issued invoice not yet sent to ANAF (it keeps its number).
#[utoipa::path(post, path = "/api/v1/invoices/{id}/cancel", tag = "invoices", operation_id = "invoice_cancel",
    params(("id" = InvoiceId, Path)), request_body = CancelRequest, responses((status = 200, body = InvoiceDetail), (status = 422)))]
async fn cancel(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppPath(id): AppPath<InvoiceId>,
    AppJson(body): AppJson<CancelRequest>,
) -> Result<Json<InvoiceDetail>, ApiError> {
    scope.require(Permission::InvoiceCancel)?;
    lifecycle::cancel(&state, &scope, id, body.reason.as_deref(), state.now()).await?;
    Ok(Json(load(&state, &scope, id).await?.0))
}

/// Turn a cancelled invoice back into a draft (an issued one keeps its number).
#[utoipa::path(post, path = "/api/v1/invoices/{id}/restore", tag = "invoices", operation_id = "invoice_restore",
    params(("id" = InvoiceId, Path)), responses((status = 200, body = InvoiceDetail), (status = 422)))]
async fn restore(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppPath(id): AppPath<InvoiceId>,
) -> Result<Json<InvoiceDetail>, ApiError> {
    scope.require(Permission::InvoiceEdit)?;
    lifecycle::restore(&state, &scope, id, state.now()).await?;
    Ok(Json(load(&state, &scope, id).await?.0))
}

/// Check an invoice against everything ANAF checks: Facturo's pre-checks, then the UBL schema,
/// EN 16931 and CIUS-RO on its UBL (the stored XML once issued; for a draft, the XML it would
/// have if issued now). Each finding names the API field to fix where there is one. The
/// body's `mode` (`quick` or `full`) is accepted for compatibility; both run every rule.
#[utoipa::path(post, path = "/api/v1/invoices/{id}/validate", tag = "invoices", operation_id = "invoice_validate",
    params(("id" = InvoiceId, Path)), responses((status = 200, body = Report)))]
async fn validate(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppPath(id): AppPath<InvoiceId>,
) -> Result<Json<Report>, ApiError> {
    scope.require(Permission::InvoiceView)?;
    let (record, lines) = record_and_lines(&state, &scope, id).await?;
    Ok(Json(
        validation::report(&state, &scope, &record, &lines).await?,
    ))
}

/// The invoice's UBL 2.1 (CIUS-RO) XML: as issued, or, for a draft, as it would be issued now.
#[utoipa::path(get, path = "/api/v1/invoices/{id}/xml", tag = "invoices", operation_id = "invoice_xml",
    params(("id" = InvoiceId, Path)),
    responses((status = 200, content_type = "application/xml", description = "UBL 2.1 Invoice"), (status = 404)))]
async fn xml(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppPath(id): AppPath<InvoiceId>,
) -> Result<Response, ApiError> {
    scope.require(Permission::InvoiceView)?;
    let (record, lines) = record_and_lines(&state, &scope, id).await?;
    let xml = validation::xml_of(&state, &scope, &record, &lines).await?;
    let filename = format!(
        "invoice-{}.xml",
        record.number.replace(['"', '/', '\\'], "_")
    );
    Ok(wire::attachment("application/xml", &filename, xml))
}

async fn record_and_lines(
    state: &AppState,
    scope: &CompanyScope,
    id: InvoiceId,
) -> Result<(InvoiceRecord, Vec<LineRecord>), ApiError> {
    let record = invoices::get(&state.db, scope.id(), id)
        .await?
        .ok_or(ApiError::NotFound("Invoice not found."))?;
    let lines = invoices::lines(&state.db, id).await?;
    Ok((record, lines))
}

/// The invoice's history: every recorded change, oldest first.
#[utoipa::path(get, path = "/api/v1/invoices/{id}/events", tag = "invoices", operation_id = "invoice_events",
    params(("id" = InvoiceId, Path)), responses((status = 200, description = "`[{id, previousStatus, newStatus, metadata, createdAt, createdBy}]`")))]
async fn events(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppPath(id): AppPath<InvoiceId>,
) -> Result<Response, ApiError> {
    scope.require(Permission::InvoiceView)?;
    invoices::get(&state.db, scope.id(), id)
        .await?
        .ok_or(ApiError::NotFound("Invoice not found."))?;
    let mut previous: Option<String> = None;
    let history: Vec<Value> = invoices::history(&state.db, scope.id(), id)
        .await?
        .into_iter()
        .map(|e| {
            // A payment's event leaves the status as it was.
            let status = e.payload.0["status"]
                .as_str()
                .map(str::to_owned)
                .or_else(|| previous.clone());
            let entry = json!({
                "id": e.id, "event": e.kind, "previousStatus": previous, "newStatus": status,
                "metadata": e.payload.0, "createdAt": wire::timestamp_text(e.created_at.0), "createdBy": e.actor_email,
            });
            previous = status;
            entry
        })
        .collect();
    Ok(Json(history).into_response())
}

/// A document's series as details embed it (`{id, prefix, nextNumber}`).
pub async fn series_ref(
    state: &AppState,
    scope: &CompanyScope,
    id: Option<crate::ids::SeriesId>,
) -> Result<Option<SeriesRef>, ApiError> {
    let Some(id) = id else { return Ok(None) };
    Ok(series::get(&state.db, scope.id(), id)
        .await?
        .map(|s| SeriesRef {
            id: s.id,
            next_number: s.next_number(),
            prefix: s.prefix,
        }))
}

/// The detail of an invoice (what creating one from a proforma or delivery notes answers).
pub async fn detail_of(
    state: &AppState,
    scope: &CompanyScope,
    id: InvoiceId,
) -> Result<InvoiceDetail, ApiError> {
    Ok(load(state, scope, id).await?.0)
}

/// The detail of an invoice and its check report.
async fn load(
    state: &AppState,
    scope: &CompanyScope,
    id: InvoiceId,
) -> Result<(InvoiceDetail, Report), ApiError> {
    let record = invoices::get(&state.db, scope.id(), id)
        .await?
        .ok_or(ApiError::NotFound("Invoice not found."))?;
    let lines = invoices::lines(&state.db, id).await?;
    let report = checks::check(&record, &lines, &scope.company);
    let client = match record.client_id {
        Some(c) => clients::get(&state.db, scope.id(), c)
            .await?
            .as_ref()
            .map(crate::documents::buyer::Buyer::from),
        None => None,
    };
    let series = series_ref(state, scope, record.series_id).await?;
    let parent = match record.parent_document_id {
        Some(p) => invoices::get(&state.db, scope.id(), p)
            .await?
            .map(|p| (p.number, p.issue_date)),
        None => None,
    };
    let supplier = match record.supplier_id {
        Some(s) => suppliers::get(&state.db, scope.id(), s)
            .await?
            .map(|s| supplier_detail(&s)),
        None => None,
    };
    // An incoming invoice's breakdown is its XML's, as issued by its supplier.
    let source = if record.direction == "incoming" {
        efactura_messages::source_of(&state.db, scope.id(), id).await?
    } else {
        None
    };
    let vat_breakdown = if record.direction == "incoming" {
        incoming_breakdown(state, scope, id).await?
    } else {
        computed_breakdown(&record, &lines, scope)
    };
    // Only an issued invoice can have been refunded: a draft skips the lookup.
    let refunds = if record.status == "draft" {
        Vec::new()
    } else {
        invoices::children(&state.db, scope.id(), id)
            .await?
            .iter()
            .map(|child| InvoiceListItem::of(child, state.now()))
            .collect()
    };
    let submission = if record.status == "draft" {
        None
    } else {
        submissions::latest_for_invoice(&state.db, scope.id(), id).await?
    };
    let related = Related {
        lines,
        client,
        series,
        parent,
        vat_breakdown,
        refunds,
        submission,
        source,
        supplier,
        payments: payments::list(&state.db, id).await?,
        converted_from: trade_documents::converted_into(&state.db, scope.id(), id)
            .await?
            .into_iter()
            .map(|d| views::ConvertedFrom {
                id: d.id,
                kind: d.kind,
                number: d.number,
            })
            .collect(),
        now: state.now(),
    };
    Ok((views::detail(record, related), report))
}

/// An invoice's supplier as the detail shows it (api.md §25.1, with its CIF).
fn supplier_detail(s: &suppliers::SupplierRow) -> Value {
    json!({
        "id": s.id, "name": s.name, "cif": s.cif, "isVatPayer": s.is_vat_payer,
        "registrationNumber": s.registration_number, "address": s.address, "city": s.city,
        "county": s.county, "country": s.country, "email": s.email, "phone": s.phone,
        "bankName": s.bank_name, "bankAccount": s.bank_account,
    })
}

/// The breakdown an issued or draft invoice has: recomputed with the same calculation that
/// produced its stored totals.
fn computed_breakdown(
    record: &InvoiceRecord,
    lines: &[LineRecord],
    scope: &CompanyScope,
) -> Vec<VatGroupView> {
    draft::build(
        &save::input_of(record, lines),
        &scope.company,
        record.issue_date,
    )
    .map(|d| {
        d.totals
            .vat_breakdown
            .iter()
            .map(|g| VatGroupView {
                category_code: g.key.category.code().to_owned(),
                rate: wire::fixed(g.key.rate, 2),
                taxable_amount: wire::fixed(g.taxable, 2),
                tax_amount: wire::fixed(g.tax, 2),
            })
            .collect()
    })
    .unwrap_or_default()
}

/// The breakdown (BG-23) of an incoming invoice as its XML states it, never recomputed.
async fn incoming_breakdown(
    state: &AppState,
    scope: &CompanyScope,
    id: InvoiceId,
) -> Result<Vec<VatGroupView>, ApiError> {
    let Some(xml) = invoice_xml::get(&state.db, scope.id(), id).await? else {
        return Ok(Vec::new());
    };
    let zero = rust_decimal::Decimal::ZERO;
    Ok(incoming::vat_breakdown(xml.as_bytes())
        .into_iter()
        .map(|b| VatGroupView {
            category_code: b.category.map(|c| c.code().to_owned()).unwrap_or_default(),
            rate: wire::fixed(b.rate.unwrap_or(zero), 2),
            taxable_amount: wire::fixed(b.taxable_amount.unwrap_or(zero), 2),
            tax_amount: wire::fixed(b.tax_amount.unwrap_or(zero), 2),
        })
        .collect())
}
