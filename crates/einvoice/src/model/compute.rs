//! Filling BG-22 and BG-23 of an [`Invoice`] through [`totals::compute`], the one place
//! totals are computed.

use rust_decimal::Decimal;

use super::{Invoice, VatBreakdown};
use crate::codes::VatCategory;
use crate::money::checked_round2;
use crate::totals::{self, DocumentAllowanceCharge, LineInput, TotalsError, TotalsInput, VatKey};

/// Why the totals of an [`Invoice`] could not be computed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ModelError {
    /// A value the computation needs is not set.
    #[error("{at}: {what} is missing; the totals cannot be computed without it")]
    Missing {
        /// Where, e.g. `lines[2]` or `allowances[0]`.
        at: String,
        /// What, e.g. `the invoiced quantity (BT-129)`.
        what: &'static str,
    },
    /// [`totals::compute`] refused the input.
    #[error(transparent)]
    Totals(#[from] TotalsError),
}

impl Invoice {
    /// What [`totals::compute`] needs of this document: its lines (BT-129, BT-146,
    /// BT-149, BG-27, BG-28, BG-30), its document allowances and charges (BG-20, BG-21), the
    /// paid amount (BT-113) and the rounding amount (BT-114).
    ///
    /// `vat_accounting_rate` converts the VAT total to the VAT accounting currency (BT-6)
    /// for BT-111: RON per unit of the invoice currency, at the rate of the tax point.
    /// A missing VAT rate counts as 0 (category O has none).
    pub fn totals_input(
        &self,
        vat_accounting_rate: Option<Decimal>,
    ) -> Result<TotalsInput, ModelError> {
        let mut lines = Vec::with_capacity(self.lines.len());
        for (i, line) in self.lines.iter().enumerate() {
            let at = || format!("lines[{i}]");
            let missing = |what| ModelError::Missing { at: at(), what };
            let category = line
                .vat
                .category
                .ok_or_else(|| missing("the VAT category (BT-151)"))?;
            let mut input = LineInput::new(
                line.quantity
                    .ok_or_else(|| missing("the invoiced quantity (BT-129)"))?,
                line.price
                    .net
                    .ok_or_else(|| missing("the item net price (BT-146)"))?,
                VatKey::new(category, line.vat.rate.unwrap_or_default()),
            );
            input.base_quantity = line.price.base_quantity.unwrap_or(Decimal::ONE);
            for (j, a) in line.allowances.iter().enumerate() {
                let at = format!("lines[{i}].allowances[{j}]");
                input
                    .allowances
                    .push(amount_of(a.amount, a.base_amount, a.percentage, at)?);
            }
            for (j, c) in line.charges.iter().enumerate() {
                let at = format!("lines[{i}].charges[{j}]");
                input
                    .charges
                    .push(amount_of(c.amount, c.base_amount, c.percentage, at)?);
            }
            lines.push(input);
        }
        let mut allowance_charges = Vec::with_capacity(self.allowances.len() + self.charges.len());
        for (is_charge, list, name) in [
            (false, &self.allowances, "allowances"),
            (true, &self.charges, "charges"),
        ] {
            for (i, ac) in list.iter().enumerate() {
                let at = format!("{name}[{i}]");
                let category = ac.vat_category.ok_or_else(|| ModelError::Missing {
                    at: at.clone(),
                    what: "the VAT category (BT-95/BT-102)",
                })?;
                allowance_charges.push(DocumentAllowanceCharge {
                    is_charge,
                    amount: Some(amount_of(ac.amount, ac.base_amount, ac.percentage, at)?),
                    base_amount: ac.base_amount,
                    percent: ac.percentage,
                    vat: VatKey::new(category, ac.vat_rate.unwrap_or_default()),
                });
            }
        }
        Ok(TotalsInput {
            lines,
            allowance_charges,
            prepaid: self.totals.prepaid.unwrap_or_default(),
            rounding: self.totals.rounding.unwrap_or_default(),
            vat_accounting_rate,
        })
    }

