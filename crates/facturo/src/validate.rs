//! `facturo validate FILE|DIR…`: the native validator on files, as a table or JSON; the exit
//! status is 1 when any document has a fatal or error finding.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde_json::{Value, json};

/// Every `.xml` file under the given paths (directories are walked, sorted).
fn files(paths: &[PathBuf]) -> std::io::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut pending: Vec<PathBuf> = paths.iter().rev().cloned().collect();
    while let Some(path) = pending.pop() {
        if path.is_dir() {
            let mut entries: Vec<PathBuf> = std::fs::read_dir(&path)?
                .map(|e| e.map(|e| e.path()))
                .collect::<Result<_, _>>()?;
            entries.sort();
            pending.extend(entries.into_iter().rev());
        } else if path.is_file() && (paths.contains(&path) || has_xml_extension(&path)) {
            out.push(path);
        } else if !path.exists() {
            return Err(std::io::Error::new(
                std::io::ErrorKind::NotFound,
                format!("{}: no such file or directory", path.display()),
            ));
        }
    }
    Ok(out)
}

fn has_xml_extension(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("xml"))
}

/// Validates every file; returns whether all are valid.
pub fn run(paths: &[PathBuf], as_json: bool, out: &mut impl Write) -> anyhow::Result<bool> {
    let mut all_valid = true;
    let mut documents = Vec::new();
    for file in files(paths)? {
        let bytes = std::fs::read(&file)?;
        let report = rules::validate(&bytes);
        all_valid &= report.is_valid();
        if as_json {
            documents.push(to_json(&file, &report));
        } else {
            write_table(out, &file, &report)?;
        }
    }
    if as_json {
        serde_json::to_writer_pretty(&mut *out, &Value::Array(documents))?;
        writeln!(out)?;
    }
    Ok(all_valid)
}

fn write_table(out: &mut impl Write, file: &Path, report: &rules::Report) -> std::io::Result<()> {
    let blocking = report
        .findings
        .iter()
        .filter(|f| f.severity.is_blocking())
        .count();
    let verdict = if report.is_valid() {
        "valid"
    } else {
        "INVALID"
    };
    writeln!(
        out,
        "{verdict:<8} {}  ({blocking} errors, {} warnings)",
        file.display(),
        report.findings.len() - blocking
    )?;
    for f in &report.findings {
        writeln!(
            out,
            "  {:<8} {:<14} {}  {}",
            f.severity.as_str(),
            f.rule,
            f.message.en,
            f.location
        )?;
    }
    Ok(())
}

fn to_json(file: &Path, report: &rules::Report) -> Value {
    json!({
        "file": file.display().to_string(),
        "valid": report.is_valid(),
        "ruleSets": report.rule_sets.iter().map(|s| s.as_str()).collect::<Vec<_>>(),
        "findings": report.findings.iter().map(|f| json!({
            "ruleId": f.rule,
            "severity": f.severity.as_str(),
            "location": f.location,
            "businessTerms": f.terms,
            "message": f.message.en,
            "messageRo": f.message.ro,
        })).collect::<Vec<_>>(),
    })
}
