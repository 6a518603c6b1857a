//! BR-CO-10 … BR-CO-17: the totals and the VAT breakdown add up, with the artefacts' XPath
//! decimal semantics: `xs:decimal` casts (a failed one fails the assertion), `sum` of nothing
//! is 0, `round(x * 10 * 10) div 100` rounds halves towards positive infinity, an empty
//! operand makes arithmetic empty and a comparison false (without evaluating what follows).

use roxmltree::Node;
use rust_decimal::Decimal;
use ubl::xml::UblNode;

use crate::doc::Doc;
use crate::en16931::core::xpath::{
    DynamicError, Eval, decimal_at, decimal_of, has_vat_scheme, indicator_is, lines, round,
    round_cents, select, sum_at,
};
use crate::finding::Severity::Fatal;
use crate::registry::{Hits, Rule, Sets};

pub(super) const BR_CO_10: Rule = Rule {
    id: "BR-CO-10",
    severity: Fatal,
    sets: Sets::BOTH,
    terms: &["BT-106", "BT-131"],
    en: "Sum of Invoice line net amount (BT-106) = Σ Invoice line net amount (BT-131).",
    ro: "Suma valorilor nete ale liniilor facturii (BT-106) = Σ valorilor nete ale liniilor \
         (BT-131).",
    check: br_co_10,
};

pub(super) const BR_CO_11: Rule = Rule {
    id: "BR-CO-11",
    severity: Fatal,
    sets: Sets::BOTH,
    terms: &["BT-107", "BT-92"],
    en: "Sum of allowances on document level (BT-107) = Σ Document level allowance amount \
         (BT-92).",
    ro: "Suma deducerilor la nivelul documentului (BT-107) = Σ valorilor deducerilor la nivelul \
         documentului (BT-92).",
    check: br_co_11,
};

pub(super) const BR_CO_12: Rule = Rule {
    id: "BR-CO-12",
    severity: Fatal,
    sets: Sets::BOTH,
    terms: &["BT-108", "BT-99"],
    en: "Sum of charges on document level (BT-108) = Σ Document level charge amount (BT-99).",
    ro: "Suma taxelor suplimentare la nivelul documentului (BT-108) = Σ valorilor taxelor \
         suplimentare la nivelul documentului (BT-99).",
    check: br_co_12,
};

pub(super) const BR_CO_13: Rule = Rule {
    id: "BR-CO-13",
    severity: Fatal,
    sets: Sets::BOTH,
    terms: &["BT-109", "BT-131", "BT-107", "BT-108"],
    en: "Invoice total amount without VAT (BT-109) = Σ Invoice line net amount (BT-131) - Sum of \
         allowances on document level (BT-107) + Sum of charges on document level (BT-108).",
    ro: "Valoarea totală a facturii fără TVA (BT-109) = Σ valorilor nete ale liniilor (BT-131) - \
         suma deducerilor la nivelul documentului (BT-107) + suma taxelor suplimentare la nivelul \
         documentului (BT-108).",
    check: br_co_13,
};

pub(super) const BR_CO_14: Rule = Rule {
    id: "BR-CO-14",
    severity: Fatal,
    sets: Sets::BOTH,
    terms: &["BT-110", "BT-117"],
    en: "Invoice total VAT amount (BT-110) = Σ VAT category tax amount (BT-117).",
    ro: "Valoarea totală a TVA a facturii (BT-110) = Σ valorilor TVA ale categoriilor (BT-117).",
    check: br_co_14,
};

pub(super) const BR_CO_15: Rule = Rule {
    id: "BR-CO-15",
    severity: Fatal,
    sets: Sets::BOTH,
    terms: &["BT-112", "BT-109", "BT-110"],
    en: "Invoice total amount with VAT (BT-112) = Invoice total amount without VAT (BT-109) + \
         Invoice total VAT amount (BT-110).",
    ro: "Valoarea totală a facturii cu TVA (BT-112) = valoarea totală a facturii fără TVA \
         (BT-109) + valoarea totală a TVA a facturii (BT-110).",
    check: br_co_15,
};

