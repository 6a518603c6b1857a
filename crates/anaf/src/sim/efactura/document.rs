//! What the simulator reads in an uploaded document: ANAF's synchronous schema check, the
//! parties and invoice key, and the business findings in ANAF's wording.

use roxmltree::{Document, Node};
use time::{Date, Month};
use ubl::xml::{self, Limits, ReadError, UblNode};

use super::store::Parties;
use crate::efactura::{NS_RASP, Standard};

/// The reader's bounds: sizes are checked before, with ANAF's wording.
fn limits() -> Limits {
    Limits {
        max_bytes: usize::MAX,
        ..Limits::default()
    }
}

/// The element a `standard` must have as its root: namespace and local name.
fn expected_root(standard: Standard) -> (&'static str, &'static str) {
    match standard {
        Standard::Ubl => (xml::NS_INVOICE, "Invoice"),
        Standard::CreditNote => (xml::NS_CREDIT_NOTE, "CreditNote"),
        Standard::Cii => (xml::NS_CII, "CrossIndustryInvoice"),
        Standard::Rasp => (NS_RASP, "header"),
    }
}

/// ANAF's upload error for a schema problem at `line`/`column` (Xerces' wording, through
/// ANAF's prefix; the trailing space is ANAF's).
fn sax(line: u32, column: u32, detail: &str) -> String {
    format!(
        "Fisierul transmis nu este valid. org.xml.sax.SAXParseException; lineNumber: {line}; \
         columnNumber: {column}; {detail} "
    )
}

/// The synchronous check ANAF makes at upload (tax-apis.md §1.3 step 1): well-formed XML,
/// the root element `standard` calls for, and for UBL what the UBL 2.1 schema enforces.
/// `Err` is the `Errors errorMessage` text; like a SAX parser, only the first problem is told.
pub(crate) fn schema_check(standard: Standard, bytes: &[u8]) -> Result<(), String> {
    let doc = xml::read(bytes, &limits()).map_err(|e| unreadable(&e))?;
    let root = doc.root_element();
    let (namespace, name) = expected_root(standard);
    if root.tag_name().namespace() != Some(namespace) || root.tag_name().name() != name {
        let pos = doc.text_pos_at(root.range().start);
        return Err(sax(
            pos.row,
            pos.col,
            &format!(
                "cvc-elt.1.a: Cannot find the declaration of element '{}'.",
                qualified_name(root)
            ),
        ));
    }
    match standard {
        Standard::Ubl | Standard::CreditNote => {
            let findings = rules::check(root, rules::RuleSet::XsdUbl);
            match findings.iter().find(|f| f.severity.is_blocking()) {
                Some(finding) => {
                    let (line, column) = position_of(&doc, root, &finding.location);
                    Err(sax(line, column, &finding.message.en))
                }
                None => Ok(()),
            }
        }
        Standard::Rasp => rasp_check(root),
        Standard::Cii => Ok(()),
    }
}

/// A RASP `header` needs a numeric `index_incarcare` and a `message`.
fn rasp_check(root: Node<'_, '_>) -> Result<(), String> {
    let pos = root.document().text_pos_at(root.range().start);
    for attribute in ["index_incarcare", "message"] {
        if root.attribute(attribute).is_none() {
            return Err(sax(
                pos.row,
                pos.col,
                &format!(
                    "cvc-complex-type.4: Attribute '{attribute}' must appear on element 'header'."
                ),
            ));
        }
    }
    let index = root.attribute("index_incarcare").unwrap_or_default();
    if index.is_empty() || !index.bytes().all(|b| b.is_ascii_digit()) {
        return Err(sax(
            pos.row,
            pos.col,
            &format!("cvc-datatype-valid.1.2.1: '{index}' is not a valid value for 'integer'."),
        ));
    }
    Ok(())
}

/// The Xerces-like text of a document that cannot be read.
fn unreadable(error: &ReadError) -> String {
    match error {
        ReadError::Malformed {
            message,
            line,
            column,
        } => sax(*line, *column, message),
        ReadError::Dtd => sax(
            1,
            1,
            "DOCTYPE is disallowed when the feature \"http://apache.org/xml/features/\
             disallow-doctype-decl\" set to true.",
        ),
        other => sax(1, 1, &other.to_string()),
    }
}

