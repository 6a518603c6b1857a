//! The core business rules `BR-01` … `BR-67`: what an invoice must contain.

use crate::doc::{Doc, has_text, text};
use crate::finding::Severity::Fatal;
use crate::registry::{Hits, Rule, Sets};

pub(crate) const RULES: &[Rule] = &[
    Rule {
        id: "BR-01",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &["BT-24"],
        en: "An Invoice shall have a Specification identifier (BT-24).",
        ro: "O factură trebuie să aibă un identificator al specificației (BT-24).",
        check: br_01,
    },
    Rule {
        id: "BR-02",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &["BT-1"],
        en: "An Invoice shall have an Invoice number (BT-1).",
        ro: "O factură trebuie să aibă un număr de factură (BT-1).",
        check: br_02,
    },
    Rule {
        id: "BR-03",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &["BT-2"],
        en: "An Invoice shall have an Invoice issue date (BT-2).",
        ro: "O factură trebuie să aibă o dată de emitere (BT-2).",
        check: br_03,
    },
    Rule {
        id: "BR-04",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &["BT-3"],
        en: "An Invoice shall have an Invoice type code (BT-3).",
        ro: "O factură trebuie să aibă un cod de tip al facturii (BT-3).",
        check: br_04,
    },
    Rule {
        id: "BR-05",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &["BT-5"],
        en: "An Invoice shall have an Invoice currency code (BT-5).",
        ro: "O factură trebuie să aibă un cod al monedei facturii (BT-5).",
        check: br_05,
    },
];

/// Context `/ubl:Invoice | /cn:CreditNote`: fails on the root when `child` has no text.
fn root_needs(d: &Doc<'_, '_>, hits: &mut Hits, child: &str) {
    hits.check(d, d.root, !has_text(&text(d.root, child)));
}

fn br_01(d: &Doc<'_, '_>, hits: &mut Hits) {
    root_needs(d, hits, "cbc:CustomizationID");
}

fn br_02(d: &Doc<'_, '_>, hits: &mut Hits) {
    root_needs(d, hits, "cbc:ID");
}

fn br_03(d: &Doc<'_, '_>, hits: &mut Hits) {
    root_needs(d, hits, "cbc:IssueDate");
}

fn br_04(d: &Doc<'_, '_>, hits: &mut Hits) {
    let code = text(d.root, "cbc:InvoiceTypeCode") + &text(d.root, "cbc:CreditNoteTypeCode");
    hits.check(d, d.root, !has_text(&code));
}

fn br_05(d: &Doc<'_, '_>, hits: &mut Hits) {
    root_needs(d, hits, "cbc:DocumentCurrencyCode");
}
