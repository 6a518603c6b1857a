//! The rules on the invoice as a whole: identification, parties present, totals present,
//! invoicing period, references.
//!
//! Where CEN tests `normalize-space(x) != ''`, ANAF's copy tests `(x) != ''`: a value of
//! spaces passes there, and several `x` are no error.

use roxmltree::Node;
use ubl::xml::UblNode;

use super::anaf;
use super::xpath::{date, normalized_filled, select, single, some_filled, string_at};
use crate::doc::{Doc, exists, has_text, path_all};
use crate::finding::Severity::Fatal;
use crate::registry::{Hits, Rule, Sets};

const BR_01: Rule = Rule {
    id: "BR-01",
    severity: Fatal,
    sets: Sets::CEN,
    terms: &["BT-24"],
    en: "An Invoice shall have a Specification identifier (BT-24).",
    ro: "O factură trebuie să aibă un identificator al specificației (BT-24).",
    check: br_01,
};

const BR_02: Rule = Rule {
    id: "BR-02",
    severity: Fatal,
    sets: Sets::CEN,
    terms: &["BT-1"],
    en: "An Invoice shall have an Invoice number (BT-1).",
    ro: "O factură trebuie să aibă un număr de factură (BT-1).",
    check: br_02,
};

const BR_03: Rule = Rule {
    id: "BR-03",
    severity: Fatal,
    sets: Sets::CEN,
    terms: &["BT-2"],
    en: "An Invoice shall have an Invoice issue date (BT-2).",
    ro: "O factură trebuie să aibă o dată de emitere (BT-2).",
    check: br_03,
};

const BR_04: Rule = Rule {
    id: "BR-04",
    severity: Fatal,
    sets: Sets::CEN,
    terms: &["BT-3"],
    en: "An Invoice shall have an Invoice type code (BT-3).",
    ro: "O factură trebuie să aibă un cod de tip al facturii (BT-3).",
    check: br_04,
};

const BR_05: Rule = Rule {
    id: "BR-05",
    severity: Fatal,
    sets: Sets::CEN,
    terms: &["BT-5"],
    en: "An Invoice shall have an Invoice currency code (BT-5).",
    ro: "O factură trebuie să aibă un cod al monedei facturii (BT-5).",
    check: br_05,
};

const BR_06: Rule = Rule {
    id: "BR-06",
    severity: Fatal,
    sets: Sets::CEN,
    terms: &["BT-27"],
    en: "An Invoice shall contain the Seller name (BT-27).",
    ro: "O factură trebuie să conțină numele vânzătorului (BT-27).",
    check: br_06,
};

const BR_07: Rule = Rule {
    id: "BR-07",
    severity: Fatal,
    sets: Sets::CEN,
    terms: &["BT-44"],
    en: "An Invoice shall contain the Buyer name (BT-44).",
    ro: "O factură trebuie să conțină numele cumpărătorului (BT-44).",
    check: br_07,
};

const BR_52: Rule = Rule {
    id: "BR-52",
    severity: Fatal,
    sets: Sets::CEN,
    terms: &["BG-24", "BT-122"],
    en: "Each Additional supporting document (BG-24) shall contain a Supporting document \
         reference (BT-122).",
    ro: "Fiecare document justificativ suplimentar (BG-24) trebuie să conțină o referință a \
         documentului justificativ (BT-122).",
    check: br_52,
};

