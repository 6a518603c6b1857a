//! Delivery notes (api.md §16, avize de însoțire): numbered from their own series when issued,
//! invoiced alone or several together, reversed by a storno note. Lifecycle in
//! `documents::trade`. e-Transport declarations are not made (`skipEtransport` is true).

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use time::OffsetDateTime;
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
use crate::documents::checks::{Finding, Report};
use crate::documents::email::{Defaults, Mailable, SendRequest};
use crate::documents::trade::{self as lifecycle, Action, Kind, TradeInput};
use crate::ids::TradeDocumentId;
use crate::state::AppState;
use crate::store::trade_documents::TradeRecord;
use crate::tenancy::{CompanyScope, Permission};

const KIND: Kind = Kind::DeliveryNote;
/// DeliveryNoteStatus (api.md §27).
const STATUSES: &[&str] = &["draft", "issued", "converted", "cancelled"];

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list, create))
        .routes(routes!(get, update, delete))
        .routes(routes!(issue))
        .routes(routes!(cancel))
        .routes(routes!(restore))
        .routes(routes!(convert))
        .routes(routes!(storno))
        .routes(routes!(pdf))
        .routes(routes!(email))
        .routes(routes!(email_defaults))
        .routes(routes!(emails))
        .routes(routes!(bulk_convert))
        .routes(routes!(bulk_delete))
        .routes(routes!(from_proforma))
}

/// A row of the list (api.md §25.8).
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct DeliveryNoteListItem {
    #[serde(flatten)]
    pub core: TradeCore,
    pub client: Option<ClientRef>,
    /// Always true: Facturo does not declare transports to e-Transport.
    pub skip_etransport: bool,
    pub etransport_uit: Option<String>,
    pub etransport_status: Option<String>,
}

impl DeliveryNoteListItem {
    fn of(r: &TradeRecord) -> Self {
        DeliveryNoteListItem {
            core: TradeCore::of(r),
            client: trade::client_ref(r),
            skip_etransport: true,
            etransport_uit: None,
            etransport_status: None,
        }
    }
}

/// A delivery note with its lines (api.md §25.8).
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct DeliveryNoteDetail {
    #[serde(flatten)]
    pub detail: TradeDetail,
    pub skip_etransport: bool,
    pub etransport_uit: Option<String>,
    pub etransport_status: Option<String>,
    pub deputy_name: Option<String>,
    pub deputy_identity_card: Option<String>,
    pub deputy_auto: Option<String>,
    #[serde(serialize_with = "wire::ts_opt")]
    #[schema(value_type = Option<String>, format = DateTime)]
    pub issued_at: Option<OffsetDateTime>,
    /// Ours: the proforma this note was made from.
    pub proforma: Option<DocumentRef>,
    /// Ours: the note this storno reverses.
    pub reverses: Option<DocumentRef>,
}

async fn detail(
    state: &AppState,
    scope: &CompanyScope,
    r: TradeRecord,
) -> Result<DeliveryNoteDetail, ApiError> {
    let detail = trade::detail(state, scope, &r).await?;
    let d = &r.content.0.details;
    Ok(DeliveryNoteDetail {
        detail,
        skip_etransport: true,
        etransport_uit: None,
        etransport_status: None,
        deputy_name: d.deputy_name.clone(),
        deputy_identity_card: d.deputy_identity_card.clone(),
        deputy_auto: d.deputy_auto.clone(),
        issued_at: r.issued_at.map(|t| t.0),
        proforma: trade::document_ref(state, scope, Kind::Proforma, r.proforma_id).await?,
        reverses: trade::document_ref(state, scope, KIND, r.reverses_id).await?,
    })
}

/// `{deliveryNote, validation}`: what create and update answer.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct DeliveryNoteSaved {
    pub delivery_note: DeliveryNoteDetail,
    /// The e-Transport check of the contract: not run (a warning says so).
    pub validation: Report,
}

async fn saved(
    state: &AppState,
    scope: &CompanyScope,
    r: TradeRecord,
) -> Result<DeliveryNoteSaved, ApiError> {
    let not_run = Finding {
        message: "e-Transport declarations are not supported: the note was not checked against \
                  e-Transport's rules."
            .into(),
        message_ro: None,
        source: "business",
        rule_id: "FACTURO-ETRANSPORT",
        severity: "warning",
        location: "etransport".into(),
        field: None,
    };
    Ok(DeliveryNoteSaved {
        delivery_note: detail(state, scope, r).await?,
        validation: Report {
            valid: true,
            errors: Vec::new(),
            warnings: vec![not_run],
            schematron_available: false,
        },
    })
}

/// The company's delivery notes, filtered, sorted and paged.
#[utoipa::path(get, path = "/api/v1/delivery-notes", tag = "delivery-notes", operation_id = "delivery_note_list",
    params(ListQuery), responses((status = 200, body = TradeList<DeliveryNoteListItem>)))]
