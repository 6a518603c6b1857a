//! Agreement with the official validators, on the conformance data of `../shared/conformance`
//! (its README says how the golden results were made and how to compare with them).
//!
//! The folder is found through `FACTURO_CONFORMANCE`, else `../shared/conformance` beside the
//! clone. When it is absent the tests say they were skipped; with
//! `FACTURO_REQUIRE_CONFORMANCE=1` (set by CI) absence is a failure.
//!
//! Rules not implemented yet are listed in `tests/conformance/unimplemented.txt`; comparisons
//! leave their ids out, and `every_official_rule_is_implemented_or_listed` keeps that list
//! honest (an implemented rule must leave it, an official rule must be in one place or the
//! other).

#![allow(clippy::unwrap_used, clippy::print_stdout, clippy::print_stderr)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use roxmltree::Node;
use rules::{RuleSet, Severity};

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
    eprintln!(
        "SKIPPED: no conformance data at {} (set FACTURO_CONFORMANCE)",
        dir.display()
    );
    None
}

fn set_name(set: RuleSet) -> &'static str {
    match set {
        RuleSet::CiusRo => "cius-ro",
        RuleSet::En16931Ubl => "en16931-ubl",
        RuleSet::XsdUbl => "xsd",
    }
}

/// Rule ids not implemented yet, per set (`cius-ro BR-06`).
fn unimplemented() -> BTreeSet<(String, String)> {
    include_str!("conformance/unimplemented.txt")
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let (set, id) = l.split_once(' ').unwrap();
            (set.to_owned(), id.trim().to_owned())
        })
        .collect()
}

/// Whether findings with `id` are compared for `set`.
fn compared(gaps: &BTreeSet<(String, String)>, set: &str, id: &str) -> bool {
    !gaps.contains(&(set.to_owned(), id.to_owned()))
}

#[test]
fn every_official_rule_is_implemented_or_listed() {
    let Some(dir) = conformance_dir() else { return };
    let table = std::fs::read_to_string(dir.join("results/rule-ids.tsv")).unwrap();
    let official: BTreeSet<(String, String)> = table
        .lines()
        .filter_map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            matches!(cols[0], "cius-ro" | "en16931-ubl")
                .then(|| (cols[0].to_owned(), cols[3].to_owned()))
        })
        .collect();
    let implemented: BTreeSet<(String, String)> = rules::rules()
        .flat_map(|r| {
            [RuleSet::CiusRo, RuleSet::En16931Ubl]
                .into_iter()
                .filter(|s| r.sets.contains(*s))
                .map(|s| (set_name(s).to_owned(), r.id.to_owned()))
        })
        .collect();
    let gaps = unimplemented();
    let both: Vec<_> = implemented.intersection(&gaps).collect();
    assert!(
        both.is_empty(),
        "implemented, so remove from unimplemented.txt: {both:?}"
    );
    let unknown: Vec<_> = implemented.difference(&official).collect();
    assert!(
        unknown.is_empty(),
        "not an official rule of that set: {unknown:?}"
    );
    let missing: Vec<_> = official
        .iter()
        .filter(|r| !implemented.contains(*r) && !gaps.contains(*r))
        .collect();
    assert!(
        missing.is_empty(),
        "neither implemented nor listed: {missing:?}"
    );
    println!(
        "rules implemented: {} of {} ({} listed as not yet)",
        implemented.len(),
        official.len(),
        gaps.len()
    );
}

/// One row of `results/corpus-ids.tsv`.
struct Golden {
    file: String,
    rulesets: String,
    fatal_error: BTreeSet<String>,
    warnings: BTreeSet<String>,
}

fn golden(dir: &Path) -> Vec<Golden> {
    let table = std::fs::read_to_string(dir.join("results/corpus-ids.tsv")).unwrap();
    table
        .lines()
        .skip(1)
        .map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            let ids = |i: usize| {
                cols.get(i)
                    .map(|c| c.split_whitespace().map(str::to_owned).collect())
                    .unwrap_or_default()
            };
            Golden {
                file: cols[0].to_owned(),
                rulesets: cols[1].to_owned(),
                fatal_error: ids(3),
                warnings: ids(4),
            }
        })
        .collect()
}

/// The corpus files whose golden rule sets are the ones implemented here (issue #3: 36
/// files).
const CORPUS_SETS: [&str; 4] = [
    "xsd-ubl-invoice+cius-ro",
    "xsd-ubl-creditnote+cius-ro",
    "xsd-ubl-invoice+en16931-ubl",
    "xsd-ubl-creditnote+en16931-ubl",
];

