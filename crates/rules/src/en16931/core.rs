//! The core business rules `BR-01` … `BR-67`: what an invoice must contain.
//!
//! The rules sit in submodules by the part of the invoice they look at; their tables are
//! joined here into the family's one table.

mod document;
mod lines;
mod parties;
mod payment;
mod subtotals;
pub(crate) mod xpath;

pub(crate) use document::document_periods;
pub(crate) use lines::has_reason;

use crate::registry::{Check, Rule, Sets};

const PARTS: &[&[Rule]] = &[
    document::RULES,
    parties::RULES,
    lines::RULES,
    subtotals::RULES,
    payment::RULES,
];

const COUNT: usize = count(PARTS);

const JOINED: [Rule; COUNT] = join(PARTS);

pub(crate) const RULES: &[Rule] = &JOINED;

/// ANAF's copy of a CEN rule that states its test differently: same id, severity, terms and
/// messages, its own check.
pub(crate) const fn anaf(cen: Rule, check: Check) -> Rule {
    Rule {
        sets: Sets::RO,
        check,
        ..cen
    }
}

const fn count(parts: &[&[Rule]]) -> usize {
    let mut total = 0;
    let mut i = 0;
    while i < parts.len() {
        total += parts[i].len();
        i += 1;
    }
    total
}

/// The tables of `parts`, one after the other (`N` is their total length).
const fn join<const N: usize>(parts: &[&[Rule]]) -> [Rule; N] {
    let mut out = [parts[0][0]; N];
    let (mut at, mut i) = (0, 0);
    while i < parts.len() {
        let mut j = 0;
        while j < parts[i].len() {
            out[at] = parts[i][j];
            at += 1;
            j += 1;
        }
        i += 1;
    }
    out
}

/// A small document and what one rule reports on it, for the unit tests of the families.
#[cfg(test)]
pub(crate) mod testing {
    use crate::RuleSet;

    /// The locations where `id` fails in `set` on `<root>body</root>` (`Invoice` or
    /// `CreditNote`, with the UBL namespaces declared).
    pub(crate) fn fails(set: RuleSet, root: &str, body: &str, id: &str) -> Vec<String> {
        let ns = if root == "Invoice" {
            "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
        } else {
            "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"
        };
        let xml = format!(
            "<{root} xmlns=\"{ns}\" \
             xmlns:cac=\"urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2\" \
             xmlns:cbc=\"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2\">\
             {body}</{root}>"
        );
        let doc = roxmltree::Document::parse(&xml).unwrap();
        crate::check(doc.root_element(), set)
            .into_iter()
            .filter(|f| f.rule == id)
            .map(|f| f.location)
            .collect()
    }

    /// [`fails`] on an invoice, in CEN's set.
    pub(crate) fn cen(body: &str, id: &str) -> Vec<String> {
        fails(RuleSet::En16931Ubl, "Invoice", body, id)
    }

    /// [`fails`] on an invoice, in ANAF's set.
    pub(crate) fn anaf(body: &str, id: &str) -> Vec<String> {
        fails(RuleSet::CiusRo, "Invoice", body, id)
    }
}
