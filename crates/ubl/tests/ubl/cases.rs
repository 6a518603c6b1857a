//! One document per kind of invoice the writer must cover, each written, compared with its
//! snapshot, checked well-formed, and read back unchanged.

use einvoice::codes::VatCategory;
use einvoice::model::{
    Address, AllowanceCharge, Attachment, BinaryObject, Delivery, DocumentKind, Identifier,
    Invoice, ItemAttribute, ItemClassification, LineAllowanceCharge, LineVat, Note, Period,
    PrecedingInvoice, VatBreakdown,
};
use pretty_assertions::assert_eq;
use rust_decimal_macros::dec;
use time::macros::date;
use ubl::xml::{self, Limits};

use crate::assert_snapshot;
use crate::fixtures::{self, compute, line, reduced, standard};

/// Writes `invoice`, checks the XML against the snapshot `name`, and reads it back.
fn check(name: &str, invoice: &Invoice) -> String {
    let xml = ubl::write(invoice);
    xml::read(xml.as_bytes(), &Limits::default()).expect("the output is well-formed");
    assert_snapshot(name, &xml);
    let read = ubl::read(xml.as_bytes()).expect("the output reads");
    assert!(read.issues.is_empty(), "{:?}", read.issues);
    assert_eq!(&read.invoice, invoice);
    xml
}

fn preceding(number: &str) -> PrecedingInvoice {
    PrecedingInvoice {
        number: number.into(),
        issue_date: Some(date!(2025 - 09 - 15)),
    }
}

#[test]
fn standard_invoice() {
    let mut consulting = line(1, dec!(10), dec!(350), standard());
    consulting.allowances.push(LineAllowanceCharge {
        amount: None,
        base_amount: Some(dec!(3500)),
        percentage: Some(dec!(10)),
        reason: Some("Discount".into()),
        reason_code: Some("95".into()),
    });
    consulting.period = Some(Period {
        start: Some(date!(2025 - 08 - 01)),
        end: Some(date!(2025 - 08 - 31)),
    });
    consulting.order_line_reference = Some("3".into());
    let mut books = line(2, dec!(3), dec!(89.90), reduced());
    books.unit_code = "H87".into();
    books.item.name = "Carte: „Contabilitate pentru începători”".into();
    books.item.description = Some("Ediția a II-a, copertă cartonată".into());
    books.item.standard_id = Some(Identifier::with_scheme("5941234567890", "0160"));
    books.item.classifications = vec![ItemClassification {
        code: "22112000-8".into(),
        list_id: Some("STI".into()),
        list_version: None,
    }];
    books.item.origin_country = Some("RO".into());
    books.item.attributes = vec![ItemAttribute {
        name: "ISBN".into(),
        value: "978-973-0-00000-0".into(),
    }];
    books.price.gross = Some(dec!(99.90));
    books.price.discount = Some(dec!(10.00));
    let mut invoice = fixtures::invoice("FCT-2025-0042", vec![consulting, books]);
    invoice.notes = vec![
        Note::new("Vă mulțumim pentru colaborare!"),
        Note {
            subject_code: Some("AAI".into()),
            text: "Livrare conform contractului cadru.".into(),
        },
    ];
    invoice.vat_point_date_code = Some("3".into());
    invoice.buyer_reference = Some("Dep. Achiziții".into());
    invoice.invoicing_period = Some(Period {
        start: Some(date!(2025 - 08 - 01)),
        end: Some(date!(2025 - 08 - 31)),
    });
    invoice.purchase_order_reference = Some("PO-7781".into());
    invoice.contract_reference = Some("CTR-12/2025".into());
    invoice.despatch_advice_reference = Some("AVZ-0193".into());
    invoice.delivery = Some(Delivery {
        actual_date: Some(date!(2025 - 08 - 29)),
        address: Some(Address {
            street: Some("Calea Victoriei 155".into()),
            city: Some("SECTOR1".into()),
            postal_zone: Some("010073".into()),
            country_subdivision: Some("RO-B".into()),
            country_code: "RO".into(),
            ..Address::default()
        }),
        ..Delivery::default()
    });
    invoice.allowances.push(AllowanceCharge {
        amount: Some(dec!(50.00)),
        vat_category: Some(VatCategory::S),
        vat_rate: Some(dec!(21)),
        reason: Some("Reducere fidelitate".into()),
        reason_code: Some("95".into()),
        ..AllowanceCharge::default()
    });
    invoice.charges.push(AllowanceCharge {
        amount: Some(dec!(25.00)),
        vat_category: Some(VatCategory::S),
        vat_rate: Some(dec!(21)),
        reason: Some("Transport".into()),
        reason_code: Some("FC".into()),
        ..AllowanceCharge::default()
    });
    compute(&mut invoice, None);
    // 10 × 350 − 350 = 3150.00; 3 × 89.90 = 269.70; − 50 + 25 at 21 %.
    assert_eq!(invoice.totals.tax_exclusive, Some(dec!(3394.70)));
    assert_eq!(invoice.totals.vat_total, Some(dec!(685.92))); // 3125 × 21 % + 269.70 × 11 %
    let xml = check("standard_invoice", &invoice);
    assert!(xml.contains("<cbc:CityName>SECTOR3</cbc:CityName>"));
    assert!(xml.contains("<cbc:CountrySubentity>RO-CJ</cbc:CountrySubentity>"));
    assert!(
        xml.contains("<cbc:RegistrationName>Client Exemplu &amp; Fiii SA</cbc:RegistrationName>")
    );
}

