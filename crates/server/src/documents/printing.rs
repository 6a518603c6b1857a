//! Invoice PDFs, laid out by `crates/pdf` from the same EN 16931 document the invoice's UBL
//! holds — the XML as issued (or received, for an incoming invoice), or, for a draft, as it
//! would be issued now — so the PDF never says anything the e-invoice does not. Used by the
//! PDF route and by e-mails that attach it.

use einvoice::money::from_minor;
use pdf::{Deputy, ExchangeRate, Extra, Look, Title};

use super::validation;
use crate::api::error::ApiError;
use crate::state::AppState;
use crate::store::invoices::{InvoiceRecord, LineRecord};
use crate::tenancy::CompanyScope;

/// The PDF of an invoice, rendered off the async threads.
pub async fn invoice_pdf(
    state: &AppState,
    scope: &CompanyScope,
    record: &InvoiceRecord,
    lines: &[LineRecord],
) -> Result<Vec<u8>, ApiError> {
    let xml = validation::xml_of(state, scope, record, lines).await?;
    let look = look_of(record);
    let id = record.id;
    tokio::task::spawn_blocking(move || {
        let read = ubl::read(xml.as_bytes()).map_err(|e| e.to_string())?;
        pdf::render(&read.invoice, &look).map_err(|e| e.to_string())
    })
    .await
    .map_err(|e| ApiError::Internal(anyhow::anyhow!("the PDF task failed: {e}")))?
    .map_err(|e| ApiError::Internal(anyhow::anyhow!("rendering the PDF of {id}: {e}")))
}

/// `invoice-<number>.pdf`, safe in a header.
pub fn pdf_filename(record: &InvoiceRecord) -> String {
    format!("invoice-{}.pdf", safe(&record.number))
}

/// `invoice-<number>.xml`, safe in a header.
pub fn xml_filename(record: &InvoiceRecord) -> String {
    format!("invoice-{}.xml", safe(&record.number))
}

fn safe(number: &str) -> String {
    number.replace(['"', '/', '\\'], "_")
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
