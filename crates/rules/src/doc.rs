//! The document a rule looks at, and the XPath semantics rules need: string values,
//! `normalize-space`, `xs:decimal` and `number()` casts, `round`, decimal places.
//!
//! The official rules are Schematron assertions over XPath 2.0. Each rule here is a Rust
//! function, but where a rule compares strings or numbers it must do it the way XPath does,
//! or it will disagree with the official validators on edge cases (`" 12 "`, `"1e3"`, `"1."`).

use std::cell::OnceCell;
use std::collections::{HashMap, HashSet};

use roxmltree::{Node, NodeId};
use rust_decimal::Decimal;
use ubl::xml::UblNode;

/// An `Invoice` or `CreditNote` element being checked (the document element, or, in the
/// official unit tests, an element inside a test wrapper).
#[derive(Debug, Clone)]
pub struct Doc<'a, 'i> {
    pub root: Node<'a, 'i>,
    pub is_credit_note: bool,
    /// Every element at or below the root by local name and namespace, built on first use:
    /// `//x` lookups then cost what they find, not the size of the document. Node ids, not
    /// nodes, so that `Doc` stays covariant in its lifetimes.
    index: OnceCell<ElementIndex>,
    /// Every element path below the root, and below each line, built on first use.
    paths: OnceCell<Paths>,
}

/// Element paths as `cac:Party/cbc:Name` (fixed prefixes; `…/@attribute` for an attribute
/// without namespace), from the root's children and from each line's children.
#[derive(Debug, Clone, Default)]
struct Paths {
    from_root: HashSet<String>,
    from_lines: HashSet<String>,
}

type ElementIndex = HashMap<Box<str>, Vec<(Namespace, NodeId)>>;

/// A namespace as the index keeps it: one of the fixed ones, another one, or none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Namespace {
    None,
    Known(&'static str),
    Other,
}

impl Namespace {
    const KNOWN: [&'static str; 5] = [
        ubl::xml::NS_INVOICE,
        ubl::xml::NS_CREDIT_NOTE,
        ubl::xml::NS_CAC,
        ubl::xml::NS_CBC,
        ubl::xml::NS_EXT,
    ];

    fn of(namespace: Option<&str>) -> Namespace {
        match namespace {
            None => Namespace::None,
            Some(ns) => Self::KNOWN
                .iter()
                .find(|k| **k == ns)
                .map_or(Namespace::Other, |k| Namespace::Known(k)),
        }
    }
}

impl<'a, 'i> Doc<'a, 'i> {
    /// `None` unless `root` is `ubl:Invoice` or `cn:CreditNote`.
    pub fn new(root: Node<'a, 'i>) -> Option<Self> {
        let is_credit_note = if root.is("ubl:Invoice") {
            false
        } else if root.is("cn:CreditNote") {
            true
        } else {
            return None;
        };
        Some(Doc {
            root,
            is_credit_note,
            index: OnceCell::new(),
            paths: OnceCell::new(),
        })
    }

