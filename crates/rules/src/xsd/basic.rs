//! Attributes of every element, the value of basic elements, and `ext:ExtensionContent`.

use std::borrow::Cow;

use roxmltree::{Attribute as XmlAttribute, Node, NodeType};
use ubl::xml;

use super::schema::{Attribute, AttributeValue, Ns, Particle, SimpleType, Value};
use super::{Checker, TypeName, is_blank, qname, value};

/// The `xsi:` namespace: `xsi:schemaLocation` and `xsi:type` are allowed on every element.
const NS_XSI: &str = "http://www.w3.org/2001/XMLSchema-instance";

/// How many characters of a wrong value a message quotes.
const QUOTE: usize = 60;

impl<'a, 'i> Checker<'_, 'a, 'i> {
    /// The attributes of `node`: those of its data type (`allowed`, none for aggregates) and
    /// the `xsi:` ones; a required one must be there.
    pub(super) fn attributes(
        &mut self,
        node: Node<'a, 'i>,
        allowed: &[Attribute],
        type_name: TypeName<'_>,
    ) {
        for attribute in node.attributes() {
            match attribute.namespace() {
                None => match allowed.iter().find(|a| a.name == attribute.name()) {
                    Some(a) if !value::is_valid_attribute(a.value, attribute.value()) => {
                        self.bad_attribute(node, &attribute, a.value);
                    }
                    Some(_) => {}
                    None => self.unknown_attribute(node, &attribute),
                },
                Some(NS_XSI) => self.xsi(node, &attribute, type_name),
                Some(_) => self.unknown_attribute(node, &attribute),
            }
        }
        for required in allowed.iter().filter(|a| a.required) {
            if node.attribute(required.name).is_none() {
                let name = qname(node);
                let attribute = required.name;
                self.report(
                    self.doc.location(node),
                    format!("{name}: the attribute {attribute} is required"),
                    format!("{name}: atributul {attribute} este obligatoriu"),
                );
            }
        }
    }

    fn attribute_location(&self, node: Node<'a, 'i>, attribute: &XmlAttribute<'a, 'i>) -> String {
        let name = match attribute.namespace() {
            Some(NS_XSI) => Cow::Owned(format!("xsi:{}", attribute.name())),
            _ => Cow::Borrowed(attribute.name()),
        };
        xml::attribute_location(node, self.doc.root, &name)
    }

    fn unknown_attribute(&mut self, node: Node<'a, 'i>, attribute: &XmlAttribute<'a, 'i>) {
        let name = qname(node);
        let attr = match attribute.namespace() {
            Some(NS_XSI) => format!("xsi:{}", attribute.name()),
            Some(uri) => format!("{{{uri}}}{}", attribute.name()),
            None => attribute.name().to_owned(),
        };
        self.report(
            self.attribute_location(node, attribute),
            format!("{name}: the attribute {attr} is not allowed"),
            format!("{name}: atributul {attr} nu este permis"),
        );
    }

    fn bad_attribute(
        &mut self,
        node: Node<'a, 'i>,
        attribute: &XmlAttribute<'a, 'i>,
        kind: AttributeValue,
    ) {
        let (en, ro) = match kind {
            AttributeValue::Text => return,
            AttributeValue::Uri => ("a URI", "un URI valid"),
            AttributeValue::Language => {
                ("a language code (en, ro-RO)", "un cod de limbă (en, ro-RO)")
            }
        };
        let name = format!("{}/@{}", qname(node), attribute.name());
        let quoted = quote(attribute.value());
        self.report(
            self.attribute_location(node, attribute),
            format!("{name} '{quoted}' is not {en}"),
            format!("{name} '{quoted}' nu este {ro}"),
        );
    }

    /// `xsi:schemaLocation` and `xsi:noNamespaceSchemaLocation` are hints; `xsi:type` may
    /// only name the declared type (no UBL type has a derived type); `xsi:nil` is refused
    /// (no UBL element is nillable).
    fn xsi(
        &mut self,
        node: Node<'a, 'i>,
        attribute: &XmlAttribute<'a, 'i>,
        type_name: TypeName<'_>,
    ) {
        match attribute.name() {
            "schemaLocation" | "noNamespaceSchemaLocation" => {}
            "type" if names_type(node, attribute.value(), type_name) => {}
            "type" => {
                let name = qname(node);
                let value = quote(attribute.value());
                let suffix = if type_name.suffixed { "Type" } else { "" };
                let declared = format!("{}:{}{suffix}", type_name.ns.prefix(), type_name.name);
                self.report(
                    self.attribute_location(node, attribute),
                    format!("{name}: xsi:type '{value}' is not its type {declared}"),
                    format!("{name}: xsi:type '{value}' nu este tipul său, {declared}"),
                );
            }
            "nil" => {
                let name = qname(node);
                self.report(
                    self.attribute_location(node, attribute),
                    format!("{name}: xsi:nil is not allowed: UBL elements are not nillable"),
                    format!("{name}: xsi:nil nu este permis: elementele UBL nu pot fi nule"),
                );
            }
            _ => self.unknown_attribute(node, attribute),
        }
    }

    /// A basic element: its attributes, no child element, and text of its data type.
    pub(super) fn basic(&mut self, node: Node<'a, 'i>, particle: &Particle, simple: &SimpleType) {
        let type_name = TypeName {
            ns: particle.ns,
            name: particle.name,
            suffixed: true,
        };
        self.attributes(node, simple.attributes, type_name);
        let mut text: Option<Cow<'a, str>> = None;
        for child in node.children() {
            match child.node_type() {
                NodeType::Element => {
                    let label = self.label(node);
                    let inner = qname(child);
                    self.report(
                        self.doc.location(child),
                        format!("{label}: {inner} is not allowed: the element holds a value"),
                        format!("{label}: {inner} nu este permis: elementul conține o valoare"),
                    );
                    return;
                }
                NodeType::Text => {
                    let t = child.text().unwrap_or_default();
                    text = Some(match text {
                        None => Cow::Borrowed(t),
                        Some(before) => Cow::Owned(before.into_owned() + t),
                    });
                }
                _ => {}
            }
        }
        let text = text.unwrap_or_default();
        if value::is_valid(simple.value, &text) {
            return;
        }
        let (en, ro) = match simple.value {
            Value::Text => return,
            Value::Decimal => ("a decimal number", "un număr zecimal"),
            Value::Date => (
                "a date (YYYY-MM-DD)",
                "o dată calendaristică validă (AAAA-LL-ZZ)",
            ),
            Value::Time => ("a time (hh:mm:ss)", "o oră validă (hh:mm:ss)"),
            Value::Boolean => (
                "a boolean (true, false, 1 or 0)",
                "o valoare booleană (true, false, 1 sau 0)",
            ),
            Value::Base64 => ("base64 data", "un conținut base64 valid"),
        };
        let name = particle.qname();
        let quoted = quote(&text);
        self.report(
            self.doc.location(node),
            format!("{name} '{quoted}' is not {en}"),
            format!("{name} '{quoted}' nu este {ro}"),
        );
    }

    /// `ext:ExtensionContent`: exactly one element, of a namespace other than the extension
    /// one (`xsd:any namespace="##other"`); what it holds is not checked.
    pub(super) fn open(&mut self, node: Node<'a, 'i>) {
        let type_name = TypeName {
            ns: Ns::Ext,
            name: "ExtensionContent",
            suffixed: true,
        };
        self.attributes(node, &[], type_name);
        if node.children().any(|c| c.is_text() && !is_blank(c.text())) {
            self.text_not_allowed(node);
        }
        let mut elements = node.children().filter(Node::is_element);
        let first = elements.next();
        let other = |n: Node<'_, '_>| {
            // `xmlns=""` leaves an element without a namespace (roxmltree may give it "").
            n.tag_name()
                .namespace()
                .is_some_and(|ns| !ns.is_empty() && ns != Ns::Ext.uri())
        };
        if !(first.is_some_and(other) && elements.next().is_none()) {
            let label = self.label(node);
            self.report(
                self.doc.location(node),
                format!(
                    "{label}: must hold exactly one element, of a namespace other than the UBL \
                     extension one"
                ),
                format!(
                    "{label}: trebuie să conțină exact un element, dintr-un spațiu de nume \
                     diferit de cel al extensiilor UBL"
                ),
            );
        }
    }
}

/// Whether the `xsi:type` value `value` (a QName) names the declared type.
fn names_type(node: Node<'_, '_>, value: &str, type_name: TypeName<'_>) -> bool {
    let value = value.trim_matches(value::is_xml_space);
    let (prefix, local) = match value.split_once(':') {
        Some((prefix, local)) => (Some(prefix), local),
        None => (None, value),
    };
    let local = if type_name.suffixed {
        local.strip_suffix("Type")
    } else {
        Some(local)
    };
    node.lookup_namespace_uri(prefix) == Some(type_name.ns.uri()) && local == Some(type_name.name)
}

/// At most [`QUOTE`] characters of a value, trimmed, for a message.
fn quote(text: &str) -> Cow<'_, str> {
    let text = text.trim_matches(value::is_xml_space);
    match text.char_indices().nth(QUOTE) {
        Some((cut, _)) => Cow::Owned(format!("{}…", &text[..cut])),
        None => Cow::Borrowed(text),
    }
}
