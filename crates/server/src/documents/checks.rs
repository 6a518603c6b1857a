//! Checks an invoice must pass before it takes a number, with the official rule ids, pointing at
//! the API fields a user can fix. They run first; the native EN 16931 / CIUS-RO validator then
//! checks the UBL itself (`documents::validation`).

use serde::Serialize;
use utoipa::ToSchema;

use crate::store::companies::Company;
use crate::store::invoices::{InvoiceRecord, LineRecord};

/// One problem found in an invoice (api.md §12.1 `errors[]` / `warnings[]`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Finding {
    pub message: String,
    /// The same message in Romanian, for the rules of the native validator.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message_ro: Option<String>,
    /// `business` for Facturo's own pre-checks, `xsd` for the UBL schema, `schematron` for the
    /// official EN 16931 and CIUS-RO rules.
    pub source: &'static str,
    pub rule_id: &'static str,
    /// `fatal`, `error` or `warning`.
    pub severity: &'static str,
    /// Where: the API field for pre-checks, the location in the UBL
    /// (`/ubl:Invoice[1]/cac:InvoiceLine[2]/cbc:ID[1]`) for the validator's findings.
    pub location: String,
    /// The API field a form should highlight (`client.vatCode`, `lines[1].unitPrice`), when
    /// there is one.
    pub field: Option<String>,
}

/// The result of checking an invoice.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    pub valid: bool,
    pub errors: Vec<Finding>,
    pub warnings: Vec<Finding>,
    /// Whether the official EN 16931 / CIUS-RO rules ran (the native validator).
    pub schematron_available: bool,
}

fn finding(rule_id: &'static str, location: &str, message: &str) -> Finding {
    Finding {
        message: message.to_owned(),
        message_ro: None,
        source: "business",
        rule_id,
        severity: "error",
        location: location.to_owned(),
        field: Some(location.to_owned()),
    }
}

/// Checks `inv` (with its lines) issued by `seller`.
pub fn check(inv: &InvoiceRecord, lines: &[LineRecord], seller: &Company) -> Report {
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    if seller.name.trim().is_empty() {
        errors.push(finding(
            "BR-06",
            "company.name",
            "An invoice shall contain the seller name (BT-27).",
        ));
    }
    if inv
        .receiver_name
        .as_deref()
        .is_none_or(|n| n.trim().is_empty())
    {
        errors.push(finding("BR-07", "clientId", "An invoice shall contain the buyer name (BT-44): choose a client or give receiverName."));
    }
    let buyer = inv.buyer_snapshot.as_ref().map(|j| &j.0);
    let buyer_id = inv
        .receiver_cif
        .as_deref()
        .is_some_and(|c| !c.trim().is_empty())
        || buyer.is_some_and(|b| {
            ["cui", "cnp", "vatCode"]
                .iter()
                .any(|k| b[k].as_str().is_some_and(|s| !s.trim().is_empty()))
        });
    if !buyer_id {
        errors.push(finding(
            "BR-RO-120",
            "clientId",
            "The buyer's legal registration identifier (BT-47) or VAT identifier (BT-48) shall be present (CUI, CNP or VAT number).",
        ));
    }
    if lines.is_empty() {
        errors.push(finding(
            "BR-16",
            "lines",
            "An invoice shall have at least one line.",
        ));
    }
    if inv.payable > 0
        && inv.due_date.is_none()
        && inv
            .details
            .0
            .payment_terms
            .as_deref()
            .is_none_or(|t| t.trim().is_empty())
    {
        errors.push(finding("BR-CO-25", "dueDate", "When an amount is due (BT-115), the due date (BT-9) or the payment terms (BT-20) shall be present."));
    }
    if seller.country == "RO" && seller.county.is_none() {
        errors.push(finding(
            "BR-RO-110",
            "company.state",
            "The seller's county (BT-39) is required for a Romanian seller.",
        ));
    }
    if seller.city.is_none() || seller.address.is_none() {
        warnings.push(Finding {
            severity: "warning",
            ..finding(
                "BR-08",
                "company.address",
                "The seller's postal address (BG-5) should have a street and city.",
            )
        });
    }
    Report {
        valid: errors.is_empty(),
        errors,
        warnings,
        schematron_available: false,
    }
}