#[test]
fn credit_note_references_the_original() {
    let mut returned = line(1, dec!(2), dec!(89.90), reduced());
    returned.unit_code = "H87".into();
    let mut note = fixtures::invoice("CN-2025-0007", vec![returned]);
    note.kind = DocumentKind::CreditNote;
    note.type_code = "381".into();
    note.preceding_invoices = vec![preceding("FCT-2025-0042")];
    note.notes = vec![Note::new("Retur marfă conform procesului-verbal nr. 12.")];
    check("credit_note", &note);
}

#[test]
fn storno_invoice_has_negative_quantities() {
    let original = fixtures::typical(3);
    let lines = original
        .lines
        .iter()
        .map(|l| {
            let mut l = l.clone();
            l.quantity = l.quantity.map(|q| -q);
            l
        })
        .collect();
    let mut storno = fixtures::invoice("FCT-2025-0043", lines);
    storno.preceding_invoices = vec![preceding("FCT-2025-0042")];
    storno.notes = vec![Note::new("Stornare integrală a facturii FCT-2025-0042.")];
    storno.due_date = None;
    storno.payment_terms = None;
    storno.payment_instructions = None;
    assert_eq!(
        storno.totals.payable.map(|p| -p),
        original.totals.payable,
        "a storno cancels the original exactly"
    );
    check("storno_invoice", &storno);
}

#[test]
fn self_billing_invoice() {
    let mut invoice = fixtures::invoice(
        "AF-2025-0001",
        vec![line(1, dec!(40), dec!(120), standard())],
    );
    invoice.type_code = "389".into();
    invoice.notes = vec![Note::new(
        "Autofactură emisă de beneficiar în numele furnizorului.",
    )];
    check("self_billing", &invoice);
}

#[test]
fn final_invoice_deducts_the_advance() {
    let mut invoice = fixtures::invoice(
        "FCT-2025-0050",
        vec![line(1, dec!(1), dec!(10000), standard())],
    );
    invoice.preceding_invoices = vec![preceding("AV-2025-0003")];
    invoice.totals.prepaid = Some(dec!(3630.00)); // the advance invoice's total
    compute(&mut invoice, None);
    assert_eq!(invoice.totals.payable, Some(dec!(8470.00)));
    check("advance_deduction", &invoice);
}

