//! The calculation and consistency rules `BR-CO-*`: totals, VAT breakdown, dates.
//!
//! The sums and roundings (BR-CO-10 … BR-CO-17) are in [`amounts`]: they follow the XPath
//! decimal semantics of the artefacts exactly.

mod amounts;

use roxmltree::Node;
use ubl::xml::UblNode;

use super::core::xpath::{
    Eval, against_zero, document_allowances, has_vat_scheme, line_allowances, lines, select,
    single, vat_scheme_ebv,
};
use super::core::{anaf, document_periods, has_reason};
use crate::doc::{Doc, exists, path_all};
use crate::finding::Severity::Fatal;
use crate::registry::{Hits, Rule, Sets};

const BR_CO_26: Rule = Rule {
    id: "BR-CO-26",
    severity: Fatal,
    sets: Sets::CEN,
    terms: &["BT-29", "BT-30", "BT-31"],
    en: "In order for the buyer to automatically identify a supplier, the Seller identifier \
         (BT-29), the Seller legal registration identifier (BT-30) and/or the Seller VAT \
         identifier (BT-31) shall be present.",
    ro: "Pentru ca cumpărătorul să poată identifica automat furnizorul, trebuie să fie prezent \
         identificatorul vânzătorului (BT-29), identificatorul de înregistrare legală al \
         vânzătorului (BT-30) și/sau identificatorul de TVA al vânzătorului (BT-31).",
    check: br_co_26,
};

