//! What proformas (api.md §15) and delivery notes (§16) share on the wire: list queries, the
//! object shapes of §25.7–25.8, the PDF and the `{deleted, errors}` bulk delete. Their routes
//! are in `proformas` and `delivery_notes`.

use axum::http::header;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use time::{Date, OffsetDateTime};
use utoipa::{IntoParams, ToSchema};

use super::bulk::{self, Deleted};
use super::error::ApiError;
pub use super::invoices::SeriesRef;
use super::json::{DateIn, Flag};
use super::page::{Page, PageMeta};
use super::wire;
use crate::documents::printing;
use crate::documents::trade::{self, Kind};
use crate::ids::{ClientId, InvoiceId, TradeDocumentId};
use crate::plan::Feature;
use crate::state::AppState;
use crate::store::trade_documents::{self as store, Filter, SortBy, TradeRecord};
use crate::store::{clients, invoices};
use crate::tenancy::CompanyScope;

#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct ListQuery {
    page: Option<i64>,
    limit: Option<i64>,
    /// Number, client name or CIF.
    search: Option<String>,
    status: Option<String>,
    /// Issue date from (inclusive); `from` is accepted too.
    #[serde(alias = "from")]
    date_from: Option<DateIn>,
    /// Issue date to (inclusive); `to` is accepted too.
    #[serde(alias = "to")]
    date_to: Option<DateIn>,
    currency: Option<String>,
    /// number, issueDate, total, status, createdAt (default), validUntil (proformas).
    sort: Option<String>,
    /// asc or desc (default).
    order: Option<String>,
}

/// The list envelope (api.md §1.5).
#[derive(Debug, Serialize, ToSchema)]
pub struct TradeList<T> {
    pub data: Vec<T>,
    #[serde(flatten)]
    pub page: PageMeta,
}

/// One page of a kind's documents, each shown by `view`.
pub async fn list<T>(
    state: &AppState,
    scope: &CompanyScope,
    kind: Kind,
    statuses: &[&str],
    q: &ListQuery,
    view: impl Fn(&TradeRecord) -> T,
) -> Result<TradeList<T>, ApiError> {
    if let Some(s) = &q.status
        && !statuses.contains(&s.as_str())
    {
        return Err(ApiError::bad_request(format!(
            "Unknown status '{s}': one of {}.",
            statuses.join(", ")
        )));
    }
    let page = Page::new(q.page, q.limit);
    let filter = Filter {
        kind: kind.as_str(),
        search: q.search.clone(),
        status: q.status.clone(),
        date_from: q.date_from.map(|d| d.0),
        date_to: q.date_to.map(|d| d.0),
        currency: q.currency.as_ref().map(|c| c.to_ascii_uppercase()),
    };
    let sort = SortBy::parse(q.sort.as_deref().unwrap_or("createdAt"));
    let descending = !q
        .order
        .as_deref()
        .is_some_and(|o| o.eq_ignore_ascii_case("asc"));
    let (rows, total) = store::page(
        &state.db,
        scope.id(),
        &filter,
        sort,
        descending,
        page.limit,
        page.offset(),
    )
    .await?;
    Ok(TradeList {
        data: rows.iter().map(view).collect(),
        page: page.meta(total),
    })
}

/// A document's client as list rows show it: its stored name and tax id.
#[derive(Debug, Serialize, ToSchema)]
pub struct ClientRef {
    pub id: ClientId,
    pub name: Option<String>,
    pub cui: Option<String>,
}

/// The client as a detail shows it.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ClientDetail {
    pub id: ClientId,
    #[serde(rename = "type")]
    pub kind: String,
    pub name: String,
    pub cui: Option<String>,
    pub cnp: Option<String>,
    pub registration_number: Option<String>,
    pub address: Option<String>,
    pub city: Option<String>,
    pub county: Option<String>,
    pub country: String,
    pub postal_code: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
}

/// The fields both kinds show in lists and details.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct TradeCore {
    pub id: TradeDocumentId,
    pub number: String,
    pub status: String,
    pub currency: String,
    #[serde(serialize_with = "wire::date")]
    #[schema(value_type = String, format = Date)]
    pub issue_date: Date,
    #[serde(serialize_with = "wire::date_opt")]
    #[schema(value_type = Option<String>, format = Date)]
    pub due_date: Option<Date>,
    pub subtotal: String,
    pub vat_total: String,
    pub total: String,
    pub client_name: Option<String>,
}

/// A list row's client: its stored name and tax id.
pub fn client_ref(r: &TradeRecord) -> Option<ClientRef> {
    r.client_id.map(|id| ClientRef {
        id,
        name: r.receiver_name.clone(),
        cui: r.receiver_cif.clone(),
    })
}

impl TradeCore {
    pub fn of(r: &TradeRecord) -> Self {
        TradeCore {
            id: r.id,
            number: r.number.clone(),
            status: r.status.clone(),
            currency: r.currency.clone(),
            issue_date: r.issue_date,
            due_date: r.due_date,
            subtotal: wire::amount(r.subtotal),
            vat_total: wire::amount(r.vat_total),
            total: wire::amount(r.total),
            client_name: r.receiver_name.clone(),
        }
    }
}

/// The invoice a document became.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct InvoiceRef {
    pub id: InvoiceId,
    pub number: String,
    pub status: String,
}

/// Another proforma or delivery note a document is linked to.
#[derive(Debug, Serialize, ToSchema)]
pub struct DocumentRef {
    pub id: TradeDocumentId,
    pub number: String,
    pub status: String,
}

