//! The schema check (`XSD`) on every UBL document of the conformance corpus: it fires exactly
//! where the official schema validation failed, whatever the folder (CEN, CIUS-RO, XRechnung,
//! Peppol, Factur-X samples). The data is found as in `conformance.rs`.

#![allow(clippy::unwrap_used, clippy::print_stdout, clippy::print_stderr)]

use std::path::{Path, PathBuf};
use std::time::Instant;

use rules::RuleSet;
use ubl::xml::{self, Limits};

fn conformance_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("FACTURO_CONFORMANCE").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/conformance"),
        PathBuf::from,
    );
    if dir.join("results/corpus-ids.tsv").is_file() {
        return Some(dir);
    }
    let required = std::env::var("FACTURO_REQUIRE_CONFORMANCE").is_ok_and(|v| v == "1");
    assert!(
        !required,
        "FACTURO_REQUIRE_CONFORMANCE=1 but no conformance data at {}",
        dir.display()
    );
    eprintln!("SKIPPED: no conformance data at {}", dir.display());
    None
}

#[test]
fn xsd_fires_exactly_where_the_official_schema_validation_failed() {
    let Some(dir) = conformance_dir() else { return };
    let table = std::fs::read_to_string(dir.join("results/corpus-ids.tsv")).unwrap();
    let (mut files, mut invalid, mut bytes_total) = (0, 0, 0);
    let mut spent = std::time::Duration::ZERO;
    let mut disagreements = Vec::new();
    for line in table.lines().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        let fatal: Vec<&str> = cols.get(3).unwrap_or(&"").split_whitespace().collect();
        if !cols[1].starts_with("xsd-ubl-") || fatal.contains(&"XML-WELLFORMED") {
            continue;
        }
        let bytes = std::fs::read(dir.join(cols[0])).unwrap();
        let doc = xml::read(&bytes, &Limits::default()).unwrap();
        let start = Instant::now();
        let findings = rules::check(doc.root_element(), RuleSet::XsdUbl);
        spent += start.elapsed();
        files += 1;
        bytes_total += bytes.len();
        let theirs = fatal.contains(&"XSD");
        invalid += usize::from(theirs);
        let ours = findings.iter().any(|f| f.rule == "XSD");
        if theirs {
            for f in &findings {
                println!("{}: {} ({})", cols[0], f.message.en, f.location);
            }
        }
        if ours != theirs {
            let first: Vec<String> = findings
                .iter()
                .take(3)
                .map(|f| format!("{} ({})", f.message.en, f.location))
                .collect();
            disagreements.push(format!(
                "{}: ours {ours}, official {theirs} {first:?}",
                cols[0]
            ));
        }
    }
    println!(
        "{files} UBL files ({invalid} schema-invalid), {} KiB checked in {spent:?}",
        bytes_total / 1024
    );
    assert_eq!(files, 365, "the corpus has 365 well-formed UBL documents");
    assert!(
        disagreements.is_empty(),
        "{} disagreements:\n{}",
        disagreements.len(),
        disagreements.join("\n")
    );
}

/// Not a test: how long the schema check takes on a 20 KB invoice (run with
/// `--ignored --nocapture` in an optimised build).
#[test]
#[ignore = "a measurement, meaningful only in an optimised build"]
fn schema_check_speed() {
    let Some(dir) = conformance_dir() else { return };
    for file in [
        "corpus/peppol-bis3/national-examples/NO/Norwegian-example-1.xml",
        "corpus/xrechnung/testsuite/business-cases/standard/02.05a-INVOICE_ubl.xml",
    ] {
        let bytes = std::fs::read(dir.join(file)).unwrap();
        let doc = xml::read(&bytes, &Limits::default()).unwrap();
        let root = doc.root_element();
        let rounds = 2000;
        let start = Instant::now();
        for _ in 0..rounds {
            std::hint::black_box(rules::check(root, RuleSet::XsdUbl));
        }
        let each = start.elapsed() / rounds;
        let parse_start = Instant::now();
        for _ in 0..rounds / 10 {
            std::hint::black_box(xml::read(&bytes, &Limits::default()).unwrap());
        }
        let parse = parse_start.elapsed() / (rounds / 10);
        println!(
            "{file}: {} bytes, schema check {each:?}, parse {parse:?}",
            bytes.len()
        );
    }
}

/// `src/xsd/tables.rs` is what `src/xsd/gen/tables.py` makes of the schemas: the generator
/// regenerates it in memory and compares (skipped without the schemas or without Python).
#[test]
fn the_schema_tables_are_what_the_generator_makes() {
    let Some(dir) = conformance_dir() else { return };
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/xsd/gen/tables.py");
    let output = std::process::Command::new("python3")
        .arg(&script)
        .arg("--check")
        .arg("--schemas")
        .arg(dir.join("xsd/ubl-2.1"))
        .output();
    let output = match output {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let required = std::env::var("FACTURO_REQUIRE_CONFORMANCE").is_ok_and(|v| v == "1");
            assert!(
                !required,
                "FACTURO_REQUIRE_CONFORMANCE=1 but python3 is missing"
            );
            eprintln!("SKIPPED: no python3 to run {}", script.display());
            return;
        }
        other => other.unwrap(),
    };
    assert!(
        output.status.success(),
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}
