//! The checks on one row of the VAT breakdown (BG-23), BR-x-08 to BR-x-10: its taxable amount
//! against the lines, allowances and charges of its category, its tax amount, its exemption
//! reason.

use roxmltree::Node;
use rust_decimal::Decimal;
use ubl::xml::UblNode;

use super::xpath::{
    DynamicError, Eval, add, charge_indicator_is, code, compare_double, decimal_of, double, round2,
    single,
};
use super::{Code, assert, breakdown};
use crate::doc::{Doc, path_all};
use crate::registry::Hits;

/// The contexts of BR-x-08 to BR-x-10: `/*/cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory` with
/// `code` and the VAT scheme.
fn breakdown_of<'a, 'i: 'a>(d: &Doc<'a, 'i>, code: &'static str) -> Vec<Node<'a, 'i>> {
    breakdown(d)
        .into_iter()
        .filter(|tc| Code::vat(code).selects(*tc))
        .collect()
}

/// The `cac:TaxSubtotal` of a breakdown category (`..`).
fn subtotal<'a, 'i: 'a>(tc: Node<'a, 'i>) -> Node<'a, 'i> {
    tc.parent_element().unwrap_or(tc)
}

/// `lines[cac:Item/cac:ClassifiedTaxCategory/normalize-space(cbc:ID) = 'code']`, and with a
/// rate `[cac:Item/cac:ClassifiedTaxCategory/xs:decimal(cbc:Percent) = $rate]`.
fn line_in(line: Node<'_, '_>, code_: &str, rate: Option<Decimal>) -> Eval<bool> {
    let categories = path_all(line, "cac:Item/cac:ClassifiedTaxCategory");
    in_category(&categories, code_, rate)
}

/// `[cac:TaxCategory/normalize-space(cbc:ID) = 'code']`, and with a rate
/// `[cac:TaxCategory/xs:decimal(cbc:Percent) = $rate]`, on an allowance or charge.
fn allowance_in(ac: Node<'_, '_>, code_: &str, rate: Option<Decimal>) -> Eval<bool> {
    let categories: Vec<Node<'_, '_>> = ac.children_named("cac:TaxCategory").collect();
    in_category(&categories, code_, rate)
}

fn in_category(categories: &[Node<'_, '_>], code_: &str, rate: Option<Decimal>) -> Eval<bool> {
    let mut same_code = false;
    for tc in categories {
        if code(*tc)? == code_ {
            same_code = true;
            break;
        }
    }
    let Some(rate) = rate else {
        return Ok(same_code);
    };
    if !same_code {
        return Ok(false);
    }
    for tc in categories {
        if decimal_of(*tc, "cbc:Percent")? == Some(rate) {
            return Ok(true);
        }
    }
    Ok(false)
}

/// The net amount of a category: `sum(../../../lines[…]/xs:decimal(cbc:LineExtensionAmount))`
/// `+ sum(../../../cac:AllowanceCharge[charges][…]/xs:decimal(cbc:Amount))` `- sum(…
/// allowances …)`, over the root's `lines` (`cac:InvoiceLine` or `cac:CreditNoteLine`) with
/// `code` (and `rate`). The sum of nothing is 0.
fn net_amount(d: &Doc<'_, '_>, lines: &str, code_: &str, rate: Option<Decimal>) -> Eval<Decimal> {
    let mut total = Decimal::ZERO;
    for line in d.root.children_named(lines) {
        if line_in(line, code_, rate)?
            && let Some(amount) = decimal_of(line, "cbc:LineExtensionAmount")?
        {
            total = add(total, amount)?;
        }
    }
    for charge in [true, false] {
        let mut sum = Decimal::ZERO;
        for ac in d.root.children_named("cac:AllowanceCharge") {
            if charge_indicator_is(ac, charge)?
                && allowance_in(ac, code_, rate)?
                && let Some(amount) = decimal_of(ac, "cbc:Amount")?
            {
                sum = add(sum, amount)?;
            }
        }
        total = if charge {
            add(total, sum)?
        } else {
            add(total, -sum)?
        };
    }
    Ok(total)
}

/// BR-x-08 without rates (context: a breakdown category): for invoices (or credit notes), the
/// taxable amount (BT-116) equals the category's net amount exactly.
pub(super) fn taxable_amount(d: &Doc<'_, '_>, hits: &mut Hits, code_: &'static str) {
    for tc in breakdown_of(d, code_) {
        let outcome = (|| {
            for lines in ["cac:InvoiceLine", "cac:CreditNoteLine"] {
                if d.all(lines).next().is_none() {
                    continue;
                }
                let Some(taxable) = decimal_of(subtotal(tc), "cbc:TaxableAmount")? else {
                    continue;
                };
                if taxable == net_amount(d, lines, code_, None)? {
                    return Ok(true);
                }
            }
            Ok(false)
        })();
        assert(d, hits, tc, outcome);
    }
}