pub(super) const BR_CO_16: Rule = Rule {
    id: "BR-CO-16",
    severity: Fatal,
    sets: Sets::BOTH,
    terms: &["BT-115", "BT-112", "BT-113", "BT-114"],
    en: "Amount due for payment (BT-115) = Invoice total amount with VAT (BT-112) -Paid amount \
         (BT-113) +Rounding amount (BT-114).",
    ro: "Suma de plată (BT-115) = valoarea totală a facturii cu TVA (BT-112) - suma plătită \
         (BT-113) + valoarea de rotunjire (BT-114).",
    check: br_co_16,
};

pub(super) const BR_CO_17: Rule = Rule {
    id: "BR-CO-17",
    severity: Fatal,
    sets: Sets::BOTH,
    terms: &["BT-117", "BT-116", "BT-119"],
    en: "VAT category tax amount (BT-117) = VAT category taxable amount (BT-116) x (VAT category \
         rate (BT-119) / 100), rounded to two decimals.",
    ro: "Valoarea TVA a categoriei (BT-117) = baza impozabilă a categoriei (BT-116) x (cota \
         categoriei de TVA (BT-119) / 100), rotunjită la două zecimale.",
    check: br_co_17,
};

const LINE_NET: &str = "cbc:LineExtensionAmount";
const WITHOUT_VAT: &str = "cbc:TaxExclusiveAmount";
const WITH_VAT: &str = "cbc:TaxInclusiveAmount";
const ALLOWANCES: &str = "cbc:AllowanceTotalAmount";
const CHARGES: &str = "cbc:ChargeTotalAmount";
const PAID: &str = "cbc:PrepaidAmount";
const ROUNDING: &str = "cbc:PayableRoundingAmount";
const DUE: &str = "cbc:PayableAmount";

/// Context `cac:LegalMonetaryTotal`: each fails where `holds` is false or an error.
fn each_total(d: &Doc<'_, '_>, hits: &mut Hits, holds: impl Fn(Node<'_, '_>) -> Eval<bool>) {
    for total in select(d, "cac:LegalMonetaryTotal") {
        hits.check(d, total, holds(total) != Ok(true));
    }
}

/// Arithmetic on decimals that overflows ours (Saxon's have no limit) is an error.
fn add(a: Decimal, b: Decimal) -> Eval<Decimal> {
    a.checked_add(b).ok_or(DynamicError)
}

fn sub(a: Decimal, b: Decimal) -> Eval<Decimal> {
    a.checked_sub(b).ok_or(DynamicError)
}

/// `xs:decimal(total/steps)`, where an empty result stops the expression as false: the
/// `?`-able form of "empty operand, false comparison".
macro_rules! or_false {
    ($value:expr) => {
        match $value? {
            Some(v) => v,
            None => return Ok(false),
        }
    };
}

/// `xs:decimal(cbc:LineExtensionAmount) = xs:decimal(round(sum(//(cac:InvoiceLine|
/// cac:CreditNoteLine)/xs:decimal(cbc:LineExtensionAmount)) * 10 * 10) div 100)`.
fn br_co_10(d: &Doc<'_, '_>, hits: &mut Hits) {
    each_total(d, hits, |total| {
        let stated = or_false!(decimal_at(total, LINE_NET));
        Ok(stated == round_cents(sum_at(lines(d), LINE_NET)?)?)
    });
}

/// `../cac:AllowanceCharge[cbc:ChargeIndicator = X()]` from the total: an invalid indicator
/// is an error here (an expression, not a rule context).
fn sibling_allowances<'a, 'i>(total: Node<'a, 'i>, charge: bool) -> Eval<Vec<Node<'a, 'i>>> {
    let Some(parent) = total.parent_element() else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    for allowance in parent.children_named("cac:AllowanceCharge") {
        if indicator_is(allowance, charge)? {
            out.push(allowance);
        }
    }
    Ok(out)
}

/// `xs:decimal(total) = (round(sum(../cac:AllowanceCharge[…]/xs:decimal(cbc:Amount)) * 10 *
/// 10) div 100) or (not(total) and not(../cac:AllowanceCharge[…]))`.
fn allowances_add_up(total: Node<'_, '_>, stated: &str, charge: bool) -> Eval<bool> {
    match decimal_at(total, stated)? {
        Some(stated) => {
            let sum = sum_at(sibling_allowances(total, charge)?, "cbc:Amount")?;
            Ok(stated == round_cents(sum)?)
        }
        None => Ok(sibling_allowances(total, charge)?.is_empty()),
    }
}

