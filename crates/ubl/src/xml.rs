//! Hardened parsing of untrusted XML into a read-only, namespace-aware tree, and the names
//! UBL 2.1 uses.
//!
//! Whatever arrives (an upload, a download from ANAF, a file on disk) goes through [`decode`]
//! and [`parse`] before anything reads it:
//! - the input is capped ([`Limits::max_bytes`], 10 MiB by default, ANAF's own upload limit);
//! - it must be UTF-8 (a byte-order mark is skipped);
//! - a document type declaration is refused, so there are no entity declarations to expand
//!   (billion laughs), no external entities and no external DTD to fetch: only the five
//!   predefined entities and character references are understood;
//! - the number of nodes and the element depth are bounded, so neither memory nor a walk of
//!   the tree can blow up.

use std::fmt::Write as _;

use roxmltree::{Document, Node, NodeType, ParsingOptions};

/// `Invoice` documents (root element, and the `ubl` prefix of location paths).
pub const NS_INVOICE: &str = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
/// `CreditNote` documents (the `cn` prefix of location paths).
pub const NS_CREDIT_NOTE: &str = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2";
/// Common aggregate components (`cac:`).
pub const NS_CAC: &str = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
/// Common basic components (`cbc:`).
pub const NS_CBC: &str = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";
/// Extension components (`ext:`).
pub const NS_EXT: &str = "urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2";
/// The UN/CEFACT Cross Industry Invoice root namespace (`rsm:`), recognised to refuse it
/// clearly where UBL is expected.
pub const NS_CII: &str = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100";

/// The fixed prefixes of location paths, as the official validators print them.
const PREFIXES: [(&str, &str); 6] = [
    ("ubl", NS_INVOICE),
    ("cn", NS_CREDIT_NOTE),
    ("cac", NS_CAC),
    ("cbc", NS_CBC),
    ("ext", NS_EXT),
    ("rsm", NS_CII),
];

/// The namespace of a fixed prefix (`cbc` → [`NS_CBC`]).
pub fn namespace_of(prefix: &str) -> Option<&'static str> {
    // A `match` rather than a search of `PREFIXES`: this runs for every name lookup.
    match prefix {
        "cbc" => Some(NS_CBC),
        "cac" => Some(NS_CAC),
        "ubl" => Some(NS_INVOICE),
        "cn" => Some(NS_CREDIT_NOTE),
        "ext" => Some(NS_EXT),
        "rsm" => Some(NS_CII),
        _ => None,
    }
}

/// The fixed prefix of a namespace (`NS_CBC` → `cbc`).
pub fn prefix_of(namespace: &str) -> Option<&'static str> {
    PREFIXES
        .iter()
        .find(|(_, ns)| *ns == namespace)
        .map(|(p, _)| *p)
}

/// Bounds on what [`decode`] and [`parse`] accept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest input in bytes.
    pub max_bytes: usize,
    /// Deepest element nesting (a UBL invoice needs about 10).
    pub max_depth: usize,
    /// Most nodes (elements, attributes' owners, texts, comments) in one document.
    pub max_nodes: u32,
}

impl Default for Limits {
    /// 10 MiB, depth 100, 2 million nodes.
    fn default() -> Self {
        Limits {
            max_bytes: 10 * 1024 * 1024,
            max_depth: 100,
            max_nodes: 2_000_000,
        }
    }
}

/// Why a document could not be read. Each message says what was wrong and where.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ReadError {
    /// Larger than [`Limits::max_bytes`].
    #[error("the document has {size} bytes; at most {limit} are accepted")]
    TooLarge { size: usize, limit: usize },
    /// Not UTF-8.
    #[error("the document is not UTF-8: invalid byte sequence at byte {offset}")]
    NotUtf8 { offset: usize },
    /// Starts with a UTF-16 byte-order mark.
    #[error("the document is UTF-16; only UTF-8 is accepted")]
    Utf16,
    /// Has a document type declaration.
    #[error(
        "the document has a document type declaration (DOCTYPE); DTDs, entity declarations and \
         external entities are not accepted"
    )]
    Dtd,
    /// Not well-formed XML.
    #[error("the document is not well-formed XML: {message} (line {line}, column {column})")]
    Malformed {
        message: String,
        line: u32,
        column: u32,
    },
    /// Nested deeper than [`Limits::max_depth`].
    #[error("the document nests elements deeper than {limit} levels")]
    TooDeep { limit: usize },
    /// More nodes than [`Limits::max_nodes`].
    #[error("the document has more than {limit} nodes")]
    TooManyNodes { limit: u32 },
}

