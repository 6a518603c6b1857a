//! The rules on invoice lines (BG-25): identifier, quantity, amount, item, price, period,
//! line allowances and charges, item attributes and identifiers.

use std::cmp::Ordering;

use roxmltree::Node;
use ubl::xml::UblNode;

use super::anaf;
use super::document::period_in_order;
use super::xpath::{
    against_zero, line_allowances, lines, normalized_filled, select, some_against_zero, some_filled,
};
use crate::doc::{Doc, exists};
use crate::finding::Severity::Fatal;
use crate::registry::{Hits, Rule, Sets};

const BR_21: Rule = Rule {
    id: "BR-21",
    severity: Fatal,
    sets: Sets::CEN,
    terms: &["BG-25", "BT-126"],
    en: "Each Invoice line (BG-25) shall have an Invoice line identifier (BT-126).",
    ro: "Fiecare linie a facturii (BG-25) trebuie să aibă un identificator al liniei (BT-126).",
    check: br_21,
};

const BR_25: Rule = Rule {
    id: "BR-25",
    severity: Fatal,
    sets: Sets::CEN,
    terms: &["BG-25", "BT-153"],
    en: "Each Invoice line (BG-25) shall contain the Item name (BT-153).",
    ro: "Fiecare linie a facturii (BG-25) trebuie să conțină denumirea articolului (BT-153).",
    check: br_25,
};

/// ANAF moved BR-27 into its own rules: context `cbc:PriceAmount` (wherever it is), test
/// `. >= 0`; its message adds a Romanian version and the value.
const BR_27: Rule = Rule {
    id: "BR-27",
    severity: Fatal,
    sets: Sets::CEN,
    terms: &["BT-146"],
    en: "The Item net price (BT-146) shall NOT be negative.",
    ro: "Prețul net al articolului (BT-146) NU trebuie să fie negativ.",
    check: br_27,
};

pub(super) const RULES: &[Rule] = &[
    BR_21,
    anaf(BR_21, br_21_ro),
    Rule {
        id: "BR-22",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &["BG-25", "BT-129"],
        en: "Each Invoice line (BG-25) shall have an Invoiced quantity (BT-129).",
        ro: "Fiecare linie a facturii (BG-25) trebuie să aibă o cantitate facturată (BT-129).",
        check: br_22,
    },
    Rule {
        id: "BR-23",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &["BG-25", "BT-130"],
        en: "An Invoice line (BG-25) shall have an Invoiced quantity unit of measure code \
             (BT-130).",
        ro: "O linie a facturii (BG-25) trebuie să aibă un cod al unității de măsură a \
             cantității facturate (BT-130).",
        check: br_23,
    },
    Rule {
        id: "BR-24",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &["BG-25", "BT-131"],
        en: "Each Invoice line (BG-25) shall have an Invoice line net amount (BT-131).",
        ro: "Fiecare linie a facturii (BG-25) trebuie să aibă o valoare netă a liniei (BT-131).",
        check: br_24,
    },
    BR_25,
    anaf(BR_25, br_25_ro),
    Rule {
        id: "BR-26",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &["BG-25", "BT-146"],
        en: "Each Invoice line (BG-25) shall contain the Item net price (BT-146).",
        ro: "Fiecare linie a facturii (BG-25) trebuie să conțină prețul net al articolului \
             (BT-146).",
        check: br_26,
    },
    BR_27,
    anaf(BR_27, br_27_ro),
    Rule {
        id: "BR-28",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &["BT-148"],
        en: "The Item gross price (BT-148) shall NOT be negative.",
        ro: "Prețul brut al articolului (BT-148) NU trebuie să fie negativ.",
        check: br_28,
    },
    Rule {
        id: "BR-30",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &["BT-134", "BT-135"],
        en: "If both Invoice line period start date (BT-134) and Invoice line period end date \
             (BT-135) are given then the Invoice line period end date (BT-135) shall be later or \
             equal to the Invoice line period start date (BT-134).",
        ro: "Dacă sunt date atât data de început (BT-134), cât și data de sfârșit (BT-135) a \
             perioadei liniei facturii, data de sfârșit (BT-135) trebuie să fie aceeași cu data \
             de început (BT-134) sau ulterioară acesteia.",
        check: br_30,
    },
    Rule {
        id: "BR-41",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &["BG-27", "BT-136"],
        en: "Each Invoice line allowance (BG-27) shall have an Invoice line allowance amount \
             (BT-136).",
        ro: "Fiecare deducere la nivelul liniei facturii (BG-27) trebuie să aibă o valoare a \
             deducerii (BT-136).",
        check: br_41,
    },
    Rule {
        id: "BR-42",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &["BG-27", "BT-139", "BT-140"],
        en: "Each Invoice line allowance (BG-27) shall have an Invoice line allowance reason \
             (BT-139) or an Invoice line allowance reason code (BT-140).",
        ro: "Fiecare deducere la nivelul liniei facturii (BG-27) trebuie să aibă un motiv al \
             deducerii (BT-139) sau un cod al motivului deducerii (BT-140).",
        check: br_42,
    },
    Rule {
        id: "BR-43",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &["BG-28", "BT-141"],
        en: "Each Invoice line charge (BG-28) shall have an Invoice line charge amount (BT-141).",
        ro: "Fiecare taxă suplimentară la nivelul liniei facturii (BG-28) trebuie să aibă o \
             valoare a taxei suplimentare (BT-141).",
        check: br_43,
    },
    Rule {
        id: "BR-44",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &[],
        en: "Each Invoice line charge shall have an Invoice line charge reason or an invoice line \
             allowance reason code.",
        ro: "Fiecare taxă suplimentară la nivelul liniei facturii trebuie să aibă un motiv al \
             taxei suplimentare sau un cod al motivului.",
        check: br_44,
    },
    Rule {
        id: "BR-54",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &["BG-32", "BT-160", "BT-161"],
        en: "Each Item attribute (BG-32) shall contain an Item attribute name (BT-160) and an Item \
             attribute value (BT-161).",
        ro: "Fiecare atribut al articolului (BG-32) trebuie să conțină numele atributului \
             (BT-160) și valoarea atributului (BT-161).",
        check: br_54,
    },
    Rule {
        id: "BR-64",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &["BT-157"],
        en: "The Item standard identifier (BT-157) shall have a Scheme identifier.",
        ro: "Identificatorul standard al articolului (BT-157) trebuie să aibă un identificator de \
             schemă.",
        check: br_64,
    },
    Rule {
        id: "BR-65",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &["BT-158"],
        en: "The Item classification identifier (BT-158) shall have a Scheme identifier.",
        ro: "Identificatorul de clasificare al articolului (BT-158) trebuie să aibă un \
             identificator de schemă.",
        check: br_65,
    },
];

