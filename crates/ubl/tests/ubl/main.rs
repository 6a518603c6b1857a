//! Integration tests of the UBL writer and reader, in one binary.

mod fixtures;

/// Hand-written Romanian documents, one per kind of invoice, against snapshots.
mod cases;
/// Every UBL document of the conformance corpus reads, and its key values match the XML.
mod corpus;
/// The reader never panics, whatever the bytes.
mod fuzz;
/// Model → XML → model is lossless over generated documents.
mod round_trip;
mod strategies;

use std::path::Path;

/// Compares `actual` with `snapshots/<name>.xml`. `UPDATE_SNAPSHOTS=1` rewrites the file,
/// and so does a missing file outside CI.
pub fn assert_snapshot(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/ubl/snapshots")
        .join(format!("{name}.xml"));
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some();
    if update || (!path.exists() && std::env::var_os("CI").is_none()) {
        std::fs::write(&path, actual).expect("write the snapshot");
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("snapshot {}: {e}", path.display()));
    pretty_assertions::assert_eq!(
        expected,
        actual,
        "snapshot {name} differs (UPDATE_SNAPSHOTS=1 rewrites it)"
    );
}
