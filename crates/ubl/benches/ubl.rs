//! Throughput of the UBL writer and reader on a typical 10-line invoice, and the memory the
//! reader takes for a ~10 MB invoice. Prints a Markdown table.
//!
//! Run with `cargo bench -p ubl` (a release build); no criterion, plain `Instant`.

#![allow(clippy::print_stdout)] // the report is the output

#[path = "../tests/ubl/fixtures.rs"]
mod fixtures;

use std::hint::black_box;
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

/// Resets the peak resident size (`VmHWM`) to the current one (Linux `clear_refs`, value 5),
/// so memory is measured without a counting allocator (the workspace forbids `unsafe`).
fn reset_peak() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

/// Runs `f` repeatedly for about `budget` and returns the calls per second.
fn per_second(budget: Duration, mut f: impl FnMut()) -> f64 {
    for _ in 0..100 {
        f(); // warm-up
    }
    let start = Instant::now();
    let mut calls = 0u32;
    while start.elapsed() < budget {
        for _ in 0..100 {
            f();
        }
        calls += 100;
    }
    f64::from(calls) / start.elapsed().as_secs_f64()
}

/// An invoice whose UBL is just under 10 MB (ANAF's upload limit), and its XML.
fn large_invoice() -> String {
    let one = fixtures::typical(1);
    let per_line = ubl::write(&fixtures::typical(2)).len() - ubl::write(&one).len();
    let lines = (9_900_000 - ubl::write(&one).len()) / per_line;
    ubl::write(&fixtures::typical(lines))
}

fn main() {
    let budget = Duration::from_secs(2);
    let invoice = fixtures::typical(10);
    let xml = ubl::write(&invoice);

    let writes = per_second(budget, || {
        black_box(ubl::write(black_box(&invoice)));
    });
    let mut buf = String::with_capacity(xml.len());
    let writes_reused = per_second(budget, || {
        buf.clear();
        ubl::write_to(black_box(&invoice), &mut buf);
        black_box(&buf);
    });
    let parses = per_second(budget, || {
        let limits = ubl::xml::Limits::default();
        black_box(ubl::xml::read(black_box(xml.as_bytes()), &limits).ok());
    });
    let reads = per_second(budget, || {
        black_box(ubl::read(black_box(xml.as_bytes())).ok());
    });

    let large = large_invoice();
    drop(buf);
    reset_peak();
    let before = status_kib("VmRSS:");
    let start = Instant::now();
    let read = ubl::read(large.as_bytes());
    let elapsed = start.elapsed();
    let peak =
        usize::try_from(status_kib("VmHWM:").saturating_sub(before) * 1024).unwrap_or(usize::MAX);
    let lines = read.as_ref().map_or(0, |r| r.invoice.lines.len());
    drop(read);

    let mib = |bytes: usize| f64::from(u32::try_from(bytes).unwrap_or(u32::MAX)) / 1_048_576.0;
    println!("| measure | result |");
    println!("|---|---|");
    println!(
        "| typical invoice (10 lines) | {} bytes of UBL |",
        xml.len()
    );
    println!("| write, new `String` each | {writes:.0} invoices/s |");
    println!("| write, reused buffer | {writes_reused:.0} invoices/s |");
    println!("| parse only (`xml::read`) | {parses:.0} invoices/s |");
    println!("| read (parse + model) | {reads:.0} invoices/s |");
    println!(
        "| read a {:.1} MiB invoice ({lines} lines) | {:.0} ms, peak RSS growth {:.1} MiB ({:.1}× the input) |",
        mib(large.len()),
        elapsed.as_secs_f64() * 1000.0,
        mib(peak),
        mib(peak) / mib(large.len()),
    );
}
