//! The CIUS-RO rules of ANAF's RO16931 1.0.9 (`BR-RO-*`, `BR-DEC-RO-*`): Romanian national
//! requirements on top of EN 16931, only in the `cius-ro` set.
//!
//! ANAF writes all of them in one Schematron pattern, so **a node is checked only by the
//! first rule whose context matches it**, and that shapes what fires:
//! - the document element is taken by the rule with BR-RO-001, so BR-DEC-RO-13/15 (context
//!   `/ubl:Invoice | cac:CreditNote`) never run on it;
//! - the lines are taken by the rule with BR-RO-L1024, so BR-DEC-RO-23 never runs;
//! - `cac:TaxTotal/cac:TaxSubtotal` is taken by BR-DEC-RO-1009/1010, so BR-RO-L1019 never
//!   runs.
//!
//! Some contexts are written for `/ubl:CreditNote/…`, a name no credit note has (its element
//! is `cn:CreditNote`): the tax representative's and the delivery address rules
//! (BR-RO-140…212) and the document-level allowance and charge rules only run on invoices.
//!
//! The messages: `ro` is ANAF's own Romanian text, with its diacritics restored; `en` is
//! ANAF's English text.

mod addresses;
mod dates;
mod decimals;
mod document;
mod lengths;

use roxmltree::Node;
use ubl::xml::UblNode;

use crate::doc::{Doc, decimals, has_text, normalize_space, path_all};
use crate::registry::{Hits, Rule, join};

const TABLES: [&[Rule]; 6] = [
    document::RULES,
    dates::RULES,
    addresses::RULES,
    lengths::RULES,
    decimals::RULES,
    decimals::VAT_TOTALS,
];

const COUNT: usize = {
    let (mut n, mut i) = (0, 0);
    while i < TABLES.len() {
        n += TABLES[i].len();
        i += 1;
    }
    n
};

const ALL: [Rule; COUNT] = join(&TABLES);

pub(crate) const RULES: &[Rule] = &ALL;

/// The contexts of ANAF's rules, each the nodes its rule handles (first match in the
/// pattern).
#[derive(Debug, Clone, Copy)]
enum Context {
    /// `/ubl:Invoice | /cn:CreditNote`.
    Root,
    /// `//cac:PaymentMeans`.
    PaymentMeans,
    /// `cac:InvoiceLine | cac:CreditNoteLine`, wherever they are.
    Line,
    /// `//cac:Item/cac:AdditionalItemProperty`.
    ItemProperty,
    /// `/ubl:Invoice/cac:AllowanceCharge[cbc:ChargeIndicator = false()]`: invoices only.
    DocumentAllowance,
    /// `/ubl:Invoice/cac:AllowanceCharge[cbc:ChargeIndicator = true()]`: invoices only.
    DocumentCharge,
    /// `cac:LegalMonetaryTotal`.
    MonetaryTotal,
    /// `cac:TaxTotal/cac:TaxSubtotal`.
    TaxSubtotal,
    /// `//cac:InvoiceLine/cac:AllowanceCharge[cbc:ChargeIndicator = false()]` (and credit
    /// note lines).
    LineAllowance,
    /// The same with `true()`.
    LineCharge,
    /// `cbc:Note`, anywhere.
    Note,
    /// `//cac:AdditionalDocumentReference`.
    SupportingDocument,
    /// `//cac:BillingReference`.
    BillingReference,
    /// A context an earlier rule of the pattern always takes: the rule never runs.
    Shadowed,
}

impl Context {
    /// The nodes this context's rule handles, in document order.
    fn nodes<'a, 'i>(self, d: &Doc<'a, 'i>) -> Vec<Node<'a, 'i>> {
        let anywhere = |name: &'static str| d.all(name).collect::<Vec<_>>();
        let invoice_charges = |charge: bool| {
            if d.is_credit_note {
                return Vec::new();
            }
            d.root
                .children_named("cac:AllowanceCharge")
                .filter(|n| indicator_is(*n, charge))
                .collect()
        };
        let line_charges = |charge: bool| {
            lines_anywhere(d)
                .into_iter()
                .flat_map(|l| l.children().filter(|c| c.is("cac:AllowanceCharge")))
                .filter(|n| indicator_is(*n, charge))
                .collect()
        };
        match self {
            Context::Root => vec![d.root],
            Context::PaymentMeans => anywhere("cac:PaymentMeans"),
            Context::Line => lines_anywhere(d),
            Context::ItemProperty => d
                .all("cac:AdditionalItemProperty")
                .filter(|n| n.parent().is_some_and(|p| p.is("cac:Item")))
                .collect(),
            Context::DocumentAllowance => invoice_charges(false),
            Context::DocumentCharge => invoice_charges(true),
            Context::MonetaryTotal => anywhere("cac:LegalMonetaryTotal"),
            Context::TaxSubtotal => d
                .all("cac:TaxSubtotal")
                .filter(|n| n.parent().is_some_and(|p| p.is("cac:TaxTotal")))
                .collect(),
            Context::LineAllowance => line_charges(false),
            Context::LineCharge => line_charges(true),
            Context::Note => anywhere("cbc:Note"),
            Context::SupportingDocument => anywhere("cac:AdditionalDocumentReference"),
            Context::BillingReference => anywhere("cac:BillingReference"),
            Context::Shadowed => Vec::new(),
        }
    }
}

