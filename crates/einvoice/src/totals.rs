//! EN 16931 document totals (BG-22) and VAT breakdown (BG-23): the one place they are computed.
//!
//! The server, the UBL writer and the PDF all call [`compute`], so a total is
//! never computed two ways. The rules are EN 16931's:
//!
//! - line net (BT-131) = round2(quantity × price ÷ base quantity − Σ line
//!   allowances + Σ line charges), each allowance and charge rounded first;
//!   with a VAT-inclusive price, the same expression is the gross and
//!   net = round2(gross ÷ (1 + rate/100));
//! - the VAT breakdown groups lines and document allowances/charges by
//!   (category, rate), rates compared as numbers (`21` = `21.00`); a group's
//!   tax is its taxable amount × rate ÷ 100, rounded once (BR-CO-17), never
//!   a sum of rounded line VATs;
//! - BT-109 = BT-106 − BT-107 + BT-108, BT-112 = BT-109 + BT-110,
//!   BT-115 = BT-112 − BT-113 + BT-114.
//!
//! Every amount out has scale 2 and is never negative zero. All arithmetic is
//! checked: input too large gives [`TotalsError::Overflow`], never a panic.
//! Business rules (a standard rate above zero, prices not negative, …) are
//! the validator's job, not this module's.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::codes::VatCategory;
use crate::money::checked_round2;

/// A VAT group: category (BT-118/BT-151) and rate in percent (BT-119/BT-152).
///
/// Two keys are equal when their rates are equal as numbers (`21` = `21.00`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct VatKey {
    /// The VAT category code.
    pub category: VatCategory,
    /// The VAT rate in percent, e.g. `21`.
    pub rate: Decimal,
}

impl VatKey {
    /// The key of `category` at `rate` percent.
    pub fn new(category: VatCategory, rate: Decimal) -> Self {
        Self { category, rate }
    }
}

/// What [`compute`] needs of an invoice line (BG-25).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineInput {
    /// Invoiced quantity (BT-129); negative on storno lines.
    pub quantity: Decimal,
    /// Item net price (BT-146), or the gross price when `price_includes_vat`; ≥ 0.
    pub price: Decimal,
    /// Item price base quantity (BT-149); > 0, usually 1.
    pub base_quantity: Decimal,
    /// The line's VAT category and rate (BT-151, BT-152).
    pub vat: VatKey,
    /// Line allowance amounts (BG-27, BT-136), absolute and ≥ 0; an API
    /// line `discount` goes here.
    pub allowances: Vec<Decimal>,
    /// Line charge amounts (BG-28, BT-141), ≥ 0.
    pub charges: Vec<Decimal>,
    /// Whether `price` includes VAT, so the net must be derived from it.
    pub price_includes_vat: bool,
}

impl LineInput {
    /// A line of `quantity` at net `price` per unit, with base quantity 1 and
    /// no allowances or charges.
    pub fn new(quantity: Decimal, price: Decimal, vat: VatKey) -> Self {
        Self {
            quantity,
            price,
            base_quantity: Decimal::ONE,
            vat,
            allowances: Vec::new(),
            charges: Vec::new(),
            price_includes_vat: false,
        }
    }
}

/// A document level allowance (BG-20) or charge (BG-21).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentAllowanceCharge {
    /// `true` for a charge (BG-21), `false` for an allowance (BG-20).
    pub is_charge: bool,
    /// The amount (BT-92/BT-99); when `None`, it is
    /// round2(`base_amount` × `percent` ÷ 100).
    pub amount: Option<Decimal>,
    /// The base amount (BT-93/BT-100).
    pub base_amount: Option<Decimal>,
    /// The percentage (BT-94/BT-101).
    pub percent: Option<Decimal>,
    /// The VAT group it belongs to (BT-95/BT-96, BT-102/BT-103).
    pub vat: VatKey,
}

/// Everything [`compute`] needs of a document.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TotalsInput {
    /// The invoice lines (BG-25).
    pub lines: Vec<LineInput>,
    /// Document level allowances and charges (BG-20, BG-21).
    pub allowance_charges: Vec<DocumentAllowanceCharge>,
    /// Paid amount (BT-113).
    pub prepaid: Decimal,
    /// Rounding amount (BT-114).
    pub rounding: Decimal,
    /// Document currency → VAT accounting currency (RON) rate, when the two
    /// differ; gives BT-111.
    pub vat_accounting_rate: Option<Decimal>,
}

