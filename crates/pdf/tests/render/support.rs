//! Shared test code: invoices that read as sentences, a PNG logo made here, and the text of
//! a rendered PDF extracted page by page with `pdf-extract`.

use einvoice::codes::VatCategory;
use einvoice::model::{
    Address, Buyer, Contact, CreditTransfer, Identifier, Invoice, InvoiceLine, Item, LineVat, Note,
    PaymentInstructions, Price, Seller,
};
use pdf::{Look, render};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use time::macros::date;

/// A Romanian invoice in RON from a Cluj seller to a Bucharest buyer, with `lines` lines
/// alternating 21 % and 11 % VAT, one bank account and a note; totals computed.
pub fn invoice(lines: usize) -> Invoice {
    let mut invoice = Invoice {
        customization_id: einvoice::model::CIUS_RO.into(),
        number: "FCT-2026-0042".into(),
        issue_date: Some(date!(2026 - 12 - 03)),
        due_date: Some(date!(2027 - 01 - 02)),
        type_code: "380".into(),
        currency: "RON".into(),
        seller: seller(),
        buyer: buyer(),
        payment_instructions: Some(PaymentInstructions {
            means_code: "30".into(),
            credit_transfers: vec![CreditTransfer {
                account_id: "RO66BTRLRONCRT0123456789".into(),
                account_name: Some("Atelierul de Știință SRL".into()),
                service_provider_id: Some("BTRLRO22".into()),
            }],
            ..PaymentInstructions::default()
        }),
        notes: vec![Note::new(
            "Marfa rămâne proprietatea furnizorului până la plata integrală în contul indicat.",
        )],
        lines: (1..=lines).map(line).collect(),
        ..Invoice::default()
    };
    invoice.compute_totals(None).expect("totals");
    invoice
}

/// Line `n`: `n` pieces of a numbered item, at 21 % when `n` is odd and 11 % when even.
pub fn line(n: usize) -> InvoiceLine {
    let rate = if n % 2 == 1 { dec!(21) } else { dec!(11) };
    InvoiceLine {
        id: n.to_string(),
        quantity: Some(Decimal::from(n % 7 + 1)),
        unit_code: "H87".into(),
        price: Price {
            net: Some(dec!(12.50) + Decimal::from(n)),
            ..Price::default()
        },
        vat: LineVat::new(VatCategory::S, rate),
        item: Item {
            name: format!("Articol {n} țesătură"),
            ..Item::default()
        },
        ..InvoiceLine::default()
    }
}

/// One line of `quantity` × `price` at 21 %.
pub fn simple_line(name: &str, quantity: Decimal, price: Decimal) -> InvoiceLine {
    InvoiceLine {
        id: "1".into(),
        quantity: Some(quantity),
        unit_code: "HUR".into(),
        price: Price {
            net: Some(price),
            ..Price::default()
        },
        vat: LineVat::new(VatCategory::S, dec!(21)),
        item: Item {
            name: name.into(),
            ..Item::default()
        },
        ..InvoiceLine::default()
    }
}

/// An invoice with the given lines, totals computed.
pub fn invoice_with(lines: Vec<InvoiceLine>) -> Invoice {
    let mut invoice = invoice(0);
    invoice.lines = lines;
    invoice.compute_totals(None).expect("totals");
    invoice
}

fn seller() -> Seller {
    Seller {
        name: "Atelierul de Știință SRL".into(),
        vat_id: Some("RO12345674".into()),
        legal_registration_id: Some(Identifier::new("J12/3456/2020")),
        address: Address {
            street: Some("Str. Mărășești 14".into()),
            city: Some("Cluj-Napoca".into()),
            postal_zone: Some("400001".into()),
            country_subdivision: Some("RO-CJ".into()),
            country_code: "RO".into(),
            ..Address::default()
        },
        contact: Some(Contact {
            telephone: Some("0264 123 456".into()),
            email: Some("office@atelier.ro".into()),
            ..Contact::default()
        }),
        ..Seller::default()
    }
}

fn buyer() -> Buyer {
    Buyer {
        name: "Fabrica de Țesături Ștefănești SA".into(),
        vat_id: Some("RO987654".into()),
        address: Address {
            street: Some("Bd. Unirii 1".into()),
            city: Some("SECTOR3".into()),
            country_subdivision: Some("RO-B".into()),
            country_code: "RO".into(),
            ..Address::default()
        },
        ..Buyer::default()
    }
}

/// A PNG of `width` × `height` pixels, a colour gradient, encoded here.
pub fn png_logo(width: u32, height: u32) -> Vec<u8> {
    let mut bytes = Vec::new();
    let mut encoder = png::Encoder::new(&mut bytes, width, height);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header().expect("png header");
    let mut pixels = Vec::new();
    for y in 0..height {
        for x in 0..width {
            let shade = |a: u32, b: u32| u8::try_from(a * 255 / b).unwrap_or(u8::MAX);
            pixels.extend([shade(x, width), shade(y, height), 160]);
        }
    }
    writer.write_image_data(&pixels).expect("png data");
    writer.finish().expect("png end");
    bytes
}

/// The rendered document's text, one string per page, white space collapsed to single
/// spaces (non-breaking spaces included), so that assertions need not know the layout.
pub fn pages(invoice: &Invoice, look: &Look) -> Vec<String> {
    let bytes = render(invoice, look).unwrap_or_else(|e| panic!("render: {e}"));
    assert!(bytes.starts_with(b"%PDF-"), "not a PDF");
    let pages = pdf_extract::extract_text_from_mem_by_pages(&bytes).expect("text of the PDF");
    pages.iter().map(|p| collapse(p)).collect()
}

/// The text of every page, joined.
pub fn text(invoice: &Invoice, look: &Look) -> String {
    pages(invoice, look).join(" ")
}

/// `text` with every run of white space made one space.
pub fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Asserts that `haystack` contains every needle, white space aside: text extraction
/// guesses spaces and line ends from glyph positions, and a label set above its value
/// comes out glued to it. Prints the text when a needle is missing.
#[track_caller]
pub fn assert_contains(haystack: &str, needles: &[&str]) {
    let squeezed: String = haystack.split_whitespace().collect();
    for needle in needles {
        let needle: String = needle.split_whitespace().collect();
        assert!(
            squeezed.contains(&needle),
            "missing {needle:?} in:\n{haystack}"
        );
    }
}

/// The `BaseFont` names of the fonts a PDF embeds, e.g. `ABCDEF+DejaVuSans`.
pub fn base_fonts(bytes: &[u8]) -> Vec<String> {
    let doc = pdf_extract::Document::load_mem(bytes).expect("a PDF lopdf reads");
    doc.objects
        .values()
        .filter_map(|object| object.as_dict().ok())
        .filter(|dict| dict.get(b"Type").and_then(|t| t.as_name()).ok() == Some(b"Font".as_slice()))
        .filter_map(|dict| dict.get(b"BaseFont").and_then(|n| n.as_name()).ok())
        .map(|name| String::from_utf8_lossy(name).into_owned())
        .collect()
}
