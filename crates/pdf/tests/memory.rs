//! Memory stays flat across many renders: typst's cache is emptied after each document.
//! Its own test binary, so that no other test's allocations blur the measure.

#[allow(dead_code)]
#[path = "render/support.rs"]
mod support;

use pdf::{Design, Language, Look, Title, render};

/// Resident memory in MiB, from /proc/self/statm (pages of 4 KiB).
fn rss_mib() -> u64 {
    let statm = std::fs::read_to_string("/proc/self/statm").expect("Linux /proc");
    let pages: u64 = statm
        .split_whitespace()
        .nth(1)
        .and_then(|p| p.parse().ok())
        .expect("statm's resident pages");
    pages * 4096 / (1024 * 1024)
}

fn render_varied(from: u32, to: u32) {
    for i in from..to {
        let mut invoice = support::invoice(usize::try_from(i % 5 + 1).expect("small"));
        invoice.number = format!("MEM-{i:05}");
        invoice.buyer.name = format!("Client {i} Ștefănești SRL");
        let look = Look {
            design: if i.is_multiple_of(2) {
                Design::Classic
            } else {
                Design::Modern
            },
            ..Look::new(Title::Invoice, Language::Ro)
        };
        render(&invoice, &look).expect("render");
    }
}

#[test]
fn memory_does_not_grow_with_the_number_of_invoices() {
    // Warm up: fonts, templates, allocator arenas.
    render_varied(0, 30);
    let before = rss_mib();
    render_varied(30, 230);
    let after = rss_mib();
    // Without eviction each of these renders keeps ~1.6 MiB (release build): 200 of them
    // would add over 300 MiB.
    assert!(
        after < before + 60,
        "RSS grew from {before} MiB to {after} MiB over 200 renders"
    );
}
