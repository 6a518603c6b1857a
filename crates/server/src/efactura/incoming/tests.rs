//! The mapping on real documents of the conformance corpus (`FACTURO_CONFORMANCE`, or
//! `../shared/conformance` beside the workspace; a test prints "skipped" without it) and on
//! documents that lack what they should have.

use std::path::PathBuf;

use pretty_assertions::assert_eq;
use rust_decimal_macros::dec;
use time::macros::{date, datetime};

use einvoice::model::InvoiceLine;

use super::*;

fn corpus(path: &str) -> Option<Vec<u8>> {
    let dir = std::env::var_os("FACTURO_CONFORMANCE").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/conformance"),
        PathBuf::from,
    );
    let file = dir.join("corpus").join(path);
    if !file.is_file() {
        eprintln!("skipped: {} is not there", file.display());
        return None;
    }
    Some(std::fs::read(file).unwrap())
}

fn ctx(company_cif: i64) -> Context<'static> {
    Context {
        company: CompanyId::new(),
        company_cif,
        issuer_cif: None,
        received_on: date!(2026 - 06 - 14),
        fallback_number: "ANAF-3001474425".into(),
        now: datetime!(2026-06-15 09:00 UTC),
    }
}

fn vat_of_lines(i: &Incoming) -> i64 {
    i.lines.iter().map(|l| l.vat_amount).sum()
}

#[test]
fn totals_are_the_xmls_with_allowances_charges_prepaid_and_rounding() {
    let Some(xml) = corpus("cius-ro/anaf-ubl-examples/ubl_b2g_example0.xml") else {
        return;
    };
    let i = read(&xml, &ctx(8_609_468)).unwrap();
    let inv = &i.invoice;
    assert_eq!(
        (inv.line_extension, inv.allowance_total, inv.charge_total),
        (143_650, 15_000, 10_000)
    );
    assert_eq!(
        (inv.subtotal, inv.vat_total, inv.total),
        (138_650, 27_309, 165_959)
    );
    assert_eq!(
        (inv.prepaid, inv.rounding, inv.payable),
        (100_000, 30, 65_989)
    );
    assert_eq!(
        (
            inv.status.as_str(),
            inv.direction.as_str(),
            inv.document_type.as_str()
        ),
        ("synced", "incoming", "invoice")
    );
    assert_eq!(inv.currency, "RON");
    assert_eq!(i.lines.len(), 5);
    // The lines carry the breakdown's VAT exactly, each group on its own lines.
    assert_eq!(vat_of_lines(&i), inv.vat_total);
    for l in i.lines.iter().filter(|l| l.vat_category_code == "E") {
        assert_eq!((l.vat_rate.0, l.vat_amount), (dec!(0), 0));
    }
    // A document-level allowance and charge are kept with their VAT category.
    let ext = inv.details.0.ubl_extensions.as_ref().unwrap();
    assert_eq!(ext.allowance_charges.len(), 2);
    assert!(
        ext.allowance_charges
            .iter()
            .all(|a| a.tax_category_code.is_some())
    );
    // The buyer is the company: nothing to say about it.
    assert!(
        !i.warnings.iter().any(|w| w.contains("buyer")),
        "{:?}",
        i.warnings
    );
    assert_eq!(i.supplier.name, "The Sellercompany Incorporated");
    assert_eq!(i.supplier.source, "anaf_sync");
    assert!(i.supplier.is_vat_payer);
}

#[test]
fn a_credit_note_is_a_credit_note_with_its_amounts_and_unit_as_given() {
    let Some(xml) = corpus("cius-ro/anaf-exemple_Invoice_CreditNote/creditNote_ex.xml") else {
        return;
    };
    let i = read(&xml, &ctx(8_609_468)).unwrap();
    assert_eq!(i.invoice.document_type, "credit_note");
    assert_eq!(i.invoice.currency, "SEK");
    assert_eq!(
        (i.invoice.subtotal, i.invoice.total, i.invoice.payable),
        (40_000, 50_000, 50_000)
    );
    assert_eq!(i.invoice.vat_total, 10_000);
    let l = &i.lines[0];
    assert_eq!(
        (l.unit_code.as_str(), l.unit_of_measure.as_str()),
        ("MON", "luna")
    );
    assert_eq!(l.line_total, 40_000);
    assert_eq!(l.vat_amount, 10_000);
}

#[test]
fn a_foreign_currency_invoice_keeps_its_ron_vat_and_the_rate_it_implies() {
    let Some(xml) = corpus("cius-ro/anaf-ubl-examples/ubl_b2g_example3.xml") else {
        return;
    };
    let i = read(&xml, &ctx(8_609_468)).unwrap();
    assert_eq!(i.invoice.currency, "EUR");
    assert_eq!(i.invoice.vat_total, 27_412);
    assert_eq!(i.invoice.vat_total_accounting, Some(62_862));
    // 628.62 / 274.12 = 2.29323…
    assert_eq!(i.invoice.exchange_rate, Some(Dec(dec!(2.2932))));
    assert_eq!(i.lines[0].vat_rate.0, dec!(22));
    assert_eq!(vat_of_lines(&i), 27_412);
    // The example's seller VAT id is no valid CIF: kept as written, not dropped.
    assert_eq!(i.supplier.cif.as_deref(), Some("RO1111111111118"));
}

