//! The decimal-places rules `BR-DEC-*`: amounts with at most two decimals.
//!
//! Each tests `string-length(substring-after(amount, '.')) <= 2` on the text as written (so
//! `1.5 ` with a trailing space has two characters after the dot); no amount passes, two
//! amounts where one is expected are an error.

use roxmltree::Node;
use ubl::xml::UblNode;

use super::core::xpath::{document_allowances, line_allowances, lines, select, string_at};
use crate::doc::{Doc, decimals};
use crate::finding::Severity::Fatal;
use crate::registry::{Hits, Rule, Sets};

/// A BR-DEC rule: both sets, fatal, one business term.
const fn dec(
    id: &'static str,
    term: &'static [&'static str],
    en: &'static str,
    ro: &'static str,
    check: crate::registry::Check,
) -> Rule {
    Rule {
        id,
        severity: Fatal,
        sets: Sets::BOTH,
        terms: term,
        en,
        ro,
        check,
    }
}

pub(crate) const RULES: &[Rule] = &[
    dec(
        "BR-DEC-01",
        &["BT-92"],
        "The allowed maximum number of decimals for the Document level allowance amount (BT-92) \
         is 2.",
        "Numărul maxim de zecimale permis pentru valoarea deducerii la nivelul documentului \
         (BT-92) este 2.",
        br_dec_01,
    ),
    dec(
        "BR-DEC-02",
        &["BT-93"],
        "The allowed maximum number of decimals for the Document level allowance base amount \
         (BT-93) is 2.",
        "Numărul maxim de zecimale permis pentru valoarea de bază a deducerii la nivelul \
         documentului (BT-93) este 2.",
        br_dec_02,
    ),
    dec(
        "BR-DEC-05",
        &["BT-99"],
        "The allowed maximum number of decimals for the Document level charge amount (BT-99) is \
         2.",
        "Numărul maxim de zecimale permis pentru valoarea taxei suplimentare la nivelul \
         documentului (BT-99) este 2.",
        br_dec_05,
    ),
    dec(
        "BR-DEC-06",
        &["BT-100"],
        "The allowed maximum number of decimals for the Document level charge base amount \
         (BT-100) is 2.",
        "Numărul maxim de zecimale permis pentru valoarea de bază a taxei suplimentare la \
         nivelul documentului (BT-100) este 2.",
        br_dec_06,
    ),
    dec(
        "BR-DEC-09",
        &["BT-106"],
        "The allowed maximum number of decimals for the Sum of Invoice line net amount (BT-106) \
         is 2.",
        "Numărul maxim de zecimale permis pentru suma valorilor nete ale liniilor facturii \
         (BT-106) este 2.",
        br_dec_09,
    ),
    dec(
        "BR-DEC-10",
        &["BT-107"],
        "The allowed maximum number of decimals for the Sum of allowanced on document level \
         (BT-107) is 2.",
        "Numărul maxim de zecimale permis pentru suma deducerilor la nivelul documentului \
         (BT-107) este 2.",
        br_dec_10,
    ),
    dec(
        "BR-DEC-11",
        &["BT-108"],
        "The allowed maximum number of decimals for the Sum of charges on document level \
         (BT-108) is 2.",
        "Numărul maxim de zecimale permis pentru suma taxelor suplimentare la nivelul \
         documentului (BT-108) este 2.",
        br_dec_11,
    ),
    dec(
        "BR-DEC-12",
        &["BT-109"],
        "The allowed maximum number of decimals for the Invoice total amount without VAT \
         (BT-109) is 2.",
        "Numărul maxim de zecimale permis pentru valoarea totală a facturii fără TVA (BT-109) \
         este 2.",
        br_dec_12,
    ),
    dec(
        "BR-DEC-13",
        &["BT-110"],
        "The allowed maximum number of decimals for the Invoice total VAT amount (BT-110) is 2.",
        "Numărul maxim de zecimale permis pentru valoarea totală a TVA a facturii (BT-110) este \
         2.",
        br_dec_13,
    ),
    dec(
        "BR-DEC-14",
        &["BT-112"],
        "The allowed maximum number of decimals for the Invoice total amount with VAT (BT-112) \
         is 2.",
        "Numărul maxim de zecimale permis pentru valoarea totală a facturii cu TVA (BT-112) este \
         2.",
        br_dec_14,
    ),
    dec(
        "BR-DEC-15",
        &["BT-111"],
        "The allowed maximum number of decimals for the Invoice total VAT amount in accounting \
         currency (BT-111) is 2.",
        "Numărul maxim de zecimale permis pentru valoarea totală a TVA a facturii în moneda de \
         contabilizare (BT-111) este 2.",
        br_dec_15,
    ),
    dec(
        "BR-DEC-16",
        &["BT-113"],
        "The allowed maximum number of decimals for the Paid amount (BT-113) is 2.",
        "Numărul maxim de zecimale permis pentru suma plătită (BT-113) este 2.",
        br_dec_16,
    ),
    dec(
        "BR-DEC-17",
        &["BT-114"],
        "The allowed maximum number of decimals for the Rounding amount (BT-114) is 2.",
        "Numărul maxim de zecimale permis pentru valoarea de rotunjire (BT-114) este 2.",
        br_dec_17,
    ),
    dec(
        "BR-DEC-18",
        &["BT-115"],
        "The allowed maximum number of decimals for the Amount due for payment (BT-115) is 2.",
        "Numărul maxim de zecimale permis pentru suma de plată (BT-115) este 2.",
        br_dec_18,
    ),
    dec(
        "BR-DEC-19",
        &["BT-116"],
        "The allowed maximum number of decimals for the VAT category taxable amount (BT-116) is \
         2.",
        "Numărul maxim de zecimale permis pentru baza impozabilă a categoriei de TVA (BT-116) \
         este 2.",
        br_dec_19,
    ),
    dec(
        "BR-DEC-20",
        &["BT-117"],
        "The allowed maximum number of decimals for the VAT category tax amount (BT-117) is 2.",
        "Numărul maxim de zecimale permis pentru valoarea TVA a categoriei (BT-117) este 2.",
        br_dec_20,
    ),
    dec(
        "BR-DEC-23",
        &["BT-131"],
        "The allowed maximum number of decimals for the Invoice line net amount (BT-131) is 2.",
        "Numărul maxim de zecimale permis pentru valoarea netă a liniei facturii (BT-131) este \
         2.",
        br_dec_23,
    ),
    dec(
        "BR-DEC-24",
        &["BT-136"],
        "The allowed maximum number of decimals for the Invoice line allowance amount (BT-136) \
         is 2.",
        "Numărul maxim de zecimale permis pentru valoarea deducerii la nivelul liniei facturii \
         (BT-136) este 2.",
        br_dec_24,
    ),
    dec(
        "BR-DEC-25",
        &["BT-137"],
        "The allowed maximum number of decimals for the Invoice line allowance base amount \
         (BT-137) is 2.",
        "Numărul maxim de zecimale permis pentru valoarea de bază a deducerii la nivelul liniei \
         facturii (BT-137) este 2.",
        br_dec_25,
    ),
    dec(
        "BR-DEC-27",
        &["BT-141"],
        "The allowed maximum number of decimals for the Invoice line charge amount (BT-141) is \
         2.",
        "Numărul maxim de zecimale permis pentru valoarea taxei suplimentare la nivelul liniei \
         facturii (BT-141) este 2.",
        br_dec_27,
    ),
    dec(
        "BR-DEC-28",
        &["BT-142"],
        "The allowed maximum number of decimals for the Invoice line charge base amount \
         (BT-142) is 2.",
        "Numărul maxim de zecimale permis pentru valoarea de bază a taxei suplimentare la \
         nivelul liniei facturii (BT-142) este 2.",
        br_dec_28,
    ),
];

