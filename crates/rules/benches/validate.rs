//! The validator benchmark behind `docs/benchmarks.md`: validates every UBL file of the
//! conformance corpus (`FACTURO_CONFORMANCE`, default `../shared/conformance`) repeatedly on one
//! thread and reports files/s and MB/s, then the time and peak heap for one ~10 MB invoice.
//!
//! Run: `cargo bench -p rules --bench validate`.

#![allow(clippy::print_stdout, clippy::unwrap_used, clippy::cast_precision_loss)]

#[path = "../../ubl/tests/ubl/fixtures.rs"]
mod fixtures;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// A line of `/proc/self/status` in kB (`VmRSS`, `VmHWM`).
fn status_kib(key: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix(key))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

/// Resets the peak resident size (`VmHWM`) to the current one (Linux `clear_refs`, value 5).
fn reset_peak() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

fn corpus() -> Option<PathBuf> {
    let dir = std::env::var_os("FACTURO_CONFORMANCE").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/conformance"),
        PathBuf::from,
    );
    dir.join("results/corpus-ids.tsv").is_file().then_some(dir)
}

fn main() {
    let Some(dir) = corpus() else {
        println!("no conformance data: set FACTURO_CONFORMANCE");
        return;
    };
    let table = std::fs::read_to_string(dir.join("results/corpus-ids.tsv")).unwrap();
    let files: Vec<Vec<u8>> = table
        .lines()
        .skip(1)
        .filter(|l| {
            l.split('\t')
                .nth(1)
                .is_some_and(|s| s.starts_with("xsd-ubl-"))
        })
        .map(|l| std::fs::read(dir.join(l.split('\t').next().unwrap())).unwrap())
        .collect();
    let bytes: usize = files.iter().map(Vec::len).sum();
    // Warm up, then run whole passes for at least three seconds.
    for f in &files {
        std::hint::black_box(rules::validate(f));
    }
    let started = Instant::now();
    let mut passes = 0u32;
    while started.elapsed() < Duration::from_secs(3) {
        for f in &files {
            std::hint::black_box(rules::validate(f));
        }
        passes += 1;
    }
    let secs = started.elapsed().as_secs_f64();
    let docs = f64::from(passes) * files.len() as f64;
    println!("| measure | value |");
    println!("|---|---|");
    println!(
        "| corpus: {} UBL files, {:.1} KB on average | |",
        files.len(),
        bytes as f64 / files.len() as f64 / 1024.0
    );
    println!(
        "| validated per second (one thread) | {:.0} files/s |",
        docs / secs
    );
    println!(
        "| throughput | {:.1} MB/s |",
        f64::from(passes) * bytes as f64 / secs / 1_048_576.0
    );
    println!(
        "| mean time per file | {:.1} µs |",
        secs / docs * 1_000_000.0
    );

    // A typical Romanian invoice: 10 lines, as Facturo writes it.
    let typical = ubl::write(&fixtures::typical(10));
    let started = Instant::now();
    let mut count = 0u32;
    while started.elapsed() < Duration::from_secs(3) {
        std::hint::black_box(rules::validate(typical.as_bytes()));
        count += 1;
    }
    let secs = started.elapsed().as_secs_f64();
    println!(
        "| typical CIUS-RO invoice (10 lines, {:.1} KB): validated per second (one thread) | {:.0} invoices/s ({:.0} µs each) |",
        typical.len() as f64 / 1024.0,
        f64::from(count) / secs,
        secs / f64::from(count) * 1_000_000.0
    );

    let big = ten_megabyte_invoice(&dir);
    drop(files);
    reset_peak();
    let before = status_kib("VmRSS:");
    let t = Instant::now();
    let report = rules::validate(&big);
    let took = t.elapsed();
    let peak = status_kib("VmHWM:").saturating_sub(before) as f64 * 1024.0;
    println!(
        "| ~10 MB invoice ({} lines, {:.1} MB): time | {:.0} ms |",
        big_lines(&big),
        big.len() as f64 / 1_048_576.0,
        took.as_secs_f64() * 1000.0
    );
    println!(
        "| ~10 MB invoice: peak memory growth while validating (RSS) | {:.1} MB ({:.1}× the file; {} findings) |",
        peak / 1_048_576.0,
        peak / big.len() as f64,
        report.findings.len()
    );
}

/// An official ANAF example with its line repeated until the document is just under 10 MiB.
fn ten_megabyte_invoice(dir: &Path) -> Vec<u8> {
    let text =
        std::fs::read_to_string(dir.join("corpus/cius-ro/anaf-ubl-examples/ubl_b2g_example0.xml"))
            .unwrap();
    let start = text.find("<cac:InvoiceLine>").unwrap();
    let end = text.rfind("</cac:InvoiceLine>").unwrap() + "</cac:InvoiceLine>".len();
    let line = &text[start..end];
    let mut out = String::with_capacity(10 * 1024 * 1024);
    out.push_str(&text[..end]);
    while out.len() + line.len() + (text.len() - end) < 10 * 1024 * 1024 - 1024 {
        out.push_str(line);
    }
    out.push_str(&text[end..]);
    out.into_bytes()
}

fn big_lines(xml: &[u8]) -> usize {
    xml.windows(17)
        .filter(|w| w == b"<cac:InvoiceLine>")
        .count()
}