fn br_co_11(d: &Doc<'_, '_>, hits: &mut Hits) {
    each_total(d, hits, |total| allowances_add_up(total, ALLOWANCES, false));
}

fn br_co_12(d: &Doc<'_, '_>, hits: &mut Hits) {
    each_total(d, hits, |total| allowances_add_up(total, CHARGES, true));
}

/// Four cases by which of the charge and allowance totals exist; without both, BT-109 must
/// equal BT-106 exactly (no rounding).
fn br_co_13(d: &Doc<'_, '_>, hits: &mut Hits) {
    each_total(d, hits, |total| {
        let has = |steps| total.child(steps).is_some();
        let (charges, allowances) = (has(CHARGES), has(ALLOWANCES));
        let stated = or_false!(decimal_at(total, WITHOUT_VAT));
        let mut expected = or_false!(decimal_at(total, LINE_NET));
        if !charges && !allowances {
            return Ok(stated == expected);
        }
        if charges {
            expected = add(expected, or_false!(decimal_at(total, CHARGES)))?;
        }
        if allowances {
            expected = sub(expected, or_false!(decimal_at(total, ALLOWANCES)))?;
        }
        Ok(stated == round_cents(expected)?)
    });
}

/// Context `/ubl:Invoice/cac:TaxTotal`: `(xs:decimal(cbc:TaxAmount) = round(sum(cac:TaxSubtotal/
/// xs:decimal(cbc:TaxAmount)) * 10 * 10) div 100) or not(cac:TaxSubtotal)`.
fn br_co_14(d: &Doc<'_, '_>, hits: &mut Hits) {
    let tax_totals = select(d, "/ubl:Invoice/cac:TaxTotal | /cn:CreditNote/cac:TaxTotal");
    for tax_total in tax_totals {
        let adds_up = || -> Eval<bool> {
            let stated = or_false!(decimal_at(tax_total, "cbc:TaxAmount"));
            let sum = sum_at(tax_total.children_named("cac:TaxSubtotal"), "cbc:TaxAmount")?;
            Ok(stated == round_cents(sum)?)
        };
        let holds = match adds_up() {
            Ok(true) => true,
            Ok(false) => tax_total.child("cac:TaxSubtotal").is_none(),
            Err(_) => false,
        };
        hits.check(d, tax_total, !holds);
    }
}

/// On the root, for every `cbc:DocumentCurrencyCode`: exactly one VAT total in that currency
/// among the root's `cac:TaxTotal`, and BT-112 = round(BT-109 + that VAT total) to cents.
fn br_co_15(d: &Doc<'_, '_>, hits: &mut Hits) {
    let holds = d
        .root
        .children_named("cbc:DocumentCurrencyCode")
        .all(|code| adds_up_in(d.root, &code.string_value()) == Ok(true));
    hits.check(d, d.root, !holds);
}

fn adds_up_in(root: Node<'_, '_>, currency: &str) -> Eval<bool> {
    let mut vat = Vec::new();
    for tax_total in root.children_named("cac:TaxTotal") {
        let amounts: Vec<Node<'_, '_>> = tax_total
            .children_named("cbc:TaxAmount")
            .filter(|a| a.attribute("currencyID") == Some(currency))
            .collect();
        match amounts.as_slice() {
            [] => {}
            [one] => vat.push(decimal_of(*one)?),
            _ => return Err(DynamicError),
        }
    }
    let [vat] = vat.as_slice() else {
        return Ok(false);
    };
    let totals: Vec<Node<'_, '_>> = root.children_named("cac:LegalMonetaryTotal").collect();
    let mut stated = Vec::new();
    for total in &totals {
        stated.extend(decimal_at(*total, WITH_VAT)?);
    }
    if stated.is_empty() {
        return Ok(false);
    }
    let mut without = Vec::new();
    for total in &totals {
        without.extend(decimal_at(*total, WITHOUT_VAT)?);
    }
    let without = match without.as_slice() {
        [] => return Ok(false),
        [one] => *one,
        _ => return Err(DynamicError),
    };
    let expected = round_cents(add(without, *vat)?)?;
    Ok(stated.contains(&expected))
}

