//! `GET /invoices/{id}/pdf` (api.md §12.1): the invoice as a PDF, laid out by `crates/pdf` from
//! the same EN 16931 document its UBL holds — the XML as issued (or received, for an incoming
//! invoice), or, for a draft, as it would be issued now — so the PDF never says anything the
//! e-invoice does not.

use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use einvoice::money::from_minor;
use pdf::{Deputy, ExchangeRate, Extra, Look, Title};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::record_and_lines;
use crate::api::error::ApiError;
use crate::api::json::AppPath;
use crate::documents::validation;
use crate::ids::InvoiceId;
use crate::state::AppState;
use crate::store::invoices::InvoiceRecord;
use crate::tenancy::{CompanyScope, Permission};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(pdf))
}

/// The invoice as a PDF (inline; `invoice-<number>.pdf`), in the invoice's language.
#[utoipa::path(get, path = "/api/v1/invoices/{id}/pdf", tag = "invoices", operation_id = "invoice_pdf",
    params(("id" = InvoiceId, Path)),
    responses((status = 200, content_type = "application/pdf", description = "The PDF"), (status = 404)))]
async fn pdf(
    State(state): State<AppState>,
    scope: CompanyScope,
    AppPath(id): AppPath<InvoiceId>,
) -> Result<Response, ApiError> {
    scope.require(Permission::InvoiceView)?;
    let (record, lines) = record_and_lines(&state, &scope, id).await?;
    let xml = validation::xml_of(&state, &scope, &record, &lines).await?;
    let look = look_of(&record);
    let bytes = tokio::task::spawn_blocking(move || {
        let read = ubl::read(xml.as_bytes()).map_err(|e| e.to_string())?;
        pdf::render(&read.invoice, &look).map_err(|e| e.to_string())
    })
    .await
    .map_err(|e| ApiError::Internal(anyhow::anyhow!("the PDF task failed: {e}")))?
    .map_err(|e| ApiError::Internal(anyhow::anyhow!("rendering the PDF of {id}: {e}")))?;
    let filename = format!(
        "invoice-{}.pdf",
        record.number.replace(['"', '/', '\\'], "_")
    );
    Ok((
        [
            (header::CONTENT_TYPE, "application/pdf".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("inline; filename=\"{filename}\""),
            ),
        ],
        bytes,
    )
        .into_response())
}

/// How the invoice is printed: its language, its title (a storno for a credit note written as
/// an invoice with negative quantities), and what the PDF shows beyond the e-invoice.
fn look_of(r: &InvoiceRecord) -> Look {
    let language = r.language.parse().unwrap_or_default();
    let title = match (r.document_type.as_str(), r.invoice_type_code.as_deref()) {
        ("credit_note", Some("381")) => Title::CreditNote,
        ("credit_note", _) => Title::Storno,
        _ => Title::Invoice,
    };
    let d = &r.details.0;
    let extra = Extra {
        issuer_name: d.issuer_name.clone(),
        issuer_id: d.issuer_id.clone(),
        mentions: d.mentions.iter().cloned().collect(),
        deputy: d.deputy_name.as_ref().map(|name| Deputy {
            name: name.clone(),
            id_card: d.deputy_identity_card.clone(),
            vehicle: d.deputy_auto.clone(),
        }),
        exchange_rate: r
            .exchange_rate
            .filter(|_| r.currency != "RON")
            .map(|rate| ExchangeRate {
                rate: rate.0,
                date: Some(r.issue_date),
            }),
        amount_paid: (r.amount_paid != 0).then(|| from_minor(r.amount_paid)),
        ..Extra::default()
    };
    Look {
        extra,
        ..Look::new(title, language)
    }
}
