//! Credit note, storno, proforma, delivery note, foreign currency, extra facts, hidden
//! sections.

use einvoice::model::{DocumentKind, PrecedingInvoice};
use pdf::{Deputy, Design, ExchangeRate, Extra, Language, Look, Show, Title, Typeface};
use rust_decimal_macros::dec;
use time::macros::date;

use crate::support::{
    assert_contains, base_fonts, invoice, invoice_with, pages, simple_line, text,
};

/// 10 h × 123.45: net 1,234.50, VAT 259.25, total 1,493.75.
fn consulting() -> einvoice::model::Invoice {
    invoice_with(vec![simple_line("Consultanță", dec!(10), dec!(123.45))])
}

#[test]
fn credit_note_names_the_invoice_it_credits() {
    let mut invoice = consulting();
    invoice.kind = DocumentKind::CreditNote;
    invoice.type_code = "381".into();
    invoice.preceding_invoices = vec![PrecedingInvoice {
        number: "FCT-2026-0007".into(),
        issue_date: Some(date!(2026 - 11 - 20)),
    }];
    let look = Look::new(Title::of(&invoice), Language::Ro);
    let text = text(&invoice, &look);
    assert_contains(
        &text,
        &[
            "Notă de credit",
            "Factura de referință FCT-2026-0007 / 20.11.2026",
        ],
    );
}

#[test]
fn storno_prints_negative_amounts_and_words() {
    let invoice = invoice_with(vec![simple_line("Consultanță", dec!(-10), dec!(123.45))]);
    let text = text(&invoice, &Look::new(Title::Storno, Language::Ro));
    assert_contains(
        &text,
        &[
            "Factură storno",
            "-1.234,50",
            "Total de plată -1.493,75 RON",
            "minus o mie patru sute nouăzeci și trei de lei și șaptezeci și cinci de bani",
        ],
    );
}

#[test]
fn proforma_shows_until_when_it_is_valid() {
    let mut look = Look::new(Title::Proforma, Language::Ro);
    look.extra.valid_until = Some(date!(2026 - 12 - 17));
    let text = text(&consulting(), &look);
    assert_contains(&text, &["Factură proformă", "Valabilă până la 17.12.2026"]);
}

#[test]
fn delivery_note_can_hide_prices_and_names_the_delegate() {
    let look = Look {
        show: Show {
            prices: false,
            ..Show::default()
        },
        extra: Extra {
            issuer_name: Some("Maria Ionescu".into()),
            deputy: Some(Deputy {
                name: "Ion Popescu".into(),
                id_card: Some("CJ 123456".into()),
                vehicle: Some("CJ-01-ȚȘȚ".into()),
            }),
            ..Extra::default()
        },
        ..Look::new(Title::DeliveryNote, Language::Ro)
    };
    let text = text(&consulting(), &look);
    assert_contains(
        &text,
        &[
            "Aviz de însoțire a mărfii",
            "Consultanță",
            "ore 10",
            "Întocmit de Maria Ionescu",
            "Date privind expediția",
            "Numele delegatului Ion Popescu",
            "B.I./C.I. CJ 123456",
            "Mijloc de transport CJ-01-ȚȘȚ",
            "Semnătura și ștampila furnizorului",
        ],
    );
    for hidden in [
        "Preț unitar",
        "123,45",
        "1.234,50",
        "Total",
        "Cota TVA",
        "Adică",
    ] {
        assert!(!text.contains(hidden), "{hidden:?} printed:\n{text}");
    }
}

#[test]
fn foreign_currency_invoice_shows_the_vat_in_ron() {
    let mut invoice = consulting();
    invoice.currency = "EUR".into();
    invoice.vat_accounting_currency = Some("RON".into());
    // BT-111 = 259.25 EUR × 4.9750 = 1,289.76875 → 1,289.77 RON.
    invoice.compute_totals(Some(dec!(4.9750))).unwrap();
    let mut look = Look::new(Title::Invoice, Language::Ro);
    look.extra.exchange_rate = Some(ExchangeRate {
        rate: dec!(4.9750),
        date: Some(date!(2026 - 12 - 02)),
    });
    let text = text(&invoice, &look);
    assert_contains(
        &text,
        &[
            "Total de plată 1.493,75 EUR",
            "Curs de schimb 1 EUR = 4,9750 RON (02.12.2026)",
            "Total TVA în RON 1.289,77 RON",
            "o mie patru sute nouăzeci și trei de euro și șaptezeci și cinci de cenți",
        ],
    );
}

#[test]
fn vat_in_ron_is_computed_from_the_rate_when_the_invoice_lacks_it() {
    let mut invoice = consulting();
    invoice.currency = "EUR".into();
    invoice.vat_accounting_currency = Some("RON".into());
    invoice.totals.vat_total_accounting = None;
    let mut look = Look::new(Title::Invoice, Language::En);
    look.extra.exchange_rate = Some(ExchangeRate {
        rate: dec!(5),
        date: None,
    });
    let text = text(&invoice, &look);
    assert_contains(
        &text,
        &[
            "Exchange rate 1 EUR = 5 RON",
            "Total VAT in RON 1,296.25 RON",
        ],
    );
}

#[test]
fn paid_amount_leaves_a_balance() {
    let mut look = Look::new(Title::Invoice, Language::Ro);
    look.extra.amount_paid = Some(dec!(500));
    let text = text(&consulting(), &look);
    assert_contains(
        &text,
        &[
            "Total de plată 1.493,75 RON",
            "Achitat 500,00 RON",
            "Rest de plată 993,75 RON",
            "Adică: nouă sute nouăzeci și trei de lei și șaptezeci și cinci de bani",
        ],
    );
}