/// Four cases by which of the paid and rounding amounts exist; the amount due is compared
/// after taking the rounding amount off it.
fn br_co_16(d: &Doc<'_, '_>, hits: &mut Hits) {
    each_total(d, hits, |total| {
        let has = |steps| total.child(steps).is_some();
        let (paid, rounding) = (has(PAID), has(ROUNDING));
        let due = or_false!(decimal_at(total, DUE));
        let due = if rounding {
            round_cents(sub(due, or_false!(decimal_at(total, ROUNDING)))?)?
        } else {
            due
        };
        let with_vat = or_false!(decimal_at(total, WITH_VAT));
        let expected = if paid {
            round_cents(sub(with_vat, or_false!(decimal_at(total, PAID)))?)?
        } else {
            with_vat
        };
        Ok(due == expected)
    });
}

/// `cac:TaxCategory[…VAT…]/xs:decimal(cbc:Percent)` as the operand of `round()` or `div`:
/// `None` for no rate, an error for two.
fn vat_rate(subtotal: Node<'_, '_>) -> Eval<Option<Decimal>> {
    let mut rates = Vec::new();
    for category in subtotal.children_named("cac:TaxCategory") {
        if has_vat_scheme(category)? {
            rates.extend(decimal_at(category, "cbc:Percent")?);
        }
    }
    match rates.as_slice() {
        [] => Ok(None),
        [one] => Ok(Some(*one)),
        _ => Err(DynamicError),
    }
}

/// A rate that rounds to 0 (or no rate) needs a tax amount that rounds to 0; any other rate
/// needs the tax amount within 1 (exclusive) of round(|BT-116| × rate / 100) to cents.
fn tax_matches_rate(subtotal: Node<'_, '_>) -> Eval<bool> {
    let tax = || decimal_at(subtotal, "cbc:TaxAmount");
    let rate = match vat_rate(subtotal)? {
        Some(rate) if round(rate)? != Decimal::ZERO => rate,
        _ => return Ok(round(or_false!(tax()))? == Decimal::ZERO),
    };
    let tax = or_false!(tax()).abs();
    let base = or_false!(decimal_at(subtotal, "cbc:TaxableAmount")).abs();
    let fraction = rate.checked_div(Decimal::ONE_HUNDRED).ok_or(DynamicError)?;
    let expected = round_cents(base.checked_mul(fraction).ok_or(DynamicError)?)?;
    Ok(sub(tax, Decimal::ONE)? < expected && add(tax, Decimal::ONE)? > expected)
}

/// Context `cac:TaxTotal/cac:TaxSubtotal`.
fn br_co_17(d: &Doc<'_, '_>, hits: &mut Hits) {
    for subtotal in select(d, "cac:TaxTotal/cac:TaxSubtotal") {
        hits.check(d, subtotal, tax_matches_rate(subtotal) != Ok(true));
    }
}

#[cfg(test)]
mod tests {
    use crate::en16931::core::testing::cen;

    const TOTAL: &str = "/ubl:Invoice[1]/cac:LegalMonetaryTotal[1]";

    fn total(amounts: &str) -> String {
        format!("<cac:LegalMonetaryTotal>{amounts}</cac:LegalMonetaryTotal>")
    }

    fn line(net: &str) -> String {
        format!(
            "<cac:InvoiceLine><cbc:LineExtensionAmount>{net}</cbc:LineExtensionAmount></cac:InvoiceLine>"
        )
    }

    #[test]
    fn line_sum_is_rounded_half_towards_positive_infinity() {
        let body = |stated: &str| {
            format!(
                "{}{}{}",
                total(&format!(
                    "<cbc:LineExtensionAmount>{stated}</cbc:LineExtensionAmount>"
                )),
                line("-1.0"),
                line("-0.005")
            )
        };
        assert!(
            cen(&body("-1.00"), "BR-CO-10").is_empty(),
            "round(-100.5) = -100"
        );
        assert_eq!(cen(&body("-1.01"), "BR-CO-10"), [TOTAL]);
        assert_eq!(cen(&body(" -1.00 "), "BR-CO-10"), Vec::<String>::new());
        assert_eq!(cen(&body("-1e0"), "BR-CO-10"), [TOTAL], "not an xs:decimal");
    }

