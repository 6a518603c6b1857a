//! Facturo's native e-invoice validator: the official EN 16931 and CIUS-RO rules as Rust
//! functions, reporting findings with the official rule ids, severities and locations, in
//! microseconds and without a Java or XSLT engine.
//!
//! A document is read with the hardened reader of the `ubl` crate, its rule sets are chosen
//! from its customization id (BT-24) the way the official validators choose them, and every
//! rule of those sets runs:
//! - [`RuleSet::XsdUbl`]: what the UBL 2.1 schema enforces (element order, cardinality, data
//!   types, attributes),
//!   reported with the id `XSD`;
//! - [`RuleSet::CiusRo`] for documents whose customization id names CIUS-RO: ANAF's own copy
//!   of the EN 16931 rules (it differs from CEN's in places) plus the `BR-RO-*` rules;
//! - [`RuleSet::En16931Ubl`] for every other UBL document: CEN EN 16931 1.3.16.
//!
//! What this crate is not: it does not fix documents and does no IO.
//!
//! ```
//! let xml = br#"<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
//!     xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
//!     <cbc:ID>1</cbc:ID></Invoice>"#;
//! let report = rules::validate(xml);
//! assert!(!report.is_valid());
//! assert!(report.findings.iter().any(|f| f.rule == "BR-01")); // no BT-24
//! ```

mod ciusro;
pub mod doc;
mod en16931;
pub mod finding;
pub mod registry;
mod xsd;

use std::borrow::Cow;

use roxmltree::Node;
use ubl::xml::{self, Limits, UblNode};

pub use finding::{Finding, Message, RuleSet, Severity};
use registry::{Hits, Rule};

/// Every rule Facturo implements, across families and sets.
pub fn rules() -> impl Iterator<Item = &'static Rule> {
    en16931::FAMILIES
        .iter()
        .chain([ciusro::RULES].iter())
        .flat_map(|family| family.iter())
}

/// The outcome of validating one document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// The rule sets applied, in order.
    pub rule_sets: Vec<RuleSet>,
    pub findings: Vec<Finding>,
}

impl Report {
    /// No fatal or error finding.
    pub fn is_valid(&self) -> bool {
        !self.findings.iter().any(|f| f.severity.is_blocking())
    }
}

/// Reads `bytes` with the default [`Limits`] and checks the document against the rule sets
/// its customization id calls for. Input that cannot be read is one `XML-WELLFORMED` finding.
pub fn validate(bytes: &[u8]) -> Report {
    let doc = match xml::read(bytes, &Limits::default()) {
        Ok(doc) => doc,
        Err(e) => {
            return Report {
                rule_sets: Vec::new(),
                findings: vec![unreadable(&e)],
            };
        }
    };
    let root = doc.root_element();
    let Some(sets) = rule_sets_for(root) else {
        return Report {
            rule_sets: Vec::new(),
            findings: vec![unsupported(root)],
        };
    };
    let findings = sets.iter().flat_map(|set| check(root, *set)).collect();
    Report {
        rule_sets: sets,
        findings,
    }
}

/// The rule sets for a document element, as the official validators choose them; `None` for
/// anything but a UBL `Invoice` or `CreditNote`.
pub fn rule_sets_for(root: Node<'_, '_>) -> Option<Vec<RuleSet>> {
    if !(root.is("ubl:Invoice") || root.is("cn:CreditNote")) {
        return None;
    }
    let customization = root
        .child("cbc:CustomizationID")
        .map(|n| n.string_value())
        .unwrap_or_default();
    let business = if customization.contains("CIUS-RO") {
        RuleSet::CiusRo
    } else {
        RuleSet::En16931Ubl
    };
    Some(vec![RuleSet::XsdUbl, business])
}

/// Runs every rule of `set` on the `Invoice` or `CreditNote` element `root` (which need not be
/// the document element: the official unit tests wrap theirs).
pub fn check(root: Node<'_, '_>, set: RuleSet) -> Vec<Finding> {
    let Some(doc) = doc::Doc::new(root) else {
        return vec![unsupported(root)];
    };
    if set == RuleSet::XsdUbl {
        return xsd::check(&doc);
    }
    let mut findings = Vec::new();
    let mut hits = Hits::default();
    for rule in rules().filter(|r| r.sets.contains(set)) {
        (rule.check)(&doc, &mut hits);
        for location in hits.take() {
            findings.push(Finding {
                rule: rule.id,
                severity: rule.severity,
                rule_set: set,
                location,
                terms: rule.terms,
                message: Message {
                    en: Cow::Borrowed(rule.en),
                    ro: Cow::Borrowed(rule.ro),
                },
            });
        }
    }
    findings
}

fn unreadable(e: &xml::ReadError) -> Finding {
    Finding {
        rule: "XML-WELLFORMED",
        severity: Severity::Fatal,
        rule_set: RuleSet::XsdUbl,
        location: String::new(),
        terms: &[],
        message: Message {
            en: Cow::Owned(e.to_string()),
            ro: Cow::Owned(format!("Documentul nu poate fi citit: {e}")),
        },
    }
}

fn unsupported(root: Node<'_, '_>) -> Finding {
    let name = root.tag_name();
    let what = if name.namespace() == Some(xml::NS_CII) {
        "a UN/CEFACT CII invoice".to_owned()
    } else {
        format!(
            "'{}' in namespace '{}'",
            name.name(),
            name.namespace().unwrap_or("")
        )
    };
    Finding {
        rule: "UNSUPPORTED",
        severity: Severity::Fatal,
        rule_set: RuleSet::XsdUbl,
        location: String::new(),
        terms: &[],
        message: Message {
            en: Cow::Owned(format!(
                "The document is {what}; a UBL 2.1 Invoice or CreditNote was expected."
            )),
            ro: Cow::Owned(format!(
                "Documentul este {what}; se aștepta o factură (Invoice) sau o notă de credit \
                 (CreditNote) UBL 2.1."
            )),
        },
    }
}