/// `prefix:local` as the document wrote it.
fn qualified_name(node: Node<'_, '_>) -> String {
    let name = node.tag_name();
    let prefix = name
        .namespace()
        .and_then(|ns| node.lookup_prefix(ns))
        .filter(|p| !p.is_empty());
    match prefix {
        Some(prefix) => format!("{prefix}:{}", name.name()),
        None => name.name().to_owned(),
    }
}

/// Line and column of the element a finding's location names (its attribute's owner), or
/// the document's start.
fn position_of(doc: &Document<'_>, root: Node<'_, '_>, location: &str) -> (u32, u32) {
    let path = location.split("/@").next().unwrap_or(location);
    doc.descendants()
        .filter(Node::is_element)
        .find(|n| n.location(root) == path)
        .map_or((1, 1), |n| {
            let pos = doc.text_pos_at(n.range().start);
            (pos.row, pos.col)
        })
}

/// What processing learns from a document that passed [`schema_check`].
#[derive(Debug, Clone, Default)]
pub(crate) struct Examined {
    pub(crate) parties: Parties,
    /// The blocking business findings, in ANAF's wording.
    pub(crate) errors: Vec<String>,
}

/// Reads the parties and, for UBL, runs the business rules with the `rules` crate.
pub(crate) fn examine(standard: Standard, bytes: &[u8]) -> Examined {
    let Ok(doc) = xml::read(bytes, &limits()) else {
        return Examined::default();
    };
    let root = doc.root_element();
    match standard {
        Standard::Ubl | Standard::CreditNote => Examined {
            parties: ubl_parties(root),
            errors: rules::validate(bytes)
                .findings
                .iter()
                .filter(|f| f.severity.is_blocking())
                .map(anaf_message)
                .collect(),
        },
        Standard::Cii => Examined {
            parties: cii_parties(root),
            errors: Vec::new(),
        },
        Standard::Rasp => Examined {
            parties: Parties {
                answers: root
                    .attribute("index_incarcare")
                    .and_then(|i| i.parse().ok()),
                ..Parties::default()
            },
            errors: Vec::new(),
        },
    }
}

/// A finding as ANAF's error report writes a schematron failure: CIUS-RO rules in
/// Romanian, EN 16931 rules in English (ANAF's copy of them is English).
pub(crate) fn anaf_message(finding: &rules::Finding) -> String {
    let text = if finding.rule.starts_with("BR-RO") {
        &finding.message.ro
    } else {
        &finding.message.en
    };
    format!(
        "E: validari globale  SCHEMATRON   eroare: [{}]-{text}",
        finding.rule
    )
}

fn ubl_parties(root: Node<'_, '_>) -> Parties {
    let party = |role: &str| {
        root.child(role)
            .and_then(|r| r.child("cac:Party"))
            .and_then(ubl_cif)
    };
    Parties {
        seller: party("cac:AccountingSupplierParty"),
        buyer: party("cac:AccountingCustomerParty"),
        number: root
            .child("cbc:ID")
            .map(|n| n.string_value().trim().to_owned())
            .unwrap_or_default(),
        issue_date: root
            .child("cbc:IssueDate")
            .and_then(|n| iso_date(n.string_value().trim())),
        answers: None,
    }
}

/// The Romanian CIF of a UBL party: its VAT id without `RO`, else a numeric legal or party id.
fn ubl_cif(party: Node<'_, '_>) -> Option<u64> {
    let candidates = party
        .children_named("cac:PartyTaxScheme")
        .filter_map(|s| s.child("cbc:CompanyID"))
        .chain(
            party
                .children_named("cac:PartyLegalEntity")
                .filter_map(|e| e.child("cbc:CompanyID")),
        )
        .chain(
            party
                .children_named("cac:PartyIdentification")
                .filter_map(|i| i.child("cbc:ID")),
        );
    candidates
        .map(|n| n.string_value())
        .find_map(|text| cif_of(&text))
}

/// The first element below `node` (or `node` itself) with local name `name`.
fn local<'a, 'input>(node: Node<'a, 'input>, name: &str) -> Option<Node<'a, 'input>> {
    node.descendants()
        .find(|n| n.is_element() && n.tag_name().name() == name)
}

