//! The EN 16931 semantic model: an invoice or credit note as plain Rust data.
//!
//! Every business term (BT-1 … BT-165) and business group (BG-1 … BG-32) that a UBL 2.1
//! document can carry has a field here, named for what it is, with its id in the doc
//! comment. The model says nothing about syntax: the `ubl` crate writes it as UBL XML and
//! reads it back.
//!
//! Conventions, so that a document read from the outside can always be represented:
//! - amounts, quantities, rates and prices are [`Decimal`], never floats;
//! - a value EN 16931 makes mandatory but whose type could fail to parse (a date, an
//!   amount, a VAT category) is an [`Option`], so a reader can keep the rest of a broken
//!   document; a mandatory text is a [`String`], empty when absent;
//! - an empty text and an absent one are the same thing: writers leave both out;
//! - codes with a closed list the crate knows use its type ([`VatCategory`]); open or
//!   long lists (currencies, countries, units, type codes, VATEX) stay [`String`], so an
//!   unknown value survives a round trip unchanged.
//!
//! [`Invoice::compute_totals`] fills the document totals (BG-22) and the VAT breakdown
//! (BG-23) from the lines and the document allowances and charges, through
//! [`crate::totals::compute`].

mod compute;
mod line;
mod party;
mod payment;
mod tax;

pub use compute::ModelError;
pub use line::{
    InvoiceLine, Item, ItemAttribute, ItemClassification, LineAllowanceCharge, LineVat, Price,
};
pub use party::{
    Address, Buyer, Contact, Delivery, Identifier, Payee, Seller, TaxRegistration,
    TaxRepresentative,
};
pub use payment::{
    Attachment, BinaryObject, CreditTransfer, DirectDebit, PaymentCard, PaymentInstructions,
};
pub use tax::{AllowanceCharge, DocumentTotals, VatBreakdown};

use serde::{Deserialize, Serialize};
use time::Date;

#[cfg(doc)]
use {crate::codes::VatCategory, rust_decimal::Decimal};

/// BT-24 of a Romanian e-Factura document: EN 16931 with the CIUS-RO 1.0.1 extension
/// (BR-RO-001).
pub const CIUS_RO: &str =
    "urn:cen.eu:en16931:2017#compliant#urn:efactura.mfinante.ro:CIUS-RO:1.0.1";

/// BT-24 of a plain EN 16931 document.
pub const EN16931: &str = "urn:cen.eu:en16931:2017";

time::serde::format_description!(iso_date, Date, "[year]-[month]-[day]");

/// Which UBL document the model is: an `Invoice` or a `CreditNote`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DocumentKind {
    /// A UBL `Invoice` (type codes 380, 384, 389, 751, …).
    #[default]
    Invoice,
    /// A UBL `CreditNote` (type code 381).
    CreditNote,
}

