//! UBL 2.1 XML → the model: tolerant, namespace-aware reading of `Invoice` and `CreditNote`.
//!
//! The reader walks the tree [`xml::read`](crate::xml::read()) builds, through
//! [`UblNode`], so any namespace prefix works. It is tolerant: unknown elements are
//! ignored, a missing or empty element is `None` (an empty string for mandatory texts),
//! and a value that does not parse (a date, a decimal, a VAT category, a boolean, base64)
//! is left out and reported as a [`ReadIssue`] with its location, while everything else is
//! kept. Checking business rules is the validator's job, not the reader's.

mod lines;
mod parties;
mod values;

use std::fmt;

use einvoice::model::{
    DirectDebit, DocumentKind, Identifier, Invoice, Note, PaymentInstructions, PrecedingInvoice,
};
use roxmltree::Node;

use crate::xml::{self, Limits, NS_CAC, NS_CBC, NS_CII, UblNode};
use values::{Reader, child_identifier, child_string, child_text, nonempty, string};

/// What [`read()`] found: the document, and the values it had to leave out.
#[derive(Debug, Clone, PartialEq)]
pub struct Read {
    /// The document, as far as it could be read.
    pub invoice: Invoice,
    /// The values that could not be read, in document order.
    pub issues: Vec<ReadIssue>,
}

/// A value that could not be read, and so is missing from [`Read::invoice`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadIssue {
    /// Where: the official location path, e.g. `/ubl:Invoice[1]/cbc:IssueDate[1]`.
    pub location: String,
    /// The text found there, cut after 64 characters.
    pub value: String,
    /// What is wrong with it.
    pub problem: Problem,
}

/// What is wrong with a value the reader left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Problem {
    /// Not a date `YYYY-MM-DD`.
    NotDate,
    /// Not a decimal number.
    NotDecimal,
    /// Not a VAT category code (UNCL 5305: S, Z, E, AE, K, G, O, L, M).
    UnknownVatCategory,
    /// Not `true` or `false`; the allowance or charge it belongs to was left out.
    NotBoolean,
    /// Not base64; the attached document's content was left out.
    NotBase64,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Problem::NotDate => "is not a date (YYYY-MM-DD)",
            Problem::NotDecimal => "is not a decimal number",
            Problem::UnknownVatCategory => "is not a VAT category code",
            Problem::NotBoolean => "is not a boolean (true or false)",
            Problem::NotBase64 => "is not base64",
        })
    }
}

impl fmt::Display for ReadIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: '{}' {}", self.location, self.value, self.problem)
    }
}

/// Why a document could not be read at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ReadError {
    /// The bytes are not acceptable XML (size, encoding, DTD, well-formedness, bounds).
    #[error(transparent)]
    Xml(#[from] xml::ReadError),
    /// The root element is not a UBL `Invoice` or `CreditNote`.
    #[error("the document is not a UBL Invoice or CreditNote: its root element is {root}")]
    NotUbl {
        /// The root element found, e.g. `rsm:CrossIndustryInvoice (UN/CEFACT CII)`.
        root: String,
    },
}

/// Reads a UBL `Invoice` or `CreditNote` from bytes, under the default [`Limits`] (10 MiB,
/// bounded depth and nodes, no DTD).
///
/// ```
/// let xml = br#"<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
///     xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
///     <cbc:ID>FCT-7</cbc:ID><cbc:IssueDate>2025-02-30</cbc:IssueDate></Invoice>"#;
/// let read = ubl::read(xml)?;
/// assert_eq!(read.invoice.number, "FCT-7");
/// assert_eq!(read.invoice.issue_date, None);
/// assert_eq!(
///     read.issues[0].to_string(),
///     "/ubl:Invoice[1]/cbc:IssueDate[1]: '2025-02-30' is not a date (YYYY-MM-DD)"
/// );
/// # Ok::<(), ubl::ReadError>(())
/// ```
pub fn read(bytes: &[u8]) -> Result<Read, ReadError> {
    let doc = xml::read(bytes, &Limits::default())?;
    read_tree(doc.root_element())
}