/// The amounts of one line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineTotals {
    /// Invoice line net amount (BT-131).
    pub net: Decimal,
    /// The line's VAT, round2(net × rate ÷ 100). Informational only: the
    /// document's VAT comes from the breakdown, not from summing these.
    pub vat: Decimal,
    /// `net + vat`.
    pub gross: Decimal,
}

/// One VAT breakdown entry (BG-23).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct VatSubtotal {
    /// Category (BT-118) and rate (BT-119), the rate as first seen in the input.
    pub key: VatKey,
    /// VAT category taxable amount (BT-116).
    pub taxable: Decimal,
    /// VAT category tax amount (BT-117).
    pub tax: Decimal,
}

/// The document totals (BG-22) and VAT breakdown (BG-23).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Totals {
    /// Per line amounts, in input order.
    pub lines: Vec<LineTotals>,
    /// Sum of invoice line net amounts (BT-106).
    pub line_extension: Decimal,
    /// Sum of allowances on document level (BT-107).
    pub allowance_total: Decimal,
    /// Sum of charges on document level (BT-108).
    pub charge_total: Decimal,
    /// Invoice total amount without VAT (BT-109).
    pub tax_exclusive: Decimal,
    /// VAT breakdown (BG-23), ordered by category code, then rate.
    pub vat_breakdown: Vec<VatSubtotal>,
    /// Invoice total VAT amount (BT-110).
    pub tax_total: Decimal,
    /// Invoice total amount with VAT (BT-112).
    pub tax_inclusive: Decimal,
    /// Paid amount (BT-113).
    pub prepaid: Decimal,
    /// Rounding amount (BT-114).
    pub rounding: Decimal,
    /// Amount due for payment (BT-115).
    pub payable: Decimal,
    /// Invoice total VAT amount in accounting currency (BT-111),
    /// round2(BT-110 × rate), when a rate was given.
    pub tax_total_accounting: Option<Decimal>,
}

/// Why [`compute`] could not compute the totals.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum TotalsError {
    /// A line's base quantity (BT-149) is zero or negative.
    #[error("lines[{line}]: base quantity (BT-149) must be greater than zero, got {base_quantity}")]
    InvalidBaseQuantity {
        /// Index of the line in [`TotalsInput::lines`].
        line: usize,
        /// The base quantity given.
        base_quantity: Decimal,
    },
    /// A VAT-inclusive line at rate −100 %, which has no net amount.
    #[error("lines[{line}]: a VAT-inclusive price cannot be split at a VAT rate of {rate} %")]
    InvalidVatRate {
        /// Index of the line in [`TotalsInput::lines`].
        line: usize,
        /// The VAT rate given.
        rate: Decimal,
    },
    /// A document allowance or charge with neither an amount nor a base
    /// amount and a percentage.
    #[error(
        "allowance_charges[{index}]: a document {} needs an amount ({}) or a base amount and a percentage",
        if *.is_charge { "charge" } else { "allowance" },
        if *.is_charge { "BT-99" } else { "BT-92" }
    )]
    MissingAmount {
        /// Index in [`TotalsInput::allowance_charges`].
        index: usize,
        /// Whether it is a charge.
        is_charge: bool,
    },
    /// An intermediate or final amount does not fit a [`Decimal`] with 2 decimals.
    #[error("arithmetic overflow computing {context}")]
    Overflow {
        /// Which amount, e.g. `lines[3] net amount (BT-131)`.
        context: String,
    },
}

/// One hundred, for percentages.
const HUNDRED: Decimal = Decimal::ONE_HUNDRED;