/// Which set a golden finding's id belongs to, for the unimplemented list.
fn business_set(rulesets: &str) -> &'static str {
    if rulesets.contains("cius-ro") {
        "cius-ro"
    } else {
        "en16931-ubl"
    }
}

/// Keeps the ids that are compared: implemented ones, and `XSD` once schema checks exist.
fn comparable(
    ids: &BTreeSet<String>,
    set: &str,
    gaps: &BTreeSet<(String, String)>,
) -> BTreeSet<String> {
    ids.iter()
        .filter(|id| {
            if *id == "XSD" {
                !gaps.contains(&("xsd".to_owned(), "XSD".to_owned()))
            } else {
                compared(gaps, set, id)
            }
        })
        .cloned()
        .collect()
}

#[test]
fn corpus_files_get_the_official_fatal_and_error_ids() {
    let Some(dir) = conformance_dir() else { return };
    let gaps = unimplemented();
    let mut per_folder: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut disagreements = Vec::new();
    for row in golden(&dir)
        .iter()
        .filter(|r| CORPUS_SETS.contains(&r.rulesets.as_str()))
    {
        let set = business_set(&row.rulesets);
        let bytes = std::fs::read(dir.join(&row.file)).unwrap();
        let report = rules::validate(&bytes);
        let ours: BTreeSet<String> = report
            .findings
            .iter()
            .filter(|f| f.severity.is_blocking())
            .map(|f| f.rule.to_owned())
            .collect();
        let ours = comparable(&ours, set, &gaps);
        let theirs = comparable(&row.fatal_error, set, &gaps);
        let folder = Path::new(&row.file).parent().unwrap().display().to_string();
        let tally = per_folder.entry(folder).or_default();
        tally.1 += 1;
        if ours == theirs {
            tally.0 += 1;
        } else {
            disagreements.push(format!("{}: ours {ours:?}, official {theirs:?}", row.file));
        }
    }
    for (folder, (agree, all)) in &per_folder {
        println!("{folder}: {agree}/{all} agree on fatal/error ids");
    }
    let files: usize = per_folder.values().map(|t| t.1).sum();
    assert_eq!(files, 36, "the corpus has 36 such files");
    assert!(
        disagreements.is_empty(),
        "{} disagreements:\n{}",
        disagreements.len(),
        disagreements.join("\n")
    );
}

#[test]
fn corpus_files_get_the_official_warning_ids() {
    let Some(dir) = conformance_dir() else { return };
    let gaps = unimplemented();
    let mut disagreements = Vec::new();
    let mut files = 0;
    for row in golden(&dir)
        .iter()
        .filter(|r| CORPUS_SETS.contains(&r.rulesets.as_str()))
    {
        files += 1;
        let set = business_set(&row.rulesets);
        let bytes = std::fs::read(dir.join(&row.file)).unwrap();
        let ours: BTreeSet<String> = rules::validate(&bytes)
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Warning)
            .map(|f| f.rule.to_owned())
            .collect();
        let ours = comparable(&ours, set, &gaps);
        let theirs = comparable(&row.warnings, set, &gaps);
        if ours != theirs {
            disagreements.push(format!("{}: ours {ours:?}, official {theirs:?}", row.file));
        }
    }
    println!(
        "warnings: {}/{files} files agree",
        files - disagreements.len()
    );
    assert!(
        disagreements.is_empty(),
        "{} disagreements:\n{}",
        disagreements.len(),
        disagreements.join("\n")
    );
}

