//! Proforma invoices (api.md §15): offers that become invoices. Lifecycle in
//! `documents::trade`.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use serde::Serialize;
use serde_json::Value;
use time::{Date, OffsetDateTime};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::bulk::{Deleted, Ids};
use super::document_emails::{self, EmailLog};
use super::error::ApiError;
use super::invoices::InvoiceDetail;
use super::json::{AppJson, AppPath, AppQuery};
use super::trade::{
    self, ClientRef, DocumentRef, ListQuery, PdfQuery, TradeCore, TradeDetail, TradeList,
};
use super::wire;
use crate::documents::email::{Defaults, Mailable, SendRequest};
use crate::documents::trade::{self as lifecycle, Action, Kind, TradeInput};
use crate::ids::TradeDocumentId;
use crate::state::AppState;
use crate::store::trade_documents::TradeRecord;
use crate::tenancy::{CompanyScope, Permission};

const KIND: Kind = Kind::Proforma;
/// ProformaStatus (api.md §27).
const STATUSES: &[&str] = &[
    "draft",
    "sent",
    "accepted",
    "rejected",
    "converted",
    "cancelled",
    "expired",
];

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list, create))
        .routes(routes!(get, update, delete))
        .routes(routes!(send))
        .routes(routes!(accept))
        .routes(routes!(reject))
        .routes(routes!(cancel))
        .routes(routes!(convert))
        .routes(routes!(pdf))
        .routes(routes!(email))
        .routes(routes!(email_defaults))
        .routes(routes!(emails))
        .routes(routes!(bulk_delete))
}

/// A row of the list (api.md §25.7).
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ProformaListItem {
    #[serde(flatten)]
    pub core: TradeCore,
    pub client: Option<ClientRef>,
    #[serde(serialize_with = "wire::date_opt")]
    #[schema(value_type = Option<String>, format = Date)]
    pub valid_until: Option<Date>,
    #[serde(serialize_with = "wire::ts_opt")]
    #[schema(value_type = Option<String>, format = DateTime)]
    pub expired_at: Option<OffsetDateTime>,
}

impl ProformaListItem {
    fn of(r: &TradeRecord) -> Self {
        ProformaListItem {
            core: TradeCore::of(r),
            client: trade::client_ref(r),
            valid_until: r.valid_until,
            expired_at: r.expired_at.map(|t| t.0),
        }
    }
}

/// A proforma with its lines (api.md §25.7).
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ProformaDetail {
    #[serde(flatten)]
    pub detail: TradeDetail,
    #[serde(serialize_with = "wire::date_opt")]
    #[schema(value_type = Option<String>, format = Date)]
    pub valid_until: Option<Date>,
    pub payment_terms: Option<String>,
    pub invoice_type_code: Option<String>,
    pub order_number: Option<String>,
    pub contract_number: Option<String>,
    #[serde(serialize_with = "wire::ts_opt")]
    #[schema(value_type = Option<String>, format = DateTime)]
    pub sent_at: Option<OffsetDateTime>,
    #[serde(serialize_with = "wire::ts_opt")]
    #[schema(value_type = Option<String>, format = DateTime)]
    pub accepted_at: Option<OffsetDateTime>,
    #[serde(serialize_with = "wire::ts_opt")]
    #[schema(value_type = Option<String>, format = DateTime)]
    pub rejected_at: Option<OffsetDateTime>,
    #[serde(serialize_with = "wire::ts_opt")]
    #[schema(value_type = Option<String>, format = DateTime)]
    pub expired_at: Option<OffsetDateTime>,
    /// Ours: delivery notes made from this proforma.
    pub delivery_notes: Vec<DocumentRef>,
}

async fn detail(
    state: &AppState,
    scope: &CompanyScope,
    r: TradeRecord,
) -> Result<ProformaDetail, ApiError> {
    let detail = trade::detail(state, scope, &r).await?;
    let delivery_notes =
        crate::store::trade_documents::made_from_proforma(&state.db, scope.id(), r.id)
            .await?
            .into_iter()
            .map(|d| DocumentRef {
                id: d.id,
                number: d.number,
                status: d.status,
            })
            .collect();
    let content = &r.content.0;
    Ok(ProformaDetail {
        detail,
        valid_until: r.valid_until,
        payment_terms: content.details.payment_terms.clone(),
        invoice_type_code: content.invoice_type_code.clone(),
        order_number: content.details.order_number.clone(),
        contract_number: content.details.contract_number.clone(),
        sent_at: r.sent_at.map(|t| t.0),
        accepted_at: r.accepted_at.map(|t| t.0),
        rejected_at: r.rejected_at.map(|t| t.0),
        expired_at: r.expired_at.map(|t| t.0),
        delivery_notes,
    })
}

/// The company's proformas, filtered, sorted and paged.
#[utoipa::path(get, path = "/api/v1/proforma-invoices", tag = "proformas", operation_id = "proforma_list",
    params(ListQuery), responses((status = 200, body = TradeList<ProformaListItem>)))]
