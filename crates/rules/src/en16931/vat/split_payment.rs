//! Split payment (`BR-B-*`, category code `B`): Italian domestic invoices only, never mixed
//! with the standard rate. These assertions compare the codes as written (no
//! `normalize-space`, no tax scheme filter).

use roxmltree::Node;
use ubl::xml::UblNode;

use super::xpath::has_id_as_written;
use crate::doc::{Doc, path_all};
use crate::finding::Severity::Fatal;
use crate::registry::{Hits, Rule, Sets};

pub(super) const RULES: &[Rule] = &[
    Rule {
        id: "BR-B-01",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &["BT-151", "BT-95", "BT-102"],
        en: "An Invoice where the VAT category code (BT-151, BT-95 or BT-102) is “Split payment” shall be a domestic Italian invoice.",
        ro: "O factură în care codul categoriei de TVA (BT-151, BT-95 sau BT-102) este „Plată defalcată” trebuie să fie o factură internă italiană.",
        check: br_b_01,
    },
    Rule {
        id: "BR-B-02",
        severity: Fatal,
        sets: Sets::CEN,
        terms: &[
            "BG-25", "BG-20", "BG-21", "BT-151", "BT-95", "BT-118", "BT-102",
        ],
        en: "An Invoice that contains an Invoice line (BG-25), a Document level allowance (BG-20) or a Document level charge (BG-21) where the VAT category code (BT-151, BT-95, BT-118 or BT-102) is “Split payment\" shall not contain an invoice line (BG-25), a Document level allowance (BG-20) or  a Document level charge (BG-21) where the VAT category code (BT-151, BT-95, BT-118 or BT-102) is “Standard rated”.",
        ro: "O factură care conține o linie a facturii (BG-25), o deducere la nivelul documentului (BG-20) sau o taxă suplimentară la nivelul documentului (BG-21) cu codul categoriei de TVA (BT-151, BT-95, BT-118 sau BT-102) „Plată defalcată” nu trebuie să conțină o linie a facturii (BG-25), o deducere la nivelul documentului (BG-20) sau o taxă suplimentară la nivelul documentului (BG-21) cu codul categoriei de TVA (BT-151, BT-95, BT-118 sau BT-102) „Cota standard”.",
        check: br_b_02_cen,
    },
    Rule {
        id: "BR-B-02",
        severity: Fatal,
        sets: Sets::RO,
        terms: &["BG-25", "BG-20", "BG-21", "BT-151", "BT-95", "BT-102"],
        en: "An Invoice that contains an Invoice line (BG-25), a Document level allowance (BG-20) or a Document level charge (BG-21) where the VAT category code (BT-151, BT-95 or BT-102) is “Split payment\" shall not contain an invoice line (BG-25), a Document level allowance (BG-20) or  a Document level charge (BG-21) where the VAT category code (BT-151, BT-95 or BT-102) is “Standard rated”.",
        ro: "O factură care conține o linie a facturii (BG-25), o deducere la nivelul documentului (BG-20) sau o taxă suplimentară la nivelul documentului (BG-21) cu codul categoriei de TVA (BT-151, BT-95 sau BT-102) „Plată defalcată” nu trebuie să conțină o linie a facturii (BG-25), o deducere la nivelul documentului (BG-20) sau o taxă suplimentară la nivelul documentului (BG-21) cu codul categoriei de TVA (BT-151, BT-95 sau BT-102) „Cota standard”.",
        check: br_b_02_ro,
    },
];

/// `nodes/cbc:ID = 'code'`.
fn any_has<'a, 'i: 'a>(mut nodes: impl Iterator<Item = Node<'a, 'i>>, code: &str) -> bool {
    nodes.any(|tc| has_id_as_written(tc, code))
}

/// `//cac:TaxCategory/cbc:ID = 'code' or //cac:ClassifiedTaxCategory/cbc:ID = 'code'`.
fn anywhere(d: &Doc<'_, '_>, code: &str) -> bool {
    any_has(d.all("cac:TaxCategory"), code) || any_has(d.all("cac:ClassifiedTaxCategory"), code)
}

/// With `B` anywhere, every country code anywhere (`//cbc:IdentificationCode`) is `IT`.
fn br_b_01(d: &Doc<'_, '_>, hits: &mut Hits) {
    let foreign = d
        .all("cbc:IdentificationCode")
        .any(|c| c.string_value() != "IT");
    hits.check(d, d.root, anywhere(d, "B") && foreign);
}

/// CEN: `B` and `S` are looked for in the breakdown, the document level allowances and
/// charges, and the lines.
fn br_b_02_cen(d: &Doc<'_, '_>, hits: &mut Hits) {
    let used = |code: &str| {
        any_has(
            path_all(d.root, "cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory").into_iter(),
            code,
        ) || any_has(
            path_all(d.root, "cac:AllowanceCharge/cac:TaxCategory").into_iter(),
            code,
        ) || any_has(d.all("cac:ClassifiedTaxCategory"), code)
    };
    hits.check(d, d.root, used("B") && used("S"));
}

/// ANAF: `B` and `S` are looked for in every tax category and classified tax category.
fn br_b_02_ro(d: &Doc<'_, '_>, hits: &mut Hits) {
    hits.check(d, d.root, anywhere(d, "B") && anywhere(d, "S"));
}