pub(crate) const RULES: &[Rule] = &[
    Rule {
        id: "BR-CO-03",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &["BT-7", "BT-8"],
        en: "Value added tax point date (BT-7) and Value added tax point date code (BT-8) are \
             mutually exclusive.",
        ro: "Data exigibilității TVA (BT-7) și codul datei de exigibilitate a TVA (BT-8) se \
             exclud reciproc.",
        check: br_co_03,
    },
    Rule {
        id: "BR-CO-04",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &["BG-25", "BT-151"],
        en: "Each Invoice line (BG-25) shall be categorized with an Invoiced item VAT category \
             code (BT-151).",
        ro: "Fiecare linie a facturii (BG-25) trebuie încadrată printr-un cod al categoriei de \
             TVA a articolului facturat (BT-151).",
        check: br_co_04,
    },
    Rule {
        id: "BR-CO-05",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &["BT-98", "BT-97"],
        en: "Document level allowance reason code (BT-98) and Document level allowance reason \
             (BT-97) shall indicate the same type of allowance.",
        ro: "Codul motivului deducerii la nivelul documentului (BT-98) și motivul deducerii \
             (BT-97) trebuie să indice același tip de deducere.",
        check: never,
    },
    Rule {
        id: "BR-CO-06",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &["BT-105", "BT-104"],
        en: "Document level charge reason code (BT-105) and Document level charge reason \
             (BT-104) shall indicate the same type of charge.",
        ro: "Codul motivului taxei suplimentare la nivelul documentului (BT-105) și motivul \
             acesteia (BT-104) trebuie să indice același tip de taxă suplimentară.",
        check: never,
    },
    Rule {
        id: "BR-CO-07",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &["BT-140", "BT-139"],
        en: "Invoice line allowance reason code (BT-140) and Invoice line allowance reason \
             (BT-139) shall indicate the same type of allowance reason.",
        ro: "Codul motivului deducerii la nivelul liniei (BT-140) și motivul deducerii (BT-139) \
             trebuie să indice același tip de motiv.",
        check: never,
    },
    Rule {
        id: "BR-CO-08",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &["BT-145", "BT-144"],
        en: "Invoice line charge reason code (BT-145) and Invoice line charge reason (BT-144) \
             shall indicate the same type of charge reason.",
        ro: "Codul motivului taxei suplimentare la nivelul liniei (BT-145) și motivul acesteia \
             (BT-144) trebuie să indice același tip de motiv.",
        check: never,
    },
    Rule {
        id: "BR-CO-09",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &["BT-31", "BT-63", "BT-48"],
        en: "The Seller VAT identifier (BT-31), the Seller tax representative VAT identifier \
             (BT-63) and the Buyer VAT identifier (BT-48) shall have a prefix in accordance with \
             ISO code ISO 3166-1 alpha-2 by which the country of issue may be identified. \
             Nevertheless, Greece may use the prefix ‘EL’.",
        ro: "Identificatorul de TVA al vânzătorului (BT-31), cel al reprezentantului fiscal \
             (BT-63) și cel al cumpărătorului (BT-48) trebuie să aibă un prefix conform ISO \
             3166-1 alpha-2, după care se poate identifica țara emitentă. Grecia poate folosi \
             totuși prefixul „EL”.",
        check: br_co_09,
    },
    amounts::BR_CO_10,
    amounts::BR_CO_11,
    amounts::BR_CO_12,
    amounts::BR_CO_13,
    amounts::BR_CO_14,
    amounts::BR_CO_15,
    amounts::BR_CO_16,
    amounts::BR_CO_17,
    Rule {
        id: "BR-CO-18",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &["BG-23"],
        en: "An Invoice shall at least have one VAT breakdown group (BG-23).",
        ro: "O factură trebuie să aibă cel puțin un grup de defalcare a TVA (BG-23).",
        check: br_co_18,
    },
    Rule {
        id: "BR-CO-19",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &["BG-14", "BT-73", "BT-74"],
        en: "If Invoicing period (BG-14) is used, the Invoicing period start date (BT-73) or the \
             Invoicing period end date (BT-74) shall be filled, or both.",
        ro: "Dacă se folosește perioada de facturare (BG-14), trebuie completată data de început \
             (BT-73) sau data de sfârșit (BT-74) a perioadei, ori amândouă.",
        check: br_co_19,
    },
    Rule {
        id: "BR-CO-20",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &["BG-26", "BT-134", "BT-135"],
        en: "If Invoice line period (BG-26) is used, the Invoice line period start date (BT-134) \
             or the Invoice line period end date (BT-135) shall be filled, or both.",
        ro: "Dacă se folosește perioada liniei facturii (BG-26), trebuie completată data de \
             început (BT-134) sau data de sfârșit (BT-135) a perioadei, ori amândouă.",
        check: br_co_20,
    },
    Rule {
        id: "BR-CO-21",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &["BG-20", "BT-97", "BT-98"],
        en: "Each Document level allowance (BG-20) shall contain a Document level allowance \
             reason (BT-97) or a Document level allowance reason code (BT-98), or both.",
        ro: "Fiecare deducere la nivelul documentului (BG-20) trebuie să conțină motivul \
             deducerii (BT-97) sau codul motivului deducerii (BT-98), ori amândouă.",
        check: br_co_21,
    },
    Rule {
        id: "BR-CO-22",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &["BG-21", "BT-104", "BT-105"],
        en: "Each Document level charge (BG-21) shall contain a Document level charge reason \
             (BT-104) or a Document level charge reason code (BT-105), or both.",
        ro: "Fiecare taxă suplimentară la nivelul documentului (BG-21) trebuie să conțină \
             motivul taxei suplimentare (BT-104) sau codul motivului (BT-105), ori amândouă.",
        check: br_co_22,
    },
    Rule {
        id: "BR-CO-23",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &["BG-27", "BT-139", "BT-140"],
        en: "Each Invoice line allowance (BG-27) shall contain an Invoice line allowance reason \
             (BT-139) or an Invoice line allowance reason code (BT-140), or both.",
        ro: "Fiecare deducere la nivelul liniei facturii (BG-27) trebuie să conțină motivul \
             deducerii (BT-139) sau codul motivului deducerii (BT-140), ori amândouă.",
        check: br_co_23,
    },
    Rule {
        id: "BR-CO-24",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &["BG-28", "BT-144", "BT-145"],
        en: "Each Invoice line charge (BG-28) shall contain an Invoice line charge reason \
             (BT-144) or an Invoice line charge reason code (BT-145), or both.",
        ro: "Fiecare taxă suplimentară la nivelul liniei facturii (BG-28) trebuie să conțină \
             motivul taxei suplimentare (BT-144) sau codul motivului (BT-145), ori amândouă.",
        check: br_co_24,
    },
    Rule {
        id: "BR-CO-25",
        severity: Fatal,
        sets: Sets::RO,
        terms: &["BT-115", "BT-9", "BT-20"],
        en: "In case the Amount due for payment (BT-115) is positive, either the Payment due date \
             (BT-9) or the Payment terms (BT-20) shall be present.",
        ro: "Dacă suma de plată (BT-115) este pozitivă, trebuie să fie prezentă data scadenței \
             (BT-9) sau termenii de plată (BT-20).",
        check: br_co_25,
    },
    BR_CO_26,
    anaf(BR_CO_26, br_co_26_ro),
];

/// BR-CO-05 … BR-CO-08 test `true()`: the artefacts keep them as placeholders.
fn never(_: &Doc<'_, '_>, _: &mut Hits) {}

/// On the root: not both a tax point date and `cac:InvoicePeriod/cbc:DescriptionCode`.
fn br_co_03(d: &Doc<'_, '_>, hits: &mut Hits) {
    let both = exists(d.root, "cbc:TaxPointDate")
        && exists(d.root, "cac:InvoicePeriod/cbc:DescriptionCode");
    hits.check(d, d.root, both);
}