async fn list(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppQuery(q): AppQuery<ListQuery>,
) -> Result<Json<TradeList<ProformaListItem>>, ApiError> {
    scope.require(Permission::InvoiceView)?;
    Ok(Json(
        trade::list(&state, &scope, KIND, STATUSES, &q, ProformaListItem::of).await?,
    ))
}

/// Create a draft proforma; it is numbered at once from its series (the one named, else the
/// company's default proforma series). Quantities must be above 0.
#[utoipa::path(post, path = "/api/v1/proforma-invoices", tag = "proformas", operation_id = "proforma_create",
    request_body = TradeInput,
    responses((status = 201, body = ProformaDetail), (status = 400, description = "`{error, errors[]}` naming each wrong field")))]
async fn create(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppJson(body): AppJson<TradeInput>,
) -> Result<(StatusCode, Json<ProformaDetail>), ApiError> {
    scope.require(Permission::InvoiceCreate)?;
    let r = lifecycle::create(&state, &scope, KIND, body, state.now()).await?;
    Ok((StatusCode::CREATED, Json(detail(&state, &scope, r).await?)))
}

#[utoipa::path(get, path = "/api/v1/proforma-invoices/{id}", tag = "proformas", operation_id = "proforma_get",
    params(("id" = TradeDocumentId, Path)), responses((status = 200, body = ProformaDetail), (status = 404)))]
async fn get(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppPath(id): AppPath<TradeDocumentId>,
) -> Result<Json<ProformaDetail>, ApiError> {
    scope.require(Permission::InvoiceView)?;
    let r = trade::get_record(&state, &scope, KIND, id).await?;
    Ok(Json(detail(&state, &scope, r).await?))
}

/// Change a draft proforma: only the keys sent change (`lines` replaces all lines); send
/// `version` to refuse a stale change (409).
#[utoipa::path(put, path = "/api/v1/proforma-invoices/{id}", tag = "proformas", operation_id = "proforma_update",
    params(("id" = TradeDocumentId, Path)), request_body = TradeInput,
    responses((status = 200, body = ProformaDetail), (status = 409), (status = 422, description = "Not a draft")))]
async fn update(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppPath(id): AppPath<TradeDocumentId>,
    AppJson(body): AppJson<Value>,
) -> Result<Json<ProformaDetail>, ApiError> {
    scope.require(Permission::InvoiceEdit)?;
    let Value::Object(patch) = body else {
        return Err(ApiError::bad_request("The body must be a JSON object."));
    };
    let r = lifecycle::update(&state, &scope, KIND, id, patch, state.now()).await?;
    Ok(Json(detail(&state, &scope, r).await?))
}

/// Delete a draft or cancelled proforma.
#[utoipa::path(delete, path = "/api/v1/proforma-invoices/{id}", tag = "proformas", operation_id = "proforma_delete",
    params(("id" = TradeDocumentId, Path)), responses((status = 204), (status = 422)))]
async fn delete(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppPath(id): AppPath<TradeDocumentId>,
) -> Result<StatusCode, ApiError> {
    scope.require(Permission::InvoiceDelete)?;
    lifecycle::delete(&state, &scope, KIND, id, state.now()).await?;
    Ok(StatusCode::NO_CONTENT)
}

async fn act(
    state: &AppState,
    scope: &CompanyScope,
    id: TradeDocumentId,
    action: Action,
) -> Result<Json<ProformaDetail>, ApiError> {
    let r = lifecycle::act(state, scope, KIND, id, action, state.now()).await?;
    Ok(Json(detail(state, scope, r).await?))
}

/// draft → sent.
#[utoipa::path(post, path = "/api/v1/proforma-invoices/{id}/send", tag = "proformas", operation_id = "proforma_send",
    params(("id" = TradeDocumentId, Path)), responses((status = 200, body = ProformaDetail), (status = 422)))]
async fn send(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppPath(id): AppPath<TradeDocumentId>,
) -> Result<Json<ProformaDetail>, ApiError> {
    scope.require(Permission::InvoiceSend)?;
    act(&state, &scope, id, Action::Send).await
}

/// sent → accepted (not past `validUntil`).
#[utoipa::path(post, path = "/api/v1/proforma-invoices/{id}/accept", tag = "proformas", operation_id = "proforma_accept",
    params(("id" = TradeDocumentId, Path)), responses((status = 200, body = ProformaDetail), (status = 422)))]
async fn accept(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppPath(id): AppPath<TradeDocumentId>,
) -> Result<Json<ProformaDetail>, ApiError> {
    scope.require(Permission::InvoiceEdit)?;
    act(&state, &scope, id, Action::Accept).await
}

/// sent → rejected (the body is ignored).
#[utoipa::path(post, path = "/api/v1/proforma-invoices/{id}/reject", tag = "proformas", operation_id = "proforma_reject",
    params(("id" = TradeDocumentId, Path)), responses((status = 200, body = ProformaDetail), (status = 422)))]
async fn reject(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppPath(id): AppPath<TradeDocumentId>,
) -> Result<Json<ProformaDetail>, ApiError> {
    scope.require(Permission::InvoiceEdit)?;
    act(&state, &scope, id, Action::Reject).await
}