async fn list(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppQuery(q): AppQuery<ListQuery>,
) -> Result<Json<TradeList<DeliveryNoteListItem>>, ApiError> {
    scope.require(Permission::InvoiceView)?;
    Ok(Json(
        trade::list(&state, &scope, KIND, STATUSES, &q, DeliveryNoteListItem::of).await?,
    ))
}

/// Create a draft delivery note (quantities above 0); it is numbered when issued.
#[utoipa::path(post, path = "/api/v1/delivery-notes", tag = "delivery-notes", operation_id = "delivery_note_create",
    request_body = TradeInput,
    responses((status = 201, body = DeliveryNoteSaved), (status = 400, description = "`{error, errors[]}` naming each wrong field")))]
async fn create(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppJson(body): AppJson<TradeInput>,
) -> Result<(StatusCode, Json<DeliveryNoteSaved>), ApiError> {
    scope.require(Permission::InvoiceCreate)?;
    let r = lifecycle::create(&state, &scope, KIND, body, state.now()).await?;
    Ok((StatusCode::CREATED, Json(saved(&state, &scope, r).await?)))
}

#[utoipa::path(get, path = "/api/v1/delivery-notes/{id}", tag = "delivery-notes", operation_id = "delivery_note_get",
    params(("id" = TradeDocumentId, Path)), responses((status = 200, body = DeliveryNoteDetail), (status = 404)))]
async fn get(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppPath(id): AppPath<TradeDocumentId>,
) -> Result<Json<DeliveryNoteDetail>, ApiError> {
    scope.require(Permission::InvoiceView)?;
    let r = trade::get_record(&state, &scope, KIND, id).await?;
    Ok(Json(detail(&state, &scope, r).await?))
}

/// Change a draft note: only the keys sent change (`lines` replaces all lines); send
/// `version` to refuse a stale change (409).
#[utoipa::path(put, path = "/api/v1/delivery-notes/{id}", tag = "delivery-notes", operation_id = "delivery_note_update",
    params(("id" = TradeDocumentId, Path)), request_body = TradeInput,
    responses((status = 200, body = DeliveryNoteSaved), (status = 409), (status = 422, description = "Not a draft")))]
async fn update(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppPath(id): AppPath<TradeDocumentId>,
    AppJson(body): AppJson<Value>,
) -> Result<Json<DeliveryNoteSaved>, ApiError> {
    scope.require(Permission::InvoiceEdit)?;
    let Value::Object(patch) = body else {
        return Err(ApiError::bad_request("The body must be a JSON object."));
    };
    let r = lifecycle::update(&state, &scope, KIND, id, patch, state.now()).await?;
    Ok(Json(saved(&state, &scope, r).await?))
}

/// Delete a draft or cancelled note.
#[utoipa::path(delete, path = "/api/v1/delivery-notes/{id}", tag = "delivery-notes", operation_id = "delivery_note_delete",
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
) -> Result<Json<DeliveryNoteDetail>, ApiError> {
    let r = lifecycle::act(state, scope, KIND, id, action, state.now()).await?;
    Ok(Json(detail(state, scope, r).await?))
}

/// draft → issued: the next number of its series (the one named, else the company's default
/// delivery-note series, created as `AVZ` on first need).
#[utoipa::path(post, path = "/api/v1/delivery-notes/{id}/issue", tag = "delivery-notes", operation_id = "delivery_note_issue",
    params(("id" = TradeDocumentId, Path)), responses((status = 200, body = DeliveryNoteDetail), (status = 422)))]
async fn issue(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppPath(id): AppPath<TradeDocumentId>,
) -> Result<Json<DeliveryNoteDetail>, ApiError> {
    scope.require(Permission::InvoiceIssue)?;
    act(&state, &scope, id, Action::Issue).await
}

/// draft or issued → cancelled (not once invoiced, nor while a storno reverses it).
#[utoipa::path(post, path = "/api/v1/delivery-notes/{id}/cancel", tag = "delivery-notes", operation_id = "delivery_note_cancel",
    params(("id" = TradeDocumentId, Path)), responses((status = 200, body = DeliveryNoteDetail), (status = 422)))]
async fn cancel(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppPath(id): AppPath<TradeDocumentId>,
) -> Result<Json<DeliveryNoteDetail>, ApiError> {
    scope.require(Permission::InvoiceCancel)?;
    act(&state, &scope, id, Action::Cancel).await
}

/// cancelled → draft (a numbered note keeps its number).
#[utoipa::path(post, path = "/api/v1/delivery-notes/{id}/restore", tag = "delivery-notes", operation_id = "delivery_note_restore",
    params(("id" = TradeDocumentId, Path)), responses((status = 200, body = DeliveryNoteDetail), (status = 422)))]
async fn restore(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppPath(id): AppPath<TradeDocumentId>,
) -> Result<Json<DeliveryNoteDetail>, ApiError> {
    scope.require(Permission::InvoiceEdit)?;
    act(&state, &scope, id, Action::Restore).await
}

