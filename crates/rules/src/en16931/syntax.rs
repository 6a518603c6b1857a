//! The UBL syntax rules: cardinalities (`UBL-SR-*`) and data types (`UBL-DT-*`).
//!
//! In both artefacts these rules form one Schematron pattern, where a node is handled only by
//! the first rule whose context matches it. Their contexts are element names that cannot
//! overlap, except for allowances and charges: a `cac:AllowanceCharge` is an allowance when a
//! `cbc:ChargeIndicator` of it says false, and a charge only otherwise ([`is_allowance`],
//! [`is_charge`]; the code-list pattern sorts them the same way).
//!
//! ANAF's copy is an older one: it lacks UBL-SR-51 … UBL-SR-56, and differs from CEN's in
//! UBL-SR-22, UBL-SR-23 (it looks for the name and VAT identifier of the tax representative
//! one `cac:Party` too deep, so they never fire) and UBL-SR-43 (it looks for an attribute
//! `scheme` where CEN looks for `schemeID`).

mod datatypes;
mod document;
mod parts;
#[cfg(test)]
mod tests;

use roxmltree::Node;
use ubl::xml::UblNode;

use crate::doc::path_all;
use crate::registry::Rule;

pub(crate) const RULES: &[Rule] = &join::<
    { datatypes::RULES.len() + document::RULES.len() + parts::RULES.len() },
>([datatypes::RULES, document::RULES, parts::RULES]);

/// The submodules' tables as one (the registry takes one table per family).
const fn join<const N: usize>(tables: [&[Rule]; 3]) -> [Rule; N] {
    let mut out = [tables[0][0]; N];
    let mut n = 0;
    let mut t = 0;
    while t < tables.len() {
        let mut i = 0;
        while i < tables[t].len() {
            out[n] = tables[t][i];
            n += 1;
            i += 1;
        }
        t += 1;
    }
    assert!(n == N, "N is the sum of the tables' lengths");
    out
}

/// The number of nodes at the child path `steps` from `from` (XPath `count(steps)`).
fn count(from: Node<'_, '_>, steps: &str) -> usize {
    path_all(from, steps).len()
}

/// The `xs:boolean` cast of a string: `true`/`1`, `false`/`0`, surrounding whitespace allowed;
/// `None` where the cast raises an error.
fn boolean(s: &str) -> Option<bool> {
    match s.trim_matches([' ', '\t', '\n', '\r']) {
        "true" | "1" => Some(true),
        "false" | "0" => Some(false),
        _ => None,
    }
}

/// Whether `cbc:ChargeIndicator = value` holds for the `cac:AllowanceCharge` `ac`: some
/// indicator, taken in document order, casts to `value`. An indicator that cannot be cast
/// before one that matches is an error, which makes the pattern not match.
fn indicates(ac: Node<'_, '_>, value: bool) -> bool {
    for indicator in ac.children_named("cbc:ChargeIndicator") {
        match boolean(&indicator.string_value()) {
            Some(v) if v == value => return true,
            Some(_) => {}
            None => return false,
        }
    }
    false
}

/// The context `cac:AllowanceCharge[cbc:ChargeIndicator = false()]`.
pub(super) fn is_allowance(ac: Node<'_, '_>) -> bool {
    indicates(ac, false)
}

/// The context `cac:AllowanceCharge[cbc:ChargeIndicator = true()]`, for a node the allowance
/// rule before it did not take.
pub(super) fn is_charge(ac: Node<'_, '_>) -> bool {
    !is_allowance(ac) && indicates(ac, true)
}