/// Checks the size and the encoding of raw input and returns it as text.
pub fn decode<'a>(bytes: &'a [u8], limits: &Limits) -> Result<&'a str, ReadError> {
    if bytes.len() > limits.max_bytes {
        return Err(ReadError::TooLarge {
            size: bytes.len(),
            limit: limits.max_bytes,
        });
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(ReadError::Utf16);
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|e| ReadError::NotUtf8 {
        offset: e.valid_up_to(),
    })
}

/// Parses text into a tree under the [module's](self) rules.
pub fn parse<'a>(text: &'a str, limits: &Limits) -> Result<Document<'a>, ReadError> {
    if text.len() > limits.max_bytes {
        return Err(ReadError::TooLarge {
            size: text.len(),
            limit: limits.max_bytes,
        });
    }
    let options = ParsingOptions {
        allow_dtd: false,
        nodes_limit: limits.max_nodes,
        ..ParsingOptions::default()
    };
    let doc = Document::parse_with_options(text, options).map_err(|e| match e {
        roxmltree::Error::DtdDetected => ReadError::Dtd,
        roxmltree::Error::NodesLimitReached => ReadError::TooManyNodes {
            limit: limits.max_nodes,
        },
        other => {
            let pos = other.pos();
            ReadError::Malformed {
                message: other.to_string(),
                line: pos.row,
                column: pos.col,
            }
        }
    })?;
    check_depth(&doc, limits.max_depth)?;
    Ok(doc)
}

/// Decodes and parses in one step.
pub fn read<'a>(bytes: &'a [u8], limits: &Limits) -> Result<Document<'a>, ReadError> {
    parse(decode(bytes, limits)?, limits)
}

/// Measures every element's depth in one pass in document order (a parent comes before its
/// children), without recursion, so a deep document cannot overflow the stack here.
fn check_depth(doc: &Document<'_>, limit: usize) -> Result<(), ReadError> {
    let mut depths = vec![0usize; doc.descendants().count()];
    for node in doc.descendants() {
        let parent = node.parent().map_or(0, |p| depths[p.id().get_usize()]);
        let depth = parent + usize::from(node.is_element());
        if depth > limit {
            return Err(ReadError::TooDeep { limit });
        }
        depths[node.id().get_usize()] = depth;
    }
    Ok(())
}

/// What a UBL reader needs from a tree node, on top of `roxmltree`: names given as
/// `prefix:local` with the fixed prefixes (`cbc:ID`), and official location paths.
pub trait UblNode<'a, 'input: 'a>: Sized {
    /// Whether this is the element `qname` (`cac:InvoiceLine`), whatever prefix the document
    /// used for its namespace.
    fn is(&self, qname: &str) -> bool;
    /// The first child element named `qname`.
    fn child(&self, qname: &str) -> Option<Node<'a, 'input>>;
    /// The child elements named `qname`, in document order.
    fn children_named<'q>(&self, qname: &'q str) -> impl Iterator<Item = Node<'a, 'input>> + 'q
    where
        'a: 'q;
    /// The XPath string value: the text of every descendant text node, concatenated.
    fn string_value(&self) -> String;
    /// `/ubl:Invoice[1]/cac:InvoiceLine[2]/cbc:ID[1]`: the path from the document element
    /// `top` (which must be this node or an ancestor) to this node, each step with its
    /// position among the same-named siblings; attributes end in `/@name`.
    fn location(&self, top: Node<'a, 'input>) -> String;
}

/// Splits `cbc:ID` into the namespace of `cbc` and `ID`; a name without a known prefix has no
/// namespace.
fn split(qname: &str) -> (Option<&'static str>, &str) {
    match qname.split_once(':') {
        Some((prefix, local)) => (namespace_of(prefix), local),
        None => (None, qname),
    }
}

fn matches(node: &Node<'_, '_>, namespace: Option<&str>, local: &str) -> bool {
    node.is_element() && node.tag_name().name() == local && node.tag_name().namespace() == namespace
}

impl<'a, 'input: 'a> UblNode<'a, 'input> for Node<'a, 'input> {
    fn is(&self, qname: &str) -> bool {
        let (ns, local) = split(qname);
        matches(self, ns, local)
    }

    fn child(&self, qname: &str) -> Option<Node<'a, 'input>> {
        let (ns, local) = split(qname);
        self.children().find(|c| matches(c, ns, local))
    }

    fn children_named<'q>(&self, qname: &'q str) -> impl Iterator<Item = Node<'a, 'input>> + 'q
    where
        'a: 'q,
    {
        let (ns, local) = split(qname);
        self.children().filter(move |c| matches(c, ns, local))
    }

    fn string_value(&self) -> String {
        match self.node_type() {
            NodeType::Text => self.text().unwrap_or_default().to_owned(),
            _ => self
                .descendants()
                .filter(Node::is_text)
                .filter_map(|n| n.text())
                .collect(),
        }
    }

    fn location(&self, top: Node<'a, 'input>) -> String {
        let mut steps: Vec<Node<'a, 'input>> = Vec::new();
        let mut at = Some(*self);
        while let Some(n) = at {
            if n.is_element() {
                steps.push(n);
            }
            if n == top {
                break;
            }
            at = n.parent();
        }
        let mut out = String::new();
        for n in steps.iter().rev() {
            out.push('/');
            step(&mut out, n);
        }
        out
    }
}

