//! Render time and memory of invoice PDFs: `cargo bench -p pdf` (add `-- --quick` for 1,000
//! renders instead of 10,000 in the memory run).
//!
//! Prints the time of a one-page and a three-page invoice (Classic and Modern), of a one-page
//! invoice with a PNG logo, an SVG logo and the second typeface, then the
//! resident memory (RSS, from /proc/self/statm) before and during 10,000 renders of varied
//! invoices: different numbers, names, line counts, languages, designs and totals, so each
//! render is a distinct input to typst's caches; every third has a logo.

#![allow(clippy::print_stdout, clippy::cast_precision_loss)]

#[allow(dead_code)]
#[path = "../tests/render/support.rs"]
mod support;

use std::time::{Duration, Instant};

use pdf::{Design, Language, Logo, Look, Title, Typeface, render};

/// A company logo as SVG: a rounded square, a circle and a bar.
const SVG_LOGO: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" width="240" height="80" viewBox="0 0 240 80">
<rect x="2" y="2" width="76" height="76" rx="12" fill="#1f6feb"/>
<circle cx="40" cy="40" r="22" fill="#ffffff"/>
<path d="M92 20 h140 v16 h-140 z M92 46 h100 v12 h-100 z" fill="#1f2328"/>
</svg>"##;

fn main() {
    let quick = std::env::args().any(|a| a == "--quick");
    let rss_start = rss_mib();
    // The first render parses the fonts and the templates.
    let first = Instant::now();
    render(
        &support::invoice(1),
        &Look::new(Title::Invoice, Language::Ro),
    )
    .expect("render");
    println!(
        "first render (fonts, templates): {:.1} ms",
        ms(first.elapsed())
    );

    for design in [Design::Classic, Design::Modern] {
        for lines in [3, 80] {
            let invoice = support::invoice(lines);
            let look = Look {
                design,
                ..Look::new(Title::Invoice, Language::Ro)
            };
            let pages = support::pages(&invoice, &look).len();
            let times = time_renders(&invoice, &look, 50);
            println!(
                "{design:?}, {lines} lines, {pages} page(s): median {:.1} ms, min {:.1} ms, max {:.1} ms",
                ms(times[times.len() / 2]),
                ms(times[0]),
                ms(times[times.len() - 1]),
            );
        }
    }

    // The company's settings: a logo (decoded again on every render, since typst's cache is
    // emptied after each document) and the second typeface.
    let invoice = support::invoice(3);
    let ro = || Look::new(Title::Invoice, Language::Ro);
    let variants = [
        (
            "Classic, 3 lines, PNG logo 600x200",
            Look {
                logo: Some(Logo::new(support::png_logo(600, 200)).expect("png logo")),
                ..ro()
            },
        ),
        (
            "Classic, 3 lines, SVG logo",
            Look {
                logo: Some(Logo::new(SVG_LOGO.as_bytes()).expect("svg logo")),
                ..ro()
            },
        ),
        (
            "Classic, 3 lines, DejaVu Sans",
            Look {
                typeface: Some(Typeface::DejaVuSans),
                ..ro()
            },
        ),
    ];
    for (name, look) in &variants {
        let times = time_renders(&invoice, look, 50);
        println!(
            "{name}: median {:.1} ms, min {:.1} ms, max {:.1} ms",
            ms(times[times.len() / 2]),
            ms(times[0]),
            ms(times[times.len() - 1]),
        );
    }

    let total = if quick { 1_000 } else { 10_000 };
    let before = rss_mib();
    println!("RSS at start {rss_start:.1} MiB, before the memory run {before:.1} MiB");
    let start = Instant::now();
    for i in 0..total {
        let (invoice, look) = varied(i);
        render(&invoice, &look).expect("render");
        if (i + 1) % (total / 10) == 0 {
            println!("after {:>6} renders: RSS {:.1} MiB", i + 1, rss_mib());
        }
    }
    let elapsed = start.elapsed();
    println!(
        "{total} varied renders in {:.1} s ({:.1} ms each); RSS {before:.1} → {:.1} MiB",
        elapsed.as_secs_f64(),
        ms(elapsed) / f64::from(total),
        rss_mib()
    );
}

/// `n` renders of one document, sorted. Each render gets its own invoice number, as a
/// server's renders do: typst would otherwise answer a repeated document from its cache.
fn time_renders(invoice: &einvoice::model::Invoice, look: &Look, n: usize) -> Vec<Duration> {
    let mut invoice = invoice.clone();
    let mut times: Vec<Duration> = (0..n)
        .map(|i| {
            invoice.number = format!("BENCH-{i:04}");
            let start = Instant::now();
            render(&invoice, look).expect("render");
            start.elapsed()
        })
        .collect();
    times.sort();
    times
}

/// The `i`-th of a run of distinct documents.
fn varied(i: u32) -> (einvoice::model::Invoice, Look) {
    let lines = usize::try_from(i % 6 + 1).expect("small");
    let mut invoice = support::invoice(lines);
    invoice.number = format!("FCT-{i:06}");
    invoice.buyer.name = format!("Client {i} Ștefănești SRL");
    let look = Look {
        design: if i.is_multiple_of(2) {
            Design::Classic
        } else {
            Design::Modern
        },
        // Every third with a logo of its own size.
        logo: i
            .is_multiple_of(3)
            .then(|| Logo::new(support::png_logo(200 + i % 400, 80)).expect("png logo")),
        ..Look::new(Title::Invoice, Language::ALL[(i % 4) as usize])
    };
    (invoice, look)
}

/// Resident memory in MiB, from /proc/self/statm (pages of 4 KiB).
fn rss_mib() -> f64 {
    let statm = std::fs::read_to_string("/proc/self/statm").unwrap_or_default();
    let pages: u64 = statm
        .split_whitespace()
        .nth(1)
        .and_then(|p| p.parse().ok())
        .unwrap_or(0);
    (pages * 4096) as f64 / (1024.0 * 1024.0)
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
