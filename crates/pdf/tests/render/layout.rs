//! Pages, repeated headers, page numbers, totals, VAT breakdown, words, diacritics.

use pdf::{Language, Look, Title};
use rust_decimal_macros::dec;

use crate::support::{assert_contains, invoice, invoice_with, pages, simple_line, text};

fn romanian() -> Look {
    Look::new(Title::Invoice, Language::Ro)
}

#[test]
fn one_page_invoice_prints_parties_lines_and_totals() {
    // 10 h × 123.45 = 1,234.50; VAT 21 % = 259.245 → 259.25; total 1,493.75.
    let invoice = invoice_with(vec![simple_line("Consultanță", dec!(10), dec!(123.45))]);
    let pages = pages(&invoice, &romanian());
    assert_eq!(pages.len(), 1, "{pages:#?}");
    assert_contains(
        &pages[0],
        &[
            "Factură",
            "Nr. FCT-2026-0042",
            "Data emiterii 03.12.2026",
            "Data scadenței 02.01.2027",
            "Atelierul de Știință SRL",
            "CIF RO12345674",
            "Nr. Reg. Com. J12/3456/2020",
            "400001 Cluj-Napoca, Cluj",
            "Fabrica de Țesături Ștefănești SA",
            "Sector 3, București",
            "Consultanță",
            "ore",
            "123,45",
            "1.234,50",
            "Total fără TVA 1.234,50 RON",
            "Total TVA 259,25 RON",
            "Total de plată 1.493,75 RON",
            "Pagina 1 din 1",
        ],
    );
}

#[test]
fn vat_breakdown_has_a_row_per_rate() {
    // Lines 1 and 3 at 21 %: 2 × 13.50 + 4 × 15.50 = 89.00, VAT 18.69.
    // Line 2 at 11 %: 3 × 14.50 = 43.50, VAT 4.785 → 4.79.
    let text = text(&invoice(3), &romanian());
    assert_contains(
        &text,
        &[
            "DEFALCAREA TVA",
            "Cota standard (S) 11% 43,50 4,79",
            "Cota standard (S) 21% 89,00 18,69",
            "Total fără TVA 132,50 RON",
            "Total TVA 23,48 RON",
            "Total de plată 155,98 RON",
        ],
    );
}

#[test]
fn total_in_words_is_romanian() {
    let invoice = invoice_with(vec![simple_line("Consultanță", dec!(10), dec!(123.45))]);
    let text = text(&invoice, &romanian());
    assert_contains(
        &text,
        &["Adică: o mie patru sute nouăzeci și trei de lei și șaptezeci și cinci de bani"],
    );
}

#[test]
fn romanian_letters_are_real_glyphs() {
    let mut look = romanian();
    look.extra.issuer_name = Some("Ilie Țurcanu".into());
    let text = text(&invoice(2), &look);
    for letter in [
        '\u{0219}', '\u{021B}', '\u{0218}', '\u{021A}', 'ă', 'â', 'î', 'Î',
    ] {
        assert!(text.contains(letter), "no {letter:?} in:\n{text}");
    }
    // The cedilla look-alikes would mean a font fallback or a wrong mapping.
    for wrong in ['\u{015F}', '\u{0163}', '\u{FFFD}'] {
        assert!(!text.contains(wrong), "{wrong:?} in:\n{text}");
    }
    assert_contains(
        &text,
        &[
            "Știință",
            "Țesături",
            "Mărășești",
            "plata integrală în contul",
            "Întocmit de Ilie Țurcanu",
            "CUMPĂRĂTOR",
            "OBSERVAȚII",
        ],
    );
}

#[test]
fn long_invoice_repeats_its_header_and_numbers_its_pages() {
    let invoice = invoice(150);
    let pages = pages(&invoice, &romanian());
    let count = pages.len();
    assert!(count >= 3, "150 lines on {count} pages");
    for (i, page) in pages.iter().enumerate() {
        assert_contains(
            page,
            &[
                "Denumirea produselor sau a serviciilor",
                "Preț unitar (fără TVA)",
                &format!("Pagina {} din {count}", i + 1),
            ],
        );
        assert_eq!(
            page.matches("Denumirea produselor").count(),
            1,
            "page {}",
            i + 1
        );
    }
    let all = pages.join(" ");
    for n in [1, 75, 149, 150] {
        assert_contains(&all, &[&format!("Articol {n} țesătură")]);
    }
    let last = pages.last().unwrap();
    let payable = invoice
        .totals
        .payable
        .unwrap()
        .to_string()
        .replace('.', ",");
    assert_contains(last, &["Total de plată", "Semnătura de primire"]);
    assert!(
        last.replace('.', "").contains(&payable),
        "{payable} not on the last page:\n{last}"
    );
    assert!(!pages[0].contains("Total de plată"));
}

#[test]
fn bank_accounts_and_notes_are_printed() {
    let text = text(&invoice(1), &romanian());
    assert_contains(
        &text,
        &[
            "IBAN RO66 BTRL RONC RT01 2345 6789",
            "Banca Transilvania",
            "BIC BTRLRO22",
            "Modalitate de plată Ordin de plată",
            "OBSERVAȚII",
            "Marfa rămâne proprietatea furnizorului",
        ],
    );
}
