//! Romanian invoices built from the model, shared by the tests and the benchmark.
//!
//! Every fixture is a document ANAF would accept: CIUS-RO customization id, seller and
//! buyer with Romanian addresses (ISO 3166-2:RO county codes, Bucharest sectors), VAT ids,
//! and totals computed by `Invoice::compute_totals`.

#![allow(dead_code)] // Each test binary uses a different part.

use einvoice::codes::VatCategory;
use einvoice::model::{
    Address, Buyer, CIUS_RO, Contact, CreditTransfer, Identifier, Invoice, InvoiceLine, Item,
    LineVat, PaymentInstructions, Price, Seller,
};
use rust_decimal::Decimal;
use time::macros::date;

/// A decimal from its mantissa and scale: `dec(1250, 2)` is 12.50.
pub fn dec(mantissa: i64, scale: u32) -> Decimal {
    Decimal::new(mantissa, scale)
}

/// The seller: a VAT-registered company in Cluj-Napoca.
pub fn seller() -> Seller {
    Seller {
        name: "Facturo Demo SRL".into(),
        trading_name: Some("Facturo".into()),
        legal_registration_id: Some(Identifier::new("J12/1234/2020")),
        vat_id: Some("RO18547290".into()),
        additional_legal_info: Some("Capital social: 200 RON".into()),
        electronic_address: Some(Identifier::with_scheme("facturare@facturo.ro", "EM")),
        address: Address {
            street: Some("Str. Memorandumului 28".into()),
            city: Some("Cluj-Napoca".into()),
            postal_zone: Some("400114".into()),
            country_subdivision: Some("RO-CJ".into()),
            country_code: "RO".into(),
            ..Address::default()
        },
        contact: Some(Contact {
            name: Some("Ana Pop".into()),
            telephone: Some("0264 123 456".into()),
            email: Some("ana.pop@facturo.ro".into()),
        }),
        ..Seller::default()
    }
}

/// The buyer: a company in Bucharest, sector 3.
pub fn buyer() -> Buyer {
    Buyer {
        name: "Client Exemplu & Fiii SA".into(),
        vat_id: Some("RO14399840".into()),
        legal_registration_id: Some(Identifier::new("J40/5678/2001")),
        address: Address {
            street: Some("Bd. Unirii 10, bl. 7B".into()),
            city: Some("SECTOR3".into()),
            postal_zone: Some("030167".into()),
            country_subdivision: Some("RO-B".into()),
            country_code: "RO".into(),
            ..Address::default()
        },
        ..Buyer::default()
    }
}

/// Line `id`: `quantity` hours at `price`, in `vat`.
pub fn line(id: usize, quantity: Decimal, price: Decimal, vat: LineVat) -> InvoiceLine {
    InvoiceLine {
        id: id.to_string(),
        quantity: Some(quantity),
        unit_code: "HUR".into(),
        price: Price {
            net: Some(price),
            ..Price::default()
        },
        vat,
        item: Item {
            name: format!("Servicii de consultanță, etapa {id}"),
            seller_id: Some(format!("SRV-{id:03}")),
            ..Item::default()
        },
        ..InvoiceLine::default()
    }
}

/// Standard rate, 21 %.
pub fn standard() -> LineVat {
    LineVat::new(VatCategory::S, Decimal::from(21))
}

/// Reduced rate, 11 %.
pub fn reduced() -> LineVat {
    LineVat::new(VatCategory::S, Decimal::from(11))
}

/// Credit transfer to a Romanian IBAN (BG-17).
pub fn bank_transfer() -> PaymentInstructions {
    PaymentInstructions {
        means_code: "30".into(),
        remittance_information: Some("FCT-2025-0042".into()),
        credit_transfers: vec![CreditTransfer {
            account_id: "RO49AAAA1B31007593840000".into(),
            account_name: Some("Facturo Demo SRL".into()),
            service_provider_id: Some("AAAARO22".into()),
        }],
        ..PaymentInstructions::default()
    }
}

/// An invoice (380) in RON with `lines`, its totals computed.
pub fn invoice(number: &str, lines: Vec<InvoiceLine>) -> Invoice {
    let mut invoice = Invoice {
        customization_id: CIUS_RO.into(),
        number: number.into(),
        issue_date: Some(date!(2025 - 09 - 15)),
        due_date: Some(date!(2025 - 10 - 15)),
        type_code: "380".into(),
        currency: "RON".into(),
        seller: seller(),
        buyer: buyer(),
        payment_instructions: Some(bank_transfer()),
        payment_terms: Some("Plata în 30 de zile de la emitere.".into()),
        lines,
        ..Invoice::default()
    };
    compute(&mut invoice, None);
    invoice
}

/// Recomputes the totals, at `rate` RON per unit of the invoice currency.
pub fn compute(invoice: &mut Invoice, rate: Option<Decimal>) {
    invoice
        .compute_totals(rate)
        .expect("fixture totals compute");
}

/// A typical invoice of `count` lines at 21 % and 11 %, with varied quantities and prices.
pub fn typical(count: usize) -> Invoice {
    let lines = (1..=count)
        .map(|i| {
            let n = i64::try_from(i).expect("few lines");
            let vat = if i % 3 == 0 { reduced() } else { standard() };
            line(i, dec(n * 25, 1), dec(15_000 + n * 1_234, 2), vat)
        })
        .collect();
    invoice("FCT-2025-0042", lines)
}
