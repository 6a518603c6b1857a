//! Invoices read from UBL, as they arrive from ANAF, print like the ones Facturo issues.

use pdf::{Design, Language, Look, Title};

use crate::support::{assert_contains, invoice, text};

/// The UBL documents the `ubl` crate's tests write, one per kind of invoice.
const SNAPSHOTS: [(&str, &[u8]); 12] = [
    (
        "advance_deduction",
        include_bytes!("../../../ubl/tests/ubl/snapshots/advance_deduction.xml"),
    ),
    (
        "attachments",
        include_bytes!("../../../ubl/tests/ubl/snapshots/attachments.xml"),
    ),
    (
        "credit_note",
        include_bytes!("../../../ubl/tests/ubl/snapshots/credit_note.xml"),
    ),
    (
        "export",
        include_bytes!("../../../ubl/tests/ubl/snapshots/export.xml"),
    ),
    (
        "foreign_currency",
        include_bytes!("../../../ubl/tests/ubl/snapshots/foreign_currency.xml"),
    ),
    (
        "intra_community_supply",
        include_bytes!("../../../ubl/tests/ubl/snapshots/intra_community_supply.xml"),
    ),
    (
        "outside_scope",
        include_bytes!("../../../ubl/tests/ubl/snapshots/outside_scope.xml"),
    ),
    (
        "reverse_charge",
        include_bytes!("../../../ubl/tests/ubl/snapshots/reverse_charge.xml"),
    ),
    (
        "self_billing",
        include_bytes!("../../../ubl/tests/ubl/snapshots/self_billing.xml"),
    ),
    (
        "standard_invoice",
        include_bytes!("../../../ubl/tests/ubl/snapshots/standard_invoice.xml"),
    ),
    (
        "storno_invoice",
        include_bytes!("../../../ubl/tests/ubl/snapshots/storno_invoice.xml"),
    ),
    (
        "zero_rated_and_exempt",
        include_bytes!("../../../ubl/tests/ubl/snapshots/zero_rated_and_exempt.xml"),
    ),
];

#[test]
fn every_ubl_snapshot_prints_its_number_parties_and_amount_due() {
    for (name, bytes) in SNAPSHOTS {
        let read = ubl::read(bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        let invoice = read.invoice;
        let look = Look::new(Title::of(&invoice), Language::En);
        let text = text(&invoice, &look);
        let payable = invoice.totals.payable.expect("BT-115").to_string();
        assert_contains(
            &text.replace(',', ""),
            &[
                &invoice.number,
                &invoice.seller.name,
                &invoice.buyer.name,
                &payable,
            ],
        );
    }
}

#[test]
fn an_invoice_prints_the_same_after_a_ubl_round_trip() {
    let mut issued = invoice(5);
    issued.currency = "EUR".into();
    issued.vat_accounting_currency = Some("RON".into());
    issued
        .compute_totals(Some(rust_decimal_macros::dec!(4.9750)))
        .unwrap();
    let received = ubl::read(ubl::write(&issued).as_bytes()).unwrap().invoice;
    for design in [Design::Classic, Design::Modern] {
        let look = Look {
            design,
            ..Look::new(Title::Invoice, Language::Ro)
        };
        assert_eq!(text(&issued, &look), text(&received, &look));
    }
}