async fn invoiced(
    state: &AppState,
    scope: &CompanyScope,
    ids: &[TradeDocumentId],
) -> Result<(StatusCode, Json<InvoiceDetail>), ApiError> {
    scope.require(Permission::InvoiceCreate)?;
    let invoice = lifecycle::convert(state, scope, KIND, ids, state.now()).await?;
    Ok((
        StatusCode::CREATED,
        Json(super::invoices::detail_of(state, scope, invoice).await?),
    ))
}

/// An issued note becomes a draft invoice (its number as the despatch advice, BT-16); the note
/// is `converted` and names it.
#[utoipa::path(post, path = "/api/v1/delivery-notes/{id}/convert", tag = "delivery-notes", operation_id = "delivery_note_convert",
    params(("id" = TradeDocumentId, Path)), responses((status = 201, body = InvoiceDetail), (status = 422)))]
async fn convert(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppPath(id): AppPath<TradeDocumentId>,
) -> Result<(StatusCode, Json<InvoiceDetail>), ApiError> {
    invoiced(&state, &scope, &[id]).await
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct ConvertMany {
    /// 1 to 100 issued notes of one client, in one currency.
    pub ids: Vec<TradeDocumentId>,
}

/// Several issued notes of one client become one draft invoice with all their lines; all or
/// nothing.
#[utoipa::path(post, path = "/api/v1/delivery-notes/bulk-convert", tag = "delivery-notes", operation_id = "delivery_note_bulk_convert",
    request_body = ConvertMany, responses((status = 201, body = InvoiceDetail), (status = 422)))]
async fn bulk_convert(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppJson(body): AppJson<ConvertMany>,
) -> Result<(StatusCode, Json<InvoiceDetail>), ApiError> {
    invoiced(&state, &scope, &body.ids).await
}

/// A draft storno of an issued note: its lines with the quantities reversed.
#[utoipa::path(post, path = "/api/v1/delivery-notes/{id}/storno", tag = "delivery-notes", operation_id = "delivery_note_storno",
    params(("id" = TradeDocumentId, Path)), responses((status = 201, body = DeliveryNoteDetail), (status = 422)))]
async fn storno(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppPath(id): AppPath<TradeDocumentId>,
) -> Result<(StatusCode, Json<DeliveryNoteDetail>), ApiError> {
    scope.require(Permission::InvoiceRefund)?;
    let r = lifecycle::storno(&state, &scope, id, state.now()).await?;
    Ok((StatusCode::CREATED, Json(detail(&state, &scope, r).await?)))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct FromProforma {
    pub proforma_id: TradeDocumentId,
}

/// A draft note with a sent, accepted or invoiced proforma's client and lines.
#[utoipa::path(post, path = "/api/v1/delivery-notes/from-proforma", tag = "delivery-notes", operation_id = "delivery_note_from_proforma",
    request_body = FromProforma, responses((status = 201, body = DeliveryNoteDetail), (status = 404), (status = 422)))]
async fn from_proforma(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppJson(body): AppJson<FromProforma>,
) -> Result<(StatusCode, Json<DeliveryNoteDetail>), ApiError> {
    scope.require(Permission::InvoiceCreate)?;
    let r = lifecycle::note_from_proforma(&state, &scope, body.proforma_id, state.now()).await?;
    Ok((StatusCode::CREATED, Json(detail(&state, &scope, r).await?)))
}

/// The note as a PDF (inline); `hideVat` and `hidePrices` leave those out.
#[utoipa::path(get, path = "/api/v1/delivery-notes/{id}/pdf", tag = "delivery-notes", operation_id = "delivery_note_pdf",
    params(("id" = TradeDocumentId, Path), PdfQuery),
    responses((status = 200, content_type = "application/pdf", description = "The PDF"), (status = 402, description = "The plan has no PDF generation"), (status = 404)))]
async fn pdf(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppPath(id): AppPath<TradeDocumentId>,
    AppQuery(q): AppQuery<PdfQuery>,
) -> Result<Response, ApiError> {
    scope.require(Permission::InvoiceView)?;
    let r = trade::get_record(&state, &scope, KIND, id).await?;
    trade::pdf(&state, &scope, &r, &q).await
}

/// Delete each draft or cancelled note named.
#[utoipa::path(post, path = "/api/v1/delivery-notes/bulk-delete", tag = "delivery-notes", operation_id = "delivery_note_bulk_delete",
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

/// E-mail the delivery note with its PDF attached (once issued). The e-mail is queued and sent by a job;
/// its entry in `…/emails` says `queued`, then `sent` or `failed`.
#[utoipa::path(post, path = "/api/v1/delivery-notes/{id}/email", tag = "delivery-notes", operation_id = "delivery_note_email",
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

/// What the e-mail form starts with: the client's address and the delivery note's texts filled in.
#[utoipa::path(get, path = "/api/v1/delivery-notes/{id}/email-defaults", tag = "delivery-notes", operation_id = "delivery_note_email_defaults",
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

/// The delivery note's e-mails, newest first.
#[utoipa::path(get, path = "/api/v1/delivery-notes/{id}/emails", tag = "delivery-notes", operation_id = "delivery_note_emails",
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