#[test]
fn hidden_vat_leaves_only_the_total() {
    let mut look = Look::new(Title::Invoice, Language::Ro);
    look.show.vat = false;
    let text = text(&consulting(), &look);
    assert_contains(&text, &["Total de plată 1.493,75 RON", "1.234,50"]);
    for hidden in ["Cota TVA", "Total TVA", "Defalcarea TVA", "21%"] {
        assert!(!text.contains(hidden), "{hidden:?} printed:\n{text}");
    }
}

#[test]
fn sections_can_be_switched_off() {
    let look = Look {
        show: Show {
            bank_accounts: false,
            notes: false,
            due_date: false,
            issuer: false,
            total_in_words: false,
            ..Show::default()
        },
        ..Look::new(Title::Invoice, Language::Ro)
    };
    let text = text(&consulting(), &look);
    assert_contains(&text, &["Total de plată 1.493,75 RON"]);
    for hidden in [
        "IBAN",
        "OBSERVAȚII",
        "Marfa rămâne",
        "Data scadenței",
        "Semnătura",
        "Adică",
    ] {
        assert!(!text.contains(hidden), "{hidden:?} printed:\n{text}");
    }
}

#[test]
fn mentions_print_with_the_notes() {
    let mut look = Look::new(Title::Invoice, Language::Ro);
    look.extra.mentions = vec!["TVA la încasare".into()];
    let text = text(&consulting(), &look);
    assert_contains(&text, &["OBSERVAȚII", "TVA la încasare"]);
}

#[test]
fn line_details_allowances_and_other_parties_are_printed() {
    use einvoice::model::{Address, AllowanceCharge, Delivery, LineAllowanceCharge, Payee};
    let mut line = simple_line("Consultanță", dec!(10), dec!(123.45));
    line.item.description = Some("Audit de securitate, etapa a doua".into());
    line.note = Some("Conform anexei 3".into());
    line.item.seller_id = Some("SRV-007".into());
    line.allowances = vec![LineAllowanceCharge {
        amount: Some(dec!(34.50)),
        reason: Some("Fidelitate".into()),
        ..LineAllowanceCharge::default()
    }];
    let mut invoice = invoice_with(vec![line]);
    invoice.allowances = vec![AllowanceCharge {
        amount: Some(dec!(100)),
        vat_category: Some(einvoice::codes::VatCategory::S),
        vat_rate: Some(dec!(21)),
        reason: Some("Volum".into()),
        ..AllowanceCharge::default()
    }];
    invoice.payee = Some(Payee {
        name: "Factoring Ardeal IFN".into(),
        ..Payee::default()
    });
    invoice.delivery = Some(Delivery {
        party_name: Some("Depozitul Băneasa".into()),
        actual_date: Some(date!(2026 - 12 - 01)),
        address: Some(Address {
            street: Some("Șos. Pipera 5".into()),
            city: Some("Voluntari".into()),
            country_subdivision: Some("RO-IF".into()),
            country_code: "RO".into(),
            ..Address::default()
        }),
        ..Delivery::default()
    });
    // Line: 1,234.50 − 34.50 = 1,200.00; document: 1,200.00 − 100 = 1,100.00;
    // VAT 21 % = 231.00; total 1,331.00.
    invoice.compute_totals(None).unwrap();
    let text = text(&invoice, &Look::new(Title::Invoice, Language::Ro));
    assert_contains(
        &text,
        &[
            "Audit de securitate, etapa a doua",
            "Conform anexei 3",
            "# SRV-007",
            "Reducere (Fidelitate): -34,50",
            "1.200,00",
            "Reducere Volum: -100,00",
            "Total articole 1.200,00 RON",
            "Total reduceri 100,00 RON",
            "Total fără TVA 1.100,00 RON",
            "Total TVA 231,00 RON",
            "Total de plată 1.331,00 RON",
            "BENEFICIARUL PLĂȚII",
            "Factoring Ardeal IFN",
            "LIVRARE LA",
            "Depozitul Băneasa",
            "Șos. Pipera 5",
            "Voluntari, Ilfov",
            "Data livrării 01.12.2026",
        ],
    );
}

#[test]
fn company_settings_change_the_typeface_and_add_a_line_to_every_page() {
    let invoice = invoice(70);
    let look = Look {
        typeface: Some(Typeface::DejaVuSans),
        footer_note: Some("Mulțumim că lucrați cu noi! Capital social 200 lei.".into()),
        ..Look::new(Title::Invoice, Language::Ro)
    };
    let bytes = pdf::render(&invoice, &look).expect("render");
    let fonts = base_fonts(&bytes);
    assert!(
        fonts.iter().any(|f| f.contains("DejaVuSans"))
            && !fonts.iter().any(|f| f.contains("Libertinus")),
        "{fonts:?}"
    );
    let default = pdf::render(&invoice, &Look::new(Title::Invoice, Language::Ro)).expect("render");
    assert!(
        base_fonts(&default)
            .iter()
            .all(|f| f.contains("Libertinus")),
        "Classic without a typeface setting: {:?}",
        base_fonts(&default)
    );

    let pages = pages(&invoice, &look);
    assert!(pages.len() > 1, "{} page(s)", pages.len());
    for (i, page) in pages.iter().enumerate() {
        assert_contains(
            page,
            &[
                "Mulțumim că lucrați cu noi! Capital social 200 lei.",
                &format!("Pagina {} din {}", i + 1, pages.len()),
            ],
        );
    }
    let modern = Look {
        design: Design::Modern,
        ..Look::new(Title::Invoice, Language::Ro)
    };
    assert!(!text(&invoice, &modern).contains("Mulțumim"));
}