/// What must exist before BR-x-08 with rates compares amounts for invoices (or credit notes).
#[derive(Debug, Clone, Copy)]
pub(super) enum Guard {
    /// `exists(//lines)`.
    AnyLine,
    /// `exists(//lines[code][rate]) or exists(//cac:AllowanceCharge[code][rate])`.
    LineOrAllowanceAtRate,
}

/// `../xs:decimal(cbc:TaxableAmount - 1) < net and ../xs:decimal(cbc:TaxableAmount + 1) >
/// net`: the arithmetic is on doubles (the amount is untyped), whose exact values are then
/// compared with the decimal net amount.
fn within_one(tc: Node<'_, '_>, net: impl Fn() -> Eval<Decimal>) -> Eval<bool> {
    let Some(taxable) = single(subtotal(tc), "cbc:TaxableAmount")? else {
        return Ok(false);
    };
    let taxable = double(&taxable.string_value())?;
    let (low, high) = (taxable - 1.0, taxable + 1.0);
    if !low.is_finite() || !high.is_finite() {
        return Err(DynamicError);
    }
    Ok(compare_double(low, net()?).is_lt() && compare_double(high, net()?).is_gt())
}

/// BR-x-08 with rates (context: a breakdown category): for the category's rate (BT-119; none:
/// nothing to check), the taxable amount (BT-116) is within one unit of the net amount of the
/// lines, allowances and charges with that code and rate.
pub(super) fn taxable_amount_per_rate(
    d: &Doc<'_, '_>,
    hits: &mut Hits,
    code_: &'static str,
    guard: Guard,
) {
    for tc in breakdown_of(d, code_) {
        let outcome = (|| {
            let Some(rate) = decimal_of(tc, "cbc:Percent")? else {
                return Ok(true);
            };
            for lines in ["cac:InvoiceLine", "cac:CreditNoteLine"] {
                let guarded = match guard {
                    Guard::AnyLine => d.all(lines).next().is_some(),
                    Guard::LineOrAllowanceAtRate => {
                        exists(d.all(lines), |line| line_in(line, code_, Some(rate)))?
                            || exists(d.all("cac:AllowanceCharge"), |ac| {
                                allowance_in(ac, code_, Some(rate))
                            })?
                    }
                };
                if guarded && within_one(tc, || net_amount(d, lines, code_, Some(rate)))? {
                    return Ok(true);
                }
            }
            Ok(false)
        })();
        assert(d, hits, tc, outcome);
    }
}

/// `exists(nodes[test])`, stopping at the first.
fn exists<'a, 'i: 'a>(
    nodes: impl Iterator<Item = Node<'a, 'i>>,
    test: impl Fn(Node<'a, 'i>) -> Eval<bool>,
) -> Eval<bool> {
    for node in nodes {
        if test(node)? {
            return Ok(true);
        }
    }
    Ok(false)
}

/// BR-x-09 for categories without tax (context: a breakdown category):
/// `xs:decimal(../cbc:TaxAmount) = 0`.
pub(super) fn no_tax(d: &Doc<'_, '_>, hits: &mut Hits, code_: &'static str) {
    for tc in breakdown_of(d, code_) {
        let outcome = decimal_of(subtotal(tc), "cbc:TaxAmount").map(|t| t == Some(Decimal::ZERO));
        assert(d, hits, tc, outcome);
    }
}

/// BR-x-09 for taxed categories (context: a breakdown category): the tax amount (BT-117) is
/// within one unit of the taxable amount (BT-116) times the rate (BT-119), rounded to cents,
/// all taken as absolute values.
pub(super) fn tax_at_rate(d: &Doc<'_, '_>, hits: &mut Hits, code_: &'static str) {
    for tc in breakdown_of(d, code_) {
        let outcome = (|| {
            let parent = subtotal(tc);
            let Some(tax) = decimal_of(parent, "cbc:TaxAmount")? else {
                return Ok(false);
            };
            let Some(taxable) = decimal_of(parent, "cbc:TaxableAmount")? else {
                return Ok(false);
            };
            let Some(percent) = decimal_of(tc, "cbc:Percent")? else {
                return Ok(false);
            };
            let product = taxable
                .abs()
                .checked_mul(percent / Decimal::ONE_HUNDRED)
                .ok_or(DynamicError)?;
            let expected = round2(product)?;
            let tax = tax.abs();
            Ok(add(tax, -Decimal::ONE)? < expected && add(tax, Decimal::ONE)? > expected)
        })();
        assert(d, hits, tc, outcome);
    }
}

/// BR-x-10 (context: a breakdown category): the category needs a VAT exemption reason text
/// (BT-120) or code (BT-121), or must have neither.
pub(super) fn exemption_reason(
    d: &Doc<'_, '_>,
    hits: &mut Hits,
    code_: &'static str,
    required: bool,
) {
    for tc in breakdown_of(d, code_) {
        let any = tc.child("cbc:TaxExemptionReason").is_some()
            || tc.child("cbc:TaxExemptionReasonCode").is_some();
        hits.check(d, tc, any != required);
    }
}