/// Computes the EN 16931 totals of a document; see the module docs for the rules.
pub fn compute(input: &TotalsInput) -> Result<Totals, TotalsError> {
    let mut groups: Vec<VatSubtotal> = Vec::new();
    let mut lines = Vec::with_capacity(input.lines.len());
    let mut line_extension = zero();
    for (i, line) in input.lines.iter().enumerate() {
        let totals = line_totals(i, line)?;
        line_extension = add(
            line_extension,
            totals.net,
            || "BT-106 line extension amount",
        )?;
        let group = group_mut(&mut groups, line.vat);
        group.taxable = add(group.taxable, totals.net, || "BT-116 taxable amount")?;
        lines.push(totals);
    }

    let mut allowance_total = zero();
    let mut charge_total = zero();
    for (i, ac) in input.allowance_charges.iter().enumerate() {
        let amount = document_amount(i, ac)?;
        let group = group_mut(&mut groups, ac.vat);
        if ac.is_charge {
            charge_total = add(charge_total, amount, || "BT-108 charge total")?;
            group.taxable = add(group.taxable, amount, || "BT-116 taxable amount")?;
        } else {
            allowance_total = add(allowance_total, amount, || "BT-107 allowance total")?;
            group.taxable = sub(group.taxable, amount, || "BT-116 taxable amount")?;
        }
    }
    let tax_exclusive = sub(line_extension, allowance_total, || "BT-109 tax exclusive")?;
    let tax_exclusive = add(tax_exclusive, charge_total, || "BT-109 tax exclusive")?;

    groups.sort_by(|a, b| {
        (a.key.category.code(), a.key.rate).cmp(&(b.key.category.code(), b.key.rate))
    });
    let mut tax_total = zero();
    for group in &mut groups {
        group.tax = percent_of(group.taxable, group.key.rate, || {
            format!(
                "BT-117 tax amount of {} {} %",
                group.key.category, group.key.rate
            )
        })?;
        tax_total = add(tax_total, group.tax, || "BT-110 tax total")?;
    }
    let tax_inclusive = add(tax_exclusive, tax_total, || "BT-112 tax inclusive")?;
    let prepaid = money(Some(input.prepaid), || "BT-113 prepaid amount")?;
    let rounding = money(Some(input.rounding), || "BT-114 rounding amount")?;
    let payable = sub(tax_inclusive, prepaid, || "BT-115 payable amount")?;
    let payable = add(payable, rounding, || "BT-115 payable amount")?;
    let tax_total_accounting = input
        .vat_accounting_rate
        .map(|rate| {
            money(
                tax_total.checked_mul(rate),
                || "BT-111 tax total in accounting currency",
            )
        })
        .transpose()?;

    Ok(Totals {
        lines,
        line_extension,
        allowance_total,
        charge_total,
        tax_exclusive,
        vat_breakdown: groups,
        tax_total,
        tax_inclusive,
        prepaid,
        rounding,
        payable,
        tax_total_accounting,
    })
}

/// The net, VAT and gross of line `i`.
fn line_totals(i: usize, line: &LineInput) -> Result<LineTotals, TotalsError> {
    if line.base_quantity <= Decimal::ZERO {
        return Err(TotalsError::InvalidBaseQuantity {
            line: i,
            base_quantity: line.base_quantity,
        });
    }
    let at = |what: &str| format!("lines[{i}] {what}");
    let amount = line
        .quantity
        .checked_mul(line.price)
        .and_then(|a| a.checked_div(line.base_quantity))
        .ok_or_else(|| overflow(at("quantity × price ÷ base quantity")))?;
    let allowances = sum_rounded(&line.allowances, || at("allowances (BG-27)"))?;
    let charges = sum_rounded(&line.charges, || at("charges (BG-28)"))?;
    let amount = amount
        .checked_sub(allowances)
        .and_then(|a| a.checked_add(charges))
        .ok_or_else(|| overflow(at("net amount (BT-131)")))?;
    let rate = line.vat.rate;
    let net = if line.price_includes_vat {
        let divisor = rate
            .checked_div(HUNDRED)
            .and_then(|r| r.checked_add(Decimal::ONE))
            .ok_or_else(|| overflow(at("1 + VAT rate ÷ 100")))?;
        if divisor.is_zero() {
            return Err(TotalsError::InvalidVatRate { line: i, rate });
        }
        money(amount.checked_div(divisor), || at("net amount (BT-131)"))?
    } else {
        money(Some(amount), || at("net amount (BT-131)"))?
    };
    let vat = percent_of(net, rate, || at("VAT amount"))?;
    let gross = add(net, vat, || at("gross amount"))?;
    Ok(LineTotals { net, vat, gross })
}

