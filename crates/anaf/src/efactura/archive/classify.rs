//! What an entry holds, judged by its root element.

use roxmltree::Node;

use super::{Content, ErrorReport, InvoiceSyntax};
use crate::efactura::status::error_messages;
use crate::efactura::{Finding, NS_ERROR_REPORT, NS_XMLDSIG};

/// Classifies unpacked bytes: XML by its root element, anything else as binary.
pub(super) fn classify(bytes: &[u8], max_bytes: u64) -> Content {
    if !looks_like_xml(bytes) {
        return Content::Binary;
    }
    let limits = ubl::xml::Limits {
        max_bytes: usize::try_from(max_bytes).unwrap_or(usize::MAX),
        ..ubl::xml::Limits::default()
    };
    let doc = match ubl::xml::read(bytes, &limits) {
        Ok(doc) => doc,
        Err(err) => {
            return Content::Unreadable {
                reason: err.to_string(),
            };
        }
    };
    let root = doc.root_element();
    let name = root.tag_name().name();
    let namespace = root.tag_name().namespace();
    match (namespace, name) {
        (Some(ubl::xml::NS_INVOICE), "Invoice") => Content::Invoice(InvoiceSyntax::UblInvoice),
        (Some(ubl::xml::NS_CREDIT_NOTE), "CreditNote") => {
            Content::Invoice(InvoiceSyntax::UblCreditNote)
        }
        (Some(ubl::xml::NS_CII), "CrossIndustryInvoice") => Content::Invoice(InvoiceSyntax::Cii),
        (Some(NS_XMLDSIG), "Signature") => Content::Signature,
        (Some(NS_ERROR_REPORT), "header") => Content::ErrorReport(error_report(root)),
        _ => Content::OtherXml {
            root: name.to_owned(),
            namespace: namespace.map(str::to_owned),
        },
    }
}

fn error_report(root: Node<'_, '_>) -> ErrorReport {
    ErrorReport {
        upload_index: attribute(root, "Index_incarcare").and_then(|i| i.parse().ok()),
        issuer_cif: attribute(root, "Cif_emitent").map(|c| c.trim().to_owned()),
        findings: error_messages(root)
            .iter()
            .map(|m| Finding::parse(m))
            .collect(),
    }
}

/// An attribute by name, ANAF's capitalisation or lower case.
fn attribute<'a>(node: Node<'a, '_>, name: &str) -> Option<&'a str> {
    node.attributes()
        .find(|a| a.name().eq_ignore_ascii_case(name))
        .map(|a| a.value())
}

/// Whether the bytes start like XML: `<` after an optional byte-order mark and whitespace.
/// UTF-16 byte-order marks count too, so that such entries are reported as unreadable.
fn looks_like_xml(bytes: &[u8]) -> bool {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return true;
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    bytes
        .iter()
        .find(|b| !b.is_ascii_whitespace())
        .is_some_and(|&b| b == b'<')
}