    /// `cac:InvoiceLine` or `cac:CreditNoteLine`, by document type.
    pub fn line_name(&self) -> &'static str {
        if self.is_credit_note {
            "cac:CreditNoteLine"
        } else {
            "cac:InvoiceLine"
        }
    }

    /// The lines (BG-25): `cac:InvoiceLine | cac:CreditNoteLine` children of the root.
    pub fn lines(&self) -> impl Iterator<Item = Node<'a, 'i>> {
        self.root
            .children()
            .filter(|n| n.is("cac:InvoiceLine") || n.is("cac:CreditNoteLine"))
    }

    /// Every element named `qname` at or below the root (XPath `//qname`), in document
    /// order.
    pub fn all<'s>(&'s self, qname: &str) -> impl Iterator<Item = Node<'a, 'i>> + 's {
        let (namespace, local) = match qname.split_once(':') {
            Some((prefix, local)) => (
                ubl::xml::namespace_of(prefix).map_or(Namespace::Other, Namespace::Known),
                local,
            ),
            None => (Namespace::None, qname),
        };
        let index = self.index.get_or_init(|| {
            let mut index = ElementIndex::new();
            for n in self.root.descendants().filter(Node::is_element) {
                let name = n.tag_name();
                index
                    .entry(name.name().into())
                    .or_default()
                    .push((Namespace::of(name.namespace()), n.id()));
            }
            index
        });
        let document = self.root.document();
        index
            .get(local)
            .into_iter()
            .flatten()
            .filter(move |(ns, _)| *ns == namespace && namespace != Namespace::Other)
            .filter_map(move |(_, id)| document.get_node(*id))
    }

    /// Every element named by one of `qnames` (XPath `//a | //b`), in document order.
    pub fn all_of(&self, qnames: &[&str]) -> Vec<Node<'a, 'i>> {
        let mut found: Vec<Node<'a, 'i>> = qnames.iter().flat_map(|q| self.all(q)).collect();
        if qnames.len() > 1 {
            // Node ids follow document order.
            found.sort_by_key(|n| n.id().get_usize());
            found.dedup_by_key(|n| n.id());
        }
        found
    }

    /// Whether the child path `path` (`cac:PaymentMeans/cbc:InstructionNote`, or
    /// `…/cbc:ID/@schemeName` for an attribute) reaches a node from the root.
    pub fn root_has(&self, path: &str) -> bool {
        self.paths().from_root.contains(path)
    }

    /// Whether the child path `path` reaches a node from any line (`cac:InvoiceLine` or
    /// `cac:CreditNoteLine` child of the root).
    pub fn a_line_has(&self, path: &str) -> bool {
        self.paths().from_lines.contains(path)
    }

    fn paths(&self) -> &Paths {
        self.paths.get_or_init(|| {
            let mut paths = Paths::default();
            add_paths(self.root, &mut paths.from_root);
            for line in self.lines() {
                add_paths(line, &mut paths.from_lines);
            }
            paths
        })
    }

    /// The official location path of a node of this document.
    pub fn location(&self, node: Node<'a, 'i>) -> String {
        node.location(self.root)
    }
}

/// Adds the path of every element below `from` (and of its attributes) to `set`, walking
/// without recursion; elements of other namespaces and their subtrees are left out (no rule
/// names them).
fn add_paths(from: Node<'_, '_>, set: &mut HashSet<String>) {
    let mut stack: Vec<(Node<'_, '_>, String)> = from
        .children()
        .filter(Node::is_element)
        .map(|c| (c, String::new()))
        .collect();
    stack.reverse();
    while let Some((node, parent)) = stack.pop() {
        let name = node.tag_name();
        let Some(prefix) = name.namespace().and_then(ubl::xml::prefix_of) else {
            continue;
        };
        let mut path = parent;
        if !path.is_empty() {
            path.push('/');
        }
        path.push_str(prefix);
        path.push(':');
        path.push_str(name.name());
        for a in node.attributes().filter(|a| a.namespace().is_none()) {
            set.insert(format!("{path}/@{}", a.name()));
        }
        for child in node.children().filter(Node::is_element) {
            stack.push((child, path.clone()));
        }
        set.insert(path);
    }
}

/// Follows a path of child names from `from` (`cac:Party/cac:PostalAddress`), taking the first
/// match at each step.
pub fn path<'a, 'i>(from: Node<'a, 'i>, steps: &str) -> Option<Node<'a, 'i>> {
    steps
        .split('/')
        .try_fold(from, |node, step| node.child(step))
}

/// Every node a child path reaches (`cac:TaxTotal/cac:TaxSubtotal`), in document order: XPath
/// `steps` evaluated from `from`.
pub fn path_all<'a, 'i>(from: Node<'a, 'i>, steps: &str) -> Vec<Node<'a, 'i>> {
    let mut nodes = vec![from];
    for step in steps.split('/') {
        nodes = nodes.iter().flat_map(|n| n.children_named(step)).collect();
    }
    nodes
}

/// Whether `from` has at least one node at the child path `steps` (XPath `exists(steps)`).
pub fn exists(from: Node<'_, '_>, steps: &str) -> bool {
    !path_all(from, steps).is_empty()
}

/// The XPath string value of the first node at `steps`, or `""` when there is none.
pub fn text(from: Node<'_, '_>, steps: &str) -> String {
    path(from, steps)
        .map(|n| n.string_value())
        .unwrap_or_default()
}