/// The amount of document allowance or charge `i` (BT-92/BT-99), rounded.
fn document_amount(i: usize, ac: &DocumentAllowanceCharge) -> Result<Decimal, TotalsError> {
    let what = || {
        let kind = if ac.is_charge { "BT-99" } else { "BT-92" };
        format!("allowance_charges[{i}] amount ({kind})")
    };
    match (ac.amount, ac.base_amount, ac.percent) {
        (Some(amount), _, _) => money(Some(amount), what),
        (None, Some(base), Some(percent)) => percent_of(base, percent, what),
        _ => Err(TotalsError::MissingAmount {
            index: i,
            is_charge: ac.is_charge,
        }),
    }
}

/// The breakdown entry of `key`, created (empty) when it is new.
fn group_mut(groups: &mut Vec<VatSubtotal>, key: VatKey) -> &mut VatSubtotal {
    let index = groups.iter().position(|g| g.key == key).unwrap_or_else(|| {
        groups.push(VatSubtotal {
            key,
            taxable: zero(),
            tax: zero(),
        });
        groups.len() - 1
    });
    &mut groups[index]
}

/// The sum of `amounts`, each rounded to 2 decimals first.
fn sum_rounded<S: ToString>(
    amounts: &[Decimal],
    context: impl Fn() -> S,
) -> Result<Decimal, TotalsError> {
    amounts.iter().try_fold(zero(), |sum, &a| {
        let a = money(Some(a), &context)?;
        add(sum, a, &context)
    })
}

/// round2(`amount` × `percent` ÷ 100).
fn percent_of<S: ToString>(
    amount: Decimal,
    percent: Decimal,
    context: impl FnOnce() -> S,
) -> Result<Decimal, TotalsError> {
    let value = amount
        .checked_mul(percent)
        .and_then(|v| v.checked_div(HUNDRED));
    money(value, context)
}

/// `a + b`, as a 2-decimal amount.
fn add<S: ToString>(
    a: Decimal,
    b: Decimal,
    context: impl FnOnce() -> S,
) -> Result<Decimal, TotalsError> {
    money(a.checked_add(b), context)
}

/// `a − b`, as a 2-decimal amount.
fn sub<S: ToString>(
    a: Decimal,
    b: Decimal,
    context: impl FnOnce() -> S,
) -> Result<Decimal, TotalsError> {
    money(a.checked_sub(b), context)
}

/// `value` rounded to a 2-decimal amount, or an overflow error naming `context`.
fn money<S: ToString>(
    value: Option<Decimal>,
    context: impl FnOnce() -> S,
) -> Result<Decimal, TotalsError> {
    value
        .and_then(checked_round2)
        .ok_or_else(|| overflow(context().to_string()))
}

/// An overflow error about `context`.
fn overflow(context: impl Into<String>) -> TotalsError {
    TotalsError::Overflow {
        context: context.into(),
    }
}

/// Zero with scale 2.
fn zero() -> Decimal {
    Decimal::new(0, 2)
}

#[cfg(test)]
mod tests {
    use super::*;
    use pretty_assertions::assert_eq;
    use proptest::prelude::*;
    use rust_decimal_macros::dec;

    fn s(rate: Decimal) -> VatKey {
        VatKey::new(VatCategory::S, rate)
    }

    fn line(quantity: Decimal, price: Decimal, vat: VatKey) -> LineInput {
        LineInput::new(quantity, price, vat)
    }

    fn totals(lines: Vec<LineInput>) -> Totals {
        compute(&TotalsInput {
            lines,
            ..TotalsInput::default()
        })
        .unwrap()
    }

    /// The breakdown as `(category, rate, taxable, tax)` strings, easy to compare.
    fn breakdown(t: &Totals) -> Vec<(String, String, String, String)> {
        t.vat_breakdown
            .iter()
            .map(|g| {
                (
                    g.key.category.to_string(),
                    g.key.rate.to_string(),
                    g.taxable.to_string(),
                    g.tax.to_string(),
                )
            })
            .collect()
    }

