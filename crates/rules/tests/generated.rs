//! What Facturo writes, the validator accepts: the UBL writer's snapshots (one per case of
//! issue #3: standard, credit note, storno, self-billing, advance deduction, foreign currency,
//! every VAT category, attachments) and typical invoices of 1 to 1,000 lines validate with no
//! finding at all, not even a warning.

#![allow(clippy::unwrap_used)]

#[path = "../../ubl/tests/ubl/fixtures.rs"]
mod fixtures;

use pretty_assertions::assert_eq;

fn findings(xml: &[u8]) -> Vec<(&'static str, String)> {
    rules::validate(xml)
        .findings
        .into_iter()
        .map(|f| (f.rule, f.location))
        .collect()
}

#[test]
fn every_writer_snapshot_validates_without_findings() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../ubl/tests/ubl/snapshots");
    let mut seen = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let xml = std::fs::read(&path).unwrap();
        assert_eq!(findings(&xml), [], "{}", path.display());
        seen += 1;
    }
    assert!(seen >= 12, "the snapshots are there: {seen}");
}

#[test]
fn typical_invoices_of_any_size_validate_without_findings() {
    for lines in [1, 2, 10, 100, 1000] {
        let xml = ubl::write(&fixtures::typical(lines));
        assert_eq!(findings(xml.as_bytes()), [], "{lines} lines");
    }
}
