//! Every UBL `Invoice` and `CreditNote` of the conformance corpus reads without error, and
//! its number (BT-1), total with VAT (BT-112) and line count match the XML.
//!
//! The corpus lives outside the repository: `FACTURO_CONFORMANCE`, or
//! `../shared/conformance` beside the workspace. Without it the test prints "skipped".

use std::path::{Path, PathBuf};

use einvoice::model::DocumentKind;
use pretty_assertions::assert_eq;
use roxmltree::Node;
use rust_decimal::Decimal;
use ubl::xml::{self, Limits, UblNode};

fn conformance() -> Option<PathBuf> {
    let dir = match std::env::var_os("FACTURO_CONFORMANCE") {
        Some(dir) => PathBuf::from(dir),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/conformance"),
    };
    dir.join("corpus").is_dir().then_some(dir)
}

fn xml_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            xml_files(&path, out);
        } else if path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("xml"))
        {
            out.push(path);
        }
    }
}

fn child_text(node: Node<'_, '_>, qname: &str) -> Option<String> {
    node.child(qname).map(|c| c.string_value())
}

/// Counts of what the corpus walk saw.
#[derive(Debug, Default)]
struct Counts {
    invoices: usize,
    credit_notes: usize,
    lines: usize,
    documents_with_issues: usize,
    not_ubl: usize,
    not_xml: usize,
}

#[test]
fn every_ubl_document_of_the_corpus_reads() {
    let Some(dir) = conformance() else {
        println!("skipped: no conformance corpus (set FACTURO_CONFORMANCE)");
        return;
    };
    let mut files = Vec::new();
    xml_files(&dir.join("corpus"), &mut files);
    let mut counts = Counts::default();
    for path in &files {
        let bytes = std::fs::read(path).expect("read a corpus file");
        let Ok(doc) = xml::read(&bytes, &Limits::default()) else {
            counts.not_xml += 1;
            continue;
        };
        let root = doc.root_element();
        let kind = if root.is("ubl:Invoice") {
            DocumentKind::Invoice
        } else if root.is("cn:CreditNote") {
            DocumentKind::CreditNote
        } else {
            // VEFA testSets, CII, FatturaPA, KSeF, KoSIT assertions: not for this reader.
            counts.not_ubl += 1;
            assert!(
                matches!(ubl::read(&bytes), Err(ubl::ReadError::NotUbl { .. })),
                "{}",
                path.display()
            );
            continue;
        };
        let read = ubl::read(&bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let inv = &read.invoice;
        let at = path.display();
        assert_eq!(inv.kind, kind, "{at}");
        assert_eq!(
            inv.number,
            child_text(root, "cbc:ID").unwrap_or_default(),
            "{at}"
        );
        let line_name = match kind {
            DocumentKind::Invoice => "cac:InvoiceLine",
            DocumentKind::CreditNote => "cac:CreditNoteLine",
        };
        assert_eq!(
            inv.lines.len(),
            root.children_named(line_name).count(),
            "{at}"
        );
        let inclusive = root
            .child("cac:LegalMonetaryTotal")
            .and_then(|t| child_text(t, "cbc:TaxInclusiveAmount"))
            .and_then(|t| t.trim().parse::<Decimal>().ok());
        assert_eq!(inv.totals.tax_inclusive, inclusive, "{at}");
        match kind {
            DocumentKind::Invoice => counts.invoices += 1,
            DocumentKind::CreditNote => counts.credit_notes += 1,
        }
        counts.lines += inv.lines.len();
        if !read.issues.is_empty() {
            counts.documents_with_issues += 1;
            println!(
                "{at}: {} issue(s), e.g. {}",
                read.issues.len(),
                read.issues[0]
            );
        }
    }
    println!("{} files: {counts:?}", files.len());
    assert!(counts.invoices > 100, "{counts:?}");
    assert!(counts.credit_notes > 5, "{counts:?}");
}

/// The ANAF examples, value by value where it matters for Romania.
#[test]
fn anaf_examples_spot_checks() {
    let Some(dir) = conformance() else {
        println!("skipped: no conformance corpus (set FACTURO_CONFORMANCE)");
        return;
    };
    let read = |name: &str| {
        let path = dir.join("corpus/cius-ro").join(name);
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        ubl::read(&bytes).expect("reads")
    };
    let dec = |s: &str| s.parse::<Decimal>().expect("decimal");

    let one = read("anaf-ubl-examples/ubl_b2g_example1.xml");
    let inv = &one.invoice;
    assert!(one.issues.is_empty(), "{:?}", one.issues);
    assert_eq!(inv.number, "12115118");
    assert_eq!(inv.customization_id, ubl::CIUS_RO);
    assert_eq!(inv.buyer.address.city.as_deref(), Some("SECTOR5"));
    assert_eq!(
        inv.buyer.address.country_subdivision.as_deref(),
        Some("RO-B")
    );
    assert_eq!(
        inv.seller.address.country_subdivision.as_deref(),
        Some("RO-AB")
    );
    assert_eq!(inv.seller.vat_id.as_deref(), Some("RO1111111111118"));
    // An empty TaxScheme still gives the buyer's VAT identifier.
    assert_eq!(inv.buyer.vat_id.as_deref(), Some("8609468"));
    assert_eq!(inv.totals.payable, Some(dec("250.33")));
    assert_eq!(inv.vat_breakdown.len(), 2);
    let payment = inv.payment_instructions.as_ref().expect("payment means");
    assert_eq!(payment.credit_transfers.len(), 2);
    assert_eq!(
        payment.credit_transfers[1].account_id,
        "NL03 INGB 0004489902"
    );

    let four = read("anaf-ubl-examples/ubl_b2g_example4.xml");
    let inv = &four.invoice;
    assert_eq!(inv.currency, "DKK");
    assert_eq!(inv.vat_accounting_currency.as_deref(), Some("RON"));
    assert_eq!(inv.totals.vat_total, Some(dec("305.00")));
    assert_eq!(inv.totals.vat_total_accounting, Some(dec("628.62")));
    assert_eq!(inv.charges.len(), 1);
    assert_eq!(inv.lines.len(), 2);

    let credit = read("anaf-exemple_Invoice_CreditNote/creditNote_ex.xml");
    assert_eq!(credit.invoice.kind, DocumentKind::CreditNote);
    assert!(!credit.invoice.lines.is_empty());
}
