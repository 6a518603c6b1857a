//! E-mailing an invoice (api.md §12.1): `POST …/email`, `GET …/email-defaults`,
//! `GET …/emails` (the send log), answered by `api::document_emails`.

use axum::Json;
use axum::extract::State;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::api::document_emails::{self, EmailLog};
use crate::api::error::ApiError;
use crate::api::json::{AppJson, AppPath};
use crate::documents::email::{Defaults, Mailable, SendRequest};
use crate::ids::InvoiceId;
use crate::state::AppState;
use crate::store::invoices;
use crate::tenancy::{CompanyScope, Permission};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(send))
        .routes(routes!(defaults))
        .routes(routes!(log))
}

async fn invoice(
    state: &AppState,
    scope: &CompanyScope,
    id: InvoiceId,
) -> Result<Mailable, ApiError> {
    invoices::get(&state.db, scope.id(), id)
        .await?
        .map(Mailable::Invoice)
        .ok_or(ApiError::NotFound("Invoice not found."))
}

/// E-mail an issued invoice with its PDF and XML attached. The e-mail is queued and sent by a
/// job (retried if SMTP fails); its entry in `…/emails` says `queued`, then `sent` or `failed`.
#[utoipa::path(post, path = "/api/v1/invoices/{id}/email", tag = "invoices", operation_id = "invoice_email",
    params(("id" = InvoiceId, Path)), request_body = SendRequest,
    responses((status = 200, body = EmailLog), (status = 400, description = "A draft, cancelled or incoming invoice, a bad address or template"), (status = 402, description = "The plan has no e-mail sending"), (status = 422, description = "No SMTP server configured")))]
async fn send(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppPath(id): AppPath<InvoiceId>,
    AppJson(body): AppJson<SendRequest>,
) -> Result<Json<EmailLog>, ApiError> {
    scope.require(Permission::InvoiceSend)?;
    let doc = invoice(&state, &scope, id).await?;
    document_emails::send(&state, &scope, &doc, &body).await
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
    let doc = invoice(&state, &scope, id).await?;
    document_emails::defaults(&state, &scope, &doc).await
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
    let doc = invoice(&state, &scope, id).await?;
    document_emails::log(&state, &scope, &doc).await
}
