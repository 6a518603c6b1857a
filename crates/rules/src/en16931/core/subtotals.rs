//! The rules on document level allowances (BG-20) and charges (BG-21), and on the VAT
//! breakdown (BG-23).

use roxmltree::Node;
use ubl::xml::UblNode;

use super::lines::has_reason;
use super::xpath::{Eval, document_allowances, has_vat_scheme, select, string_at};
use crate::doc::{Doc, exists, normalize_space};
use crate::finding::Severity::Fatal;
use crate::registry::{Hits, Rule, Sets};

pub(super) const RULES: &[Rule] = &[
    Rule {
        id: "BR-31",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &["BG-20", "BT-92"],
        en: "Each Document level allowance (BG-20) shall have a Document level allowance amount \
             (BT-92).",
        ro: "Fiecare deducere la nivelul documentului (BG-20) trebuie să aibă o valoare a \
             deducerii (BT-92).",
        check: br_31,
    },
    Rule {
        id: "BR-32",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &["BG-20", "BT-95"],
        en: "Each Document level allowance (BG-20) shall have a Document level allowance VAT \
             category code (BT-95).",
        ro: "Fiecare deducere la nivelul documentului (BG-20) trebuie să aibă un cod al \
             categoriei de TVA a deducerii (BT-95).",
        check: br_32,
    },
    Rule {
        id: "BR-33",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &["BG-20", "BT-97", "BT-98"],
        en: "Each Document level allowance (BG-20) shall have a Document level allowance reason \
             (BT-97) or a Document level allowance reason code (BT-98).",
        ro: "Fiecare deducere la nivelul documentului (BG-20) trebuie să aibă un motiv al \
             deducerii (BT-97) sau un cod al motivului deducerii (BT-98).",
        check: br_33,
    },
    Rule {
        id: "BR-36",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &["BG-21", "BT-99"],
        en: "Each Document level charge (BG-21) shall have a Document level charge amount \
             (BT-99).",
        ro: "Fiecare taxă suplimentară la nivelul documentului (BG-21) trebuie să aibă o valoare \
             a taxei suplimentare (BT-99).",
        check: br_36,
    },
    Rule {
        id: "BR-37",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &["BG-21", "BT-102"],
        en: "Each Document level charge (BG-21) shall have a Document level charge VAT category \
             code (BT-102).",
        ro: "Fiecare taxă suplimentară la nivelul documentului (BG-21) trebuie să aibă un cod al \
             categoriei de TVA a taxei suplimentare (BT-102).",
        check: br_37,
    },
    Rule {
        id: "BR-38",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &["BG-21", "BT-104", "BT-105"],
        en: "Each Document level charge (BG-21) shall have a Document level charge reason \
             (BT-104) or a Document level charge reason code (BT-105).",
        ro: "Fiecare taxă suplimentară la nivelul documentului (BG-21) trebuie să aibă un motiv \
             al taxei suplimentare (BT-104) sau un cod al motivului taxei suplimentare (BT-105).",
        check: br_38,
    },
    Rule {
        id: "BR-45",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &["BG-23", "BT-116"],
        en: "Each VAT breakdown (BG-23) shall have a VAT category taxable amount (BT-116).",
        ro: "Fiecare defalcare a TVA (BG-23) trebuie să aibă o bază impozabilă a categoriei de \
             TVA (BT-116).",
        check: br_45,
    },
    Rule {
        id: "BR-46",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &["BG-23", "BT-117"],
        en: "Each VAT breakdown (BG-23) shall have a VAT category tax amount (BT-117).",
        ro: "Fiecare defalcare a TVA (BG-23) trebuie să aibă valoarea TVA a categoriei (BT-117).",
        check: br_46,
    },
    Rule {
        id: "BR-47",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &["BG-23", "BT-118"],
        en: "Each VAT breakdown (BG-23) shall be defined through a VAT category code (BT-118).",
        ro: "Fiecare defalcare a TVA (BG-23) trebuie definită printr-un cod al categoriei de TVA \
             (BT-118).",
        check: br_47,
    },
    Rule {
        id: "BR-48",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &["BG-23", "BT-119"],
        en: "Each VAT breakdown (BG-23) shall have a VAT category rate (BT-119), except if the \
             Invoice is not subject to VAT.",
        ro: "Fiecare defalcare a TVA (BG-23) trebuie să aibă o cotă a categoriei de TVA (BT-119), \
             cu excepția cazului în care factura nu este supusă TVA.",
        check: br_48,
    },
];

/// Context: the document level allowances (`charge` false) or charges; each fails where
/// `holds` is false.
fn each_allowance(d: &Doc<'_, '_>, hits: &mut Hits, charge: bool, holds: fn(Node<'_, '_>) -> bool) {
    for allowance in document_allowances(d, charge) {
        hits.check(d, allowance, !holds(allowance));
    }
}

