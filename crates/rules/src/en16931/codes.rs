//! The code-list rules `BR-CL-*`: currencies, countries, units, VAT categories and other code
//! lists.
//!
//! Each artefact checks against its own copy of a list, and ANAF's copies are older: where the
//! two differ the rule has a CEN entry and an ANAF entry, each with its artefact's list (the
//! lists live in one submodule each, sorted for binary search; `checks` holds the functions). ANAF's copy also checks every
//! `currencyID` and `unitCode` attribute of the document (BR-CL-03, BR-CL-23), where CEN's
//! checks those of the amounts and quantities EN 16931 uses, and reports the attribute rather
//! than its element.

mod charges;
mod checks;
mod countries;
mod currencies;
mod eas;
mod icd;
mod references;
#[cfg(test)]
mod tests;
mod units;
mod untdid;
mod vatex;

use checks::{
    br_cl_01_cen, br_cl_01_ro, br_cl_03_cen, br_cl_03_ro, br_cl_04_cen, br_cl_04_ro, br_cl_05_cen,
    br_cl_05_ro, br_cl_06, br_cl_07_cen, br_cl_07_ro, br_cl_08, br_cl_10_cen, br_cl_10_ro,
    br_cl_11_cen, br_cl_11_ro, br_cl_13_cen, br_cl_13_ro, br_cl_14, br_cl_15, br_cl_16_cen,
    br_cl_16_ro, br_cl_17, br_cl_18, br_cl_19, br_cl_20_cen, br_cl_20_ro, br_cl_21_cen,
    br_cl_21_ro, br_cl_22_cen, br_cl_22_ro, br_cl_23_cen, br_cl_23_ro, br_cl_24, br_cl_25_cen,
    br_cl_25_ro, br_cl_26_cen, br_cl_26_ro,
};

use crate::finding::Severity::Fatal;
use crate::registry::{Check, Rule, Sets};

pub(crate) const RULES: &[Rule] = &[
    BR_CL_01,
    anaf(BR_CL_01, br_cl_01_ro),
    BR_CL_03,
    anaf(BR_CL_03, br_cl_03_ro),
    BR_CL_04,
    anaf(BR_CL_04, br_cl_04_ro),
    BR_CL_05,
    anaf(BR_CL_05, br_cl_05_ro),
    Rule {
        id: "BR-CL-06",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &[],
        en: "Value added tax point date code MUST be coded using a restriction of UNTDID 2005.",
        ro: "Codul datei de exigibilitate a TVA TREBUIE să fie dintr-o restricție a listei \
             UNTDID 2005.",
        check: br_cl_06,
    },
    BR_CL_07,
    anaf(BR_CL_07, br_cl_07_ro),
    Rule {
        id: "BR-CL-08",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &[],
        en: "Invoiced note subject code shall be coded using UNCL4451",
        ro: "Codul subiectului unei note a facturii trebuie să fie din lista UNCL4451",
        check: br_cl_08,
    },
    BR_CL_10,
    anaf(BR_CL_10, br_cl_10_ro),
    BR_CL_11,
    anaf(BR_CL_11, br_cl_11_ro),
    BR_CL_13,
    anaf(BR_CL_13, br_cl_13_ro),
    Rule {
        id: "BR-CL-14",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &[],
        en: "Country codes in an invoice MUST be coded using ISO code list 3166-1",
        ro: "Codurile de țară dintr-o factură TREBUIE să fie din lista de coduri ISO 3166-1",
        check: br_cl_14,
    },
    Rule {
        id: "BR-CL-15",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &[],
        en: "Country codes in an invoice MUST be coded using ISO code list 3166-1",
        ro: "Codurile de țară dintr-o factură TREBUIE să fie din lista de coduri ISO 3166-1",
        check: br_cl_15,
    },
    BR_CL_16,
    anaf(BR_CL_16, br_cl_16_ro),
    Rule {
        id: "BR-CL-17",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &[],
        en: "Invoice tax categories MUST be coded using UNCL5305 code list",
        ro: "Categoriile de TVA ale facturii TREBUIE să fie din lista de coduri UNCL5305",
        check: br_cl_17,
    },
    Rule {
        id: "BR-CL-18",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &[],
        en: "Invoice tax categories MUST be coded using UNCL5305 code list",
        ro: "Categoriile de TVA ale facturii TREBUIE să fie din lista de coduri UNCL5305",
        check: br_cl_18,
    },
    Rule {
        id: "BR-CL-19",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &[],
        en: "Coded allowance reasons MUST belong to the UNCL 5189 code list",
        ro: "Motivele codificate ale deducerilor TREBUIE să fie din lista de coduri UNCL 5189",
        check: br_cl_19,
    },
    BR_CL_20,
    anaf(BR_CL_20, br_cl_20_ro),
    BR_CL_21,
    anaf(BR_CL_21, br_cl_21_ro),
    BR_CL_22,
    anaf(BR_CL_22, br_cl_22_ro),
    BR_CL_23,
    anaf(BR_CL_23, br_cl_23_ro),
    Rule {
        id: "BR-CL-24",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &[],
        en: "For Mime code in attribute use MIMEMediaType.",
        ro: "Pentru codul MIME din atribut folosiți MIMEMediaType.",
        check: br_cl_24,
    },
    BR_CL_25,
    anaf(BR_CL_25, br_cl_25_ro),
    BR_CL_26,
    anaf(BR_CL_26, br_cl_26_ro),
];