/// The location of an attribute of `owner` (`…/cbc:Amount[1]/@currencyID`).
pub fn attribute_location<'a, 'input: 'a>(
    owner: Node<'a, 'input>,
    top: Node<'a, 'input>,
    attribute: &str,
) -> String {
    format!("{}/@{attribute}", owner.location(top))
}

fn step(out: &mut String, n: &Node<'_, '_>) {
    let name = n.tag_name();
    let position = n
        .prev_siblings()
        .filter(|s| s.is_element() && s.tag_name() == name)
        .count();
    match name.namespace() {
        Some(ns) => match prefix_of(ns) {
            Some(prefix) => {
                let _ = write!(out, "{prefix}:{}[{position}]", name.name());
            }
            None => {
                let _ = write!(out, "Q{{{ns}}}{}[{position}]", name.name());
            }
        },
        None => {
            let _ = write!(out, "{}[{position}]", name.name());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const INVOICE: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<x:Invoice xmlns:x="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
    xmlns:a="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
    xmlns:b="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
  <b:ID>F1</b:ID>
  <a:InvoiceLine><b:ID>1</b:ID></a:InvoiceLine>
  <a:InvoiceLine><b:ID>2<!-- two -->0</b:ID><b:Note>x &amp; y</b:Note></a:InvoiceLine>
</x:Invoice>"#;

    #[test]
    fn any_prefix_is_understood_and_locations_use_the_official_ones() {
        let doc = parse(INVOICE, &Limits::default()).unwrap();
        let root = doc.root_element();
        assert!(root.is("ubl:Invoice"));
        let lines: Vec<_> = root.children_named("cac:InvoiceLine").collect();
        assert_eq!(lines.len(), 2);
        let id = lines[1].child("cbc:ID").unwrap();
        assert_eq!(id.string_value(), "20");
        assert_eq!(
            id.location(root),
            "/ubl:Invoice[1]/cac:InvoiceLine[2]/cbc:ID[1]"
        );
        assert_eq!(lines[1].child("cbc:Note").unwrap().string_value(), "x & y");
        assert_eq!(
            attribute_location(id, root, "schemeID"),
            "/ubl:Invoice[1]/cac:InvoiceLine[2]/cbc:ID[1]/@schemeID"
        );
    }

    #[test]
    fn entity_tricks_and_dtds_are_refused() {
        let laughs = r#"<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">]>
<Invoice>&lol2;</Invoice>"#;
        assert_eq!(
            parse(laughs, &Limits::default()).unwrap_err(),
            ReadError::Dtd
        );
        let external = r#"<?xml version="1.0"?>
<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><x>&xxe;</x>"#;
        assert_eq!(
            parse(external, &Limits::default()).unwrap_err(),
            ReadError::Dtd
        );
        let undeclared = "<x>&xxe;</x>";
        assert!(matches!(
            parse(undeclared, &Limits::default()),
            Err(ReadError::Malformed { .. })
        ));
    }

    #[test]
    fn size_depth_nodes_and_encoding_are_bounded() {
        let limits = Limits {
            max_bytes: 100,
            ..Limits::default()
        };
        assert!(matches!(
            decode(&[b' '; 101], &limits),
            Err(ReadError::TooLarge { size: 101, .. })
        ));
        let deep = format!("{}{}", "<a>".repeat(100_000), "</a>".repeat(100_000));
        assert_eq!(
            parse(&deep, &Limits::default()).unwrap_err(),
            ReadError::TooDeep { limit: 100 }
        );
        let wide = format!("<a>{}</a>", "<b/>".repeat(50));
        let few = Limits {
            max_nodes: 10,
            ..Limits::default()
        };
        assert_eq!(
            parse(&wide, &few).unwrap_err(),
            ReadError::TooManyNodes { limit: 10 }
        );
        assert_eq!(
            decode(b"<a>\xC3\x28</a>", &Limits::default()).unwrap_err(),
            ReadError::NotUtf8 { offset: 3 }
        );
        assert_eq!(
            decode(b"\xFF\xFE<\x00", &Limits::default()).unwrap_err(),
            ReadError::Utf16
        );
        assert_eq!(
            decode(b"\xEF\xBB\xBF<a/>", &Limits::default()).unwrap(),
            "<a/>"
        );
    }
}