/// An EN 16931 invoice or credit note.
///
/// Build one with `..Invoice::default()`, add lines, then call
/// [`Invoice::compute_totals`] for BG-22 and BG-23.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Invoice {
    /// Invoice or credit note: the UBL root element.
    pub kind: DocumentKind,
    /// BT-24 Specification identifier, e.g. [`CIUS_RO`].
    pub customization_id: String,
    /// BT-23 Business process type.
    pub profile_id: Option<String>,
    /// BT-1 Invoice number.
    pub number: String,
    /// BT-2 Invoice issue date.
    #[serde(with = "iso_date::option", default)]
    pub issue_date: Option<Date>,
    /// BT-3 Invoice type code (UNTDID 1001): `380` invoice, `381` credit note, `384`
    /// corrected invoice, `389` self-billed invoice, `751` accounting information.
    pub type_code: String,
    /// BT-5 Invoice currency code (ISO 4217).
    pub currency: String,
    /// BT-6 VAT accounting currency code; `RON` when BT-5 is another currency (BR-RO-030).
    pub vat_accounting_currency: Option<String>,
    /// BT-7 Value added tax point date.
    #[serde(with = "iso_date::option", default)]
    pub vat_point_date: Option<Date>,
    /// BT-8 Value added tax point date code (UNTDID 2005; CIUS-RO: 3, 35 or 432).
    pub vat_point_date_code: Option<String>,
    /// BT-9 Payment due date.
    #[serde(with = "iso_date::option", default)]
    pub due_date: Option<Date>,
    /// BT-10 Buyer reference.
    pub buyer_reference: Option<String>,
    /// BT-11 Project reference.
    pub project_reference: Option<String>,
    /// BT-12 Contract reference.
    pub contract_reference: Option<String>,
    /// BT-13 Purchase order reference.
    pub purchase_order_reference: Option<String>,
    /// BT-14 Sales order reference.
    pub sales_order_reference: Option<String>,
    /// BT-15 Receiving advice reference.
    pub receiving_advice_reference: Option<String>,
    /// BT-16 Despatch advice reference.
    pub despatch_advice_reference: Option<String>,
    /// BT-17 Tender or lot reference.
    pub tender_or_lot_reference: Option<String>,
    /// BT-18 Invoiced object identifier, with its scheme (BT-18-1).
    pub invoiced_object_identifier: Option<Identifier>,
    /// BT-19 Buyer accounting reference.
    pub buyer_accounting_reference: Option<String>,
    /// BT-20 Payment terms.
    pub payment_terms: Option<String>,
    /// BG-1 Invoice notes.
    pub notes: Vec<Note>,
    /// BG-3 Preceding invoice references: the invoice a credit note or storno corrects.
    pub preceding_invoices: Vec<PrecedingInvoice>,
    /// BG-4 Seller.
    pub seller: Seller,
    /// BG-7 Buyer.
    pub buyer: Buyer,
    /// BG-10 Payee, when someone other than the seller is paid.
    pub payee: Option<Payee>,
    /// BG-11 Seller tax representative party.
    pub tax_representative: Option<TaxRepresentative>,
    /// BG-13 Delivery information.
    pub delivery: Option<Delivery>,
    /// BG-14 Invoicing period.
    pub invoicing_period: Option<Period>,
    /// BG-16 Payment instructions.
    pub payment_instructions: Option<PaymentInstructions>,
    /// BG-20 Document level allowances.
    pub allowances: Vec<AllowanceCharge>,
    /// BG-21 Document level charges.
    pub charges: Vec<AllowanceCharge>,
    /// BG-22 Document totals.
    pub totals: DocumentTotals,
    /// BG-23 VAT breakdown.
    pub vat_breakdown: Vec<VatBreakdown>,
    /// BG-24 Additional supporting documents.
    pub attachments: Vec<Attachment>,
    /// BG-25 Invoice lines.
    pub lines: Vec<InvoiceLine>,
}

/// BG-1 Invoice note.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    /// BT-21 Invoice note subject code (UNTDID 4451, e.g. `AAI`); UBL carries it as a
    /// `#AAI#` prefix of the note text.
    pub subject_code: Option<String>,
    /// BT-22 Invoice note.
    pub text: String,
}

impl Note {
    /// A note with text only.
    pub fn new(text: impl Into<String>) -> Self {
        Self {
            subject_code: None,
            text: text.into(),
        }
    }
}

/// BG-3 Preceding invoice reference.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrecedingInvoice {
    /// BT-25 Preceding invoice number.
    pub number: String,
    /// BT-26 Preceding invoice issue date.
    #[serde(with = "iso_date::option", default)]
    pub issue_date: Option<Date>,
}

/// A period: BG-14 Invoicing period, or BG-26 Invoice line period.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    /// BT-73 Invoicing period start date, or BT-134 Invoice line period start date.
    #[serde(with = "iso_date::option", default)]
    pub start: Option<Date>,
    /// BT-74 Invoicing period end date, or BT-135 Invoice line period end date.
    #[serde(with = "iso_date::option", default)]
    pub end: Option<Date>,
}

impl Period {
    /// Whether neither date is set.
    pub fn is_empty(&self) -> bool {
        self.start.is_none() && self.end.is_none()
    }
}

impl Invoice {
    /// Whether this is a credit note (a UBL `CreditNote`).
    pub fn is_credit_note(&self) -> bool {
        self.kind == DocumentKind::CreditNote
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codes::VatCategory;
    use pretty_assertions::assert_eq;
    use rust_decimal_macros::dec;
    use time::macros::date;

    #[test]
    fn json_has_iso_dates_and_exact_decimals() {
        let invoice = Invoice {
            number: "FCT-1".into(),
            issue_date: Some(date!(2025 - 09 - 15)),
            invoicing_period: Some(Period {
                start: Some(date!(2025 - 08 - 01)),
                end: None,
            }),
            lines: vec![InvoiceLine {
                quantity: Some(dec!(1.500)),
                vat: LineVat::new(VatCategory::AE, dec!(0)),
                ..InvoiceLine::default()
            }],
            ..Invoice::default()
        };
        let json = serde_json::to_string(&invoice).unwrap();
        assert!(json.contains(r#""issue_date":"2025-09-15""#), "{json}");
        assert!(
            json.contains(r#""start":"2025-08-01","end":null"#),
            "{json}"
        );
        assert!(json.contains(r#""quantity":"1.500""#), "{json}");
        assert!(json.contains(r#""category":"AE""#), "{json}");
        let back: Invoice = serde_json::from_str(&json).unwrap();
        assert_eq!(back, invoice);
    }
}
