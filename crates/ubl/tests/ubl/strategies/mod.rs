//! Proptest strategies for realistic documents, for the round-trip properties.
//!
//! The generated values keep to the model's conventions (an optional text is never empty,
//! an optional group is never empty, amounts have at most 2 decimals), since the writer
//! treats an empty value as an absent one.

use einvoice::codes::VatCategory;
use einvoice::model::{
    AllowanceCharge, Attachment, BinaryObject, DocumentKind, DocumentTotals, Identifier, Invoice,
    InvoiceLine, Item, ItemAttribute, ItemClassification, LineAllowanceCharge, LineVat, Note,
    Period, PrecedingInvoice, Price, VatBreakdown,
};
use proptest::collection::vec;
use proptest::option::of;
use proptest::prelude::*;
use proptest::sample::select;
use rust_decimal::Decimal;
use time::{Date, Month};

mod parties;

use parties::{buyer, delivery, payee, payment, seller, tax_representative};

/// Free text: letters with Romanian diacritics, digits, XML's special characters, inner
/// spaces, tabs and line breaks; never empty, no surrounding whitespace.
fn text() -> impl Strategy<Value = String> {
    "[A-Za-z0-9ăîșțĂÎȘȚ&<>\"'/.,;:()#€-][A-Za-z0-9ăîșțĂÎȘȚ&<>\"'/.,;:()#€ \t\r\n-]{0,30}[A-Za-z0-9&<>\"'.)-]"
        .prop_map(String::from)
}

/// A reference or number: never `NA`, which UBL uses for "no purchase order".
fn reference() -> impl Strategy<Value = String> {
    "[A-Z]{2,4}-[0-9]{1,6}(/[0-9]{4})?"
}

fn code(values: &'static [&'static str]) -> impl Strategy<Value = String> {
    select(values).prop_map(str::to_owned)
}

fn date() -> impl Strategy<Value = Date> {
    (2000i32..2040, 1u8..=12, 1u8..=28).prop_map(|(y, m, d)| {
        Date::from_calendar_date(y, Month::try_from(m).expect("1..=12"), d).expect("valid date")
    })
}

/// An amount with at most 2 decimals, sometimes negative.
fn amount() -> impl Strategy<Value = Decimal> {
    (-100_000_000i64..1_000_000_000, 0u32..=2).prop_map(|(m, s)| Decimal::new(m, s))
}

/// A unit price: not negative, up to 6 decimals.
pub fn price() -> impl Strategy<Value = Decimal> {
    (0i64..10_000_000_000, 0u32..=6).prop_map(|(m, s)| Decimal::new(m, s))
}

pub fn quantity() -> impl Strategy<Value = Decimal> {
    (-1_000_000i64..10_000_000, 0u32..=4).prop_map(|(m, s)| Decimal::new(m, s))
}

pub fn rate() -> impl Strategy<Value = Decimal> {
    select(vec![
        Decimal::ZERO,
        Decimal::new(5, 0),
        Decimal::new(9, 0),
        Decimal::new(11, 0),
        Decimal::new(19, 0),
        Decimal::new(21, 0),
        Decimal::new(2100, 2),
        Decimal::new(85, 1),
    ])
}

pub fn category() -> impl Strategy<Value = VatCategory> {
    select(VatCategory::ALL.to_vec())
}

fn identifier() -> impl Strategy<Value = Identifier> {
    (
        "[A-Z0-9]{1,3}[A-Za-z0-9./@-]{0,14}",
        of(code(&["0002", "0007", "0088", "0160", "9933", "EM"])),
    )
        .prop_map(|(id, scheme)| Identifier { id, scheme })
}

fn period() -> impl Strategy<Value = Period> {
    (of(date()), of(date()))
        .prop_filter("a period has a date", |(start, end)| {
            start.is_some() || end.is_some()
        })
        .prop_map(|(start, end)| Period { start, end })
}

fn allowance_charge() -> impl Strategy<Value = AllowanceCharge> {
    (
        (of(amount()), of(amount()), of(rate())),
        (
            of(category()),
            of(rate()),
            of(text()),
            of(code(&["95", "100", "FC", "ABL"])),
        ),
    )
        .prop_map(
            |((amount, base_amount, percentage), (vat_category, vat_rate, reason, reason_code))| {
                AllowanceCharge {
                    amount,
                    base_amount,
                    percentage,
                    vat_category,
                    vat_rate,
                    reason,
                    reason_code,
                }
            },
        )
}