/// `string-length(substring-after(child, '.')) <= 2` on `node`.
fn two_decimals(node: Node<'_, '_>, child: &str) -> bool {
    string_at(node, child).is_ok_and(|s| decimals(&s) <= 2)
}

/// Each context node fails where its `child` has more than two decimals.
fn each(d: &Doc<'_, '_>, hits: &mut Hits, contexts: Vec<Node<'_, '_>>, child: &str) {
    for node in contexts {
        hits.check(d, node, !two_decimals(node, child));
    }
}

fn br_dec_01(d: &Doc<'_, '_>, hits: &mut Hits) {
    each(d, hits, document_allowances(d, false), "cbc:Amount");
}

fn br_dec_02(d: &Doc<'_, '_>, hits: &mut Hits) {
    each(d, hits, document_allowances(d, false), "cbc:BaseAmount");
}

fn br_dec_05(d: &Doc<'_, '_>, hits: &mut Hits) {
    each(d, hits, document_allowances(d, true), "cbc:Amount");
}

fn br_dec_06(d: &Doc<'_, '_>, hits: &mut Hits) {
    each(d, hits, document_allowances(d, true), "cbc:BaseAmount");
}

fn totals<'a, 'i>(d: &Doc<'a, 'i>) -> Vec<Node<'a, 'i>> {
    select(d, "cac:LegalMonetaryTotal")
}

fn br_dec_09(d: &Doc<'_, '_>, hits: &mut Hits) {
    each(d, hits, totals(d), "cbc:LineExtensionAmount");
}

fn br_dec_10(d: &Doc<'_, '_>, hits: &mut Hits) {
    each(d, hits, totals(d), "cbc:AllowanceTotalAmount");
}

fn br_dec_11(d: &Doc<'_, '_>, hits: &mut Hits) {
    each(d, hits, totals(d), "cbc:ChargeTotalAmount");
}

fn br_dec_12(d: &Doc<'_, '_>, hits: &mut Hits) {
    each(d, hits, totals(d), "cbc:TaxExclusiveAmount");
}