pub(super) const RULES: &[Rule] = &[
    BR_01,
    anaf(BR_01, br_01_ro),
    BR_02,
    anaf(BR_02, br_02_ro),
    BR_03,
    anaf(BR_03, br_03_ro),
    BR_04,
    anaf(BR_04, br_04_ro),
    BR_05,
    anaf(BR_05, br_05_ro),
    BR_06,
    anaf(BR_06, br_06_ro),
    BR_07,
    anaf(BR_07, br_07_ro),
    Rule {
        id: "BR-08",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &[],
        en: "An Invoice shall contain the Seller postal address.",
        ro: "O factură trebuie să conțină adresa poștală a vânzătorului.",
        check: br_08,
    },
    Rule {
        id: "BR-10",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &["BG-8"],
        en: "An Invoice shall contain the Buyer postal address (BG-8).",
        ro: "O factură trebuie să conțină adresa poștală a cumpărătorului (BG-8).",
        check: br_10,
    },
    Rule {
        id: "BR-12",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &["BT-106"],
        en: "An Invoice shall have the Sum of Invoice line net amount (BT-106).",
        ro: "O factură trebuie să aibă suma valorilor nete ale liniilor facturii (BT-106).",
        check: br_12,
    },
    Rule {
        id: "BR-13",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &["BT-109"],
        en: "An Invoice shall have the Invoice total amount without VAT (BT-109).",
        ro: "O factură trebuie să aibă valoarea totală a facturii fără TVA (BT-109).",
        check: br_13,
    },
    Rule {
        id: "BR-14",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &["BT-112"],
        en: "An Invoice shall have the Invoice total amount with VAT (BT-112).",
        ro: "O factură trebuie să aibă valoarea totală a facturii cu TVA (BT-112).",
        check: br_14,
    },
    Rule {
        id: "BR-15",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &["BT-115"],
        en: "An Invoice shall have the Amount due for payment (BT-115).",
        ro: "O factură trebuie să aibă suma de plată (BT-115).",
        check: br_15,
    },
    Rule {
        id: "BR-16",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &["BG-25"],
        en: "An Invoice shall have at least one Invoice line (BG-25)",
        ro: "O factură trebuie să aibă cel puțin o linie a facturii (BG-25).",
        check: br_16,
    },
    Rule {
        id: "BR-29",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &["BT-73", "BT-74"],
        en: "If both Invoicing period start date (BT-73) and Invoicing period end date (BT-74) \
             are given then the Invoicing period end date (BT-74) shall be later or equal to the \
             Invoicing period start date (BT-73).",
        ro: "Dacă sunt date atât data de început (BT-73), cât și data de sfârșit (BT-74) a \
             perioadei de facturare, data de sfârșit (BT-74) trebuie să fie aceeași cu data de \
             început (BT-73) sau ulterioară acesteia.",
        check: br_29,
    },
    BR_52,
    anaf(BR_52, br_52_ro),
    Rule {
        id: "BR-53",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &["BT-6", "BT-111"],
        en: "If the VAT accounting currency code (BT-6) is present, then the Invoice total VAT \
             amount in accounting currency (BT-111) shall be provided.",
        ro: "Dacă este prezent codul monedei de contabilizare a TVA (BT-6), trebuie furnizată \
             valoarea totală a TVA a facturii în moneda de contabilizare (BT-111).",
        check: br_53,
    },
    Rule {
        id: "BR-55",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &["BG-3", "BT-25"],
        en: "Each Preceding Invoice reference (BG-3) shall contain a Preceding Invoice reference \
             (BT-25).",
        ro: "Fiecare referință la o factură anterioară (BG-3) trebuie să conțină referința \
             facturii anterioare (BT-25).",
        check: br_55,
    },
];

/// Context `/ubl:Invoice | /cn:CreditNote`: fails on the root when `holds` is false.
fn root_holds(d: &Doc<'_, '_>, hits: &mut Hits, holds: bool) {
    hits.check(d, d.root, !holds);
}

fn br_01(d: &Doc<'_, '_>, hits: &mut Hits) {
    root_holds(d, hits, normalized_filled(d.root, "cbc:CustomizationID"));
}

fn br_01_ro(d: &Doc<'_, '_>, hits: &mut Hits) {
    root_holds(d, hits, some_filled(d.root, "cbc:CustomizationID"));
}

fn br_02(d: &Doc<'_, '_>, hits: &mut Hits) {
    root_holds(d, hits, normalized_filled(d.root, "cbc:ID"));
}

fn br_02_ro(d: &Doc<'_, '_>, hits: &mut Hits) {
    root_holds(d, hits, some_filled(d.root, "cbc:ID"));
}

fn br_03(d: &Doc<'_, '_>, hits: &mut Hits) {
    root_holds(d, hits, normalized_filled(d.root, "cbc:IssueDate"));
}

fn br_03_ro(d: &Doc<'_, '_>, hits: &mut Hits) {
    root_holds(d, hits, some_filled(d.root, "cbc:IssueDate"));
}

/// `normalize-space(cbc:InvoiceTypeCode) != '' or normalize-space(cbc:CreditNoteTypeCode) !=
/// ''`: an error in the first operand (two type codes) fails the assertion.
fn br_04(d: &Doc<'_, '_>, hits: &mut Hits) {
    let filled = |steps| string_at(d.root, steps).map(|s| has_text(&s));
    let holds = match filled("cbc:InvoiceTypeCode") {
        Ok(true) => true,
        Ok(false) => filled("cbc:CreditNoteTypeCode") == Ok(true),
        Err(_) => false,
    };
    root_holds(d, hits, holds);
}

fn br_04_ro(d: &Doc<'_, '_>, hits: &mut Hits) {
    let holds =
        some_filled(d.root, "cbc:InvoiceTypeCode") || some_filled(d.root, "cbc:CreditNoteTypeCode");
    root_holds(d, hits, holds);
}

fn br_05(d: &Doc<'_, '_>, hits: &mut Hits) {
    root_holds(
        d,
        hits,
        normalized_filled(d.root, "cbc:DocumentCurrencyCode"),
    );
}