    #[test]
    fn vat_is_rounded_once_per_group_not_per_line() {
        // Each line: 0.50 × 21 % = 0.105 → 0.11, so per-line VAT would sum to 0.33.
        // The group: 1.50 × 21 % = 0.315 → 0.32.
        let t = totals(vec![line(dec!(1), dec!(0.50), s(dec!(21))); 3]);
        assert_eq!(t.lines[0].vat.to_string(), "0.11");
        assert_eq!(t.lines[0].gross.to_string(), "0.61");
        assert_eq!(t.line_extension.to_string(), "1.50");
        assert_eq!(t.tax_total.to_string(), "0.32");
        assert_eq!(t.tax_inclusive.to_string(), "1.82");
        assert_eq!(t.payable.to_string(), "1.82");
    }

    #[test]
    fn vat_inclusive_price_is_split_into_net_and_vat() {
        let mut exact = line(dec!(2), dec!(60.50), s(dec!(21)));
        exact.price_includes_vat = true;
        let t = totals(vec![exact]);
        assert_eq!(t.lines[0].net.to_string(), "100.00");
        assert_eq!(t.lines[0].vat.to_string(), "21.00");
        assert_eq!(t.payable.to_string(), "121.00");

        // 10.00 with VAT: net 8.2644… → 8.26, VAT 1.7346 → 1.73, so 9.99 is due.
        let mut inexact = line(dec!(1), dec!(10), s(dec!(21)));
        inexact.price_includes_vat = true;
        let t = totals(vec![inexact]);
        assert_eq!(t.lines[0].net.to_string(), "8.26");
        assert_eq!(t.lines[0].gross.to_string(), "9.99");
        assert_eq!(t.payable.to_string(), "9.99");
    }

    #[test]
    fn vat_inclusive_line_with_discount() {
        // gross = 3 × 12.10 − 6.30 = 30.00; net = 30 ÷ 1.21 = 24.793… → 24.79.
        let mut l = line(dec!(3), dec!(12.10), s(dec!(21)));
        l.price_includes_vat = true;
        l.allowances.push(dec!(6.30));
        let t = totals(vec![l]);
        assert_eq!(t.lines[0].net.to_string(), "24.79");
        assert_eq!(t.tax_total.to_string(), "5.21");
    }

    #[test]
    fn base_quantity_divides_the_price() {
        // 250 pieces at 12.00 per 100 pieces.
        let mut l = line(dec!(250), dec!(12.00), s(dec!(11)));
        l.base_quantity = dec!(100);
        let t = totals(vec![l]);
        assert_eq!(t.line_extension.to_string(), "30.00");
        assert_eq!(t.tax_total.to_string(), "3.30");
    }

    #[test]
    fn line_allowances_and_charges_are_rounded_then_applied() {
        let mut l = line(dec!(1), dec!(100), s(dec!(21)));
        l.allowances = vec![dec!(10.005), dec!(5)]; // 10.01 + 5.00
        l.charges = vec![dec!(2.004)]; // 2.00
        let t = totals(vec![l]);
        assert_eq!(t.lines[0].net.to_string(), "86.99");
    }

    #[test]
    fn document_allowance_and_charge_in_different_groups() {
        let t = compute(&TotalsInput {
            lines: vec![
                line(dec!(10), dec!(10.00), s(dec!(21))),
                line(dec!(1), dec!(50.00), s(dec!(11))),
                line(dec!(1), dec!(7.00), VatKey::new(VatCategory::E, dec!(0))),
            ],
            allowance_charges: vec![
                DocumentAllowanceCharge {
                    is_charge: false,
                    amount: Some(dec!(10)),
                    base_amount: None,
                    percent: None,
                    vat: s(dec!(21.00)),
                },
                DocumentAllowanceCharge {
                    is_charge: true,
                    amount: None,
                    base_amount: Some(dec!(50.00)),
                    percent: Some(dec!(10)),
                    vat: s(dec!(11)),
                },
            ],
            ..TotalsInput::default()
        })
        .unwrap();
        assert_eq!(t.line_extension.to_string(), "157.00");
        assert_eq!(t.allowance_total.to_string(), "10.00");
        assert_eq!(t.charge_total.to_string(), "5.00");
        assert_eq!(t.tax_exclusive.to_string(), "152.00");
        let row = |c: &str, r: &str, base: &str, tax: &str| {
            (c.to_owned(), r.to_owned(), base.to_owned(), tax.to_owned())
        };
        assert_eq!(
            breakdown(&t),
            vec![
                row("E", "0", "7.00", "0.00"),
                row("S", "11", "55.00", "6.05"),
                row("S", "21", "90.00", "18.90"),
            ]
        );
        assert_eq!(t.tax_total.to_string(), "24.95");
        assert_eq!(t.tax_inclusive.to_string(), "176.95");
    }

