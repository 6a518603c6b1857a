//! The shape of the generated schema tables (`tables.rs`): namespaces, the content model of
//! each aggregate type and the data type of each basic element.

use ubl::xml::{NS_CAC, NS_CBC, NS_CREDIT_NOTE, NS_EXT, NS_INVOICE};

/// The namespaces UBL declares elements in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Ns {
    Invoice,
    CreditNote,
    Cac,
    Cbc,
    Ext,
}

impl Ns {
    /// The namespace of a name, most frequent first (`cbc`, then `cac`); `None` for any other.
    pub(super) fn of(uri: Option<&str>) -> Option<Ns> {
        let uri = uri?;
        [Ns::Cbc, Ns::Cac, Ns::Ext, Ns::Invoice, Ns::CreditNote]
            .into_iter()
            .find(|ns| ns.uri() == uri)
    }

    pub(super) fn uri(self) -> &'static str {
        match self {
            Ns::Invoice => NS_INVOICE,
            Ns::CreditNote => NS_CREDIT_NOTE,
            Ns::Cac => NS_CAC,
            Ns::Cbc => NS_CBC,
            Ns::Ext => NS_EXT,
        }
    }

    /// The fixed prefix of location paths and messages.
    pub(super) fn prefix(self) -> &'static str {
        match self {
            Ns::Invoice => "ubl",
            Ns::CreditNote => "cn",
            Ns::Cac => "cac",
            Ns::Cbc => "cbc",
            Ns::Ext => "ext",
        }
    }
}

/// What an element holds, by the type its declaration gives it.
#[derive(Clone, Copy)]
pub(super) enum Kind {
    /// Child elements, in the order and numbers of the model.
    Aggregate(&'static Model),
    /// A value of the data type, with its attributes.
    Simple(&'static SimpleType),
    /// `ext:ExtensionContent`: one element of any other namespace, not checked further.
    Open,
}

/// An aggregate type: its `xsd:sequence` of child elements.
pub(super) struct Model {
    pub(super) ns: Ns,
    /// The type's name (`PartyType`), for `xsi:type`.
    pub(super) name: &'static str,
    pub(super) children: &'static [Particle],
}

/// One child element of a sequence.
pub(super) struct Particle {
    pub(super) ns: Ns,
    pub(super) name: &'static str,
    pub(super) kind: Kind,
    pub(super) min: u32,
    /// `u32::MAX` for `unbounded`.
    pub(super) max: u32,
}

impl Particle {
    pub(super) fn is(&self, ns: Ns, local: &str) -> bool {
        self.name == local && self.ns == ns
    }

    /// `cbc:ID`.
    pub(super) fn qname(&self) -> String {
        format!("{}:{}", self.ns.prefix(), self.name)
    }
}

/// An unqualified data type (`udt:AmountType`): the XSD type of the text and the attributes.
pub(super) struct SimpleType {
    pub(super) value: Value,
    pub(super) attributes: &'static [Attribute],
}

/// The XSD built-in type of a basic element's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Value {
    /// `xsd:string`, `xsd:normalizedString`: any text.
    Text,
    Decimal,
    Date,
    Time,
    Boolean,
    Base64,
}

/// An attribute a data type allows.
pub(super) struct Attribute {
    pub(super) name: &'static str,
    pub(super) value: AttributeValue,
    pub(super) required: bool,
}

/// The XSD built-in type of an attribute's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum AttributeValue {
    /// `xsd:string`, `xsd:normalizedString`: any text.
    Text,
    /// `xsd:anyURI`.
    Uri,
    /// `xsd:language`.
    Language,
}