    /// Computes the EN 16931 totals with [`totals::compute`] and writes them into the
    /// document: every line net amount (BT-131), every allowance or charge amount given
    /// only as base amount and percentage (BT-92, BT-99, BT-136, BT-141), the totals
    /// (BG-22) and the VAT breakdown (BG-23).
    ///
    /// The breakdown keeps the exemption reason (BT-120, BT-121) of an entry already there
    /// for the same category and rate; a new AE, K, G or O entry gets the VATEX code that
    /// means exactly its category (`VATEX-EU-AE`, `VATEX-EU-IC`, `VATEX-EU-G`,
    /// `VATEX-EU-O`). An E entry needs the caller's reason (BR-E-10). BT-111 is set when
    /// `vat_accounting_rate` is given and left as it is otherwise.
    pub fn compute_totals(
        &mut self,
        vat_accounting_rate: Option<Decimal>,
    ) -> Result<(), ModelError> {
        let input = self.totals_input(vat_accounting_rate)?;
        let computed = totals::compute(&input)?;
        for ((line, line_input), line_totals) in
            self.lines.iter_mut().zip(&input.lines).zip(&computed.lines)
        {
            line.net_amount = Some(line_totals.net);
            let amounts = line.allowances.iter_mut().zip(&line_input.allowances);
            let amounts = amounts.chain(line.charges.iter_mut().zip(&line_input.charges));
            for (ac, amount) in amounts {
                ac.amount.get_or_insert(*amount);
            }
        }
        let document = self.allowances.iter_mut().chain(self.charges.iter_mut());
        for (ac, ac_input) in document.zip(&input.allowance_charges) {
            ac.amount = ac.amount.or(ac_input.amount);
        }

        let t = &mut self.totals;
        t.line_extension = Some(computed.line_extension);
        t.allowance_total = (!self.allowances.is_empty()).then_some(computed.allowance_total);
        t.charge_total = (!self.charges.is_empty()).then_some(computed.charge_total);
        t.tax_exclusive = Some(computed.tax_exclusive);
        t.vat_total = Some(computed.tax_total);
        t.tax_inclusive = Some(computed.tax_inclusive);
        t.prepaid = t.prepaid.map(|_| computed.prepaid);
        t.rounding = t.rounding.map(|_| computed.rounding);
        t.payable = Some(computed.payable);
        if computed.tax_total_accounting.is_some() {
            t.vat_total_accounting = computed.tax_total_accounting;
        }

        let previous = std::mem::take(&mut self.vat_breakdown);
        self.vat_breakdown = computed
            .vat_breakdown
            .iter()
            .map(|group| breakdown_entry(group, &previous))
            .collect();
        Ok(())
    }
}

/// The amount of an allowance or charge: as given, or round2(base × percentage ÷ 100),
/// the rule [`totals::compute`] applies to document allowances and charges.
fn amount_of(
    amount: Option<Decimal>,
    base: Option<Decimal>,
    percentage: Option<Decimal>,
    at: String,
) -> Result<Decimal, ModelError> {
    if let Some(amount) = amount {
        return Ok(amount);
    }
    let (Some(base), Some(percentage)) = (base, percentage) else {
        return Err(ModelError::Missing {
            at,
            what: "the amount, or the base amount and the percentage",
        });
    };
    base.checked_mul(percentage)
        .and_then(|v| v.checked_div(Decimal::ONE_HUNDRED))
        .and_then(checked_round2)
        .ok_or_else(|| {
            TotalsError::Overflow {
                context: format!("{at} amount (base amount × percentage ÷ 100)"),
            }
            .into()
        })
}

/// The BG-23 entry of a computed group, with the exemption reason of the matching entry of
/// `previous`, or the VATEX code of its category.
fn breakdown_entry(group: &totals::VatSubtotal, previous: &[VatBreakdown]) -> VatBreakdown {
    let VatKey { category, rate } = group.key;
    let same = previous
        .iter()
        .find(|p| p.category == Some(category) && p.rate.unwrap_or_default() == rate);
    let (exemption_reason, exemption_reason_code) = match same {
        Some(p) => (p.exemption_reason.clone(), p.exemption_reason_code.clone()),
        None => (None, default_exemption_code(category).map(str::to_owned)),
    };
    VatBreakdown {
        taxable_amount: Some(group.taxable),
        tax_amount: Some(group.tax),
        category: Some(category),
        rate: (category != VatCategory::O).then_some(rate),
        exemption_reason,
        exemption_reason_code,
    }
}