#[test]
fn an_o_category_line_is_not_taxed_and_an_unknown_unit_code_is_kept() {
    let Some(xml) = corpus("peppol-bis3/examples/vat-category-O.xml") else {
        return;
    };
    let i = read(&xml, &ctx(18_547_290)).unwrap();
    let l = &i.lines[0];
    assert_eq!(l.vat_category_code, "O");
    assert_eq!((l.vat_rate.0, l.vat_amount), (dec!(0), 0));
    assert_eq!(
        (l.unit_code.as_str(), l.unit_of_measure.as_str()),
        ("EA", "EA")
    );
    assert_eq!(
        (i.invoice.subtotal, i.invoice.vat_total, i.invoice.total),
        (320_000, 0, 320_000)
    );
    // A Swedish buyer is not the company.
    assert!(
        i.warnings.iter().any(|w| w.contains("The buyer")),
        "{:?}",
        i.warnings
    );
}

#[test]
fn every_ubl_example_of_anaf_reads_with_lines_adding_up_to_its_vat() {
    for n in 0..=10 {
        let Some(xml) = corpus(&format!("cius-ro/anaf-ubl-examples/ubl_b2g_example{n}.xml")) else {
            return;
        };
        let i = read(&xml, &ctx(8_609_468)).unwrap();
        assert!(!i.lines.is_empty(), "example {n}");
        // Example 6 has a line at 25 % that its breakdown lacks: that line's VAT is its own.
        if n != 6 {
            assert_eq!(vat_of_lines(&i), i.invoice.vat_total, "example {n}");
        }
        assert!(i.supplier.cif.is_some(), "example {n}");
    }
}

const BROKEN: &str = r#"<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
  xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
  xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
  <cbc:IssueDate>2026-02-30</cbc:IssueDate>
  <cac:AccountingSupplierParty><cac:Party>
    <cac:PartyLegalEntity><cbc:RegistrationName>Furnizor SRL</cbc:RegistrationName></cac:PartyLegalEntity>
  </cac:Party></cac:AccountingSupplierParty>
  <cac:LegalMonetaryTotal><cbc:PayableAmount currencyID="RON">12.345</cbc:PayableAmount></cac:LegalMonetaryTotal>
  <cac:InvoiceLine>
    <cbc:ID>1</cbc:ID>
    <cbc:InvoicedQuantity unitCode="XYZ">2</cbc:InvoicedQuantity>
    <cbc:LineExtensionAmount currencyID="RON">10</cbc:LineExtensionAmount>
    <cac:Item><cbc:Name>Ceva</cbc:Name><cac:ClassifiedTaxCategory><cbc:ID>Z</cbc:ID><cbc:Percent>0</cbc:Percent></cac:ClassifiedTaxCategory></cac:Item>
    <cac:Price><cbc:PriceAmount currencyID="RON">5</cbc:PriceAmount></cac:Price>
  </cac:InvoiceLine>
</Invoice>"#;

#[test]
fn a_document_missing_what_it_should_have_is_imported_with_warnings() {
    let mut c = ctx(18_547_290);
    c.issuer_cif = Some("18547290");
    let i = read(BROKEN.as_bytes(), &c).unwrap();
    let inv = &i.invoice;
    assert_eq!(inv.number, "ANAF-3001474425");
    assert_eq!(inv.issue_date, date!(2026 - 06 - 14));
    assert_eq!(inv.line_extension, 1000);
    assert_eq!(inv.payable, 1235);
    assert_eq!(i.lines[0].unit_code, "XYZ");
    assert_eq!(i.lines[0].vat_category_code, "Z");
    // The seller's CIF comes from ANAF's message when the XML has none.
    assert_eq!(i.supplier.cif.as_deref(), Some("18547290"));
    for expected in ["BT-1", "2026-02-30", "BT-106", "12.345", "The buyer"] {
        assert!(
            i.warnings.iter().any(|w| w.contains(expected)),
            "no warning about {expected}: {:?}",
            i.warnings
        );
    }
}

#[test]
fn cents_left_by_rounding_go_to_the_largest_line() {
    let mut inv = Invoice::default();
    for net in [dec!(10), dec!(10), dec!(10)] {
        inv.lines.push(InvoiceLine {
            quantity: Some(dec!(1)),
            net_amount: Some(net),
            price: model_price(net),
            vat: einvoice::model::LineVat::new(VatCategory::S, dec!(21)),
            item: einvoice::model::Item {
                name: "x".into(),
                ..Default::default()
            },
            ..InvoiceLine::default()
        });
    }
    inv.vat_breakdown.push(einvoice::model::VatBreakdown {
        taxable_amount: Some(dec!(30)),
        tax_amount: Some(dec!(6.31)),
        category: Some(VatCategory::S),
        rate: Some(dec!(21)),
        ..Default::default()
    });
    let i = map(&inv, &ctx(18_547_290), Vec::new());
    let vats: Vec<i64> = i.lines.iter().map(|l| l.vat_amount).collect();
    assert_eq!(vats.iter().sum::<i64>(), 631);
    assert_eq!(vats, [211, 210, 210]);
}

fn model_price(net: Decimal) -> einvoice::model::Price {
    einvoice::model::Price {
        net: Some(net),
        ..Default::default()
    }
}