/// `cac:Item/cac:ClassifiedTaxCategory[cac:TaxScheme/(normalize-space(upper-case(cbc:ID))=
/// 'VAT')]/cbc:ID` is not empty; a category with two tax schemes is an error.
fn br_co_04(d: &Doc<'_, '_>, hits: &mut Hits) {
    for line in lines(d) {
        let mut holds = false;
        for category in path_all(line, "cac:Item/cac:ClassifiedTaxCategory") {
            match vat_scheme_ebv(category) {
                Err(_) => break,
                Ok(true) if category.child("cbc:ID").is_some() => {
                    holds = true;
                    break;
                }
                Ok(_) => {}
            }
        }
        hits.check(d, line, !holds);
    }
}

/// The country prefixes of BR-CO-09, exactly as the artefacts spell the list: the test is
/// `contains(list, substring(cbc:CompanyID, 1, 2))`, so any two characters found in it pass
/// (`'D '`, a lone `'R'`, an empty identifier).
const COUNTRY_PREFIXES: &str = " 1A AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE \
BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV \
CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH EL ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI \
GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE \
KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN \
MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL \
PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX \
SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF \
WS XI YE YT ZA ZM ZW ";

/// Context `//cac:PartyTaxScheme[…VAT…]` (a scheme whose predicate raises an error does not
/// match).
fn br_co_09(d: &Doc<'_, '_>, hits: &mut Hits) {
    for scheme in select(d, "cac:PartyTaxScheme") {
        if has_vat_scheme(scheme) != Ok(true) {
            continue;
        }
        let holds = single(scheme, "cbc:CompanyID").is_ok_and(|id| {
            let prefix: String = id
                .map(|n| n.string_value().chars().take(2).collect())
                .unwrap_or_default();
            COUNTRY_PREFIXES.contains(prefix.as_str())
        });
        hits.check(d, scheme, !holds);
    }
}

fn br_co_18(d: &Doc<'_, '_>, hits: &mut Hits) {
    hits.check(d, d.root, !exists(d.root, "cac:TaxTotal/cac:TaxSubtotal"));
}

/// A start date, an end date or (the artefact's addition) a tax point date code.
fn br_co_19(d: &Doc<'_, '_>, hits: &mut Hits) {
    for period in document_periods(d) {
        let holds = ["cbc:StartDate", "cbc:EndDate", "cbc:DescriptionCode"]
            .iter()
            .any(|child| exists(period, child));
        hits.check(d, period, !holds);
    }
}

fn br_co_20(d: &Doc<'_, '_>, hits: &mut Hits) {
    let periods = select(
        d,
        "cac:InvoiceLine/cac:InvoicePeriod | cac:CreditNoteLine/cac:InvoicePeriod",
    );
    for period in periods {
        let holds = exists(period, "cbc:StartDate") || exists(period, "cbc:EndDate");
        hits.check(d, period, !holds);
    }
}

fn reasons_given(d: &Doc<'_, '_>, hits: &mut Hits, allowances: Vec<Node<'_, '_>>) {
    for allowance in allowances {
        hits.check(d, allowance, !has_reason(allowance));
    }
}

fn br_co_21(d: &Doc<'_, '_>, hits: &mut Hits) {
    reasons_given(d, hits, document_allowances(d, false));
}

fn br_co_22(d: &Doc<'_, '_>, hits: &mut Hits) {
    reasons_given(d, hits, document_allowances(d, true));
}

fn br_co_23(d: &Doc<'_, '_>, hits: &mut Hits) {
    reasons_given(d, hits, line_allowances(d, false));
}

fn br_co_24(d: &Doc<'_, '_>, hits: &mut Hits) {
    reasons_given(d, hits, line_allowances(d, true));
}

/// ANAF only, on invoices only (context `/ubl:Invoice/cac:LegalMonetaryTotal/cbc:PayableAmount`):
/// `((. > 0) and (exists(//cbc:DueDate) or exists(//cac:PaymentTerms/cbc:Note))) or (. <= 0)`
/// (a failed cast fails; `NaN` counts as positive, see [`against_zero`]).
fn br_co_25(d: &Doc<'_, '_>, hits: &mut Hits) {
    for amount in select(d, "/ubl:Invoice/cac:LegalMonetaryTotal/cbc:PayableAmount") {
        let holds = against_zero(&amount.string_value()).is_some_and(|sign| {
            let terms = !select(d, "cbc:DueDate").is_empty()
                || !select(d, "cac:PaymentTerms/cbc:Note").is_empty();
            (sign.is_gt() && terms) || sign.is_le()
        });
        hits.check(d, amount, !holds);
    }
}

/// A VAT identifier, a seller identifier whose scheme is not `SEPA` (a creditor id is not
/// one), or a legal registration identifier.
fn br_co_26(d: &Doc<'_, '_>, hits: &mut Hits) {
    for supplier in select(d, "cac:AccountingSupplierParty") {
        let holds = vat_identifier(supplier).is_ok_and(|vat| {
            vat || path_all(supplier, "cac:Party/cac:PartyIdentification/cbc:ID")
                .iter()
                .any(|id| id.attribute("schemeID") != Some("SEPA"))
                || exists(supplier, "cac:Party/cac:PartyLegalEntity/cbc:CompanyID")
        });
        hits.check(d, supplier, !holds);
    }
}