/// Anything but converted or cancelled → cancelled (the body is ignored).
#[utoipa::path(post, path = "/api/v1/proforma-invoices/{id}/cancel", tag = "proformas", operation_id = "proforma_cancel",
    params(("id" = TradeDocumentId, Path)), responses((status = 200, body = ProformaDetail), (status = 422)))]
async fn cancel(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppPath(id): AppPath<TradeDocumentId>,
) -> Result<Json<ProformaDetail>, ApiError> {
    scope.require(Permission::InvoiceCancel)?;
    act(&state, &scope, id, Action::Cancel).await
}

/// A sent or accepted proforma becomes a draft invoice (default invoice series, issued today,
/// the same client, lines and fields); the proforma is `converted` and names it.
#[utoipa::path(post, path = "/api/v1/proforma-invoices/{id}/convert", tag = "proformas", operation_id = "proforma_convert",
    params(("id" = TradeDocumentId, Path)), responses((status = 201, body = InvoiceDetail), (status = 422)))]
async fn convert(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppPath(id): AppPath<TradeDocumentId>,
) -> Result<(StatusCode, Json<InvoiceDetail>), ApiError> {
    scope.require(Permission::InvoiceCreate)?;
    let invoice = lifecycle::convert(&state, &scope, KIND, &[id], state.now()).await?;
    Ok((
        StatusCode::CREATED,
        Json(super::invoices::detail_of(&state, &scope, invoice).await?),
    ))
}

/// The proforma as a PDF (inline), in its language.
#[utoipa::path(get, path = "/api/v1/proforma-invoices/{id}/pdf", tag = "proformas", operation_id = "proforma_pdf",
    params(("id" = TradeDocumentId, Path)),
    responses((status = 200, content_type = "application/pdf", description = "The PDF"), (status = 402, description = "The plan has no PDF generation"), (status = 404)))]
async fn pdf(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppPath(id): AppPath<TradeDocumentId>,
) -> Result<Response, ApiError> {
    scope.require(Permission::InvoiceView)?;
    let r = trade::get_record(&state, &scope, KIND, id).await?;
    trade::pdf(&state, &scope, &r, &PdfQuery::default()).await
}

/// Delete each draft or cancelled proforma named.
#[utoipa::path(post, path = "/api/v1/proforma-invoices/bulk-delete", tag = "proformas", operation_id = "proforma_bulk_delete",
    request_body = Ids, responses((status = 200, body = Deleted)))]
async fn bulk_delete(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppJson(body): AppJson<Ids>,
) -> Result<Json<Deleted>, ApiError> {
    scope.require(Permission::InvoiceDelete)?;
    Ok(Json(
        trade::bulk_delete(&state, &scope, KIND, body.ids).await?,
    ))
}

/// E-mail the proforma with its PDF attached (any time but cancelled). The e-mail is queued and sent by a job;
/// its entry in `…/emails` says `queued`, then `sent` or `failed`.
#[utoipa::path(post, path = "/api/v1/proforma-invoices/{id}/email", tag = "proformas", operation_id = "proforma_email",
    params(("id" = TradeDocumentId, Path)), request_body = SendRequest,
    responses((status = 200, body = EmailLog), (status = 400, description = "Not sendable in its status, a bad address or template"), (status = 402, description = "The plan has no e-mail sending"), (status = 422, description = "No SMTP server configured")))]
async fn email(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppPath(id): AppPath<TradeDocumentId>,
    AppJson(body): AppJson<SendRequest>,
) -> Result<Json<EmailLog>, ApiError> {
    scope.require(Permission::InvoiceSend)?;
    let doc = Mailable::Trade(trade::get_record(&state, &scope, KIND, id).await?);
    document_emails::send(&state, &scope, &doc, &body).await
}

/// What the e-mail form starts with: the client's address and the proforma's texts filled in.
#[utoipa::path(get, path = "/api/v1/proforma-invoices/{id}/email-defaults", tag = "proformas", operation_id = "proforma_email_defaults",
    params(("id" = TradeDocumentId, Path)), responses((status = 200, body = Defaults), (status = 404)))]
async fn email_defaults(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppPath(id): AppPath<TradeDocumentId>,
) -> Result<Json<Defaults>, ApiError> {
    scope.require(Permission::InvoiceView)?;
    let doc = Mailable::Trade(trade::get_record(&state, &scope, KIND, id).await?);
    document_emails::defaults(&state, &scope, &doc).await
}

/// The proforma's e-mails, newest first.
#[utoipa::path(get, path = "/api/v1/proforma-invoices/{id}/emails", tag = "proformas", operation_id = "proforma_emails",
    params(("id" = TradeDocumentId, Path)), responses((status = 200, body = Vec<EmailLog>), (status = 404)))]
async fn emails(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppPath(id): AppPath<TradeDocumentId>,
) -> Result<Json<Vec<EmailLog>>, ApiError> {
    scope.require(Permission::InvoiceView)?;
    let doc = Mailable::Trade(trade::get_record(&state, &scope, KIND, id).await?);
    document_emails::log(&state, &scope, &doc).await
}
