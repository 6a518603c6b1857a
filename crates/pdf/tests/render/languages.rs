//! Titles and labels in each language, and both designs.

use pdf::{Design, Language, Look, Title};
use rust_decimal_macros::dec;

use crate::support::{assert_contains, invoice_with, pages, simple_line};

/// What a reader must find on a one-page invoice of 10 × 123.45 in each language.
fn expected(language: Language) -> [&'static str; 6] {
    match language {
        Language::Ro => [
            "Factură",
            "CUMPĂRĂTOR",
            "Data scadenței 02.01.2027",
            "Total de plată 1.493,75 RON",
            "Pagina 1 din 1",
            "Denumirea produselor sau a serviciilor",
        ],
        Language::En => [
            "Invoice",
            "BUYER",
            "Due date 2027-01-02",
            "Amount due 1,493.75 RON",
            "Page 1 of 1",
            "Description",
        ],
        Language::De => [
            "Rechnung",
            "KÄUFER",
            "Fälligkeitsdatum 02.01.2027",
            "Zahlbetrag 1.493,75 RON",
            "Seite 1 von 1",
            "Bezeichnung",
        ],
        Language::Fr => [
            "Facture",
            "ACHETEUR",
            "Date d'échéance 02/01/2027",
            "Net à payer 1 493,75 RON",
            "Page 1 sur 1",
            "Désignation",
        ],
    }
}

#[test]
fn every_language_in_both_designs() {
    let invoice = invoice_with(vec![simple_line("Consultanță", dec!(10), dec!(123.45))]);
    for design in [Design::Classic, Design::Modern] {
        for language in Language::ALL {
            let look = Look {
                design,
                ..Look::new(Title::Invoice, language)
            };
            let pages = pages(&invoice, &look);
            assert_eq!(pages.len(), 1, "{design:?} {language:?}");
            assert_contains(&pages[0], &expected(language));
            // Every language prints the Romanian names as they are.
            assert_contains(&pages[0], &["Atelierul de Știință SRL", "Țesături"]);
        }
    }
}

#[test]
fn words_are_only_romanian() {
    let invoice = invoice_with(vec![simple_line("Consultanță", dec!(10), dec!(123.45))]);
    let english = pages(&invoice, &Look::new(Title::Invoice, Language::En)).join(" ");
    assert!(!english.contains("lei și"), "{english}");
}

#[test]
fn titles_follow_the_language() {
    let invoice = invoice_with(vec![simple_line("Servicii", dec!(1), dec!(10))]);
    let cases = [
        (Title::CreditNote, Language::De, "Gutschrift"),
        (Title::Proforma, Language::Fr, "Facture proforma"),
        (Title::Storno, Language::En, "Cancellation invoice"),
        (
            Title::DeliveryNote,
            Language::Ro,
            "Aviz de însoțire a mărfii",
        ),
        (Title::Proforma, Language::Ro, "Factură proformă"),
    ];
    for (title, language, name) in cases {
        let text = pages(&invoice, &Look::new(title, language)).join(" ");
        assert_contains(&text, &[name]);
    }
}

#[test]
fn modern_design_long_invoice_repeats_its_header() {
    let invoice = crate::support::invoice(120);
    let look = Look {
        design: Design::Modern,
        ..Look::new(Title::Invoice, Language::En)
    };
    let pages = pages(&invoice, &look);
    let count = pages.len();
    assert!(count >= 2, "{count} pages");
    for (i, page) in pages.iter().enumerate() {
        assert_contains(
            page,
            &[
                "Description",
                "Unit price",
                &format!("Page {} of {count}", i + 1),
            ],
        );
    }
}