/// Context `cac:InvoiceLine | cac:CreditNoteLine`: each line fails where `holds` is false.
fn each_line(d: &Doc<'_, '_>, hits: &mut Hits, holds: fn(Node<'_, '_>) -> bool) {
    for line in lines(d) {
        hits.check(d, line, !holds(line));
    }
}

fn br_21(d: &Doc<'_, '_>, hits: &mut Hits) {
    each_line(d, hits, |l| normalized_filled(l, "cbc:ID"));
}

fn br_21_ro(d: &Doc<'_, '_>, hits: &mut Hits) {
    each_line(d, hits, |l| some_filled(l, "cbc:ID"));
}

fn br_22(d: &Doc<'_, '_>, hits: &mut Hits) {
    each_line(d, hits, |l| {
        exists(l, "cbc:InvoicedQuantity") || exists(l, "cbc:CreditedQuantity")
    });
}

fn br_23(d: &Doc<'_, '_>, hits: &mut Hits) {
    each_line(d, hits, |l| {
        l.children()
            .filter(|q| q.is("cbc:InvoicedQuantity") || q.is("cbc:CreditedQuantity"))
            .any(|q| q.attribute("unitCode").is_some())
    });
}

fn br_24(d: &Doc<'_, '_>, hits: &mut Hits) {
    each_line(d, hits, |l| exists(l, "cbc:LineExtensionAmount"));
}

fn br_25(d: &Doc<'_, '_>, hits: &mut Hits) {
    each_line(d, hits, |l| normalized_filled(l, "cac:Item/cbc:Name"));
}

fn br_25_ro(d: &Doc<'_, '_>, hits: &mut Hits) {
    each_line(d, hits, |l| some_filled(l, "cac:Item/cbc:Name"));
}

fn br_26(d: &Doc<'_, '_>, hits: &mut Hits) {
    each_line(d, hits, |l| exists(l, "cac:Price/cbc:PriceAmount"));
}

/// `(cac:Price/cbc:PriceAmount) >= 0`: false, so failing, for a line without a price too;
/// a price `NaN` passes (see [`against_zero`]).
fn br_27(d: &Doc<'_, '_>, hits: &mut Hits) {
    each_line(d, hits, |l| {
        some_against_zero(l, "cac:Price/cbc:PriceAmount", Ordering::is_ge) == Ok(true)
    });
}

/// ANAF: every `cbc:PriceAmount`, `. >= 0` (a value that is not a number fails).
fn br_27_ro(d: &Doc<'_, '_>, hits: &mut Hits) {
    for price in select(d, "cbc:PriceAmount") {
        let holds = against_zero(&price.string_value()).is_some_and(Ordering::is_ge);
        hits.check(d, price, !holds);
    }
}

/// `(cac:Price/cac:AllowanceCharge/cbc:BaseAmount) >= 0 or not(exists(…))`.
fn br_28(d: &Doc<'_, '_>, hits: &mut Hits) {
    const GROSS: &str = "cac:Price/cac:AllowanceCharge/cbc:BaseAmount";
    each_line(d, hits, |l| {
        some_against_zero(l, GROSS, Ordering::is_ge) == Ok(true) || !exists(l, GROSS)
    });
}