/// ANAF's copy counts any seller identifier, `SEPA` ones too.
fn br_co_26_ro(d: &Doc<'_, '_>, hits: &mut Hits) {
    for supplier in select(d, "cac:AccountingSupplierParty") {
        let holds = vat_identifier(supplier).is_ok_and(|vat| {
            vat || exists(supplier, "cac:Party/cac:PartyIdentification/cbc:ID")
                || exists(supplier, "cac:Party/cac:PartyLegalEntity/cbc:CompanyID")
        });
        hits.check(d, supplier, !holds);
    }
}

/// `exists(cac:Party/cac:PartyTaxScheme[…VAT…]/cbc:CompanyID)`, in document order.
fn vat_identifier(supplier: Node<'_, '_>) -> Eval<bool> {
    for scheme in path_all(supplier, "cac:Party/cac:PartyTaxScheme") {
        if has_vat_scheme(scheme)? && exists(scheme, "cbc:CompanyID") {
            return Ok(true);
        }
    }
    Ok(false)
}

#[cfg(test)]
mod tests {
    use crate::RuleSet;
    use crate::en16931::core::testing::{anaf, cen, fails};

    #[test]
    fn vat_prefixes_are_looked_up_as_a_substring() {
        let scheme = |id: &str| {
            format!(
                "<cac:AccountingSupplierParty><cac:Party><cac:PartyTaxScheme>{id}\
                 <cac:TaxScheme><cbc:ID>vat</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme>\
                 </cac:Party></cac:AccountingSupplierParty>"
            )
        };
        let company = |v: &str| scheme(&format!("<cbc:CompanyID>{v}</cbc:CompanyID>"));
        for ok in ["RO123", "EL1", "D 123", "R", ""] {
            assert!(cen(&company(ok), "BR-CO-09").is_empty(), "{ok:?}");
        }
        assert!(cen(&scheme(""), "BR-CO-09").is_empty(), "no identifier");
        assert_eq!(
            cen(&company("XX1"), "BR-CO-09"),
            ["/ubl:Invoice[1]/cac:AccountingSupplierParty[1]/cac:Party[1]/cac:PartyTaxScheme[1]"]
        );
    }

    #[test]
    fn positive_amounts_due_need_terms_in_anaf_invoices_only() {
        let due = |amount: &str| {
            format!(
                "<cac:LegalMonetaryTotal><cbc:PayableAmount>{amount}</cbc:PayableAmount>\
                 </cac:LegalMonetaryTotal>"
            )
        };
        let at = ["/ubl:Invoice[1]/cac:LegalMonetaryTotal[1]/cbc:PayableAmount[1]"];
        assert_eq!(anaf(&due("10"), "BR-CO-25"), at);
        assert_eq!(anaf(&due("NaN"), "BR-CO-25"), at, "NaN > 0 in Saxon");
        assert_eq!(anaf(&due("x"), "BR-CO-25"), at, "a failed cast");
        assert!(anaf(&due("-0"), "BR-CO-25").is_empty());
        assert!(
            anaf(
                &format!("<cbc:DueDate>2024-01-01</cbc:DueDate>{}", due("10")),
                "BR-CO-25"
            )
            .is_empty()
        );
        assert!(cen(&due("10"), "BR-CO-25").is_empty(), "not a CEN rule");
        assert!(fails(RuleSet::CiusRo, "CreditNote", &due("10"), "BR-CO-25").is_empty());
    }

    #[test]
    fn a_sepa_creditor_id_identifies_the_seller_for_anaf_only() {
        let body = "<cac:AccountingSupplierParty><cac:Party><cac:PartyIdentification>\
            <cbc:ID schemeID=\"SEPA\">DE98ZZZ09999999999</cbc:ID></cac:PartyIdentification>\
            </cac:Party></cac:AccountingSupplierParty>";
        assert_eq!(
            cen(body, "BR-CO-26"),
            ["/ubl:Invoice[1]/cac:AccountingSupplierParty[1]"]
        );
        assert!(anaf(body, "BR-CO-26").is_empty());
    }

    #[test]
    fn a_tax_point_date_excludes_its_code() {
        let body = "<cbc:TaxPointDate>2024-01-01</cbc:TaxPointDate>\
            <cac:InvoicePeriod><cbc:DescriptionCode>35</cbc:DescriptionCode></cac:InvoicePeriod>";
        assert_eq!(cen(body, "BR-CO-03"), ["/ubl:Invoice[1]"]);
        assert!(cen(body, "BR-CO-19").is_empty(), "a code alone is a period");
    }
}