fn line_allowance_charge() -> impl Strategy<Value = LineAllowanceCharge> {
    (
        of(amount()),
        of(amount()),
        of(rate()),
        of(text()),
        of(code(&["95", "64", "FC"])),
    )
        .prop_map(|(amount, base_amount, percentage, reason, reason_code)| {
            LineAllowanceCharge {
                amount,
                base_amount,
                percentage,
                reason,
                reason_code,
            }
        })
}

fn item() -> impl Strategy<Value = Item> {
    let classification = (
        "[0-9]{8}-[0-9]",
        of(code(&["STI", "HS", "CG"])),
        of(code(&["2008", "1"])),
    )
        .prop_map(|(code, list_id, list_version)| ItemClassification {
            code,
            list_id,
            list_version,
        });
    let attribute = (text(), text()).prop_map(|(name, value)| ItemAttribute { name, value });
    (
        (text(), of(text()), of(reference()), of(reference())),
        (
            of(identifier()),
            vec(classification, 0..3),
            of(code(&["RO", "CN", "DE"])),
            vec(attribute, 0..3),
        ),
    )
        .prop_map(
            |(
                (name, description, seller_id, buyer_id),
                (standard_id, classifications, origin_country, attributes),
            )| Item {
                name,
                description,
                seller_id,
                buyer_id,
                standard_id,
                classifications,
                origin_country,
                attributes,
            },
        )
}

fn price_details() -> impl Strategy<Value = Price> {
    (
        of(price()),
        of((price(), of(price()))),
        of((price(), of(code(&["H87", "KGM", "C62"])))),
    )
        .prop_map(|(net, discount, base)| Price {
            net,
            // UBL carries the gross price in the discount's allowance, which needs an amount.
            discount: discount.map(|(d, _)| d),
            gross: discount.and_then(|(_, g)| g),
            base_quantity: base.as_ref().map(|(q, _)| *q),
            base_quantity_unit: base.and_then(|(_, u)| u),
        })
}

fn line() -> impl Strategy<Value = InvoiceLine> {
    let vat = prop_oneof![
        (category(), rate()).prop_map(|(c, r)| LineVat::new(c, r)),
        Just(LineVat::outside_scope()),
        Just(LineVat::default()),
    ];
    (
        (
            "[0-9]{1,4}",
            of(text()),
            of(identifier()),
            quantity(),
            code(&["H87", "HUR", "KGM", "C62"]),
        ),
        (of(amount()), of(reference()), of(text()), of(period())),
        (
            vec(line_allowance_charge(), 0..2),
            vec(line_allowance_charge(), 0..2),
            price_details(),
            vat,
            item(),
        ),
    )
        .prop_map(
            |(
                (id, note, object_identifier, quantity, unit_code),
                (net_amount, order_line_reference, buyer_accounting_reference, period),
                (allowances, charges, price, vat, item),
            )| InvoiceLine {
                id,
                note,
                object_identifier,
                quantity: Some(quantity),
                unit_code,
                net_amount,
                order_line_reference,
                buyer_accounting_reference,
                period,
                allowances,
                charges,
                price,
                vat,
                item,
            },
        )
}

fn breakdown() -> impl Strategy<Value = VatBreakdown> {
    (
        of(amount()),
        of(amount()),
        of(category()),
        of(rate()),
        of(text()),
        of(code(&["VATEX-EU-AE", "VATEX-EU-IC", "VATEX-EU-132"])),
    )
        .prop_map(
            |(
                taxable_amount,
                tax_amount,
                category,
                rate,
                exemption_reason,
                exemption_reason_code,
            )| VatBreakdown {
                taxable_amount,
                tax_amount,
                category,
                rate,
                exemption_reason,
                exemption_reason_code,
            },
        )
}

fn attachment() -> impl Strategy<Value = Attachment> {
    let content = (
        vec(any::<u8>(), 1..200),
        code(&["application/pdf", "image/png", "text/csv"]),
        "[a-z]{1,8}\\.(pdf|png|csv)",
    )
        .prop_map(|(data, mime_code, filename)| BinaryObject {
            data,
            mime_code,
            filename,
        });
    (
        reference(),
        of(text()),
        of("https://[a-z]{3,10}\\.ro/[a-z0-9?=&]{0,20}"),
        of(content),
    )
        .prop_map(|(id, description, external_uri, content)| Attachment {
            id,
            description,
            external_uri,
            content,
        })
}