/// Reads the document whose root element is `root`, for a caller that already has the
/// tree (the validator parses once and reads twice).
pub fn read_tree(root: Node<'_, '_>) -> Result<Read, ReadError> {
    let kind = if root.is("ubl:Invoice") {
        DocumentKind::Invoice
    } else if root.is("cn:CreditNote") {
        DocumentKind::CreditNote
    } else {
        return Err(ReadError::NotUbl {
            root: describe(root),
        });
    };
    let mut reader = Reader::new(root);
    let invoice = document(&mut reader, kind);
    Ok(Read {
        invoice,
        issues: reader.into_issues(),
    })
}

/// The root element's name, for an error message.
fn describe(root: Node<'_, '_>) -> String {
    let name = root.tag_name();
    match name.namespace() {
        Some(NS_CII) => format!("rsm:{} (UN/CEFACT CII)", name.name()),
        Some(ns) => format!("{{{ns}}}{}", name.name()),
        None => name.name().to_owned(),
    }
}

/// What the first pass over the root's children collects for the second.
#[derive(Default)]
struct Later<'a, 'input> {
    tax_totals: Vec<Node<'a, 'input>>,
    payment_means: Vec<Node<'a, 'input>>,
    project_document: Option<String>,
    seller_creditor: Option<String>,
    payee_creditor: Option<String>,
}

/// Reads the whole document in one pass over the root's children.
fn document(r: &mut Reader<'_, '_>, kind: DocumentKind) -> Invoice {
    let mut inv = Invoice {
        kind,
        ..Invoice::default()
    };
    let mut later = Later::default();
    let line_name = match kind {
        DocumentKind::Invoice => "InvoiceLine",
        DocumentKind::CreditNote => "CreditNoteLine",
    };
    for child in r.root().children().filter(Node::is_element) {
        let name = child.tag_name();
        match name.namespace() {
            Some(NS_CBC) => basic(r, &mut inv, child, name.name()),
            Some(NS_CAC) if name.name() == line_name => inv.lines.push(lines::line(r, child)),
            Some(NS_CAC) => aggregate(r, &mut inv, &mut later, child, name.name()),
            _ => {}
        }
    }
    lines::tax_totals(r, &mut inv, &later.tax_totals);
    payment(r, &mut inv, &mut later);
    if inv.project_reference.is_none() {
        inv.project_reference = later.project_document;
    }
    inv
}

/// A `cbc:` child of the root.
fn basic<'a, 'input>(
    r: &mut Reader<'a, 'input>,
    inv: &mut Invoice,
    node: Node<'a, 'input>,
    local: &str,
) {
    match local {
        "CustomizationID" => inv.customization_id = string(node),
        "ProfileID" => inv.profile_id = nonempty(node),
        "ID" => inv.number = string(node),
        "IssueDate" => inv.issue_date = r.date(node),
        "DueDate" => inv.due_date = r.date(node),
        "InvoiceTypeCode" | "CreditNoteTypeCode" => inv.type_code = string(node),
        "Note" => {
            if let Some(text) = nonempty(node) {
                inv.notes.push(note(text));
            }
        }
        "TaxPointDate" => inv.vat_point_date = r.date(node),
        "DocumentCurrencyCode" => inv.currency = string(node),
        "TaxCurrencyCode" => inv.vat_accounting_currency = nonempty(node),
        "AccountingCost" => inv.buyer_accounting_reference = nonempty(node),
        "BuyerReference" => inv.buyer_reference = nonempty(node),
        _ => {}
    }
}