fn br_05_ro(d: &Doc<'_, '_>, hits: &mut Hits) {
    root_holds(d, hits, some_filled(d.root, "cbc:DocumentCurrencyCode"));
}

const SELLER_NAME: &str =
    "cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity/cbc:RegistrationName";
const BUYER_NAME: &str =
    "cac:AccountingCustomerParty/cac:Party/cac:PartyLegalEntity/cbc:RegistrationName";

fn br_06(d: &Doc<'_, '_>, hits: &mut Hits) {
    root_holds(d, hits, normalized_filled(d.root, SELLER_NAME));
}

fn br_06_ro(d: &Doc<'_, '_>, hits: &mut Hits) {
    root_holds(d, hits, some_filled(d.root, SELLER_NAME));
}

fn br_07(d: &Doc<'_, '_>, hits: &mut Hits) {
    root_holds(d, hits, normalized_filled(d.root, BUYER_NAME));
}

fn br_07_ro(d: &Doc<'_, '_>, hits: &mut Hits) {
    root_holds(d, hits, some_filled(d.root, BUYER_NAME));
}

fn br_08(d: &Doc<'_, '_>, hits: &mut Hits) {
    let holds = exists(
        d.root,
        "cac:AccountingSupplierParty/cac:Party/cac:PostalAddress",
    );
    root_holds(d, hits, holds);
}

fn br_10(d: &Doc<'_, '_>, hits: &mut Hits) {
    let holds = exists(
        d.root,
        "cac:AccountingCustomerParty/cac:Party/cac:PostalAddress",
    );
    root_holds(d, hits, holds);
}

/// Context `cac:LegalMonetaryTotal`: fails where it has no `child`.
fn totals_need(d: &Doc<'_, '_>, hits: &mut Hits, child: &str) {
    for total in select(d, "cac:LegalMonetaryTotal") {
        hits.check(d, total, total.child(child).is_none());
    }
}

fn br_12(d: &Doc<'_, '_>, hits: &mut Hits) {
    totals_need(d, hits, "cbc:LineExtensionAmount");
}

fn br_13(d: &Doc<'_, '_>, hits: &mut Hits) {
    totals_need(d, hits, "cbc:TaxExclusiveAmount");
}

fn br_14(d: &Doc<'_, '_>, hits: &mut Hits) {
    totals_need(d, hits, "cbc:TaxInclusiveAmount");
}

fn br_15(d: &Doc<'_, '_>, hits: &mut Hits) {
    totals_need(d, hits, "cbc:PayableAmount");
}

fn br_16(d: &Doc<'_, '_>, hits: &mut Hits) {
    let holds = exists(d.root, "cac:InvoiceLine") || exists(d.root, "cac:CreditNoteLine");
    root_holds(d, hits, holds);
}

/// `cac:InvoicePeriod` elements the invoicing-period rule takes: the pattern's earlier rule
/// takes those of lines.
pub(crate) fn document_periods<'a, 'i>(d: &Doc<'a, 'i>) -> Vec<Node<'a, 'i>> {
    select(d, "cac:InvoicePeriod")
        .into_iter()
        .filter(|p| {
            p.parent_element()
                .is_none_or(|l| !(l.is("cac:InvoiceLine") || l.is("cac:CreditNoteLine")))
        })
        .collect()
}

/// `(exists(cbc:EndDate) and exists(cbc:StartDate) and xs:date(cbc:EndDate) >=
/// xs:date(cbc:StartDate)) or not(exists(cbc:StartDate)) or not(exists(cbc:EndDate))`.
pub(super) fn period_in_order(period: Node<'_, '_>) -> bool {
    if period.child("cbc:StartDate").is_none() || period.child("cbc:EndDate").is_none() {
        return true;
    }
    let cast = |steps| {
        single(period, steps)
            .ok()
            .flatten()
            .and_then(|n| date(&n.string_value()))
    };
    matches!((cast("cbc:EndDate"), cast("cbc:StartDate")), (Some(end), Some(start)) if end >= start)
}

fn br_29(d: &Doc<'_, '_>, hits: &mut Hits) {
    for period in document_periods(d) {
        hits.check(d, period, !period_in_order(period));
    }
}

fn br_52(d: &Doc<'_, '_>, hits: &mut Hits) {
    for reference in select(d, "cac:AdditionalDocumentReference") {
        hits.check(d, reference, !normalized_filled(reference, "cbc:ID"));
    }
}

fn br_52_ro(d: &Doc<'_, '_>, hits: &mut Hits) {
    for reference in select(d, "cac:AdditionalDocumentReference") {
        hits.check(d, reference, !some_filled(reference, "cbc:ID"));
    }
}