    #[test]
    fn storno_line_with_negative_quantity() {
        let t = totals(vec![
            line(dec!(-2), dec!(100.00), s(dec!(21))),
            line(dec!(-1), dec!(0.625), s(dec!(21))),
        ]);
        assert_eq!(t.lines[0].net.to_string(), "-200.00");
        assert_eq!(t.lines[1].net.to_string(), "-0.63"); // half away from zero
        assert_eq!(t.line_extension.to_string(), "-200.63");
        assert_eq!(t.tax_total.to_string(), "-42.13"); // −42.1323
        assert_eq!(t.payable.to_string(), "-242.76");
    }

    #[test]
    fn prepaid_and_rounding_change_the_payable_amount() {
        let t = compute(&TotalsInput {
            lines: vec![line(dec!(1), dec!(99.99), s(dec!(21)))],
            prepaid: dec!(20),
            rounding: dec!(0.01),
            ..TotalsInput::default()
        })
        .unwrap();
        assert_eq!(t.tax_total.to_string(), "21.00");
        assert_eq!(t.tax_inclusive.to_string(), "120.99");
        assert_eq!(t.prepaid.to_string(), "20.00");
        assert_eq!(t.rounding.to_string(), "0.01");
        assert_eq!(t.payable.to_string(), "101.00");
    }

    #[test]
    fn vat_in_accounting_currency() {
        let t = compute(&TotalsInput {
            lines: vec![line(dec!(1), dec!(100), s(dec!(21)))],
            vat_accounting_rate: Some(dec!(4.9750)),
            ..TotalsInput::default()
        })
        .unwrap();
        // 21.00 EUR × 4.9750 = 104.475 → 104.48 RON.
        assert_eq!(t.tax_total_accounting.unwrap().to_string(), "104.48");
        assert_eq!(totals(vec![]).tax_total_accounting, None);
    }

    #[test]
    fn rates_are_grouped_numerically() {
        let t = totals(vec![
            line(dec!(1), dec!(10), s(dec!(21))),
            line(dec!(1), dec!(10), s(dec!(21.00))),
        ]);
        assert_eq!(t.vat_breakdown.len(), 1);
        assert_eq!(t.vat_breakdown[0].taxable.to_string(), "20.00");
        assert_eq!(t.vat_breakdown[0].key.rate.to_string(), "21");
    }

    #[test]
    fn empty_document_is_all_zero() {
        let t = totals(vec![]);
        assert_eq!(t.payable.to_string(), "0.00");
        assert_eq!(t.tax_total.to_string(), "0.00");
        assert!(t.vat_breakdown.is_empty());
    }

    #[test]
    fn amounts_are_never_negative_zero() {
        let t = totals(vec![line(dec!(-1), dec!(0.001), s(dec!(21)))]);
        assert_eq!(t.lines[0].net.to_string(), "0.00");
        assert_eq!(t.lines[0].vat.to_string(), "0.00");
        assert_eq!(t.payable.to_string(), "0.00");
    }

