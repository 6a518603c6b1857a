//! The model → UBL 2.1 XML: an `Invoice` or a `CreditNote`, elements in schema order.
//!
//! The writer prints what the model holds and nothing else: it adds no defaults, checks no
//! rules and never fails. An empty text or an absent value writes no element. Amounts get
//! `currencyID` and exactly two decimals (BR-DEC-*); unit prices, quantities, rates and
//! percentages are written as given (no exponent, never `-0`). The output is UTF-8 text,
//! indented two spaces per level, built with `push_str` into one pre-sized `String`.
//!
//! Where UBL has no place of its own for a term, the EN 16931 binding decides, and
//! [`crate::read()`] undoes it: BT-21 is a `#CODE#` prefix of the note, BT-90 a `SEPA` party
//! identifier of the payee (else the seller), BT-18 and BT-128 document references of type
//! 130, a credit note's BT-11 a document reference of type 50 and its BT-9 the
//! `PaymentDueDate` of the first `PaymentMeans`. So these do not come back as they went:
//! - a credit note's due date (BT-9) without payment instructions (BG-16) is not written;
//! - a gross price (BT-148) without a discount (BT-147) comes back with a zero discount;
//! - a purchase order reference `NA` next to a sales order reference comes back absent;
//! - a note whose text starts like `#AAI#` comes back with that subject code;
//! - a `SEPA` party identifier next to payment instructions comes back as BT-90;
//! - characters XML 1.0 cannot carry (most C0 controls) are left out.

mod lines;
mod out;
mod parties;

use base64::Engine as _;
use einvoice::model::{Attachment, DocumentKind, Invoice, Period};

use crate::xml::{NS_CAC, NS_CBC, NS_CREDIT_NOTE, NS_INVOICE};
use out::Out;

/// `cbc:DocumentTypeCode` of an invoiced object identifier (BT-18, BT-128).
pub(crate) const INVOICED_OBJECT: &str = "130";
/// `cbc:DocumentTypeCode` of a credit note's project reference (BT-11).
pub(crate) const PROJECT: &str = "50";
/// The purchase order reference written when there is only a sales order reference: UBL
/// needs an `OrderReference/ID` (the Peppol convention).
pub(crate) const NO_ORDER: &str = "NA";
/// `schemeID` of the bank assigned creditor identifier (BT-90) among party identifiers.
pub(crate) const SEPA: &str = "SEPA";

/// The UBL XML of `invoice`.
///
/// ```
/// use einvoice::model::{self, Invoice};
///
/// let invoice = Invoice {
///     customization_id: model::CIUS_RO.into(),
///     number: "FCT-0001".into(),
///     type_code: "380".into(),
///     currency: "RON".into(),
///     ..Invoice::default()
/// };
/// let xml = ubl::write(&invoice);
/// assert!(xml.contains("<cbc:ID>FCT-0001</cbc:ID>"));
/// assert!(!xml.contains("<cbc:IssueDate>")); // absent values write nothing
/// ```
pub fn write(invoice: &Invoice) -> String {
    let mut buf = String::with_capacity(estimated_len(invoice));
    write_to(invoice, &mut buf);
    buf
}

/// Appends the UBL XML of `invoice` to `buf`, so a caller can reuse one buffer.
pub fn write_to(invoice: &Invoice, buf: &mut String) {
    let (root, namespace) = match invoice.kind {
        DocumentKind::Invoice => ("Invoice", NS_INVOICE),
        DocumentKind::CreditNote => ("CreditNote", NS_CREDIT_NOTE),
    };
    buf.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<");
    buf.push_str(root);
    for (prefix, ns) in [("", namespace), (":cac", NS_CAC), (":cbc", NS_CBC)] {
        buf.push_str(" xmlns");
        buf.push_str(prefix);
        buf.push_str("=\"");
        buf.push_str(ns);
        buf.push('"');
    }
    buf.push('>');
    let mut out = Out::new(buf, 1);
    header(&mut out, invoice);
    references(&mut out, invoice);
    parties::write(&mut out, invoice);
    lines::document_level(&mut out, invoice);
    lines::lines(&mut out, invoice);
    buf.push_str("\n</");
    buf.push_str(root);
    buf.push_str(">\n");
}

/// A generous guess of the output size, so the buffer rarely grows.
fn estimated_len(invoice: &Invoice) -> usize {
    let notes: usize = invoice.notes.iter().map(|n| n.text.len() + 32).sum();
    let attachments: usize = invoice
        .attachments
        .iter()
        .map(|a| a.content.as_ref().map_or(0, |c| c.data.len() / 3 * 4 + 4) + 400)
        .sum();
    4096 + notes + attachments + invoice.lines.len() * 1600
}