/// Every `cbc:TaxCurrencyCode` has a `cbc:TaxAmount` of some `cac:TaxTotal` (anywhere) in
/// that currency (exact string comparison).
fn br_53(d: &Doc<'_, '_>, hits: &mut Hits) {
    let amounts = select(d, "cac:TaxTotal/cbc:TaxAmount");
    let holds = d.root.children_named("cbc:TaxCurrencyCode").all(|code| {
        let code = code.string_value();
        amounts
            .iter()
            .any(|a| a.attribute("currencyID") == Some(code.as_str()))
    });
    root_holds(d, hits, holds);
}

fn br_55(d: &Doc<'_, '_>, hits: &mut Hits) {
    for reference in select(d, "cac:BillingReference") {
        let holds = !path_all(reference, "cac:InvoiceDocumentReference/cbc:ID").is_empty();
        hits.check(d, reference, !holds);
    }
}

#[cfg(test)]
mod tests {
    use crate::en16931::core::testing::{anaf, cen};

    const ROOT: &str = "/ubl:Invoice[1]";

    #[test]
    fn a_blank_specification_id_fails_cen_but_not_anaf() {
        let body = "<cbc:CustomizationID> </cbc:CustomizationID>";
        assert_eq!(cen(body, "BR-01"), [ROOT]);
        assert!(
            anaf(body, "BR-01").is_empty(),
            "ANAF tests (x) != '' without normalizing"
        );
        assert_eq!(anaf("", "BR-01"), [ROOT]);
    }

    #[test]
    fn two_seller_names_are_an_error_for_cen_only() {
        let body = "<cac:AccountingSupplierParty><cac:Party>\
            <cac:PartyLegalEntity><cbc:RegistrationName>A</cbc:RegistrationName></cac:PartyLegalEntity>\
            <cac:PartyLegalEntity><cbc:RegistrationName>B</cbc:RegistrationName></cac:PartyLegalEntity>\
            </cac:Party></cac:AccountingSupplierParty>";
        assert_eq!(cen(body, "BR-06"), [ROOT], "normalize-space of two nodes");
        assert!(anaf(body, "BR-06").is_empty());
    }

    #[test]
    fn invoicing_period_dates_compare_as_xs_dates() {
        let period = |start: &str, end: &str| {
            format!(
                "<cac:InvoicePeriod><cbc:StartDate>{start}</cbc:StartDate>\
                 <cbc:EndDate>{end}</cbc:EndDate></cac:InvoicePeriod>"
            )
        };
        let at = ["/ubl:Invoice[1]/cac:InvoicePeriod[1]"];
        assert!(cen(&period("2024-01-02", "2024-01-02"), "BR-29").is_empty());
        assert!(
            cen(&period("2024-01-02+14:00", "2024-01-01-10:00"), "BR-29").is_empty(),
            "the same instant"
        );
        assert_eq!(cen(&period("2024-01-02", "2024-01-01"), "BR-29"), at);
        assert_eq!(
            cen(&period("2024-01-01", "2024-02-30"), "BR-29"),
            at,
            "a failed cast"
        );
        assert!(cen(&period("2024-02-30", "x"), "BR-29").len() == 1);
        assert!(
            cen(
                "<cac:InvoicePeriod><cbc:StartDate>x</cbc:StartDate></cac:InvoicePeriod>",
                "BR-29"
            )
            .is_empty()
        );
    }

    #[test]
    fn a_line_period_is_left_to_the_line_rule() {
        let body = "<cac:InvoiceLine><cac:InvoicePeriod><cbc:StartDate>2024-02-01</cbc:StartDate>\
            <cbc:EndDate>2024-01-01</cbc:EndDate></cac:InvoicePeriod></cac:InvoiceLine>";
        assert!(cen(body, "BR-29").is_empty());
        assert!(cen(body, "BR-CO-19").is_empty());
        assert_eq!(
            cen(body, "BR-30"),
            ["/ubl:Invoice[1]/cac:InvoiceLine[1]/cac:InvoicePeriod[1]"]
        );
    }

    #[test]
    fn tax_currency_needs_a_vat_total_in_it() {
        let body = "<cbc:TaxCurrencyCode>RON</cbc:TaxCurrencyCode>\
            <cac:TaxTotal><cbc:TaxAmount currencyID=\"EUR\">1</cbc:TaxAmount></cac:TaxTotal>";
        assert_eq!(cen(body, "BR-53"), [ROOT]);
        let body = format!(
            "{body}<cac:TaxTotal><cbc:TaxAmount currencyID=\"RON\">5</cbc:TaxAmount></cac:TaxTotal>"
        );
        assert!(cen(&body, "BR-53").is_empty());
    }
}
