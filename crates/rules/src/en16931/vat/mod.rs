//! The VAT category rules: standard rated (`BR-S-*`), zero rated (`BR-Z-*`), exempt (`BR-E-*`),
//! reverse charge (`BR-AE-*`), intra-community supply (`BR-IC-*`), export (`BR-G-*`), not
//! subject to VAT (`BR-O-*`), the Canary Islands IGIC and Ceuta/Melilla IPSI (`BR-AF-*`,
//! `BR-AG-*` in CEN 1.3.16; `BR-IG-*`, `BR-IP-*` in ANAF's copy) and split payment (`BR-B-*`).
//!
//! Each category has the same ten kinds of check (which breakdown it needs, which party VAT
//! identifiers, its rates, its taxable and tax amounts, its exemption reason), written once
//! here with the category as a parameter. The artefacts state them slightly differently from
//! one category to the next (a predicate without `normalize-space`, a missing tax scheme
//! filter, a tolerance of one unit): each rule function passes exactly what its assertion
//! tests.

mod breakdown;
mod canary_islands;
mod ceuta_melilla;
mod exempt;
mod export;
mod intra_community;
mod outside_scope;
mod reverse_charge;
mod split_payment;
mod standard;
mod xpath;
mod zero;

#[cfg(test)]
mod tests;

use roxmltree::Node;
use rust_decimal::Decimal;
use ubl::xml::UblNode;

use crate::doc::{Doc, path_all};
use crate::registry::{Hits, Rule};
use xpath::{
    Eval, any_double, charge_indicator_is, children, code, decimal_of, has_id_as_written,
    ids_normalized, is_vat,
};

use breakdown::{
    Guard, exemption_reason, no_tax, tax_at_rate, taxable_amount, taxable_amount_per_rate,
};

const FAMILIES: &[&[Rule]] = &[
    standard::RULES,
    zero::RULES,
    exempt::RULES,
    reverse_charge::RULES,
    intra_community::RULES,
    export::RULES,
    outside_scope::RULES,
    canary_islands::RULES,
    ceuta_melilla::RULES,
    split_payment::RULES,
];

const COUNT: usize = {
    let mut n = 0;
    let mut i = 0;
    while i < FAMILIES.len() {
        n += FAMILIES[i].len();
        i += 1;
    }
    n
};

const ALL: [Rule; COUNT] = {
    let mut all = [FAMILIES[0][0]; COUNT];
    let (mut i, mut k) = (0, 0);
    while i < FAMILIES.len() {
        let mut j = 0;
        while j < FAMILIES[i].len() {
            all[k] = FAMILIES[i][j];
            k += 1;
            j += 1;
        }
        i += 1;
    }
    all
};

/// Every VAT category rule, family by family.
pub(crate) const RULES: &[Rule] = &ALL;

/// Reports `node` unless the assertion held (a dynamic error fails it).
fn assert<'a, 'i: 'a>(d: &Doc<'a, 'i>, hits: &mut Hits, node: Node<'a, 'i>, outcome: Eval<bool>) {
    hits.check(d, node, outcome != Ok(true));
}

/// How a predicate picks the tax categories of one VAT category code.
#[derive(Debug, Clone, Copy)]
struct Code {
    code: &'static str,
    /// `normalize-space(cbc:ID) = 'code'` (one id), else `cbc:ID = 'code'` (any id, as written).
    normalized: bool,
    /// And `[cac:TaxScheme/normalize-space(upper-case(cbc:ID)) = 'VAT']`.
    vat: bool,
}

impl Code {
    /// `[normalize-space(cbc:ID) = 'code'][cac:TaxScheme/… = 'VAT']`: the usual predicate.
    const fn vat(code: &'static str) -> Self {
        Code {
            code,
            normalized: true,
            vat: true,
        }
    }

    /// `[normalize-space(cbc:ID) = 'code']`, whatever the tax scheme.
    const fn any_scheme(code: &'static str) -> Self {
        Code {
            code,
            normalized: true,
            vat: false,
        }
    }

    /// `[cbc:ID = 'code']`: the id as written, whatever the tax scheme.
    const fn as_written(code: &'static str) -> Self {
        Code {
            code,
            normalized: false,
            vat: false,
        }
    }

    /// `[cbc:ID = 'code'][cac:TaxScheme/… = 'VAT']`.
    const fn as_written_vat(code: &'static str) -> Self {
        Code {
            code,
            normalized: false,
            vat: true,
        }
    }

    /// Whether the tax category `tc` passes the predicates, in their order.
    fn matches(self, tc: Node<'_, '_>) -> Eval<bool> {
        let same = if self.normalized {
            code(tc)? == self.code
        } else {
            has_id_as_written(tc, self.code)
        };
        if same && self.vat {
            is_vat(tc)
        } else {
            Ok(same)
        }
    }