/// BT-24 … BT-10: identification, dates, type, notes, currencies, accounting references.
fn header(out: &mut Out<'_>, inv: &Invoice) {
    let credit_note = inv.kind == DocumentKind::CreditNote;
    out.text("cbc:CustomizationID", &inv.customization_id);
    out.opt("cbc:ProfileID", inv.profile_id.as_deref());
    out.text("cbc:ID", &inv.number);
    out.date("cbc:IssueDate", inv.issue_date);
    if credit_note {
        // A credit note carries BT-9 in its first PaymentMeans.
        out.date("cbc:TaxPointDate", inv.vat_point_date);
        out.text("cbc:CreditNoteTypeCode", &inv.type_code);
    } else {
        out.date("cbc:DueDate", inv.due_date);
        out.text("cbc:InvoiceTypeCode", &inv.type_code);
    }
    for note in &inv.notes {
        match note.subject_code.as_deref().filter(|c| !c.is_empty()) {
            Some(code) => out.text("cbc:Note", &format!("#{code}#{}", note.text)),
            None => out.text("cbc:Note", &note.text),
        }
    }
    if !credit_note {
        out.date("cbc:TaxPointDate", inv.vat_point_date);
    }
    out.text("cbc:DocumentCurrencyCode", &inv.currency);
    out.opt(
        "cbc:TaxCurrencyCode",
        inv.vat_accounting_currency.as_deref(),
    );
    out.opt(
        "cbc:AccountingCost",
        inv.buyer_accounting_reference.as_deref(),
    );
    out.opt("cbc:BuyerReference", inv.buyer_reference.as_deref());
    let code = inv.vat_point_date_code.as_deref().filter(|c| !c.is_empty());
    period(out, inv.invoicing_period.as_ref(), code);
}

/// BG-14 (or BG-26) with, at document level, BT-8.
fn period(out: &mut Out<'_>, period: Option<&Period>, description_code: Option<&str>) {
    let period = period.filter(|p| !p.is_empty());
    if period.is_none() && description_code.is_none() {
        return;
    }
    out.open("cac:InvoicePeriod");
    if let Some(p) = period {
        out.date("cbc:StartDate", p.start);
        out.date("cbc:EndDate", p.end);
    }
    out.opt("cbc:DescriptionCode", description_code);
    out.close("cac:InvoicePeriod");
}

/// BT-11 … BT-18, BG-3 and BG-24, in the order each root wants them.
fn references(out: &mut Out<'_>, inv: &Invoice) {
    let credit_note = inv.kind == DocumentKind::CreditNote;
    let purchase_order = inv
        .purchase_order_reference
        .as_deref()
        .filter(|s| !s.is_empty());
    let sales_order = inv
        .sales_order_reference
        .as_deref()
        .filter(|s| !s.is_empty());
    if purchase_order.is_some() || sales_order.is_some() {
        out.open("cac:OrderReference");
        out.text("cbc:ID", purchase_order.unwrap_or(NO_ORDER));
        out.opt("cbc:SalesOrderID", sales_order);
        out.close("cac:OrderReference");
    }
    for preceding in &inv.preceding_invoices {
        out.open("cac:BillingReference");
        out.open("cac:InvoiceDocumentReference");
        out.text("cbc:ID", &preceding.number);
        out.date("cbc:IssueDate", preceding.issue_date);
        out.close("cac:InvoiceDocumentReference");
        out.close("cac:BillingReference");
    }
    out.reference(
        "cac:DespatchDocumentReference",
        inv.despatch_advice_reference.as_deref(),
    );
    out.reference(
        "cac:ReceiptDocumentReference",
        inv.receiving_advice_reference.as_deref(),
    );
    if !credit_note {
        out.reference(
            "cac:OriginatorDocumentReference",
            inv.tender_or_lot_reference.as_deref(),
        );
    }
    out.reference(
        "cac:ContractDocumentReference",
        inv.contract_reference.as_deref(),
    );
    if let Some(object) = inv
        .invoiced_object_identifier
        .as_ref()
        .filter(|o| !o.id.is_empty())
    {
        out.open("cac:AdditionalDocumentReference");
        out.identifier("cbc:ID", Some(object));
        out.text("cbc:DocumentTypeCode", INVOICED_OBJECT);
        out.close("cac:AdditionalDocumentReference");
    }
    let project = inv.project_reference.as_deref().filter(|p| !p.is_empty());
    if let (true, Some(project)) = (credit_note, project) {
        out.open("cac:AdditionalDocumentReference");
        out.text("cbc:ID", project);
        out.text("cbc:DocumentTypeCode", PROJECT);
        out.close("cac:AdditionalDocumentReference");
    }
    for attachment in &inv.attachments {
        additional_document(out, attachment);
    }
    if credit_note {
        out.reference(
            "cac:OriginatorDocumentReference",
            inv.tender_or_lot_reference.as_deref(),
        );
    } else {
        out.reference("cac:ProjectReference", project);
    }
}

/// BG-24, with the embedded document in base64.
fn additional_document(out: &mut Out<'_>, attachment: &Attachment) {
    out.open("cac:AdditionalDocumentReference");
    out.text("cbc:ID", &attachment.id);
    out.opt("cbc:DocumentDescription", attachment.description.as_deref());
    let uri = attachment.external_uri.as_deref().filter(|u| !u.is_empty());
    if attachment.content.is_some() || uri.is_some() {
        out.open("cac:Attachment");
        if let Some(content) = &attachment.content {
            let mut encoded = String::with_capacity(content.data.len() / 3 * 4 + 4);
            base64::engine::general_purpose::STANDARD.encode_string(&content.data, &mut encoded);
            out.text_with(
                "cbc:EmbeddedDocumentBinaryObject",
                &encoded,
                &[
                    ("mimeCode", Some(content.mime_code.as_str())),
                    ("filename", Some(content.filename.as_str())),
                ],
            );
        }
        if let Some(uri) = uri {
            out.open("cac:ExternalReference");
            out.text("cbc:URI", uri);
            out.close("cac:ExternalReference");
        }
        out.close("cac:Attachment");
    }
    out.close("cac:AdditionalDocumentReference");
}