/// The VATEX code that means exactly `category`, for the categories that have one.
fn default_exemption_code(category: VatCategory) -> Option<&'static str> {
    match category {
        VatCategory::AE => Some("VATEX-EU-AE"),
        VatCategory::K => Some("VATEX-EU-IC"),
        VatCategory::G => Some("VATEX-EU-G"),
        VatCategory::O => Some("VATEX-EU-O"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{AllowanceCharge, InvoiceLine, LineAllowanceCharge, LineVat, Price};
    use pretty_assertions::assert_eq;
    use rust_decimal_macros::dec;

    fn line(quantity: Decimal, price: Decimal, vat: LineVat) -> InvoiceLine {
        InvoiceLine {
            id: "1".into(),
            quantity: Some(quantity),
            unit_code: "H87".into(),
            price: Price {
                net: Some(price),
                ..Price::default()
            },
            vat,
            ..InvoiceLine::default()
        }
    }

    fn s(rate: Decimal) -> LineVat {
        LineVat::new(VatCategory::S, rate)
    }

    #[test]
    fn totals_and_breakdown_are_filled_from_lines_and_allowances() {
        let mut discounted = line(dec!(3), dec!(40), s(dec!(11)));
        discounted.allowances.push(LineAllowanceCharge {
            base_amount: Some(dec!(120)),
            percentage: Some(dec!(10)),
            reason: Some("Discount".into()),
            ..LineAllowanceCharge::default()
        });
        let mut invoice = Invoice {
            lines: vec![line(dec!(2), dec!(150), s(dec!(21))), discounted],
            charges: vec![AllowanceCharge {
                amount: Some(dec!(10)),
                vat_category: Some(VatCategory::S),
                vat_rate: Some(dec!(21)),
                reason: Some("Freight".into()),
                ..AllowanceCharge::default()
            }],
            ..Invoice::default()
        };
        invoice.compute_totals(None).unwrap();

        assert_eq!(invoice.lines[0].net_amount, Some(dec!(300.00)));
        assert_eq!(invoice.lines[1].net_amount, Some(dec!(108.00)));
        assert_eq!(invoice.lines[1].allowances[0].amount, Some(dec!(12.00)));
        let t = &invoice.totals;
        assert_eq!(t.line_extension, Some(dec!(408.00)));
        assert_eq!(t.allowance_total, None);
        assert_eq!(t.charge_total, Some(dec!(10.00)));
        assert_eq!(t.tax_exclusive, Some(dec!(418.00)));
        assert_eq!(t.vat_total, Some(dec!(76.98))); // 310 × 21 % + 108 × 11 %
        assert_eq!(t.tax_inclusive, Some(dec!(494.98)));
        assert_eq!(t.payable, Some(dec!(494.98)));
        assert_eq!(t.prepaid, None);
        let rows: Vec<_> = invoice
            .vat_breakdown
            .iter()
            .map(|b| (b.rate, b.taxable_amount, b.tax_amount))
            .collect();
        assert_eq!(
            rows,
            vec![
                (Some(dec!(11)), Some(dec!(108.00)), Some(dec!(11.88))),
                (Some(dec!(21)), Some(dec!(310.00)), Some(dec!(65.10))),
            ]
        );
    }

    #[test]
    fn prepaid_amount_and_accounting_currency() {
        let mut invoice = Invoice {
            currency: "EUR".into(),
            vat_accounting_currency: Some("RON".into()),
            lines: vec![line(dec!(1), dec!(1000), s(dec!(21)))],
            ..Invoice::default()
        };
        invoice.totals.prepaid = Some(dec!(500));
        invoice.compute_totals(Some(dec!(4.9771))).unwrap();
        let t = &invoice.totals;
        assert_eq!(t.prepaid, Some(dec!(500.00)));
        assert_eq!(t.payable, Some(dec!(710.00)));
        // 210.00 EUR × 4.9771 = 1045.191 RON.
        assert_eq!(t.vat_total_accounting, Some(dec!(1045.19)));
    }

    #[test]
    fn exemption_reasons_are_kept_or_defaulted() {
        let mut invoice = Invoice {
            lines: vec![
                line(dec!(1), dec!(100), LineVat::new(VatCategory::K, dec!(0))),
                line(dec!(1), dec!(50), LineVat::new(VatCategory::E, dec!(0))),
            ],
            vat_breakdown: vec![VatBreakdown {
                category: Some(VatCategory::E),
                rate: Some(dec!(0.00)),
                exemption_reason: Some("Art. 292 alin. (2) lit. a) Cod fiscal".into()),
                ..VatBreakdown::default()
            }],
            ..Invoice::default()
        };
        invoice.compute_totals(None).unwrap();
        let reasons: Vec<_> = invoice
            .vat_breakdown
            .iter()
            .map(|b| {
                (
                    b.category,
                    b.exemption_reason.clone(),
                    b.exemption_reason_code.clone(),
                )
            })
            .collect();
        assert_eq!(
            reasons,
            vec![
                (
                    Some(VatCategory::E),
                    Some("Art. 292 alin. (2) lit. a) Cod fiscal".into()),
                    None
                ),
                (Some(VatCategory::K), None, Some("VATEX-EU-IC".into())),
            ]
        );
    }

    #[test]
    fn outside_scope_has_no_rate() {
        let mut invoice = Invoice {
            lines: vec![line(dec!(2), dec!(10), LineVat::outside_scope())],
            ..Invoice::default()
        };
        invoice.compute_totals(None).unwrap();
        let b = &invoice.vat_breakdown[0];
        assert_eq!(b.category, Some(VatCategory::O));
        assert_eq!(b.rate, None);
        assert_eq!(b.tax_amount, Some(dec!(0.00)));
        assert_eq!(b.exemption_reason_code.as_deref(), Some("VATEX-EU-O"));
    }

    #[test]
    fn missing_values_are_named() {
        let mut no_vat = line(dec!(1), dec!(1), LineVat::default());
        no_vat.vat.rate = Some(dec!(21));
        let mut invoice = Invoice {
            lines: vec![line(dec!(1), dec!(1), s(dec!(21))), no_vat],
            ..Invoice::default()
        };
        assert_eq!(
            invoice.compute_totals(None).unwrap_err().to_string(),
            "lines[1]: the VAT category (BT-151) is missing; the totals cannot be computed without it"
        );
        invoice.lines.pop();
        invoice.allowances.push(AllowanceCharge {
            vat_category: Some(VatCategory::S),
            base_amount: Some(dec!(10)),
            ..AllowanceCharge::default()
        });
        assert_eq!(
            invoice.compute_totals(None).unwrap_err().to_string(),
            "allowances[0]: the amount, or the base amount and the percentage is missing; the \
             totals cannot be computed without it"
        );
    }
}
