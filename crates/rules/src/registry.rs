//! Rules as data: each rule is a plain function plus its metadata (official id, severity, the
//! rule sets that carry it, business terms, messages), listed in a table per rule family.

use roxmltree::Node;

use crate::doc::Doc;
use crate::finding::{RuleSet, Severity};

/// The rule sets a rule belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sets(u8);

impl Sets {
    /// CEN EN 16931 1.3.16 (UBL) only.
    pub const CEN: Sets = Sets(1);
    /// ANAF's RO16931 1.0.9 only (its EN 16931 copy differs from CEN's in places).
    pub const RO: Sets = Sets(2);
    /// Both: the rule is the same in the two artefacts.
    pub const BOTH: Sets = Sets(3);

    /// Whether `set` carries rules of these sets.
    pub fn contains(self, set: RuleSet) -> bool {
        match set {
            RuleSet::En16931Ubl => self.0 & 1 != 0,
            RuleSet::CiusRo => self.0 & 2 != 0,
            RuleSet::XsdUbl => false,
        }
    }
}

/// Where a rule failed: the locations of its failed contexts, in document order.
#[derive(Debug, Default)]
pub struct Hits {
    locations: Vec<String>,
}

impl Hits {
    /// The rule failed on `node`.
    pub fn at<'a, 'i>(&mut self, doc: &Doc<'a, 'i>, node: Node<'a, 'i>) {
        self.locations.push(doc.location(node));
    }

    /// The rule failed on the attribute `name` of `owner` (`…/cbc:Amount[1]/@currencyID`).
    pub fn at_attribute<'a, 'i>(&mut self, doc: &Doc<'a, 'i>, owner: Node<'a, 'i>, name: &str) {
        self.locations
            .push(format!("{}/@{name}", doc.location(owner)));
    }

    /// The rule failed on `node` when `failed` is true.
    pub fn check<'a, 'i>(&mut self, doc: &Doc<'a, 'i>, node: Node<'a, 'i>, failed: bool) {
        if failed {
            self.at(doc, node);
        }
    }

    pub(crate) fn take(&mut self) -> Vec<String> {
        std::mem::take(&mut self.locations)
    }
}

/// A rule's check: pushes into `Hits` every context where its assertion fails.
pub type Check = fn(&Doc<'_, '_>, &mut Hits);

/// One rule of an official artefact, implemented as a Rust function.
#[derive(Debug, Clone, Copy)]
pub struct Rule {
    /// The id exactly as the artefact writes it.
    pub id: &'static str,
    /// The artefact's flag (an assertion without one is an error).
    pub severity: Severity,
    pub sets: Sets,
    /// Business terms and groups the rule concerns (`BT-24`, `BG-25`).
    pub terms: &'static [&'static str],
    /// The artefact's message, without the `[ID]-` prefix.
    pub en: &'static str,
    /// The same in Romanian.
    pub ro: &'static str,
    pub check: Check,
}

/// The rules of several tables as one array, for a family whose table is split over files:
/// `const ALL: [Rule; A.len() + B.len()] = join(&[A, B]);`. `N` must be the total length.
pub(crate) const fn join<const N: usize>(tables: &[&[Rule]]) -> [Rule; N] {
    fn none(_: &Doc<'_, '_>, _: &mut Hits) {}
    let mut out = [Rule {
        id: "",
        severity: Severity::Information,
        sets: Sets(0),
        terms: &[],
        en: "",
        ro: "",
        check: none,
    }; N];
    let (mut t, mut n) = (0, 0);
    while t < tables.len() {
        let mut i = 0;
        while i < tables[t].len() {
            out[n] = tables[t][i];
            n += 1;
            i += 1;
        }
        t += 1;
    }
    assert!(n == N, "join: N is not the total length of the tables");
    out
}