fn cii_parties(root: Node<'_, '_>) -> Parties {
    let party = |role: &str| {
        local(root, role).and_then(|p| {
            p.descendants()
                .filter(|n| n.is_element() && n.tag_name().name() == "SpecifiedTaxRegistration")
                .filter_map(|r| local(r, "ID"))
                .find_map(|id| cif_of(id.text().unwrap_or_default()))
        })
    };
    let document = local(root, "ExchangedDocument");
    Parties {
        seller: party("SellerTradeParty"),
        buyer: party("BuyerTradeParty"),
        number: document
            .and_then(|d| local(d, "ID"))
            .and_then(|n| n.text())
            .map(|t| t.trim().to_owned())
            .unwrap_or_default(),
        issue_date: document
            .and_then(|d| local(d, "DateTimeString"))
            .and_then(|n| n.text())
            .and_then(|t| compact_date(t.trim())),
        answers: None,
    }
}

/// `RO18547290`, `18547290`, ` ro 185 472 90 ` → 18547290; anything else → `None`.
pub(crate) fn cif_of(text: &str) -> Option<u64> {
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let digits = match compact.get(..2) {
        Some(prefix) if prefix.eq_ignore_ascii_case("RO") => &compact[2..],
        _ => compact.as_str(),
    };
    let valid = (2..=10).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit());
    valid.then(|| digits.parse().ok()).flatten()
}

/// `yyyy-mm-dd`.
fn iso_date(text: &str) -> Option<Date> {
    let mut parts = text.splitn(3, '-');
    let year = parts.next()?.parse().ok()?;
    let month = Month::try_from(parts.next()?.parse::<u8>().ok()?).ok()?;
    let day = parts.next()?.parse().ok()?;
    Date::from_calendar_date(year, month, day).ok()
}

/// `yyyymmdd` (CII format 102).
fn compact_date(text: &str) -> Option<Date> {
    if text.len() != 8 {
        return None;
    }
    iso_date(&format!("{}-{}-{}", &text[..4], &text[4..6], &text[6..]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use pretty_assertions::assert_eq;

    const INVOICE: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
  xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
  <cbc:ID>FCT-1</cbc:ID></Invoice>"#;

    #[test]
    fn a_wrong_root_is_told_as_xerces_tells_it() {
        let err = schema_check(Standard::CreditNote, INVOICE.as_bytes()).unwrap_err();
        assert_eq!(
            err,
            "Fisierul transmis nu este valid. org.xml.sax.SAXParseException; lineNumber: 2; \
             columnNumber: 1; cvc-elt.1.a: Cannot find the declaration of element 'Invoice'. "
        );
        let err = schema_check(Standard::Ubl, b"<Invoice><x></Invoice>").unwrap_err();
        assert!(err.contains("lineNumber: 1"), "{err}");
    }

    #[test]
    fn schema_problems_are_found_synchronously_and_located() {
        let err = schema_check(Standard::Ubl, INVOICE.as_bytes()).unwrap_err();
        assert!(err.starts_with("Fisierul transmis nu este valid."), "{err}");
    }

    #[test]
    fn rasp_messages_need_their_attributes() {
        let ok = format!(r#"<header xmlns="{NS_RASP}" index_incarcare="5" message="x"/>"#);
        assert_eq!(schema_check(Standard::Rasp, ok.as_bytes()), Ok(()));
        let bad = format!(r#"<header xmlns="{NS_RASP}" index_incarcare="a" message="x"/>"#);
        assert!(schema_check(Standard::Rasp, bad.as_bytes()).is_err());
    }

    #[test]
    fn cifs_are_read_with_or_without_ro() {
        assert_eq!(cif_of("RO18547290"), Some(18_547_290));
        assert_eq!(cif_of(" ro 185 472 90"), Some(18_547_290));
        assert_eq!(cif_of("J12/1234/2020"), None);
        assert_eq!(cif_of("1960101123456"), None, "a CNP is no CIF");
        assert_eq!(compact_date("20250915"), iso_date("2025-09-15"));
    }
}
