//! Document PDFs, laid out by `crates/pdf` in the company's design (`documents::branding`).
//! An invoice prints from the same EN 16931 document its UBL holds — the XML as issued (or
//! received, for an incoming invoice), or, for a draft, as it would be issued now — so the PDF
//! never says anything the e-invoice does not. A proforma or delivery note prints from its
//! content built as an invoice would be. Used by the PDF routes and by e-mails that attach
//! them.

use einvoice::money::from_minor;
use pdf::{Deputy, ExchangeRate, Extra, Look, Title};

use super::branding::Branding;
use super::input::InvoiceDetails;
use super::{trade, validation};
use crate::api::error::ApiError;
use crate::state::AppState;
use crate::store::invoices::{InvoiceRecord, LineRecord};
use crate::store::trade_documents::TradeRecord;
use crate::tenancy::CompanyScope;

/// The PDF of an invoice, rendered off the async threads.
pub async fn invoice_pdf(
    state: &AppState,
    scope: &CompanyScope,
    record: &InvoiceRecord,
    lines: &[LineRecord],
) -> Result<Vec<u8>, ApiError> {
    let xml = validation::xml_of(state, scope, record, lines).await?;
    let look = Branding::of(state, scope.id())
        .await?
        .apply(look_of(record));
    off_thread(record.id, move || {
        let read = ubl::read(xml.as_bytes()).map_err(|e| e.to_string())?;
        let mut look = look;
        if look.title == Title::Storno && Title::of(&read.invoice) == Title::CreditNote {
            // Written (or received) as a UBL CreditNote: its amounts are positive.
            look.title = Title::CreditNote;
        }
        pdf::render(&read.invoice, &look).map_err(|e| e.to_string())
    })
    .await
}

/// What a proforma or delivery note leaves out of its PDF.
#[derive(Debug, Clone, Copy, Default)]
pub struct Hide {
    /// VAT columns, breakdown and totals.
    pub vat: bool,
    /// Prices and amounts (a packing list).
    pub prices: bool,
}

/// The PDF of a proforma or delivery note, in its language and the company's design.
pub async fn trade_pdf(
    state: &AppState,
    scope: &CompanyScope,
    r: &TradeRecord,
    hide: Hide,
) -> Result<Vec<u8>, ApiError> {
    let document = trade::document(state, scope, r).await?;
    let title = if r.kind == "proforma" {
        Title::Proforma
    } else {
        Title::DeliveryNote
    };
    let content = &r.content.0;
    let language = content
        .language
        .as_deref()
        .unwrap_or("ro")
        .parse()
        .unwrap_or_default();
    let mut look = Look::new(title, language);
    look.extra = Extra {
        valid_until: r.valid_until,
        ..extra_of(&content.details)
    };
    look.show.vat = !hide.vat;
    look.show.prices = !hide.prices;
    // A proforma asks for payment; a delivery note does not.
    look.show.total_in_words = r.kind == "proforma";
    let look = Branding::of(state, scope.id()).await?.apply(look);
    off_thread(r.id, move || {
        pdf::render(&document, &look).map_err(|e| e.to_string())
    })
    .await
}

/// Runs a render off the async threads; its failure is a 500 naming the document.
pub async fn off_thread(
    id: impl std::fmt::Display,
    render: impl FnOnce() -> Result<Vec<u8>, String> + Send + 'static,
) -> Result<Vec<u8>, ApiError> {
    tokio::task::spawn_blocking(render)
        .await
        .map_err(|e| ApiError::Internal(anyhow::anyhow!("the PDF task failed: {e}")))?
        .map_err(|e| ApiError::Internal(anyhow::anyhow!("rendering the PDF of {id}: {e}")))
}

/// `<kind>-<number>.pdf` (`proforma-PRO0001.pdf`, `delivery-note-AVZ0001.pdf`), safe in a
/// header.
pub fn trade_filename(r: &TradeRecord) -> String {
    format!("{}-{}.pdf", r.kind.replace('_', "-"), safe(&r.number))
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

/// How the invoice is printed: its language, its title (a storno for a credit note, until its
/// XML shows a UBL CreditNote), and what the PDF shows beyond the e-invoice.
fn look_of(r: &InvoiceRecord) -> Look {
    let language = r.language.parse().unwrap_or_default();
    let title = if r.document_type == "credit_note" {
        Title::Storno
    } else {
        Title::Invoice
    };
    let extra = Extra {
        exchange_rate: r
            .exchange_rate
            .filter(|_| r.currency != "RON")
            .map(|rate| ExchangeRate {
                rate: rate.0,
                date: Some(r.issue_date),
            }),
        amount_paid: (r.amount_paid != 0).then(|| from_minor(r.amount_paid)),
        ..extra_of(&r.details.0)
    };
    Look {
        extra,
        ..Look::new(title, language)
    }
}

/// What every document prints from its descriptive fields beyond EN 16931: who drew it up, its
/// mentions and the delegate who carries the goods.
fn extra_of(d: &InvoiceDetails) -> Extra {
    Extra {
        issuer_name: d.issuer_name.clone(),
        issuer_id: d.issuer_id.clone(),
        mentions: d.mentions.iter().cloned().collect(),
        deputy: d.deputy_name.as_ref().map(|name| Deputy {
            name: name.clone(),
            id_card: d.deputy_identity_card.clone(),
            vehicle: d.deputy_auto.clone(),
        }),
        ..Extra::default()
    }
}