#[test]
fn foreign_currency_with_vat_in_ron() {
    let mut invoice = fixtures::typical(2);
    invoice.currency = "EUR".into();
    invoice.vat_accounting_currency = Some("RON".into());
    invoice
        .payment_instructions
        .as_mut()
        .expect("fixture pays by transfer")
        .credit_transfers[0]
        .account_id = "RO66BACX0000001234567890".into();
    compute(&mut invoice, Some(dec!(5.0735))); // BNR: 1 EUR = 5.0735 RON
    let vat = invoice.totals.vat_total.expect("computed");
    assert_eq!(vat, dec!(268.64));
    // 268.64 × 5.0735 = 1362.94504 → 1362.95 RON, half away from zero.
    assert_eq!(invoice.totals.vat_total_accounting, Some(dec!(1362.95)));
    let xml = check("foreign_currency", &invoice);
    assert!(xml.contains(r#"<cbc:TaxAmount currencyID="RON">1362.95</cbc:TaxAmount>"#));
}

#[test]
fn zero_rated_and_exempt_lines() {
    let zero = LineVat::new(VatCategory::Z, dec!(0));
    let exempt = LineVat::new(VatCategory::E, dec!(0));
    let mut invoice = fixtures::invoice(
        "FCT-2025-0051",
        vec![
            line(1, dec!(1), dec!(500), zero),
            line(2, dec!(2), dec!(300), exempt),
        ],
    );
    invoice.vat_breakdown = vec![VatBreakdown {
        category: Some(VatCategory::E),
        rate: Some(dec!(0)),
        exemption_reason: Some("Scutit conform art. 292 alin. (2) lit. a) din Codul fiscal".into()),
        exemption_reason_code: Some("VATEX-EU-132".into()),
        ..VatBreakdown::default()
    }];
    compute(&mut invoice, None);
    check("zero_rated_and_exempt", &invoice);
}

#[test]
fn reverse_charge() {
    let ae = LineVat::new(VatCategory::AE, dec!(0));
    let mut invoice = fixtures::invoice("FCT-2025-0052", vec![line(1, dec!(12), dec!(95), ae)]);
    invoice.vat_breakdown = vec![VatBreakdown {
        category: Some(VatCategory::AE),
        rate: Some(dec!(0)),
        exemption_reason: Some("Taxare inversă conform art. 331 din Codul fiscal".into()),
        exemption_reason_code: Some("VATEX-EU-AE".into()),
        ..VatBreakdown::default()
    }];
    compute(&mut invoice, None);
    check("reverse_charge", &invoice);
}

#[test]
fn intra_community_supply() {
    let k = LineVat::new(VatCategory::K, dec!(0));
    let mut invoice = fixtures::invoice("FCT-2025-0053", vec![line(1, dec!(5), dec!(1200), k)]);
    invoice.currency = "EUR".into();
    invoice.vat_accounting_currency = Some("RON".into());
    invoice.buyer.name = "Beispiel Handel GmbH".into();
    invoice.buyer.vat_id = Some("DE123456789".into());
    invoice.buyer.legal_registration_id = None;
    invoice.buyer.address = Address {
        street: Some("Hauptstraße 5".into()),
        city: Some("München".into()),
        postal_zone: Some("80331".into()),
        country_code: "DE".into(),
        ..Address::default()
    };
    invoice.delivery = Some(Delivery {
        actual_date: Some(date!(2025 - 09 - 10)),
        address: Some(Address {
            street: Some("Lagerweg 1".into()),
            city: Some("Garching".into()),
            postal_zone: Some("85748".into()),
            country_subdivision: Some("Bayern".into()),
            country_code: "DE".into(),
            ..Address::default()
        }),
        ..Delivery::default()
    });
    compute(&mut invoice, Some(dec!(5.0735)));
    assert_eq!(
        invoice.vat_breakdown[0].exemption_reason_code.as_deref(),
        Some("VATEX-EU-IC")
    );
    check("intra_community_supply", &invoice);
}

#[test]
fn export_outside_the_eu() {
    let g = LineVat::new(VatCategory::G, dec!(0));
    let mut invoice = fixtures::invoice("FCT-2025-0054", vec![line(1, dec!(100), dec!(45), g)]);
    invoice.currency = "USD".into();
    invoice.vat_accounting_currency = Some("RON".into());
    invoice.buyer.name = "Example Imports LLC".into();
    invoice.buyer.vat_id = None;
    invoice.buyer.legal_registration_id = Some(Identifier::new("EIN 12-3456789"));
    invoice.buyer.address = Address {
        street: Some("500 Market Street".into()),
        city: Some("San Francisco".into()),
        postal_zone: Some("94105".into()),
        country_subdivision: Some("CA".into()),
        country_code: "US".into(),
        ..Address::default()
    };
    compute(&mut invoice, Some(dec!(4.3120)));
    check("export", &invoice);
}

#[test]
fn outside_scope_seller_without_vat_id() {
    let mut invoice = fixtures::invoice(
        "PFA-2025-0003",
        vec![line(1, dec!(8), dec!(150), LineVat::outside_scope())],
    );
    invoice.seller.name = "Ionescu Maria PFA".into();
    invoice.seller.trading_name = None;
    invoice.seller.vat_id = None;
    invoice.seller.legal_registration_id = Some(Identifier::new("41234567"));
    invoice.buyer.vat_id = None;
    invoice.notes = vec![Note::new("Neplătitor de TVA.")];
    compute(&mut invoice, None);
    assert_eq!(invoice.vat_breakdown[0].rate, None);
    let xml = check("outside_scope", &invoice);
    assert!(!xml.contains("<cbc:Percent>"));
}

#[test]
fn embedded_and_external_attachments() {
    let mut invoice = fixtures::typical(1);
    invoice.attachments = vec![
        Attachment {
            id: "PV-12".into(),
            description: Some("Proces-verbal de recepție".into()),
            content: Some(BinaryObject {
                data: b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
                    .to_vec(),
                mime_code: "application/pdf".into(),
                filename: "pv-12.pdf".into(),
            }),
            ..Attachment::default()
        },
        Attachment {
            id: "Pontaj".into(),
            external_uri: Some("https://facturo.ro/documente/pontaj?luna=2025-08&client=7".into()),
            ..Attachment::default()
        },
    ];
    invoice.invoiced_object_identifier = Some(Identifier::with_scheme("AUTO-B-123-XYZ", "AAJ"));
    invoice.project_reference = Some("PRJ-2025-04".into());
    check("attachments", &invoice);
}

#[test]
fn credit_note_places_project_and_due_date_as_ubl_wants() {
    let mut note = fixtures::typical(1);
    note.kind = DocumentKind::CreditNote;
    note.type_code = "381".into();
    note.project_reference = Some("PRJ-9".into());
    note.tender_or_lot_reference = Some("LOT-2".into());
    let xml = ubl::write(&note);
    let at = |needle: &str| {
        xml.find(needle)
            .unwrap_or_else(|| panic!("{needle} missing"))
    };
    assert!(
        at("<cbc:DocumentTypeCode>50</cbc:DocumentTypeCode>")
            < at("<cac:OriginatorDocumentReference>")
    );
    assert!(at("<cbc:PaymentDueDate>2025-10-15</cbc:PaymentDueDate>") > at("<cac:PaymentMeans>"));
    assert!(!xml.contains("<cbc:DueDate>"));
    assert!(!xml.contains("<cac:ProjectReference>"));
    assert_eq!(ubl::read(xml.as_bytes()).expect("reads").invoice, note);
}
