//! Archive tests: ANAF's two layouts, extra and missing entries, bad XML inside, ZIP bombs.

use std::io::{Cursor, Write};

use pretty_assertions::assert_eq;
use time::macros::date;
use zip::CompressionMethod;
use zip::write::SimpleFileOptions;

use super::*;
use crate::Error;
use crate::efactura::{Duplicate, NS_ERROR_REPORT};

/// A ZIP of `(name, bytes)` entries, deflated.
fn zip(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .large_file(true);
    for (name, bytes) in entries {
        writer.start_file(*name, options).unwrap();
        writer.write_all(bytes).unwrap();
    }
    writer.finish().unwrap().into_inner()
}

const SIGNATURE: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<Signature xmlns="http://www.w3.org/2000/09/xmldsig#"><SignedInfo/>
<SignatureValue>AAAA</SignatureValue><KeyInfo><X509Data><X509Certificate>MIIB</X509Certificate></X509Data></KeyInfo></Signature>"#;

const INVOICE: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
  xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
  <cbc:ID>FCT-1</cbc:ID></Invoice>"#;

fn error_report() -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<header xmlns="{NS_ERROR_REPORT}" Index_incarcare="5001120362" Cif_emitent="8000000000">
  <Error errorMessage="E: validari globale  SCHEMATRON   eroare: [BR-RO-110]-Daca Codul tarii vanzatorului (BT-40) este  RO"/>
  <Error errorMessage="E: AccountingSupplierParty (1) sectiune Party (1)  eroare regula: R_BT_32_cui: Cui vanzator incorect / validare CUI (1234) "/>
  <Error errorMessage="Factura a mai fost transmisa anterior cu index=5001120300 si data incarcare=2024-03-18"/>
</header>"#
    )
}

/// One of ANAF's published example documents, or `None` (with a note) when the spec folder
/// is not there.
fn example(name: &str) -> Option<Vec<u8>> {
    let path = format!("/work/shared/spec/anaf-openapi/{name}");
    match std::fs::read(&path) {
        Ok(bytes) => Some(bytes),
        Err(err) => {
            eprintln!("skipping the {name} case: cannot read {path}: {err}");
            None
        }
    }
}

#[test]
fn an_accepted_invoice_archive_holds_the_invoice_and_the_signature() {
    let invoice = example("example_UBL.xml").unwrap_or_else(|| INVOICE.as_bytes().to_vec());
    let bytes = zip(&[
        ("5001120362.xml", &invoice),
        ("semnatura_5001120362.xml", SIGNATURE.as_bytes()),
    ]);
    let archive = parse(&bytes).unwrap();
    let entry = archive.invoice().expect("the invoice");
    assert_eq!(entry.name, "5001120362.xml");
    assert_eq!(entry.bytes, invoice);
    assert_eq!(entry.content, Content::Invoice(InvoiceSyntax::UblInvoice));
    assert_eq!(
        archive.signature().map(|e| e.name.as_str()),
        Some("semnatura_5001120362.xml")
    );
    assert_eq!(archive.error_report(), None);
    assert_eq!(archive.missing(), vec![]);
    assert!(archive.extras().is_empty());
}

#[test]
fn credit_notes_and_cii_invoices_are_invoices_too() {
    let credit_note = example("example_FCN.xml");
    let cii = example("example_CII.xml");
    for (bytes, syntax) in [
        (credit_note, InvoiceSyntax::UblCreditNote),
        (cii, InvoiceSyntax::Cii),
    ] {
        let Some(bytes) = bytes else { continue };
        let archive = parse(&zip(&[("1.xml", &bytes)])).unwrap();
        assert_eq!(archive.entries[0].content, Content::Invoice(syntax));
        assert_eq!(archive.missing(), vec![Part::Signature]);
    }
}

#[test]
fn a_rejection_archive_holds_the_error_report_with_parsed_findings() {
    let report = error_report();
    let bytes = zip(&[
        ("5001120362.xml", report.as_bytes()),
        ("semnatura_5001120362.xml", SIGNATURE.as_bytes()),
    ]);
    let archive = parse(&bytes).unwrap();
    assert_eq!(archive.invoice(), None);
    assert_eq!(archive.missing(), vec![]);
    let report = archive.error_report().expect("the error report");
    assert_eq!(report.upload_index, Some(UploadIndex(5_001_120_362)));
    assert_eq!(report.issuer_cif.as_deref(), Some("8000000000"));
    let rules: Vec<_> = report.findings.iter().map(|f| f.rule_id.as_deref()).collect();
    assert_eq!(rules, [Some("BR-RO-110"), Some("R_BT_32_cui"), None]);
    assert_eq!(
        report.findings[2].duplicate,
        Some(Duplicate {
            index: UploadIndex(5_001_120_300),
            date: Some(date!(2024 - 03 - 18)),
        })
    );
}