/// XPath `normalize-space`: leading and trailing whitespace removed, inner runs made one
/// space.
pub fn normalize_space(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split([' ', '\t', '\n', '\r']).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// XPath `normalize-space(x) != ''`: whether `s` holds anything but whitespace.
pub fn has_text(s: &str) -> bool {
    s.chars().any(|c| !matches!(c, ' ' | '\t' | '\n' | '\r'))
}

/// `xs:decimal(s)`: optional whitespace, an optional sign, digits with at most one `.` (no
/// exponent). `None` where the cast would raise an error, or beyond 28 significant digits.
pub fn decimal(s: &str) -> Option<Decimal> {
    let t = s.trim_matches([' ', '\t', '\n', '\r']);
    let unsigned = t.strip_prefix(['+', '-']).unwrap_or(t);
    let (int, frac) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    let digits = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
    if (int.is_empty() && frac.is_empty()) || !digits(int) || !digits(frac) {
        return None;
    }
    let t = t.strip_prefix('+').unwrap_or(t);
    let t = t.strip_suffix('.').unwrap_or(t);
    if t.starts_with('.') || t.starts_with("-.") {
        return t.replacen('.', "0.", 1).parse::<Decimal>().ok();
    }
    t.parse::<Decimal>().ok()
}

/// XPath `number(s)` (an `xs:double` cast): `NaN` when `s` is not a number. Accepts what
/// `xs:double` accepts: exponents, `INF`, `-INF`, `NaN`.
pub fn number(s: &str) -> f64 {
    let t = s.trim_matches([' ', '\t', '\n', '\r']);
    match t {
        "INF" | "+INF" => f64::INFINITY,
        "-INF" => f64::NEG_INFINITY,
        "NaN" => f64::NAN,
        _ if t.is_empty() || t.contains(['i', 'I', 'n', 'N', '_']) => f64::NAN,
        _ => t.parse::<f64>().unwrap_or(f64::NAN),
    }
}

/// XPath `round(x)` on a decimal: to the nearest integer, halves towards positive infinity
/// (`round(2.5) = 3`, `round(-2.5) = -2`).
pub fn round(x: Decimal) -> Decimal {
    (x + Decimal::new(5, 1)).floor()
}

/// `round(x * 10 * 10) div 100`: the official rules' rounding to two decimals.
pub fn round2(x: Decimal) -> Decimal {
    round(x * Decimal::ONE_HUNDRED) / Decimal::ONE_HUNDRED
}

/// `string-length(substring-after(s, '.'))`: the number of characters after the first dot.
pub fn decimals(s: &str) -> usize {
    s.split_once('.')
        .map_or(0, |(_, after)| after.chars().count())
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn decimal_follows_the_xs_decimal_lexical_space() {
        assert_eq!(decimal(" 12.50 "), Some(dec!(12.50)));
        assert_eq!(decimal("+1."), Some(dec!(1)));
        assert_eq!(decimal("-.5"), Some(dec!(-0.5)));
        assert_eq!(decimal(".5"), Some(dec!(0.5)));
        for bad in ["", " ", ".", "1e3", "1,5", "12 3", "--1", "INF", "0x10"] {
            assert_eq!(decimal(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn number_follows_xs_double() {
        assert!((number("1e3") - 1000.0).abs() < f64::EPSILON);
        assert!((number(" -2.5 ") + 2.5).abs() < f64::EPSILON);
        assert!(number("abc").is_nan());
        assert!(number("").is_nan());
        assert!(number("inf").is_nan(), "only INF is infinity");
        assert!(number("-INF").is_infinite() && number("-INF") < 0.0);
    }

    #[test]
    fn rounding_goes_half_up_like_xpath() {
        assert_eq!(round(dec!(2.5)), dec!(3));
        assert_eq!(round(dec!(-2.5)), dec!(-2));
        assert_eq!(round2(dec!(1.005)), dec!(1.01));
        assert_eq!(round2(dec!(-1.005)), dec!(-1.00));
        assert_eq!(decimals("12.345"), 3);
        assert_eq!(decimals("12"), 0);
    }

    #[test]
    fn normalize_space_collapses_runs() {
        assert_eq!(normalize_space("  a \n\t b  "), "a b");
        assert!(!has_text(" \n\t"));
        assert!(has_text(" x "));
    }
}