/// A `cac:` child of the root, other than a line.
fn aggregate<'a, 'input>(
    r: &mut Reader<'a, 'input>,
    inv: &mut Invoice,
    later: &mut Later<'a, 'input>,
    node: Node<'a, 'input>,
    local: &str,
) {
    match local {
        "InvoicePeriod" => {
            inv.invoicing_period = r.period(node);
            inv.vat_point_date_code = child_text(node, "cbc:DescriptionCode");
        }
        "OrderReference" => {
            let sales_order = child_text(node, "cbc:SalesOrderID");
            let order = child_text(node, "cbc:ID");
            let placeholder =
                sales_order.is_some() && order.as_deref() == Some(crate::write::NO_ORDER);
            inv.purchase_order_reference = order.filter(|_| !placeholder);
            inv.sales_order_reference = sales_order;
        }
        "BillingReference" => {
            for reference in node.children_named("cac:InvoiceDocumentReference") {
                inv.preceding_invoices.push(PrecedingInvoice {
                    number: child_string(reference, "cbc:ID"),
                    issue_date: r.child_date(reference, "cbc:IssueDate"),
                });
            }
        }
        "DespatchDocumentReference" => inv.despatch_advice_reference = child_text(node, "cbc:ID"),
        "ReceiptDocumentReference" => inv.receiving_advice_reference = child_text(node, "cbc:ID"),
        "OriginatorDocumentReference" => inv.tender_or_lot_reference = child_text(node, "cbc:ID"),
        "ContractDocumentReference" => inv.contract_reference = child_text(node, "cbc:ID"),
        "ProjectReference" => inv.project_reference = child_text(node, "cbc:ID"),
        "AdditionalDocumentReference" => additional_document(r, inv, later, node),
        "AccountingSupplierParty" => {
            let (seller, creditor) = parties::seller(node);
            inv.seller = seller;
            later.seller_creditor = creditor;
        }
        "AccountingCustomerParty" => inv.buyer = parties::buyer(node),
        "PayeeParty" => {
            let (payee, creditor) = parties::payee(node);
            inv.payee = Some(payee);
            later.payee_creditor = creditor;
        }
        "TaxRepresentativeParty" => {
            inv.tax_representative = Some(parties::tax_representative(node));
        }
        "Delivery" => inv.delivery = parties::delivery(r, node),
        "PaymentMeans" => later.payment_means.push(node),
        "PaymentTerms" => inv.payment_terms = child_text(node, "cbc:Note"),
        "AllowanceCharge" => {
            if let Some((is_charge, ac)) = lines::document_allowance_charge(r, node) {
                if is_charge {
                    inv.charges.push(ac);
                } else {
                    inv.allowances.push(ac);
                }
            }
        }
        "TaxTotal" => later.tax_totals.push(node),
        "LegalMonetaryTotal" => inv.totals = lines::monetary_total(r, node),
        _ => {}
    }
}

/// `cac:AdditionalDocumentReference`: BT-18 (type 130), BT-11 (type 50) or BG-24.
fn additional_document<'a, 'input>(
    r: &mut Reader<'a, 'input>,
    inv: &mut Invoice,
    later: &mut Later<'a, 'input>,
    node: Node<'a, 'input>,
) {
    let type_code = node.child("cbc:DocumentTypeCode").map(|c| string(c));
    match type_code.as_deref().map(str::trim) {
        Some(crate::write::INVOICED_OBJECT) if inv.invoiced_object_identifier.is_none() => {
            inv.invoiced_object_identifier = child_identifier(node, "cbc:ID");
        }
        Some(crate::write::PROJECT) if later.project_document.is_none() => {
            later.project_document = child_text(node, "cbc:ID");
        }
        _ => inv.attachments.push(lines::attachment(r, node)),
    }
}

/// BG-16 from the `cac:PaymentMeans` elements, BT-9 of a credit note, and BT-90 from the
/// `SEPA` party identifiers.
fn payment<'a, 'input>(
    r: &mut Reader<'a, 'input>,
    inv: &mut Invoice,
    later: &mut Later<'a, 'input>,
) {
    let mut payment = None;
    if let Some(first) = later.payment_means.first() {
        let mut p = PaymentInstructions::default();
        if let Some(code) = first.child("cbc:PaymentMeansCode") {
            p.means_code = string(code);
            p.means_text = code
                .attribute("name")
                .filter(|n| !n.is_empty())
                .map(str::to_owned);
        }
        p.remittance_information = child_text(*first, "cbc:PaymentID");
        for means in &later.payment_means {
            parties::payment_means(&mut p, *means);
            if inv.due_date.is_none() {
                inv.due_date = r.child_date(*means, "cbc:PaymentDueDate");
            }
        }
        payment = Some(p);
    }
    // BT-90 belongs to a direct debit; without payment instructions it stays an identifier.
    let sepa = |id| Identifier::with_scheme(id, crate::write::SEPA);
    let (payee_creditor, seller_creditor) =
        (later.payee_creditor.take(), later.seller_creditor.take());
    if let Some(p) = &mut payment {
        let (creditor, seller_left) = match payee_creditor {
            Some(id) => (Some(id), seller_creditor),
            None => (seller_creditor, None),
        };
        if let Some(id) = creditor {
            p.direct_debit
                .get_or_insert_with(DirectDebit::default)
                .creditor_id = Some(id);
        }
        inv.seller.identifiers.extend(seller_left.map(sepa));
    } else {
        inv.seller.identifiers.extend(seller_creditor.map(sepa));
        if let Some(payee) = inv.payee.as_mut().filter(|p| p.identifier.is_none()) {
            payee.identifier = payee_creditor.map(sepa);
        }
    }
    inv.payment_instructions = payment;
}