    /// As a rule context: a node on which the predicate raises an error does not match.
    fn selects(self, tc: Node<'_, '_>) -> bool {
        self.matches(tc) == Ok(true)
    }
}

/// Where a category code is used: the invoiced items (BT-151), the document level allowances
/// (BT-95) or charges (BT-102).
#[derive(Debug, Clone, Copy)]
enum Usage {
    /// `//cac:ClassifiedTaxCategory`.
    Lines,
    /// `//cac:AllowanceCharge[cbc:ChargeIndicator = false()]/cac:TaxCategory`.
    Allowances,
    /// `//cac:AllowanceCharge[cbc:ChargeIndicator = true()]/cac:TaxCategory`.
    Charges,
    /// `Allowances`, on the root's `cac:AllowanceCharge` only.
    DocumentAllowances,
    /// `Charges`, on the root's `cac:AllowanceCharge` only.
    DocumentCharges,
}

/// Whether a tax category of `usage` passes `code` (`exists(…)`, stopping at the first).
fn is_used(d: &Doc<'_, '_>, usage: Usage, code: Code) -> Eval<bool> {
    let (charge, everywhere) = match usage {
        Usage::Lines => {
            for tc in d.all("cac:ClassifiedTaxCategory") {
                if code.matches(tc)? {
                    return Ok(true);
                }
            }
            return Ok(false);
        }
        Usage::Allowances => (false, true),
        Usage::Charges => (true, true),
        Usage::DocumentAllowances => (false, false),
        Usage::DocumentCharges => (true, false),
    };
    let acs: Vec<Node<'_, '_>> = if everywhere {
        d.all("cac:AllowanceCharge").collect()
    } else {
        d.root.children_named("cac:AllowanceCharge").collect()
    };
    for ac in acs {
        if charge_indicator_is(ac, charge)? {
            for tc in ac.children_named("cac:TaxCategory") {
                if code.matches(tc)? {
                    return Ok(true);
                }
            }
        }
    }
    Ok(false)
}

/// `count(tcs/cbc:ID[normalize-space(.) = 'code'])` over the VAT tax categories `tcs`;
/// with `first`, stops at the first (as `exists(…)` does).
fn count_vat_ids<'a, 'i: 'a>(
    tcs: impl Iterator<Item = Node<'a, 'i>>,
    code: &str,
    first: bool,
) -> Eval<usize> {
    let mut count = 0;
    for tc in tcs {
        if is_vat(tc)? {
            count += ids_normalized(tc, code);
            if first && count > 0 {
                break;
            }
        }
    }
    Ok(count)
}

/// `cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory` of the root: the VAT breakdown (BG-23).
fn breakdown<'a, 'i: 'a>(d: &Doc<'a, 'i>) -> Vec<Node<'a, 'i>> {
    path_all(d.root, "cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory")
}

/// BR-x-01 where the breakdown needs exactly one category `code` (context: the root): if a
/// VAT tax category or classified tax category anywhere has the code, the breakdown has it
/// exactly once.
fn exactly_one(d: &Doc<'_, '_>, hits: &mut Hits, code: &str) {
    let outcome = (|| {
        let used = count_vat_ids(d.all("cac:TaxCategory"), code, true)? > 0
            || count_vat_ids(d.all("cac:ClassifiedTaxCategory"), code, true)? > 0;
        Ok(!used || count_vat_ids(breakdown(d).into_iter(), code, false)? == 1)
    })();
    assert(d, hits, d.root, outcome);
}

/// BR-x-01 where the breakdown needs at least one category (context: the root): the
/// allowances, charges and lines using `used` are counted, then the breakdown must have a
/// category passing `present` when there are some, and none passing `absent` when there are
/// none.
fn at_least_one(d: &Doc<'_, '_>, hits: &mut Hits, used: Code, present: Code, absent: Code) {
    let count = |tcs: &mut dyn Iterator<Item = Node<'_, '_>>, code: Code| -> Eval<usize> {
        let mut n = 0;
        for tc in tcs {
            n += usize::from(code.matches(tc)?);
        }
        Ok(n)
    };
    let outcome = (|| {
        let mut on_allowances = d
            .all("cac:AllowanceCharge")
            .flat_map(|ac| children(ac, "cac:TaxCategory"));
        let uses = count(&mut on_allowances, used)?
            + count(&mut d.all("cac:ClassifiedTaxCategory"), used)?;
        let rows = breakdown(d);
        if uses > 0 {
            Ok(count(&mut rows.into_iter(), present)? > 0)
        } else {
            Ok(count(&mut rows.into_iter(), absent)? == 0)
        }
    })();
    assert(d, hits, d.root, outcome);
}