fn note() -> impl Strategy<Value = Note> {
    (of("[A-Z]{3}"), text()).prop_map(|(subject_code, text)| {
        // A text that looks like a subject code prefix would be read as one.
        let text = if text.starts_with('#') {
            format!("N{text}")
        } else {
            text
        };
        Note { subject_code, text }
    })
}

fn totals() -> impl Strategy<Value = DocumentTotals> {
    (
        (
            of(amount()),
            of(amount()),
            of(amount()),
            of(amount()),
            amount(),
        ),
        (of(amount()), of(amount()), of(amount()), of(amount())),
    )
        .prop_map(
            |(
                (line_extension, allowance_total, charge_total, tax_exclusive, vat_total),
                (tax_inclusive, prepaid, rounding, payable),
            )| DocumentTotals {
                line_extension,
                allowance_total,
                charge_total,
                tax_exclusive,
                vat_total: Some(vat_total),
                vat_total_accounting: None,
                tax_inclusive,
                prepaid,
                rounding,
                payable,
            },
        )
}

/// An invoice or credit note with random content everywhere.
pub fn invoice() -> impl Strategy<Value = Invoice> {
    let header = (
        (
            any::<bool>(),
            of(text()),
            reference(),
            of(date()),
            code(&["RON", "EUR", "USD"]),
        ),
        (
            of(amount()),
            of(date()),
            of(code(&["3", "35", "432"])),
            of(date()),
        ),
        (
            of(text()),
            of(reference()),
            of(reference()),
            of(reference()),
            of(reference()),
        ),
        (
            of(reference()),
            of(reference()),
            of(reference()),
            of(identifier()),
            of(text()),
            of(text()),
        ),
    );
    let parties = (
        seller(),
        buyer(),
        of(payee()),
        of(tax_representative()),
        of(delivery()),
        of(period()),
        of(payment()),
    );
    let content = (
        vec(note(), 0..4),
        vec(
            (reference(), of(date()))
                .prop_map(|(number, issue_date)| PrecedingInvoice { number, issue_date }),
            0..3,
        ),
        vec(allowance_charge(), 0..3),
        vec(allowance_charge(), 0..3),
        (totals(), vec(breakdown(), 0..4)),
        vec(attachment(), 0..3),
        vec(line(), 1..50),
    );
    (header, parties, content).prop_map(|(h, p, c)| {
        let (
            (credit_note, profile_id, number, issue_date, currency),
            (accounting_vat, vat_point_date, vat_point_date_code, due_date),
            refs1,
            refs2,
        ) = h;
        let (
            buyer_reference,
            project_reference,
            contract_reference,
            purchase_order_reference,
            sales_order_reference,
        ) = refs1;
        let (
            receiving,
            despatch,
            tender,
            invoiced_object_identifier,
            buyer_accounting_reference,
            payment_terms,
        ) = refs2;
        let (
            seller,
            buyer,
            payee,
            tax_representative,
            delivery,
            invoicing_period,
            payment_instructions,
        ) = p;
        let (
            notes,
            preceding_invoices,
            allowances,
            charges,
            (mut totals, vat_breakdown),
            attachments,
            lines,
        ) = c;
        let kind = if credit_note {
            DocumentKind::CreditNote
        } else {
            DocumentKind::Invoice
        };
        // BT-111 needs BT-6; a credit note carries BT-9 in its payment means.
        let vat_accounting_currency = accounting_vat.map(|_| "RON".to_owned());
        totals.vat_total_accounting = accounting_vat;
        let due_date = due_date.filter(|_| !credit_note || payment_instructions.is_some());
        Invoice {
            kind,
            customization_id: einvoice::model::CIUS_RO.into(),
            profile_id,
            number,
            issue_date,
            type_code: if credit_note {
                "381".into()
            } else {
                "380".into()
            },
            currency,
            vat_accounting_currency,
            vat_point_date,
            vat_point_date_code,
            due_date,
            buyer_reference,
            project_reference,
            contract_reference,
            purchase_order_reference,
            sales_order_reference,
            receiving_advice_reference: receiving,
            despatch_advice_reference: despatch,
            tender_or_lot_reference: tender,
            invoiced_object_identifier,
            buyer_accounting_reference,
            payment_terms,
            notes,
            preceding_invoices,
            seller,
            buyer,
            payee,
            tax_representative,
            delivery,
            invoicing_period,
            payment_instructions,
            allowances,
            charges,
            totals,
            vat_breakdown,
            attachments,
            lines,
        }
    })
}