/// The official unit tests (VEFA testSets): in each `<test>`, every rule under `<error>` fires
/// as fatal, every rule under `<warning>` fires as a warning, and no rule under `<success>`
/// fires. Only the Schematron rules run (the test documents are fragments).
#[test]
fn the_cen_unit_tests_pass() {
    let Some(dir) = conformance_dir() else { return };
    let gaps = unimplemented();
    let mut failures = Vec::new();
    let (mut checked, mut skipped) = (0, 0);
    for folder in ["unit-ubl-invoice-testsets", "unit-ubl-creditnote-testsets"] {
        let path = dir.join("corpus/en16931").join(folder);
        let mut entries: Vec<PathBuf> = std::fs::read_dir(&path)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        entries.sort();
        let (mut folder_checked, mut folder_failed) = (0, 0);
        for file in entries {
            let text = std::fs::read_to_string(&file).unwrap();
            let doc = roxmltree::Document::parse(&text).unwrap();
            let tests = doc
                .root_element()
                .children()
                .filter(|n| n.has_tag_name("test"));
            for (n, test) in tests.enumerate() {
                let name = format!("{}#{n}", file.file_name().unwrap().to_string_lossy());
                let outcome = unit_test(test, &gaps);
                match outcome {
                    UnitOutcome::Skipped => skipped += 1,
                    UnitOutcome::Checked(problems) => {
                        checked += 1;
                        folder_checked += 1;
                        if !problems.is_empty() {
                            folder_failed += 1;
                            failures.push(format!("{folder}/{name}: {}", problems.join("; ")));
                        }
                    }
                }
            }
        }
        println!(
            "{folder}: {}/{folder_checked} unit tests pass",
            folder_checked - folder_failed
        );
    }
    println!("unit tests: {checked} checked, {skipped} only about rules not yet implemented");
    assert!(
        failures.is_empty(),
        "{} unit tests fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

enum UnitOutcome {
    Skipped,
    Checked(Vec<String>),
}

fn unit_test(test: Node<'_, '_>, gaps: &BTreeSet<(String, String)>) -> UnitOutcome {
    let Some(document) = test
        .children()
        .find(|n| n.is_element() && !n.has_tag_name("assert"))
    else {
        return UnitOutcome::Skipped;
    };
    let findings = rules::check(document, RuleSet::En16931Ubl);
    let fired = |id: &str, severity: Option<Severity>| {
        findings
            .iter()
            .any(|f| f.rule == id && severity.is_none_or(|s| f.severity == s))
    };
    let mut problems = Vec::new();
    let mut any = false;
    let Some(assert) = test.children().find(|n| n.has_tag_name("assert")) else {
        return UnitOutcome::Skipped;
    };
    for expectation in assert.children().filter(Node::is_element) {
        let kind = expectation.tag_name().name();
        for id in expectation.text().unwrap_or_default().split_whitespace() {
            if !compared(gaps, "en16931-ubl", id) {
                continue;
            }
            match kind {
                "error" if !fired(id, Some(Severity::Fatal)) => {
                    problems.push(format!("{id} should fire as fatal"));
                }
                "warning" if !fired(id, Some(Severity::Warning)) => {
                    problems.push(format!("{id} should fire as a warning"));
                }
                "success" if fired(id, None) => problems.push(format!("{id} should not fire")),
                "error" | "warning" | "success" => {}
                _ => continue,
            }
            any = true;
        }
    }
    if any {
        UnitOutcome::Checked(problems)
    } else {
        UnitOutcome::Skipped
    }
}

/// The finer check of the README: per file, the multiset of (rule id, location) of fatal and
/// error findings equals the official one (schema findings aside: theirs carry line numbers).
#[test]
fn corpus_findings_are_at_the_official_locations() {
    let Some(dir) = conformance_dir() else { return };
    let gaps = unimplemented();
    let lines = std::fs::read_to_string(dir.join("results/corpus-findings.jsonl")).unwrap();
    let mut disagreements = Vec::new();
    for line in lines.lines() {
        let row: serde_json::Value = serde_json::from_str(line).unwrap();
        let rulesets = row["rulesets"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s.as_str().unwrap())
            .collect::<Vec<_>>()
            .join("+");
        if !CORPUS_SETS.contains(&rulesets.as_str()) {
            continue;
        }
        let set = business_set(&rulesets);
        let keep = |id: &str| id != "XSD" && compared(&gaps, set, id);
        let mut theirs: Vec<(String, String)> = row["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| matches!(f["flag"].as_str(), Some("fatal" | "error")))
            .filter(|f| keep(f["id"].as_str().unwrap()))
            .map(|f| {
                (
                    f["id"].as_str().unwrap().to_owned(),
                    f["location"].as_str().unwrap().to_owned(),
                )
            })
            .collect();
        let file = row["file"].as_str().unwrap();
        let bytes = std::fs::read(dir.join(file)).unwrap();
        let mut ours: Vec<(String, String)> = rules::validate(&bytes)
            .findings
            .into_iter()
            .filter(|f| f.severity.is_blocking() && keep(f.rule))
            .map(|f| (f.rule.to_owned(), f.location))
            .collect();
        theirs.sort();
        ours.sort();
        if ours != theirs {
            disagreements.push(format!(
                "{file}:\n  ours     {ours:?}\n  official {theirs:?}"
            ));
        }
    }
    assert!(
        disagreements.is_empty(),
        "{} files disagree on locations:\n{}",
        disagreements.len(),
        disagreements.join("\n")
    );
}
