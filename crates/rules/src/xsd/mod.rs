//! Structural checks for what the UBL 2.1 schema enforces on an `Invoice` or `CreditNote`
//! (element order, cardinality, data types, attributes), reported with the id `XSD`.
//!
//! The facts come from the official schema, through the generated [`tables`] (see
//! `gen/tables.py`): every UBL element is declared globally, so an element's type follows
//! from its name, and every aggregate type is a plain `xsd:sequence` in which no element
//! appears twice. The check walks the tree once, without recursion: each aggregate element
//! runs a small state machine over its children ([`Sequence`]), each basic element has its
//! attributes and its text checked against its data type ([`value`]).
//!
//! `ext:ExtensionContent` holds one element of any other namespace (`xsd:any`, lax): it is
//! accepted as opaque, its content is not checked.

mod basic;
mod schema;
mod sequence;
#[rustfmt::skip]
mod tables;
#[cfg(test)]
mod tests;
mod value;

use std::borrow::Cow;

use roxmltree::{Node, NodeType};

use crate::doc::Doc;
use crate::finding::{Finding, Message, RuleSet, Severity};
use schema::{Kind, Model, Ns, Particle};
use sequence::{Problem, Sequence};

/// Every schema violation of the document.
pub(crate) fn check(doc: &Doc<'_, '_>) -> Vec<Finding> {
    let model = if doc.is_credit_note {
        &tables::CREDIT_NOTE
    } else {
        &tables::INVOICE
    };
    let mut checker = Checker {
        doc,
        findings: Vec::new(),
    };
    let mut pending = vec![(doc.root, model)];
    while let Some((node, model)) = pending.pop() {
        let start = pending.len();
        checker.aggregate(node, model, &mut pending);
        // Children were queued in document order; reverse them so they are checked in it.
        pending[start..].reverse();
    }
    checker.findings
}

struct Checker<'d, 'a, 'i> {
    doc: &'d Doc<'a, 'i>,
    findings: Vec<Finding>,
}

/// The type an element is declared with, for `xsi:type`: namespace and local name.
#[derive(Clone, Copy)]
struct TypeName<'t> {
    ns: Ns,
    /// The type's name without its `Type` suffix when `suffixed` (basic elements are of type
    /// `cbc:<Name>Type`).
    name: &'t str,
    suffixed: bool,
}

