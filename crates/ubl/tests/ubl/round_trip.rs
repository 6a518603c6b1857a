//! Model → XML → model is lossless for everything the writer emits, over generated
//! documents: 1–50 lines, every VAT category, allowances and charges, optional groups
//! present or absent, foreign currencies, credit notes.

use einvoice::codes::VatCategory;
use einvoice::model::{DocumentKind, LineVat};
use proptest::collection::vec;
use proptest::option::of;
use proptest::prelude::*;
use rust_decimal::Decimal;

use crate::strategies::{category, invoice, price, quantity, rate};

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn written_documents_read_back_unchanged(invoice in invoice()) {
        let xml = ubl::write(&invoice);
        let read = ubl::read(xml.as_bytes());
        prop_assert!(read.is_ok(), "{read:?}\n{xml}");
        let read = read.expect("checked");
        prop_assert!(read.issues.is_empty(), "{:?}", read.issues);
        prop_assert_eq!(&read.invoice, &invoice, "{}", xml);
    }

    #[test]
    fn computed_invoices_read_back_unchanged(
        lines in vec((quantity(), price(), category(), rate()), 1..50),
        credit_note in any::<bool>(),
        rate_ron in of((40_000i64..60_000).prop_map(|m| Decimal::new(m, 4))),
    ) {
        let lines = lines
            .into_iter()
            .enumerate()
            .map(|(i, (q, p, c, r))| {
                let vat = if c == VatCategory::O { LineVat::outside_scope() } else { LineVat::new(c, r) };
                crate::fixtures::line(i + 1, q, p, vat)
            })
            .collect();
        let mut invoice = crate::fixtures::invoice("FCT-1", lines);
        if credit_note {
            invoice.kind = DocumentKind::CreditNote;
            invoice.type_code = "381".into();
        }
        if rate_ron.is_some() {
            invoice.currency = "EUR".into();
            invoice.vat_accounting_currency = Some("RON".into());
            crate::fixtures::compute(&mut invoice, rate_ron);
        }
        let xml = ubl::write(&invoice);
        prop_assert!(!has_negative_zero(&xml), "{xml}");
        let read = ubl::read(xml.as_bytes()).expect("reads");
        prop_assert!(read.issues.is_empty(), "{:?}", read.issues);
        prop_assert_eq!(&read.invoice, &invoice);
    }
}

/// Whether a number in `xml` is written `-0`, `-0.00` and the like.
fn has_negative_zero(xml: &str) -> bool {
    xml.match_indices(">-0").any(|(at, _)| {
        let rest = &xml[at + 3..];
        let number = &rest[..rest.find('<').unwrap_or(rest.len())];
        number.bytes().all(|b| b == b'0' || b == b'.')
    })
}