    #[test]
    fn no_lines_sum_to_zero() {
        let body = total("<cbc:LineExtensionAmount>0.00</cbc:LineExtensionAmount>");
        assert!(cen(&body, "BR-CO-10").is_empty());
        assert_eq!(
            cen(&total(""), "BR-CO-10"),
            [TOTAL],
            "no stated sum compares false"
        );
        let bad_line = format!("{body}{}", line("1,00"));
        assert_eq!(
            cen(&bad_line, "BR-CO-10"),
            [TOTAL],
            "a failed cast in the sum"
        );
    }

    #[test]
    fn without_allowances_and_charges_the_net_total_is_compared_unrounded() {
        let body = |extra: &str| {
            total(&format!(
                "<cbc:LineExtensionAmount>10.005</cbc:LineExtensionAmount>\
                 <cbc:TaxExclusiveAmount>10.01</cbc:TaxExclusiveAmount>{extra}"
            ))
        };
        assert_eq!(cen(&body(""), "BR-CO-13"), [TOTAL]);
        let zero = "<cbc:AllowanceTotalAmount>0</cbc:AllowanceTotalAmount>";
        assert!(cen(&body(zero), "BR-CO-13").is_empty());
    }

    #[test]
    fn an_invalid_indicator_breaks_the_allowance_sum() {
        let body = format!(
            "<cac:AllowanceCharge><cbc:ChargeIndicator>yes</cbc:ChargeIndicator></cac:AllowanceCharge>{}",
            total("")
        );
        assert_eq!(cen(&body, "BR-CO-11"), [TOTAL]);
        assert!(
            cen(&total(""), "BR-CO-11").is_empty(),
            "no total, no allowance"
        );
    }

    #[test]
    fn the_rounding_amount_comes_off_the_amount_due() {
        let body = total(
            "<cbc:TaxInclusiveAmount>100.004</cbc:TaxInclusiveAmount>\
             <cbc:PrepaidAmount>0</cbc:PrepaidAmount>\
             <cbc:PayableRoundingAmount>0.01</cbc:PayableRoundingAmount>\
             <cbc:PayableAmount>100.01</cbc:PayableAmount>",
        );
        assert!(cen(&body, "BR-CO-16").is_empty());
    }

    fn subtotal(rate: &str, base: &str, tax: &str) -> String {
        format!(
            "<cac:TaxTotal><cac:TaxSubtotal><cbc:TaxableAmount>{base}</cbc:TaxableAmount>\
             <cbc:TaxAmount>{tax}</cbc:TaxAmount><cac:TaxCategory><cbc:ID>S</cbc:ID>\
             <cbc:Percent>{rate}</cbc:Percent><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme>\
             </cac:TaxCategory></cac:TaxSubtotal></cac:TaxTotal>"
        )
    }

    #[test]
    fn vat_breakdown_tax_is_within_one_of_the_rounded_product() {
        let at = ["/ubl:Invoice[1]/cac:TaxTotal[1]/cac:TaxSubtotal[1]"];
        assert!(cen(&subtotal("19", "-100", "19.99"), "BR-CO-17").is_empty());
        assert_eq!(cen(&subtotal("19", "100", "20"), "BR-CO-17"), at);
        assert!(
            cen(&subtotal("0.4", "100", "0.4"), "BR-CO-17").is_empty(),
            "rate rounds to 0"
        );
        assert_eq!(cen(&subtotal("0.4", "100", "0.5"), "BR-CO-17"), at);
        assert!(
            cen(&subtotal("-0.5", "100", "-0.5"), "BR-CO-17").is_empty(),
            "round(-0.5) = 0"
        );
    }

    #[test]
    fn vat_total_is_checked_per_document_currency() {
        let body = "<cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>\
            <cac:TaxTotal><cbc:TaxAmount currencyID=\"EUR\">19</cbc:TaxAmount></cac:TaxTotal>\
            <cac:TaxTotal><cbc:TaxAmount currencyID=\"RON\">95</cbc:TaxAmount></cac:TaxTotal>\
            <cac:LegalMonetaryTotal><cbc:TaxExclusiveAmount>100</cbc:TaxExclusiveAmount>\
            <cbc:TaxInclusiveAmount>119</cbc:TaxInclusiveAmount></cac:LegalMonetaryTotal>";
        assert!(cen(body, "BR-CO-15").is_empty());
        let twice = body.replace("RON", "EUR");
        assert_eq!(
            cen(&twice, "BR-CO-15"),
            ["/ubl:Invoice[1]"],
            "two VAT totals in EUR"
        );
    }
}
