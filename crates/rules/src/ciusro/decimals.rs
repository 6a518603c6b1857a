//! The decimal rules `BR-DEC-RO-*`: amounts with at most two decimals, counted as the
//! characters after the first `.`. BR-DEC-RO-23 never runs (the lines are taken by the length
//! rules), nor do BR-DEC-RO-13/15 on a real document: see [`br_dec_ro_13`].

use roxmltree::Node;
use ubl::xml::UblNode;

use crate::doc::{Doc, decimals};
use crate::finding::Severity::Fatal;
use crate::registry::{Hits, Rule, Sets};

use super::limits;

pub(super) const RULES: &[Rule] = limits! {
    "BR-DEC-RO-01" DocumentAllowance "cbc:Amount" decimals 2 ["BT-92"]
        "The allowed maximum number of decimals for the Document level allowance amount (BT-92) is 2."
        "Numărul maxim permis de zecimale pentru Valoarea deducerilor la nivelul documentului (BT-92) este 2.";
    "BR-DEC-RO-02" DocumentAllowance "cbc:BaseAmount" decimals 2 ["BT-93"]
        "The allowed maximum number of decimals for the Document level allowance base amount (BT-93) is 2."
        "Numărul maxim permis de zecimale pentru Valoarea de bază a deducerii la nivelul documentului (BT-93) este 2.";
    "BR-DEC-RO-05" DocumentCharge "cbc:Amount" decimals 2 ["BT-99"]
        "The allowed maximum number of decimals for the Document level charge amount (BT-99) is 2."
        "Numărul maxim permis de zecimale pentru Valoarea taxelor suplimentare la nivelul documentului (BT-99) este 2.";
    "BR-DEC-RO-06" DocumentCharge "cbc:BaseAmount" decimals 2 ["BT-100"]
        "The allowed maximum number of decimals for the Document level charge base amount (BT-100) is 2."
        "Numărul maxim permis de zecimale pentru Valoarea de bază a taxelor suplimentare la nivelul documentului (BT-100) este 2.";
    "BR-DEC-RO-09" MonetaryTotal "cbc:LineExtensionAmount" decimals 2 ["BT-106"]
        "The allowed maximum number of decimals for the Sum of Invoice line net amount (BT-106) is 2."
        "Numărul maxim permis de zecimale pentru Suma valorilor nete ale liniilor facturii (BT-106) este 2.";
    "BR-DEC-RO-10" MonetaryTotal "cbc:AllowanceTotalAmount" decimals 2 ["BT-107"]
        "The allowed maximum number of decimals for the Sum of allowances on document level (BT-107) is 2."
        "Numărul maxim permis de zecimale pentru Suma deducerilor la nivelul documentului (BT-107) este 2.";
    "BR-DEC-RO-11" MonetaryTotal "cbc:ChargeTotalAmount" decimals 2 ["BT-108"]
        "The allowed maximum number of decimals for the Sum of charges on document level (BT-108) is 2."
        "Numărul maxim permis de zecimale pentru Suma taxelor suplimentare la nivelul documentului (BT-108) este 2.";
    "BR-DEC-RO-12" MonetaryTotal "cbc:TaxExclusiveAmount" decimals 2 ["BT-109"]
        "The allowed maximum number of decimals for the Invoice total amount without VAT (BT-109) is 2."
        "Numărul maxim permis de zecimale pentru Valoarea totală a facturii fără TVA (BT-109) este 2.";
    "BR-DEC-RO-14" MonetaryTotal "cbc:TaxInclusiveAmount" decimals 2 ["BT-112"]
        "The allowed maximum number of decimals for the Invoice total amount with VAT (BT-112) is 2."
        "Numărul maxim permis de zecimale pentru Valoarea totală a facturii cu TVA (BT-112) este 2.";
    "BR-DEC-RO-16" MonetaryTotal "cbc:PrepaidAmount" decimals 2 ["BT-113"]
        "The allowed maximum number of decimals for the Paid amount (BT-113) is 2."
        "Numărul maxim permis de zecimale pentru Suma plătită (BT-113) este 2.";
    "BR-DEC-RO-17" MonetaryTotal "cbc:PayableRoundingAmount" decimals 2 ["BT-114"]
        "The allowed maximum number of decimals for the Rounding amount (BT-114) is 2."
        "Numărul maxim permis de zecimale pentru Valoare de rotunjire (BT-114) este 2.";
    "BR-DEC-RO-18" MonetaryTotal "cbc:PayableAmount" decimals 2 ["BT-115"]
        "The allowed maximum number of decimals for the Amount due for payment (BT-115) is 2."
        "Numărul maxim permis de zecimale pentru Suma de plată (BT-115) este 2.";
    "BR-DEC-RO-1009" TaxSubtotal "cbc:TaxableAmount" decimals 2 ["BT-116"]
        "The allowed maximum number of decimals for the VAT category taxable amount (BT-116) is 2."
        "Numărul maxim permis de zecimale pentru Baza de calcul pentru categoria de TVA (BT-116) este 2.";
    "BR-DEC-RO-1010" TaxSubtotal "cbc:TaxAmount" decimals 2 ["BT-117"]
        "The allowed maximum number of decimals for the VAT category tax amount (BT-117) is 2."
        "Numărul maxim permis de zecimale pentru Valoarea TVA pentru fiecare categorie de TVA (BT-117) este 2.";
    "BR-DEC-RO-23" Shadowed "cbc:LineExtensionAmount" decimals 2 ["BT-131"]
        "The allowed maximum number of decimals for the Invoice line net amount (BT-131) is 2."
        "Numărul maxim permis de zecimale pentru Valoarea netă a liniei facturii (BT-131) este 2.";
    "BR-DEC-RO-24" LineAllowance "cbc:Amount" decimals 2 ["BT-136"]
        "The allowed maximum number of decimals for the Invoice line allowance amount (BT-136) is 2."
        "Numărul maxim permis de zecimale pentru Valoarea deducerii la linia facturii (BT-136) este 2.";
    "BR-DEC-RO-25" LineAllowance "cbc:BaseAmount" decimals 2 ["BT-137"]
        "The allowed maximum number of decimals for the Invoice line allowance base amount (BT-137) is 2."
        "Numărul maxim permis de zecimale pentru Valoarea de bază a deducerii la linia facturii (BT-137) este 2.";
    "BR-DEC-RO-27" LineCharge "cbc:Amount" decimals 2 ["BT-141"]
        "The allowed maximum number of decimals for the Invoice line charge amount (BT-141) is 2."
        "Numărul maxim permis de zecimale pentru Valoarea taxei suplimentare la linia facturii (BT-141) este 2.";
    "BR-DEC-RO-28" LineCharge "cbc:BaseAmount" decimals 2 ["BT-142"]
        "The allowed maximum number of decimals for the Invoice line charge base amount (BT-142) is 2."
        "Numărul maxim permis de zecimale pentru Valoarea de bază a taxei suplimentare la linia facturii (BT-142) este 2.";
};