/// The fields of a detail both kinds have, beyond `TradeCore`.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct TradeDetail {
    #[serde(flatten)]
    pub core: TradeCore,
    /// The full client.
    pub client: Option<ClientDetail>,
    pub document_series: Option<SeriesRef>,
    pub discount: String,
    pub notes: Option<String>,
    pub mentions: Option<String>,
    pub internal_note: Option<String>,
    pub delivery_location: Option<String>,
    pub project_reference: Option<String>,
    pub issuer_name: Option<String>,
    pub issuer_id: Option<String>,
    pub sales_agent: Option<String>,
    pub language: String,
    pub exchange_rate: Option<String>,
    pub converted_invoice: Option<InvoiceRef>,
    #[serde(serialize_with = "wire::ts_opt")]
    #[schema(value_type = Option<String>, format = DateTime)]
    pub cancelled_at: Option<OffsetDateTime>,
    /// `If-Match` style concurrency: send it back with a PUT to refuse stale changes (409).
    pub version: i32,
    #[schema(value_type = Vec<Object>)]
    pub lines: Value,
}

/// The shared part of a detail: the client, series and converted invoice read from the store.
pub async fn detail(
    state: &AppState,
    scope: &CompanyScope,
    r: &TradeRecord,
) -> Result<TradeDetail, ApiError> {
    let core = TradeCore::of(r);
    let client = match r.client_id {
        Some(id) => clients::get(&state.db, scope.id(), id)
            .await?
            .map(|c| ClientDetail {
                id: c.id,
                kind: c.kind.clone(),
                name: c.name.clone(),
                cui: c.cui.clone(),
                cnp: c.cnp.clone(),
                registration_number: c.registration_number.clone(),
                address: c.address.clone(),
                city: c.city.clone(),
                county: c.county.clone(),
                country: c.country.clone(),
                postal_code: c.postal_code.clone(),
                email: c.email.clone(),
                phone: c.phone.clone(),
            }),
        None => None,
    };
    let document_series = super::invoices::series_ref(state, scope, r.series_id).await?;
    let converted_invoice = match r.converted_invoice_id {
        Some(id) => invoices::get(&state.db, scope.id(), id)
            .await?
            .map(|i| InvoiceRef {
                id: i.id,
                number: i.number,
                status: i.status,
            }),
        None => None,
    };
    let content = &r.content.0;
    let d = &content.details;
    Ok(TradeDetail {
        core,
        client,
        document_series,
        discount: wire::amount(r.discount),
        notes: d.notes.clone(),
        mentions: d.mentions.clone(),
        internal_note: d.internal_note.clone(),
        delivery_location: d.delivery_location.clone(),
        project_reference: d.project_reference.clone(),
        issuer_name: d.issuer_name.clone(),
        issuer_id: d.issuer_id.clone(),
        sales_agent: d.sales_agent.clone(),
        language: content.language.clone().unwrap_or_else(|| "ro".into()),
        exchange_rate: content.exchange_rate.map(|n| wire::short(n.0)),
        converted_invoice,
        cancelled_at: r.cancelled_at.map(|t| t.0),
        version: r.version,
        lines: r.lines.0.clone(),
    })
}

/// A linked document, when it is still there.
pub async fn document_ref(
    state: &AppState,
    scope: &CompanyScope,
    kind: Kind,
    id: Option<TradeDocumentId>,
) -> Result<Option<DocumentRef>, ApiError> {
    let Some(id) = id else { return Ok(None) };
    Ok(store::get(&state.db, scope.id(), kind.as_str(), id)
        .await?
        .map(|d| DocumentRef {
            id: d.id,
            number: d.number,
            status: d.status,
        }))
}

/// Reads a live document of the kind, or 404.
pub async fn get_record(
    state: &AppState,
    scope: &CompanyScope,
    kind: Kind,
    id: TradeDocumentId,
) -> Result<TradeRecord, ApiError> {
    store::get(&state.db, scope.id(), kind.as_str(), id)
        .await?
        .ok_or_else(|| kind.not_found())
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct PdfQuery {
    /// Delivery notes: leave out VAT (columns, breakdown, totals).
    hide_vat: Option<Flag>,
    /// Delivery notes: leave out prices and amounts (a packing list).
    hide_prices: Option<Flag>,
}

/// The document as a PDF (inline, `<kind>-<number>.pdf`), in its language and the company's
/// design.
pub async fn pdf(
    state: &AppState,
    scope: &CompanyScope,
    r: &TradeRecord,
    q: &PdfQuery,
) -> Result<Response, ApiError> {
    state.require_feature(Feature::PdfGeneration)?;
    let hide = printing::Hide {
        vat: q.hide_vat.is_some_and(|f| f.0),
        prices: q.hide_prices.is_some_and(|f| f.0),
    };
    let bytes = printing::trade_pdf(state, scope, r, hide).await?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/pdf".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("inline; filename=\"{}\"", printing::trade_filename(r)),
            ),
        ],
        bytes,
    )
        .into_response())
}

/// Deletes each document on its own; one that cannot be deleted is reported, not fatal.
pub async fn bulk_delete(
    state: &AppState,
    scope: &CompanyScope,
    kind: Kind,
    ids: Vec<String>,
) -> Result<Deleted, ApiError> {
    let not_found = match kind {
        Kind::Proforma => || ApiError::NotFound("Proforma invoice not found."),
        Kind::DeliveryNote => || ApiError::NotFound("Delivery note not found."),
    };
    let (deleted, errors) = bulk::each(ids, not_found, |id: TradeDocumentId| {
        trade::delete(state, scope, kind, id, state.now())
    })
    .await?;
    Ok(Deleted { deleted, errors })
}