/// ANAF's entry for a rule whose CEN entry is `cen`: same id, flag and message, checked with
/// `check` (against ANAF's lists).
const fn anaf(cen: Rule, check: Check) -> Rule {
    Rule {
        sets: Sets::RO,
        check,
        ..cen
    }
}

/// A code-list rule of CEN 1.3.16: fatal, and about no business term by name.
const fn cen(id: &'static str, en: &'static str, ro: &'static str, check: Check) -> Rule {
    Rule {
        id,
        severity: Fatal,
        sets: Sets::CEN,
        terms: &[],
        en,
        ro,
        check,
    }
}

const BR_CL_01: Rule = cen(
    "BR-CL-01",
    "The document type code MUST be coded by the invoice and credit note related code lists of \
     UNTDID 1001.",
    "Codul tipului de document TREBUIE să fie din listele de coduri UNTDID 1001 pentru facturi \
     și note de credit.",
    br_cl_01_cen,
);
const BR_CL_03: Rule = cen(
    "BR-CL-03",
    "currencyID MUST be coded using ISO code list 4217 alpha-3",
    "Atributul currencyID TREBUIE să fie din lista de coduri ISO 4217 alfa-3",
    br_cl_03_cen,
);
const BR_CL_04: Rule = cen(
    "BR-CL-04",
    "Invoice currency code MUST be coded using ISO code list 4217 alpha-3",
    "Codul monedei facturii TREBUIE să fie din lista de coduri ISO 4217 alfa-3",
    br_cl_04_cen,
);
const BR_CL_05: Rule = cen(
    "BR-CL-05",
    "Tax currency code MUST be coded using ISO code list 4217 alpha-3",
    "Codul monedei de contabilizare a TVA TREBUIE să fie din lista de coduri ISO 4217 alfa-3",
    br_cl_05_cen,
);
const BR_CL_07: Rule = cen(
    "BR-CL-07",
    "Object identifier identification scheme identifier MUST be coded using a restriction of \
     UNTDID 1153.",
    "Identificatorul schemei de identificare a obiectului facturat TREBUIE să fie dintr-o \
     restricție a listei UNTDID 1153.",
    br_cl_07_cen,
);
const BR_CL_10: Rule = cen(
    "BR-CL-10",
    "Any identifier identification scheme identifier MUST be coded using one of the ISO 6523 \
     ICD list.",
    "Identificatorul schemei de identificare a oricărui identificator TREBUIE să fie din lista \
     ISO 6523 ICD.",
    br_cl_10_cen,
);
const BR_CL_11: Rule = cen(
    "BR-CL-11",
    "Any registration identifier identification scheme identifier MUST be coded using one of \
     the ISO 6523 ICD list.",
    "Identificatorul schemei de identificare a oricărui identificator de înregistrare TREBUIE \
     să fie din lista ISO 6523 ICD.",
    br_cl_11_cen,
);
const BR_CL_13: Rule = cen(
    "BR-CL-13",
    "Item classification identifier identification scheme identifier MUST be coded using one \
     of the UNTDID 7143 list.",
    "Identificatorul schemei de clasificare a articolului TREBUIE să fie din lista UNTDID \
     7143.",
    br_cl_13_cen,
);
const BR_CL_16: Rule = cen(
    "BR-CL-16",
    "Payment means in an invoice MUST be coded using UNCL4461 code list",
    "Mijloacele de plată dintr-o factură TREBUIE să fie din lista de coduri UNCL4461",
    br_cl_16_cen,
);
const BR_CL_20: Rule = cen(
    "BR-CL-20",
    "Coded charge reasons MUST belong to the UNCL 7161 code list",
    "Motivele codificate ale taxelor suplimentare TREBUIE să fie din lista de coduri UNCL 7161",
    br_cl_20_cen,
);
const BR_CL_21: Rule = cen(
    "BR-CL-21",
    "Item standard identifier scheme identifier MUST belong to the ISO 6523 ICD code list",
    "Identificatorul schemei identificatorului standard al articolului TREBUIE să fie din \
     lista de coduri ISO 6523 ICD",
    br_cl_21_cen,
);
const BR_CL_22: Rule = cen(
    "BR-CL-22",
    "Tax exemption reason code identifier scheme identifier MUST belong to the CEF VATEX code \
     list",
    "Codul motivului scutirii de TVA TREBUIE să fie din lista de coduri CEF VATEX",
    br_cl_22_cen,
);
const BR_CL_23: Rule = cen(
    "BR-CL-23",
    "Unit code MUST be coded according to the UN/ECE Recommendation 20 with Rec 21 extension",
    "Codul unității de măsură TREBUIE să fie conform Recomandării UN/ECE 20, cu extensia din \
     Recomandarea 21",
    br_cl_23_cen,
);
const BR_CL_25: Rule = cen(
    "BR-CL-25",
    "Endpoint identifier scheme identifier MUST belong to the CEF EAS code list",
    "Identificatorul schemei adresei electronice TREBUIE să fie din lista de coduri CEF EAS",
    br_cl_25_cen,
);
const BR_CL_26: Rule = cen(
    "BR-CL-26",
    "Delivery location identifier scheme identifier MUST belong to the ISO 6523 ICD code list",
    "Identificatorul schemei identificatorului locului de livrare TREBUIE să fie din lista de \
     coduri ISO 6523 ICD",
    br_cl_26_cen,
);