/// BR-DEC-RO-13 and 15, on the invoice total VAT amounts (BT-110, BT-111).
pub(super) const VAT_TOTALS: &[Rule] = &[
    Rule {
        id: "BR-DEC-RO-13",
        severity: Fatal,
        sets: Sets::RO,
        terms: &["BT-110"],
        en: "The allowed maximum number of decimals for the Invoice total VAT amount (BT-110) is 2.",
        ro: "Numărul maxim permis de zecimale pentru Valoarea totală a TVA a facturii (BT-110) \
             este 2.",
        check: br_dec_ro_13,
    },
    Rule {
        id: "BR-DEC-RO-15",
        severity: Fatal,
        sets: Sets::RO,
        terms: &["BT-111"],
        en: "The allowed maximum number of decimals for the Invoice total VAT amount in \
             accounting currency (BT-111) is 2.",
        ro: "Numărul maxim permis de zecimale pentru Valoarea TVA totală a facturii în moneda de \
             contabilizare (BT-111) este 2.",
        check: br_dec_ro_15,
    },
];

/// ANAF's context is `/ubl:Invoice | cac:CreditNote`: the invoice element is taken by the
/// rule with BR-RO-001, and no UBL document has a `cac:CreditNote`, so on a real document this
/// never fires. Should such an element appear, the test runs as written: its
/// `cbc:TaxAmount[@currencyID = cbc:DocumentCurrencyCode]` looks for the currency code *inside*
/// the amount, which a schema-valid amount never has.
fn br_dec_ro_13(d: &Doc<'_, '_>, hits: &mut Hits) {
    vat_total(d, hits, "cbc:DocumentCurrencyCode");
}

/// See [`br_dec_ro_13`].
fn br_dec_ro_15(d: &Doc<'_, '_>, hits: &mut Hits) {
    vat_total(d, hits, "cbc:TaxCurrencyCode");
}

fn vat_total(d: &Doc<'_, '_>, hits: &mut Hits, currency: &str) {
    let in_currency = |amount: &Node<'_, '_>| {
        amount.attribute("currencyID").is_some_and(|id| {
            amount
                .children_named(currency)
                .any(|c| c.string_value() == id)
        })
    };
    for context in d.all("cac:CreditNote") {
        let amounts: Vec<Node<'_, '_>> = d
            .all("cac:TaxTotal")
            .flat_map(|t| t.children().filter(|a| a.is("cbc:TaxAmount")))
            .filter(in_currency)
            .collect();
        let failed = match amounts.as_slice() {
            [] => false,
            [amount] => decimals(&amount.string_value()) > 2,
            _ => true,
        };
        hits.check(d, context, failed);
    }
}