/// The party identifiers a category needs (or forbids), BR-x-02 to BR-x-04.
#[derive(Debug, Clone, Copy)]
enum Parties {
    /// A seller tax scheme company id (any scheme: BT-31 or BT-32) or a VAT tax
    /// representative id (BT-63).
    Seller,
    /// A seller VAT id (BT-31) or a VAT tax representative id (BT-63).
    SellerVat,
    /// `Seller`, and a buyer VAT id (BT-48) or legal registration id (BT-47).
    SellerAndBuyer,
    /// `SellerVat`, and a buyer VAT id (BT-48).
    SellerVatAndBuyerVat,
    /// No VAT id of the seller (BT-31), the tax representative (BT-63) or the buyer (BT-48).
    NoVatIds,
}

/// `exists(//top/path[VAT]/cbc:CompanyID)` (any scheme unless `vat`).
fn company_id(d: &Doc<'_, '_>, top: &str, path: &str, vat: bool) -> Eval<bool> {
    for owner in d.all(top) {
        for scheme in path_all(owner, path) {
            if (!vat || is_vat(scheme)?) && scheme.child("cbc:CompanyID").is_some() {
                return Ok(true);
            }
        }
    }
    Ok(false)
}

impl Parties {
    fn present(self, d: &Doc<'_, '_>) -> Eval<bool> {
        let seller = |vat| -> Eval<bool> {
            Ok(company_id(
                d,
                "cac:AccountingSupplierParty",
                "cac:Party/cac:PartyTaxScheme",
                vat,
            )? || company_id(d, "cac:TaxRepresentativeParty", "cac:PartyTaxScheme", true)?)
        };
        let buyer_vat = || {
            company_id(
                d,
                "cac:AccountingCustomerParty",
                "cac:Party/cac:PartyTaxScheme",
                true,
            )
        };
        Ok(match self {
            Parties::Seller => seller(false)?,
            Parties::SellerVat => seller(true)?,
            Parties::SellerAndBuyer => {
                seller(false)?
                    && (buyer_vat()?
                        || d.all("cac:AccountingCustomerParty").any(|p| {
                            !path_all(p, "cac:Party/cac:PartyLegalEntity/cbc:CompanyID").is_empty()
                        }))
            }
            Parties::SellerVatAndBuyerVat => seller(true)? && buyer_vat()?,
            Parties::NoVatIds => !seller(true)? && !buyer_vat()?,
        })
    }
}

/// BR-x-02 to BR-x-04 (context: the root): when a tax category of `usage` passes `guard`, one
/// passing `trigger` must be there too and the `parties` condition must hold. The two codes
/// are the same but in a few assertions that filter differently on each side.
fn identifiers(
    d: &Doc<'_, '_>,
    hits: &mut Hits,
    usage: Usage,
    trigger: Code,
    guard: Code,
    parties: Parties,
) {
    let outcome = (|| {
        Ok((is_used(d, usage, trigger)? && parties.present(d)?) || !is_used(d, usage, guard)?)
    })();
    assert(d, hits, d.root, outcome);
}

/// The rate a category allows on lines, allowances and charges (BR-x-05 to BR-x-07).
#[derive(Debug, Clone, Copy)]
enum Rate {
    /// `xs:decimal(cbc:Percent) = 0`.
    Zero,
    /// `(cbc:Percent) > 0`.
    Positive,
    /// `(cbc:Percent) >= 0`.
    NotNegative,
    /// `not(cbc:Percent)`.
    Absent,
}

/// BR-x-05 to BR-x-07: on every tax category of `usage` with `code` (the contexts
/// `cac:InvoiceLine/cac:Item/cac:ClassifiedTaxCategory`, `cac:AllowanceCharge[…]/cac:TaxCategory`),
/// the rate is as `rate` says.
fn rate(d: &Doc<'_, '_>, hits: &mut Hits, usage: Usage, code: &'static str, rate: Rate) {
    let code = Code::vat(code);
    let contexts: Vec<Node<'_, '_>> = match usage {
        Usage::Lines => d
            .all_of(&["cac:InvoiceLine", "cac:CreditNoteLine"])
            .into_iter()
            .flat_map(|line| path_all(line, "cac:Item/cac:ClassifiedTaxCategory"))
            .collect(),
        Usage::Allowances | Usage::Charges | Usage::DocumentAllowances | Usage::DocumentCharges => {
            let charge = matches!(usage, Usage::Charges | Usage::DocumentCharges);
            d.all("cac:AllowanceCharge")
                .filter(|ac| charge_indicator_is(*ac, charge) == Ok(true))
                .flat_map(|ac| children(ac, "cac:TaxCategory"))
                .collect()
        }
    };
    for tc in contexts.into_iter().filter(|tc| code.selects(*tc)) {
        let outcome = match rate {
            Rate::Zero => decimal_of(tc, "cbc:Percent").map(|p| p == Some(Decimal::ZERO)),
            Rate::Positive => any_double(tc, "cbc:Percent", |p| p > 0.0),
            Rate::NotNegative => any_double(tc, "cbc:Percent", |p| p >= 0.0),
            Rate::Absent => Ok(tc.child("cbc:Percent").is_none()),
        };
        assert(d, hits, tc, outcome);
    }
}