    #[test]
    fn bad_base_quantity_is_an_error() {
        let mut l = line(dec!(1), dec!(1), s(dec!(21)));
        l.base_quantity = dec!(0);
        let err = compute(&TotalsInput {
            lines: vec![line(dec!(1), dec!(1), s(dec!(21))), l],
            ..TotalsInput::default()
        })
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "lines[1]: base quantity (BT-149) must be greater than zero, got 0"
        );
    }

    #[test]
    fn allowance_without_amount_is_an_error() {
        let err = compute(&TotalsInput {
            allowance_charges: vec![DocumentAllowanceCharge {
                is_charge: false,
                amount: None,
                base_amount: Some(dec!(100)),
                percent: None,
                vat: s(dec!(21)),
            }],
            ..TotalsInput::default()
        })
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "allowance_charges[0]: a document allowance needs an amount (BT-92) or a base amount and a percentage"
        );
    }

    #[test]
    fn vat_inclusive_line_at_minus_100_percent_is_an_error() {
        let mut l = line(dec!(1), dec!(1), s(dec!(-100)));
        l.price_includes_vat = true;
        let err = compute(&TotalsInput {
            lines: vec![l],
            ..TotalsInput::default()
        })
        .unwrap_err();
        assert!(matches!(err, TotalsError::InvalidVatRate { line: 0, .. }));
    }

    #[test]
    fn overflow_is_an_error_not_a_panic() {
        let huge = Decimal::MAX;
        let err = totals_err(vec![line(huge, huge, s(dec!(21)))]);
        assert_eq!(
            err.to_string(),
            "arithmetic overflow computing lines[0] quantity × price ÷ base quantity"
        );
        // Fits a Decimal, but not with 2 decimals.
        let err = totals_err(vec![line(huge, dec!(1), s(dec!(21)))]);
        assert_eq!(
            err.to_string(),
            "arithmetic overflow computing lines[0] net amount (BT-131)"
        );
        // Each line fits, their sum does not.
        let big = dec!(500_000_000_000_000_000_000_000_000);
        let err = totals_err(vec![line(big, dec!(0.001), s(dec!(0))); 2000]);
        assert!(matches!(err, TotalsError::Overflow { .. }), "{err}");
    }

    fn totals_err(lines: Vec<LineInput>) -> TotalsError {
        compute(&TotalsInput {
            lines,
            ..TotalsInput::default()
        })
        .unwrap_err()
    }

    // ---- properties ----

    /// Any Decimal at all, including the extremes.
    fn any_decimal() -> BoxedStrategy<Decimal> {
        (
            any::<u32>(),
            any::<u32>(),
            any::<u32>(),
            any::<bool>(),
            0u32..=28,
        )
            .prop_map(|(lo, mid, hi, neg, scale)| Decimal::from_parts(lo, mid, hi, neg, scale))
            .boxed()
    }

    /// Amounts an invoice may really carry.
    fn amount() -> BoxedStrategy<Decimal> {
        (-10_000_000_000i64..10_000_000_000, 0u32..=4)
            .prop_map(|(m, s)| Decimal::new(m, s))
            .boxed()
    }

    /// Mostly realistic values, sometimes anything.
    fn value() -> BoxedStrategy<Decimal> {
        prop_oneof![4 => amount(), 1 => any_decimal()].boxed()
    }

    fn vat_key(value: impl Strategy<Value = Decimal>) -> impl Strategy<Value = VatKey> {
        let rate = prop_oneof![
            Just(dec!(21)),
            Just(dec!(21.00)),
            Just(dec!(11)),
            Just(dec!(0)),
            value,
        ];
        (proptest::sample::select(VatCategory::ALL.to_vec()), rate)
            .prop_map(|(category, rate)| VatKey::new(category, rate))
    }

    fn line_input(
        value: impl Strategy<Value = Decimal> + Clone,
    ) -> impl Strategy<Value = LineInput> {
        let base = prop_oneof![Just(Decimal::ONE), Just(dec!(100)), value.clone()];
        (
            value.clone(),
            value.clone(),
            base,
            vat_key(value.clone()),
            proptest::collection::vec(value.clone(), 0..3),
            proptest::collection::vec(value, 0..3),
            any::<bool>(),
        )
            .prop_map(
                |(quantity, price, base_quantity, vat, allowances, charges, price_includes_vat)| {
                    LineInput {
                        quantity,
                        price,
                        base_quantity,
                        vat,
                        allowances,
                        charges,
                        price_includes_vat,
                    }
                },
            )
    }

    fn allowance_charge(
        value: impl Strategy<Value = Decimal> + Clone,
    ) -> impl Strategy<Value = DocumentAllowanceCharge> {
        (
            any::<bool>(),
            proptest::option::of(value.clone()),
            proptest::option::of(value.clone()),
            proptest::option::of(value.clone()),
            vat_key(value),
        )
            .prop_map(|(is_charge, amount, base_amount, percent, vat)| {
                DocumentAllowanceCharge {
                    is_charge,
                    amount,
                    base_amount,
                    percent,
                    vat,
                }
            })
    }

    fn totals_input(
        value: impl Strategy<Value = Decimal> + Clone,
    ) -> impl Strategy<Value = TotalsInput> {
        (
            proptest::collection::vec(line_input(value.clone()), 0..6),
            proptest::collection::vec(allowance_charge(value.clone()), 0..3),
            value.clone(),
            value.clone(),
            proptest::option::of(value),
        )
            .prop_map(
                |(lines, allowance_charges, prepaid, rounding, vat_accounting_rate)| TotalsInput {
                    lines,
                    allowance_charges,
                    prepaid,
                    rounding,
                    vat_accounting_rate,
                },
            )
    }

    fn is_money(d: Decimal) -> bool {
        d.scale() == 2 && !(d.is_zero() && d.is_sign_negative())
    }

    fn sum(values: impl IntoIterator<Item = Decimal>) -> Decimal {
        values.into_iter().fold(Decimal::ZERO, |a, b| a + b)
    }

    /// Checks every identity and format rule of a computed `Totals`.
    fn check_totals(input: &TotalsInput, t: &Totals) -> Result<(), TestCaseError> {
        let mut amounts = vec![
            t.line_extension,
            t.allowance_total,
            t.charge_total,
            t.tax_exclusive,
            t.tax_total,
            t.tax_inclusive,
            t.prepaid,
            t.rounding,
            t.payable,
        ];
        amounts.extend(t.tax_total_accounting);
        amounts.extend(t.lines.iter().flat_map(|l| [l.net, l.vat, l.gross]));
        amounts.extend(t.vat_breakdown.iter().flat_map(|g| [g.taxable, g.tax]));
        for a in amounts {
            prop_assert!(is_money(a), "{a} is not a 2-decimal amount");
        }
        prop_assert_eq!(t.lines.len(), input.lines.len());
        prop_assert_eq!(t.line_extension, sum(t.lines.iter().map(|l| l.net)));
        prop_assert_eq!(
            t.tax_exclusive,
            t.line_extension - t.allowance_total + t.charge_total
        );
        prop_assert_eq!(t.tax_inclusive, t.tax_exclusive + t.tax_total);
        prop_assert_eq!(t.payable, t.tax_inclusive - t.prepaid + t.rounding);
        prop_assert_eq!(
            sum(t.vat_breakdown.iter().map(|g| g.taxable)),
            t.tax_exclusive
        );
        prop_assert_eq!(sum(t.vat_breakdown.iter().map(|g| g.tax)), t.tax_total);
        for pair in t.vat_breakdown.windows(2) {
            let (a, b) = (&pair[0].key, &pair[1].key);
            prop_assert!((a.category.code(), a.rate) < (b.category.code(), b.rate));
        }
        for g in &t.vat_breakdown {
            let expected = crate::money::round2(g.taxable * g.key.rate / HUNDRED);
            prop_assert_eq!(g.tax, expected);
        }
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn identities_hold(input in totals_input(amount())) {
            if let Ok(t) = compute(&input) {
                check_totals(&input, &t)?;
            }
        }

        #[test]
        fn never_panics_and_identities_hold(input in totals_input(value())) {
            if let Ok(t) = compute(&input) {
                check_totals(&input, &t)?;
            }
        }

        #[test]
        fn never_panics_on_extreme_values(input in totals_input(any_decimal())) {
            if let Ok(t) = compute(&input) {
                check_totals(&input, &t)?;
            }
        }

        #[test]
        fn realistic_invoices_always_compute(
            lines in proptest::collection::vec(
                (amount(), (0i64..100_000_000, 0u32..=2), proptest::sample::select(vec![dec!(0), dec!(5), dec!(11), dec!(21)]), any::<bool>()),
                0..20,
            )
        ) {
            let input = TotalsInput {
                lines: lines
                    .into_iter()
                    .map(|(quantity, (m, s), rate, inclusive)| {
                        let mut l = LineInput::new(quantity, Decimal::new(m, s), VatKey::new(VatCategory::S, rate));
                        l.price_includes_vat = inclusive;
                        l
                    })
                    .collect(),
                ..TotalsInput::default()
            };
            let t = compute(&input);
            prop_assert!(t.is_ok(), "{t:?}");
            if let Ok(t) = t {
                check_totals(&input, &t)?;
            }
        }
    }
}