/// `exists(cac:TaxCategory[cac:TaxScheme/normalize-space(upper-case(cbc:ID))='VAT']/child)`,
/// evaluated in document order (an error before a match fails the assertion).
pub(crate) fn vat_category_has(from: Node<'_, '_>, child: &str) -> Eval<bool> {
    for category in from.children_named("cac:TaxCategory") {
        if has_vat_scheme(category)? && category.child(child).is_some() {
            return Ok(true);
        }
    }
    Ok(false)
}

fn br_31(d: &Doc<'_, '_>, hits: &mut Hits) {
    each_allowance(d, hits, false, |a| exists(a, "cbc:Amount"));
}

fn br_32(d: &Doc<'_, '_>, hits: &mut Hits) {
    each_allowance(d, hits, false, |a| {
        vat_category_has(a, "cbc:ID") == Ok(true)
    });
}

fn br_33(d: &Doc<'_, '_>, hits: &mut Hits) {
    each_allowance(d, hits, false, has_reason);
}

fn br_36(d: &Doc<'_, '_>, hits: &mut Hits) {
    each_allowance(d, hits, true, |a| exists(a, "cbc:Amount"));
}

fn br_37(d: &Doc<'_, '_>, hits: &mut Hits) {
    each_allowance(d, hits, true, |a| vat_category_has(a, "cbc:ID") == Ok(true));
}

fn br_38(d: &Doc<'_, '_>, hits: &mut Hits) {
    each_allowance(d, hits, true, has_reason);
}

/// Context `cac:TaxTotal/cac:TaxSubtotal` (wherever the tax total is); each fails where
/// `holds` is false.
fn each_subtotal(d: &Doc<'_, '_>, hits: &mut Hits, holds: fn(Node<'_, '_>) -> bool) {
    for subtotal in select(d, "cac:TaxTotal/cac:TaxSubtotal") {
        hits.check(d, subtotal, !holds(subtotal));
    }
}

fn br_45(d: &Doc<'_, '_>, hits: &mut Hits) {
    each_subtotal(d, hits, |s| exists(s, "cbc:TaxableAmount"));
}

fn br_46(d: &Doc<'_, '_>, hits: &mut Hits) {
    each_subtotal(d, hits, |s| exists(s, "cbc:TaxAmount"));
}

fn br_47(d: &Doc<'_, '_>, hits: &mut Hits) {
    each_subtotal(d, hits, |s| vat_category_has(s, "cbc:ID") == Ok(true));
}

/// A VAT rate, or the category `O` (not subject to VAT): `exists(…/cbc:Percent) or
/// (…/normalize-space(cbc:ID)='O')` over the VAT tax categories.
fn br_48(d: &Doc<'_, '_>, hits: &mut Hits) {
    fn holds(subtotal: Node<'_, '_>) -> Eval<bool> {
        if vat_category_has(subtotal, "cbc:Percent")? {
            return Ok(true);
        }
        for category in subtotal.children_named("cac:TaxCategory") {
            if has_vat_scheme(category)? && normalize_space(&string_at(category, "cbc:ID")?) == "O"
            {
                return Ok(true);
            }
        }
        Ok(false)
    }
    each_subtotal(d, hits, |s| holds(s) == Ok(true));
}

#[cfg(test)]
mod tests {
    use crate::en16931::core::testing::{anaf, cen};

    fn allowance(indicators: &str) -> String {
        format!("<cac:AllowanceCharge>{indicators}</cac:AllowanceCharge>")
    }

    #[test]
    fn an_allowance_rule_takes_a_node_before_the_charge_rule() {
        let at = ["/ubl:Invoice[1]/cac:AllowanceCharge[1]"];
        let both = allowance(
            "<cbc:ChargeIndicator>1</cbc:ChargeIndicator><cbc:ChargeIndicator>false</cbc:ChargeIndicator>",
        );
        assert_eq!(cen(&both, "BR-31"), at);
        assert!(cen(&both, "BR-36").is_empty(), "first matching rule only");
        let charge = allowance("<cbc:ChargeIndicator> true </cbc:ChargeIndicator>");
        assert_eq!(cen(&charge, "BR-36"), at);
        let invalid = allowance("<cbc:ChargeIndicator>yes</cbc:ChargeIndicator>");
        assert!(
            cen(&invalid, "BR-31").is_empty(),
            "an error in a context matches nothing"
        );
        assert!(cen(&invalid, "BR-36").is_empty());
    }

    #[test]
    fn the_not_subject_category_needs_no_rate() {
        let subtotal = |id: &str, scheme: &str| {
            format!(
                "<cac:TaxTotal><cac:TaxSubtotal><cac:TaxCategory><cbc:ID>{id}</cbc:ID>\
                 <cac:TaxScheme><cbc:ID>{scheme}</cbc:ID></cac:TaxScheme></cac:TaxCategory>\
                 </cac:TaxSubtotal></cac:TaxTotal>"
            )
        };
        assert!(anaf(&subtotal(" O ", " vat"), "BR-48").is_empty());
        assert_eq!(cen(&subtotal("S", "VAT"), "BR-48").len(), 1);
        assert_eq!(cen(&subtotal("O", "GST"), "BR-48").len(), 1);
        assert!(cen(&subtotal("O", "GST"), "BR-47").len() == 1);
    }
}