/// `//cac:TaxTotal/cbc:TaxAmount[@currencyID = cbc:DocumentCurrencyCode]`: in the artefacts'
/// predicate, `cbc:DocumentCurrencyCode` is a child of the tax amount, which UBL never has;
/// so these rules select nothing and pass, on real documents.
fn vat_totals_in<'a, 'i>(d: &Doc<'a, 'i>, code: &str) -> Vec<Node<'a, 'i>> {
    select(d, "cac:TaxTotal/cbc:TaxAmount")
        .into_iter()
        .filter(|amount| {
            let currency = amount.attribute("currencyID");
            currency.is_some()
                && amount
                    .children_named(code)
                    .any(|c| Some(c.string_value().as_str()) == currency)
        })
        .collect()
}

/// On the root: no such amount, or exactly one with at most two decimals (two are an error).
fn vat_total_decimals(d: &Doc<'_, '_>, hits: &mut Hits, code: &str) {
    let holds = match vat_totals_in(d, code).as_slice() {
        [] => true,
        [one] => decimals(&one.string_value()) <= 2,
        _ => false,
    };
    hits.check(d, d.root, !holds);
}

fn br_dec_13(d: &Doc<'_, '_>, hits: &mut Hits) {
    vat_total_decimals(d, hits, "cbc:DocumentCurrencyCode");
}

fn br_dec_14(d: &Doc<'_, '_>, hits: &mut Hits) {
    each(d, hits, totals(d), "cbc:TaxInclusiveAmount");
}

fn br_dec_15(d: &Doc<'_, '_>, hits: &mut Hits) {
    vat_total_decimals(d, hits, "cbc:TaxCurrencyCode");
}

fn br_dec_16(d: &Doc<'_, '_>, hits: &mut Hits) {
    each(d, hits, totals(d), "cbc:PrepaidAmount");
}

fn br_dec_17(d: &Doc<'_, '_>, hits: &mut Hits) {
    each(d, hits, totals(d), "cbc:PayableRoundingAmount");
}

fn br_dec_18(d: &Doc<'_, '_>, hits: &mut Hits) {
    each(d, hits, totals(d), "cbc:PayableAmount");
}

fn subtotals<'a, 'i>(d: &Doc<'a, 'i>) -> Vec<Node<'a, 'i>> {
    select(d, "cac:TaxTotal/cac:TaxSubtotal")
}

fn br_dec_19(d: &Doc<'_, '_>, hits: &mut Hits) {
    each(d, hits, subtotals(d), "cbc:TaxableAmount");
}

fn br_dec_20(d: &Doc<'_, '_>, hits: &mut Hits) {
    each(d, hits, subtotals(d), "cbc:TaxAmount");
}

fn br_dec_23(d: &Doc<'_, '_>, hits: &mut Hits) {
    each(d, hits, lines(d), "cbc:LineExtensionAmount");
}

fn br_dec_24(d: &Doc<'_, '_>, hits: &mut Hits) {
    each(d, hits, line_allowances(d, false), "cbc:Amount");
}

fn br_dec_25(d: &Doc<'_, '_>, hits: &mut Hits) {
    each(d, hits, line_allowances(d, false), "cbc:BaseAmount");
}

fn br_dec_27(d: &Doc<'_, '_>, hits: &mut Hits) {
    each(d, hits, line_allowances(d, true), "cbc:Amount");
}

fn br_dec_28(d: &Doc<'_, '_>, hits: &mut Hits) {
    each(d, hits, line_allowances(d, true), "cbc:BaseAmount");
}

#[cfg(test)]
mod tests {
    use crate::en16931::core::testing::cen;

    fn total(amount: &str) -> String {
        format!("<cac:LegalMonetaryTotal>{amount}</cac:LegalMonetaryTotal>")
    }

    #[test]
    fn decimals_are_counted_on_the_text_as_written() {
        let at = ["/ubl:Invoice[1]/cac:LegalMonetaryTotal[1]"];
        let amount = |v: &str| total(&format!("<cbc:PayableAmount>{v}</cbc:PayableAmount>"));
        assert!(cen(&amount("1.5 "), "BR-DEC-18").is_empty());
        assert_eq!(
            cen(&amount("1.25 "), "BR-DEC-18"),
            at,
            "a trailing space counts"
        );
        assert_eq!(cen(&amount("1.001"), "BR-DEC-18"), at);
        assert!(cen(&amount("1e-5"), "BR-DEC-18").is_empty(), "no dot");
        let twice = total(
            "<cbc:PayableAmount>1</cbc:PayableAmount><cbc:PayableAmount>2</cbc:PayableAmount>",
        );
        assert_eq!(cen(&twice, "BR-DEC-18"), at, "two amounts are an error");
    }

    #[test]
    fn the_vat_total_rules_look_for_a_currency_child_and_never_fire() {
        let body = "<cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>\
            <cac:TaxTotal><cbc:TaxAmount currencyID=\"EUR\">1.234</cbc:TaxAmount></cac:TaxTotal>";
        assert!(cen(body, "BR-DEC-13").is_empty());
    }
}