/// `cac:InvoiceLine | cac:CreditNoteLine` anywhere in the document.
fn lines_anywhere<'a, 'i>(d: &Doc<'a, 'i>) -> Vec<Node<'a, 'i>> {
    d.root
        .descendants()
        .filter(|n| n.is("cac:InvoiceLine") || n.is("cac:CreditNoteLine"))
        .collect()
}

/// `[cbc:ChargeIndicator = true()]` (or `false()`): a `cbc:ChargeIndicator` child whose value,
/// cast to `xs:boolean`, is `want`. A value that is no boolean makes the cast fail, and a
/// pattern whose evaluation fails does not match.
fn indicator_is(node: Node<'_, '_>, want: bool) -> bool {
    let mut found = false;
    for indicator in node.children_named("cbc:ChargeIndicator") {
        match xs_boolean(&indicator.string_value()) {
            Some(value) => found |= value == want,
            None => return false,
        }
    }
    found
}

/// The `xs:boolean` cast: `true`, `false`, `1`, `0`, with surrounding whitespace.
fn xs_boolean(s: &str) -> Option<bool> {
    match s.trim_matches([' ', '\t', '\n', '\r']) {
        "true" | "1" => Some(true),
        "false" | "0" => Some(false),
        _ => None,
    }
}

/// The string values at `path` from `from`: child steps, then optionally `@attribute`
/// (`cbc:PaymentMeansCode@name`); `.` is `from` itself.
fn values(from: Node<'_, '_>, path: &str) -> Vec<String> {
    let (elements, attribute) = match path.split_once('@') {
        Some((elements, attribute)) => (elements, Some(attribute)),
        None => (path, None),
    };
    let nodes = if elements == "." {
        vec![from]
    } else {
        path_all(from, elements)
    };
    match attribute {
        Some(name) => nodes
            .iter()
            .filter_map(|n| n.attribute(name).map(str::to_owned))
            .collect(),
        None => nodes.iter().map(UblNode::string_value).collect(),
    }
}

/// What an XPath function taking one `xs:string?` gets from `path`: `""` for no node, the
/// value of one node, and `None` (a type error: the assertion fails) for several.
fn single(from: Node<'_, '_>, path: &str) -> Option<String> {
    let mut values = values(from, path);
    match values.len() {
        0 => Some(String::new()),
        1 => values.pop(),
        _ => None,
    }
}

/// `normalize-space(path)`; `None` when `path` reaches several nodes.
fn normalized(from: Node<'_, '_>, path: &str) -> Option<String> {
    single(from, path).map(|s| normalize_space(&s))
}

/// `path[boolean(normalize-space(.))]`: whether some node at `path` has non-blank text.
fn filled(from: Node<'_, '_>, path: &str) -> bool {
    values(from, path).iter().any(|v| has_text(v))
}

/// What a limit row checks.
#[derive(Debug, Clone, Copy)]
enum Limit {
    /// `string-length(normalize-space(path)) <= n`.
    Chars(usize),
    /// `string-length(substring-after(path, '.')) <= n`.
    Decimals(usize),
}

/// The engine of the `limits!` tables: the rule fails on every node of `context` where the
/// value at `path` is over `limit` (or where `path` reaches several nodes).
fn check_limit(d: &Doc<'_, '_>, hits: &mut Hits, context: Context, path: &str, limit: Limit) {
    for node in context.nodes(d) {
        let within = match (single(node, path), limit) {
            (None, _) => false,
            (Some(s), Limit::Chars(n)) => normalize_space(&s).chars().count() <= n,
            (Some(s), Limit::Decimals(n)) => decimals(&s) <= n,
        };
        hits.check(d, node, !within);
    }
}

/// Builds a table of limit rules. A row is
/// `"ID" Context "path" chars|decimals N [terms] "English" "Romanian";`.
macro_rules! limits {
    (@limit chars $n:literal) => { super::Limit::Chars($n) };
    (@limit decimals $n:literal) => { super::Limit::Decimals($n) };
    ($($id:literal $context:ident $path:literal $kind:ident $n:literal [$($term:literal),*]
        $en:literal $ro:literal;)*) => {
        &[$(
            crate::registry::Rule {
                id: $id,
                severity: crate::finding::Severity::Fatal,
                sets: crate::registry::Sets::RO,
                terms: &[$($term),*],
                en: $en,
                ro: $ro,
                check: {
                    fn check(d: &crate::doc::Doc<'_, '_>, hits: &mut crate::registry::Hits) {
                        super::check_limit(
                            d,
                            hits,
                            super::Context::$context,
                            $path,
                            limits!(@limit $kind $n),
                        );
                    }
                    check
                },
            },
        )*]
    };
}
use limits;