/// BG-1: the text, with a `#AAI#` prefix taken as the subject code (BT-21).
fn note(text: String) -> Note {
    let b = text.as_bytes();
    let coded =
        b.len() >= 5 && b[0] == b'#' && b[4] == b'#' && b[1..4].iter().all(u8::is_ascii_uppercase);
    if coded {
        Note {
            subject_code: Some(text[1..4].to_owned()),
            text: text[5..].to_owned(),
        }
    } else {
        Note {
            subject_code: None,
            text,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use pretty_assertions::assert_eq;

    #[test]
    fn a_cii_invoice_is_refused_clearly() {
        let cii = br#"<rsm:CrossIndustryInvoice
            xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"/>"#;
        assert_eq!(
            read(cii).unwrap_err().to_string(),
            "the document is not a UBL Invoice or CreditNote: its root element is \
             rsm:CrossIndustryInvoice (UN/CEFACT CII)"
        );
        let other = br#"<Invoice xmlns="urn:example"/>"#;
        assert_eq!(
            read(other).unwrap_err(),
            ReadError::NotUbl {
                root: "{urn:example}Invoice".into()
            }
        );
    }

    #[test]
    fn bad_values_are_issues_and_the_rest_is_kept() {
        let xml = br#"<cn:CreditNote xmlns:cn="urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"
            xmlns:a="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
            xmlns:b="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
          <b:ID>CN-1</b:ID>
          <b:Note>#AAI#Retur</b:Note>
          <a:AllowanceCharge><b:ChargeIndicator>maybe</b:ChargeIndicator></a:AllowanceCharge>
          <a:CreditNoteLine>
            <b:ID>1</b:ID>
            <b:CreditedQuantity unitCode="H87">1,5</b:CreditedQuantity>
            <b:LineExtensionAmount currencyID="RON"> 10.00 </b:LineExtensionAmount>
            <a:Item><b:Name>Marfa</b:Name>
              <a:ClassifiedTaxCategory><b:ID>X</b:ID><b:Percent>21</b:Percent></a:ClassifiedTaxCategory>
            </a:Item>
          </a:CreditNoteLine>
        </cn:CreditNote>"#;
        let read = read(xml).unwrap();
        let inv = &read.invoice;
        assert_eq!(inv.kind, DocumentKind::CreditNote);
        assert_eq!(inv.notes[0].subject_code.as_deref(), Some("AAI"));
        assert_eq!(inv.notes[0].text, "Retur");
        assert!(inv.allowances.is_empty() && inv.charges.is_empty());
        let line = &inv.lines[0];
        assert_eq!(line.quantity, None);
        assert_eq!(line.unit_code, "H87");
        assert_eq!(line.net_amount, Some(rust_decimal::Decimal::new(1000, 2)));
        assert_eq!(line.vat.category, None);
        assert_eq!(line.vat.rate, Some(rust_decimal::Decimal::from(21)));
        let issues: Vec<String> = read.issues.iter().map(ToString::to_string).collect();
        assert_eq!(
            issues,
            [
                "/cn:CreditNote[1]/cac:AllowanceCharge[1]/cbc:ChargeIndicator[1]: 'maybe' is not a \
                 boolean (true or false)",
                "/cn:CreditNote[1]/cac:CreditNoteLine[1]/cbc:CreditedQuantity[1]: '1,5' is not a \
                 decimal number",
                "/cn:CreditNote[1]/cac:CreditNoteLine[1]/cac:Item[1]/cac:ClassifiedTaxCategory[1]/\
                 cbc:ID[1]: 'X' is not a VAT category code",
            ]
        );
    }
}