#[test]
fn entries_are_classified_by_root_element_not_by_name() {
    let bytes = zip(&[
        ("semnatura_1.xml", INVOICE.as_bytes()),
        ("factura.xml", SIGNATURE.as_bytes()),
    ]);
    let archive = parse(&bytes).unwrap();
    assert_eq!(archive.invoice().map(|e| e.name.as_str()), Some("semnatura_1.xml"));
    assert_eq!(archive.signature().map(|e| e.name.as_str()), Some("factura.xml"));
}

#[test]
fn extra_entries_are_kept_with_their_names() {
    let bytes = zip(&[
        ("1.xml", INVOICE.as_bytes()),
        ("semnatura_1.xml", SIGNATURE.as_bytes()),
        ("factura.pdf", b"%PDF-1.4 ..."),
        ("nested.zip", &zip(&[("x.xml", b"<x/>")])),
        ("note.xml", b"<nota xmlns=\"urn:x\">hi</nota>"),
        ("folder/", b""),
    ]);
    let archive = parse(&bytes).unwrap();
    assert_eq!(archive.missing(), vec![]);
    let extras: Vec<_> = archive
        .extras()
        .iter()
        .map(|e| (e.name.as_str(), e.content.clone()))
        .collect();
    assert_eq!(
        extras,
        [
            ("factura.pdf", Content::Binary),
            ("nested.zip", Content::Binary),
            (
                "note.xml",
                Content::OtherXml {
                    root: "nota".into(),
                    namespace: Some("urn:x".into())
                }
            ),
        ]
    );
}

#[test]
fn missing_parts_are_reported() {
    let only_signature = parse(&zip(&[("semnatura_1.xml", SIGNATURE.as_bytes())])).unwrap();
    assert_eq!(only_signature.missing(), vec![Part::Document]);
    let empty = parse(&zip(&[])).unwrap();
    assert_eq!(empty.missing(), vec![Part::Document, Part::Signature]);
}

#[test]
fn malformed_xml_and_dtds_inside_are_unreadable_entries_not_failures() {
    let dtd = br#"<?xml version="1.0"?><!DOCTYPE Invoice [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]>
<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2">&lol2;</Invoice>"#;
    let bytes = zip(&[
        ("1.xml", b"<Invoice><unclosed></Invoice>"),
        ("2.xml", dtd),
        ("3.xml", b"\xff\xfe<\x00x\x00/\x00>\x00"),
        ("semnatura_1.xml", SIGNATURE.as_bytes()),
    ]);
    let archive = parse(&bytes).unwrap();
    assert_eq!(archive.missing(), vec![Part::Document]);
    let reasons: Vec<_> = archive.entries[..3]
        .iter()
        .map(|e| match &e.content {
            Content::Unreadable { reason } => reason.clone(),
            other => panic!("{} is {other:?}", e.name),
        })
        .collect();
    assert!(reasons[0].contains("not well-formed"), "{}", reasons[0]);
    assert!(reasons[1].contains("DOCTYPE"), "{}", reasons[1]);
    assert!(reasons[2].contains("UTF-16"), "{}", reasons[2]);
}

#[test]
fn a_zip_bomb_is_refused_by_its_compression_ratio() {
    let zeros = vec![0u8; 9 * 1024 * 1024];
    let err = parse(&zip(&[("bomb.xml", &zeros)])).unwrap_err();
    assert!(
        matches!(&err, Error::Archive(ArchiveError::CompressionRatio { name, max: 200, .. }) if name == "bomb.xml"),
        "{err:?}"
    );
    assert!(!err.is_transient());
}

#[test]
fn entries_and_totals_over_the_limits_are_refused() {
    let limits = Limits {
        max_entry_bytes: 1000,
        max_total_bytes: 1500,
        ..Limits::default()
    };
    let big = vec![b'a'; 1001];
    let err = parse_with(&zip(&[("big.xml", &big)]), &limits).unwrap_err();
    assert!(
        matches!(&err, Error::Archive(ArchiveError::EntryTooLarge { max: 1000, .. })),
        "{err:?}"
    );
    let half = vec![b'a'; 800];
    let err = parse_with(&zip(&[("a", &half), ("b", &half)]), &limits).unwrap_err();
    assert!(
        matches!(&err, Error::Archive(ArchiveError::TooLarge { max: 1500 })),
        "{err:?}"
    );
    let many: Vec<(String, &[u8])> = (0..33).map(|i| (format!("{i}.xml"), &b"<x/>"[..])).collect();
    let many: Vec<(&str, &[u8])> = many.iter().map(|(n, b)| (n.as_str(), *b)).collect();
    let err = parse(&zip(&many)).unwrap_err();
    assert!(
        matches!(&err, Error::Archive(ArchiveError::TooManyEntries { count: 33, max: 32 })),
        "{err:?}"
    );
}

#[test]
fn what_is_not_a_zip_is_refused() {
    for bytes in [&b""[..], b"PK\x03\x04 truncated", br#"{"eroare":"x"}"#] {
        let err = parse(bytes).unwrap_err();
        assert!(matches!(err, Error::Archive(ArchiveError::NotZip(_))), "{err:?}");
    }
}
