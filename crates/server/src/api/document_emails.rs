//! What the three e-mail routes of every document answer (`POST …/email`,
//! `GET …/email-defaults`, `GET …/emails`; api.md §12.1, §16): invoices, proformas and delivery
//! notes each route them to these. Filling in and sending: `documents::email`.

use axum::Json;
use serde::Serialize;
use serde_json::Value;
use utoipa::ToSchema;

use super::error::ApiError;
use super::wire;
use crate::documents::email::{self, Category, Defaults, Mailable, SendRequest};
use crate::ids::{EmailLogId, InvoiceId, TradeDocumentId};
use crate::state::AppState;
use crate::store::emails::{self as store, LogRow};
use crate::store::users;
use crate::tenancy::CompanyScope;

/// One e-mail of the send log (api.md §25.16 EmailLog).
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct EmailLog {
    pub id: EmailLogId,
    /// `invoice`, `proforma` or `delivery_note`.
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
    pub delivery_note_id: Option<TradeDocumentId>,
    pub delivery_note_number: Option<String>,
    /// Ours: the proforma it sent.
    pub proforma_id: Option<TradeDocumentId>,
    /// Ours.
    pub proforma_number: Option<String>,
    /// Ours: the attached files' names, once sent.
    #[schema(value_type = Vec<String>)]
    pub attachments: Value,
    #[schema(value_type = Vec<Object>)]
    pub events: Vec<Value>,
    #[schema(value_type = String, format = DateTime)]
    pub created_at: String,
}

async fn view(state: &AppState, l: LogRow, doc: &Mailable) -> Result<EmailLog, ApiError> {
    let sent_by_email = match l.sent_by {
        Some(u) => users::get(&state.db, u).await?.map(|u| u.email),
        None => None,
    };
    let number = Some(doc.number().to_owned());
    let category = doc.category();
    let when = |c: Category| category == c;
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
        invoice_number: number.clone().filter(|_| when(Category::Invoice)),
        sent_by_email,
        delivery_note_id: l.trade_document_id.filter(|_| when(Category::DeliveryNote)),
        delivery_note_number: number.clone().filter(|_| when(Category::DeliveryNote)),
        proforma_id: l.trade_document_id.filter(|_| when(Category::Proforma)),
        proforma_number: number.filter(|_| when(Category::Proforma)),
        attachments: l.attachments.0,
        events: Vec::new(),
        created_at: wire::timestamp_text(l.created_at.0),
    })
}

/// Queues the document's e-mail and answers its log entry (`queued`).
pub async fn send(
    state: &AppState,
    scope: &CompanyScope,
    doc: &Mailable,
    body: &SendRequest,
) -> Result<Json<EmailLog>, ApiError> {
    let log = email::send(state, scope, doc, body, state.now()).await?;
    Ok(Json(view(state, log, doc).await?))
}

/// The client's address and the texts the form starts with.
pub async fn defaults(
    state: &AppState,
    scope: &CompanyScope,
    doc: &Mailable,
) -> Result<Json<Defaults>, ApiError> {
    Ok(Json(email::defaults(state, scope, doc).await?))
}

/// The document's e-mails, newest first.
pub async fn log(
    state: &AppState,
    scope: &CompanyScope,
    doc: &Mailable,
) -> Result<Json<Vec<EmailLog>>, ApiError> {
    let rows = match doc {
        Mailable::Invoice(i) => store::logs_of_invoice(&state.db, scope.id(), i.id).await?,
        Mailable::Trade(t) => store::logs_of_trade_document(&state.db, scope.id(), t.id).await?,
    };
    let mut out = Vec::with_capacity(rows.len());
    for l in rows {
        out.push(view(state, l, doc).await?);
    }
    Ok(Json(out))
}