impl<'a, 'i> Checker<'_, 'a, 'i> {
    fn report(&mut self, location: String, en: String, ro: String) {
        self.findings.push(Finding {
            rule: "XSD",
            severity: Severity::Fatal,
            rule_set: RuleSet::XsdUbl,
            location,
            terms: &[],
            message: Message {
                en: Cow::Owned(en),
                ro: Cow::Owned(ro),
            },
        });
    }

    /// `cac:InvoiceLine[2]`: the last step of the node's location.
    fn label(&self, node: Node<'a, 'i>) -> String {
        let location = self.doc.location(node);
        match location.rsplit_once('/') {
            Some((_, last)) => last.to_owned(),
            None => location,
        }
    }

    /// An aggregate element: its attributes, then its children in the order and numbers of
    /// its model. Aggregate children are queued on `pending`; basic ones are checked here.
    fn aggregate(
        &mut self,
        node: Node<'a, 'i>,
        model: &'static Model,
        pending: &mut Vec<(Node<'a, 'i>, &'static Model)>,
    ) {
        let type_name = TypeName {
            ns: model.ns,
            name: model.name,
            suffixed: false,
        };
        self.attributes(node, &[], type_name);
        let mut sequence = Sequence::new(model);
        let mut text_reported = false;
        for child in node.children() {
            match child.node_type() {
                NodeType::Text if !text_reported && !is_blank(child.text()) => {
                    text_reported = true;
                    self.text_not_allowed(node);
                }
                NodeType::Element => {
                    let tag = child.tag_name();
                    let step = match Ns::of(tag.namespace()) {
                        Some(ns) => sequence.step(ns, tag.name()),
                        None => sequence.step_foreign(),
                    };
                    let particle = step.unwrap_or_else(|problem| {
                        self.sequence_problem(node, child, &problem);
                        problem.particle()
                    });
                    match particle.map(|p| (p, p.kind)) {
                        Some((_, Kind::Aggregate(model))) => pending.push((child, model)),
                        Some((particle, Kind::Simple(simple))) => {
                            self.basic(child, particle, simple);
                        }
                        Some((_, Kind::Open)) => self.open(child),
                        None => {}
                    }
                }
                _ => {}
            }
        }
        if let Err(problem) = sequence.finish() {
            self.sequence_problem(node, node, &problem);
        }
    }

    fn text_not_allowed(&mut self, node: Node<'a, 'i>) {
        let label = self.label(node);
        self.report(
            self.doc.location(node),
            format!("{label}: text is not allowed here, only child elements"),
            format!("{label}: textul nu este permis aici, doar elemente"),
        );
    }

    /// Reports what [`Sequence`] found at `child` (`child == parent` at the end).
    fn sequence_problem(&mut self, parent: Node<'a, 'i>, child: Node<'a, 'i>, problem: &Problem) {
        let label = self.label(parent);
        let name = qname(child);
        let (en, ro) = match problem {
            Problem::NotAllowed if is_ubl_element(child) => (
                format!("{label}: {name} is not allowed here"),
                format!("{label}: elementul {name} nu este permis aici"),
            ),
            Problem::NotAllowed => (
                format!("{label}: {name} is not an element of UBL 2.1"),
                format!("{label}: {name} nu este un element UBL 2.1"),
            ),
            Problem::TooEarly { after, .. } => {
                let after = after.qname();
                (
                    format!("{label}: {name} must come before {after}"),
                    format!("{label}: {name} trebuie să apară înainte de {after}"),
                )
            }
            Problem::TooMany { particle } if particle.max == 1 => (
                format!("{label}: {name} may appear only once"),
                format!("{label}: {name} poate apărea o singură dată"),
            ),
            Problem::TooMany { particle } => (
                format!("{label}: {name} may appear at most {} times", particle.max),
                format!(
                    "{label}: {name} poate apărea de cel mult {} ori",
                    particle.max
                ),
            ),
            Problem::Missing { missing, .. } if parent == child => {
                let missing = missing.qname();
                (
                    format!("{label}: {missing} is required"),
                    format!("{label}: lipsește elementul obligatoriu {missing}"),
                )
            }
            Problem::Missing { missing, .. } => {
                // The usual mistake is two elements swapped: then say so, where the missing one
                // came too late.
                if let Some(late) = child.next_siblings().find(|s| is(*s, missing)) {
                    let missing = missing.qname();
                    let en = format!("{label}: {missing} must come before {name}");
                    let ro = format!("{label}: {missing} trebuie să apară înainte de {name}");
                    self.report(self.doc.location(late), en, ro);
                    return;
                }
                let missing = missing.qname();
                (
                    format!("{label}: {missing} is required before {name}"),
                    format!("{label}: {missing} este obligatoriu înainte de {name}"),
                )
            }
            Problem::TooFew { short, .. } => {
                let (short, min) = (short.qname(), short.min);
                (
                    format!("{label}: {short} must appear at least {min} times"),
                    format!("{label}: {short} trebuie să apară de cel puțin {min} ori"),
                )
            }
        };
        self.report(self.doc.location(child), en, ro);
    }
}

/// Whether `node` is the element of `particle`.
fn is(node: Node<'_, '_>, particle: &Particle) -> bool {
    let tag = node.tag_name();
    node.is_element() && Ns::of(tag.namespace()).is_some_and(|ns| particle.is(ns, tag.name()))
}

/// Whether a text node holds only whitespace.
fn is_blank(text: Option<&str>) -> bool {
    text.is_none_or(|t| t.chars().all(value::is_xml_space))
}

/// `cbc:ID`, `{urn:other}Name` or `Name`: an element's name as messages show it.
fn qname(node: Node<'_, '_>) -> String {
    let name = node.tag_name();
    match (
        Ns::of(name.namespace()),
        name.namespace().filter(|u| !u.is_empty()),
    ) {
        (Some(ns), _) => format!("{}:{}", ns.prefix(), name.name()),
        (None, Some(uri)) => format!("{{{uri}}}{}", name.name()),
        (None, None) => name.name().to_owned(),
    }
}

/// Whether an element in a UBL namespace is declared anywhere in the schema (it is then
/// "not allowed here" rather than unknown). Only asked on the error path.
fn is_ubl_element(node: Node<'_, '_>) -> bool {
    let tag = node.tag_name();
    let Some(ns) = Ns::of(tag.namespace()) else {
        return false;
    };
    tables::MODELS
        .iter()
        .flat_map(|m| m.children.iter())
        .any(|p| p.is(ns, tag.name()))
        || (ns == Ns::Invoice && tag.name() == "Invoice")
        || (ns == Ns::CreditNote && tag.name() == "CreditNote")
}