fn br_30(d: &Doc<'_, '_>, hits: &mut Hits) {
    let periods = select(
        d,
        "cac:InvoiceLine/cac:InvoicePeriod | cac:CreditNoteLine/cac:InvoicePeriod",
    );
    for period in periods {
        hits.check(d, period, !period_in_order(period));
    }
}

/// Context: the line allowances (`charge` false) or charges; each fails where `holds` is
/// false.
fn each_line_allowance(
    d: &Doc<'_, '_>,
    hits: &mut Hits,
    charge: bool,
    holds: fn(Node<'_, '_>) -> bool,
) {
    for allowance in line_allowances(d, charge) {
        hits.check(d, allowance, !holds(allowance));
    }
}

/// `exists(cbc:AllowanceChargeReason) or exists(cbc:AllowanceChargeReasonCode)`.
pub(crate) fn has_reason(allowance: Node<'_, '_>) -> bool {
    exists(allowance, "cbc:AllowanceChargeReason")
        || exists(allowance, "cbc:AllowanceChargeReasonCode")
}

fn br_41(d: &Doc<'_, '_>, hits: &mut Hits) {
    each_line_allowance(d, hits, false, |a| exists(a, "cbc:Amount"));
}

fn br_42(d: &Doc<'_, '_>, hits: &mut Hits) {
    each_line_allowance(d, hits, false, has_reason);
}

fn br_43(d: &Doc<'_, '_>, hits: &mut Hits) {
    each_line_allowance(d, hits, true, |a| exists(a, "cbc:Amount"));
}

fn br_44(d: &Doc<'_, '_>, hits: &mut Hits) {
    each_line_allowance(d, hits, true, has_reason);
}

fn br_54(d: &Doc<'_, '_>, hits: &mut Hits) {
    for property in select(d, "cac:AdditionalItemProperty") {
        let holds = exists(property, "cbc:Name") && exists(property, "cbc:Value");
        hits.check(d, property, !holds);
    }
}

fn br_64(d: &Doc<'_, '_>, hits: &mut Hits) {
    let ids = select(
        d,
        "cac:InvoiceLine/cac:Item/cac:StandardItemIdentification/cbc:ID | \
         cac:CreditNoteLine/cac:Item/cac:StandardItemIdentification/cbc:ID",
    );
    for id in ids {
        hits.check(d, id, id.attribute("schemeID").is_none());
    }
}

fn br_65(d: &Doc<'_, '_>, hits: &mut Hits) {
    let codes = select(
        d,
        "cac:InvoiceLine/cac:Item/cac:CommodityClassification/cbc:ItemClassificationCode | \
         cac:CreditNoteLine/cac:Item/cac:CommodityClassification/cbc:ItemClassificationCode",
    );
    for code in codes {
        hits.check(d, code, code.attribute("listID").is_none());
    }
}

#[cfg(test)]
mod tests {
    use crate::en16931::core::testing::{anaf, cen};

    const LINE: &str = "/ubl:Invoice[1]/cac:InvoiceLine[1]";

    fn priced(price: &str) -> String {
        format!(
            "<cac:InvoiceLine><cac:Price><cbc:PriceAmount>{price}</cbc:PriceAmount></cac:Price></cac:InvoiceLine>"
        )
    }

    #[test]
    fn net_price_compares_with_zero_as_saxon_does() {
        for ok in ["0", "-0", "12.5", "1e3", "INF", "NaN"] {
            assert!(cen(&priced(ok), "BR-27").is_empty(), "{ok}");
            assert!(anaf(&priced(ok), "BR-27").is_empty(), "{ok}");
        }
        for bad in ["-0.01", "-INF", "abc", ""] {
            assert_eq!(cen(&priced(bad), "BR-27"), [LINE], "{bad}");
        }
    }

    #[test]
    fn anaf_checks_the_price_itself_and_not_the_line() {
        let price = "/ubl:Invoice[1]/cac:InvoiceLine[1]/cac:Price[1]/cbc:PriceAmount[1]";
        assert_eq!(anaf(&priced("-1"), "BR-27"), [price]);
        let no_price = "<cac:InvoiceLine><cbc:ID>1</cbc:ID></cac:InvoiceLine>";
        assert_eq!(
            cen(no_price, "BR-27"),
            [LINE],
            "an empty comparison is false"
        );
        assert!(anaf(no_price, "BR-27").is_empty());
    }

    #[test]
    fn credit_note_lines_are_lines() {
        let body = "<cac:CreditNoteLine><cbc:ID>1</cbc:ID>\
            <cbc:CreditedQuantity unitCode=\"C62\">1</cbc:CreditedQuantity></cac:CreditNoteLine>";
        let fails = |id| {
            crate::en16931::core::testing::fails(crate::RuleSet::En16931Ubl, "CreditNote", body, id)
        };
        assert!(fails("BR-22").is_empty());
        assert!(fails("BR-23").is_empty());
        assert_eq!(fails("BR-24"), ["/cn:CreditNote[1]/cac:CreditNoteLine[1]"]);
    }
}
