//! E-mailing an invoice (api.md §12.1): `POST …/email`, `GET …/email-defaults`,
//! `GET …/emails` (the send log). Filling in and sending: `documents::email`.

use axum::Json;
use axum::extract::State;
use serde::Serialize;
use serde_json::Value;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::api::error::ApiError;
use crate::api::json::{AppJson, AppPath};
use crate::api::wire;
use crate::documents::email::{self, Defaults, SendRequest};
use crate::ids::{EmailLogId, InvoiceId};
use crate::state::AppState;
use crate::store::emails::{self as store, LogRow};
use crate::store::{invoices, users};
use crate::tenancy::{CompanyScope, Permission};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(send))
        .routes(routes!(defaults))
        .routes(routes!(log))
}

/// One e-mail of the send log (api.md §25.16 EmailLog).
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct EmailLog {
    pub id: EmailLogId,
    pub category: String,
    pub to_email: String,
    pub cc_emails: Vec<String>,
    pub bcc_emails: Vec<String>,
    pub subject: String,
    /// Ours: the text as sent.
    pub body: String,
    /// `queued` until the job sends it, then `sent` or `failed`.
    pub status: String,
    #[schema(value_type = Option<String>, format = DateTime)]
    pub sent_at: Option<String>,
    pub template_used: Option<String>,
    pub error_message: Option<String>,
    pub ses_message_id: Option<String>,
    pub from_email: Option<String>,
    pub from_name: Option<String>,
    pub invoice_id: Option<InvoiceId>,
    pub invoice_number: Option<String>,
    pub sent_by_email: Option<String>,
    pub delivery_note_id: Option<String>,
    pub delivery_note_number: Option<String>,
    /// Ours: the attached files' names, once sent.
    #[schema(value_type = Vec<String>)]
    pub attachments: Value,
    #[schema(value_type = Vec<Object>)]
    pub events: Vec<Value>,
    #[schema(value_type = String, format = DateTime)]
    pub created_at: String,
}

async fn view(state: &AppState, l: LogRow, number: Option<String>) -> Result<EmailLog, ApiError> {
    let sent_by_email = match l.sent_by {
        Some(u) => users::get(&state.db, u).await?.map(|u| u.email),
        None => None,
    };
    Ok(EmailLog {
        id: l.id,
        category: l.category,
        to_email: l.to_email,
        cc_emails: l.cc_emails.0,
        bcc_emails: l.bcc_emails.0,
        subject: l.subject,
        body: l.body,
        status: l.status,
        sent_at: l.sent_at.map(|t| wire::timestamp_text(t.0)),
        template_used: l.template_used,
        error_message: l.error_message,
        ses_message_id: None,
        from_email: l.from_email,
        from_name: None,
        invoice_id: l.invoice_id,
        invoice_number: number,
        sent_by_email,
        delivery_note_id: None,
        delivery_note_number: None,
        attachments: l.attachments.0,
        events: Vec::new(),
        created_at: wire::timestamp_text(l.created_at.0),
    })
}

async fn number_of(
    state: &AppState,
    scope: &CompanyScope,
    id: InvoiceId,
) -> Result<String, ApiError> {
    Ok(invoices::get(&state.db, scope.id(), id)
        .await?
        .ok_or(ApiError::NotFound("Invoice not found."))?
        .number)
}

/// E-mail an issued invoice with its PDF and XML attached. The e-mail is queued and sent by a
/// job (retried if SMTP fails); its entry in `…/emails` says `queued`, then `sent` or `failed`.
#[utoipa::path(post, path = "/api/v1/invoices/{id}/email", tag = "invoices", operation_id = "invoice_email",
    params(("id" = InvoiceId, Path)), request_body = SendRequest,
    responses((status = 200, body = EmailLog), (status = 400, description = "A draft, cancelled or incoming invoice, a bad address or template"), (status = 422, description = "No SMTP server configured")))]
async fn send(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppPath(id): AppPath<InvoiceId>,
    AppJson(body): AppJson<SendRequest>,
) -> Result<Json<EmailLog>, ApiError> {
    scope.require(Permission::InvoiceSend)?;
    let log = email::send_invoice(&state, &scope, id, &body, state.now()).await?;
    let number = number_of(&state, &scope, id).await?;
    Ok(Json(view(&state, log, Some(number)).await?))
}

/// What the e-mail form starts with: the client's address and the default template filled in.
#[utoipa::path(get, path = "/api/v1/invoices/{id}/email-defaults", tag = "invoices", operation_id = "invoice_email_defaults",
    params(("id" = InvoiceId, Path)), responses((status = 200, body = Defaults), (status = 404)))]
async fn defaults(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppPath(id): AppPath<InvoiceId>,
) -> Result<Json<Defaults>, ApiError> {
    scope.require(Permission::InvoiceView)?;
    let inv = invoices::get(&state.db, scope.id(), id)
        .await?
        .ok_or(ApiError::NotFound("Invoice not found."))?;
    Ok(Json(email::defaults(&state, &scope, &inv).await?))
}

/// The invoice's e-mails, newest first.
#[utoipa::path(get, path = "/api/v1/invoices/{id}/emails", tag = "invoices", operation_id = "invoice_emails",
    params(("id" = InvoiceId, Path)), responses((status = 200, body = Vec<EmailLog>), (status = 404)))]
async fn log(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppPath(id): AppPath<InvoiceId>,
) -> Result<Json<Vec<EmailLog>>, ApiError> {
    scope.require(Permission::InvoiceView)?;
    let number = number_of(&state, &scope, id).await?;
    let mut out = Vec::new();
    for l in store::logs_of_invoice(&state.db, scope.id(), id).await? {
        out.push(view(&state, l, Some(number.clone())).await?);
    }
    Ok(Json(out))
}
