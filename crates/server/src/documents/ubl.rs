//! An invoice as an EN 16931 document and its UBL 2.1 XML (CIUS-RO): built from the validated
//! draft (`draft::build`, the same totals the invoice stores) and the parties' snapshots, so an
//! issued invoice's XML comes from the data frozen at issue and a draft's from today's data.
//!
//! Storno-style credit notes (the API's `credit_note`, negative quantities, api.md §13) are
//! written as invoices (380) referencing the original (BT-25/26), as ANAF expects them; the
//! 381 style arrives with issue #7.

use einvoice::codes::VatCategory;
use einvoice::model::{
    self, Address, Contact, CreditTransfer, DocumentKind, Identifier, InvoiceLine, Item,
    ItemAttribute, ItemClassification, LineAllowanceCharge, LineVat, Note, PaymentInstructions,
    PrecedingInvoice, Price,
};
use rust_decimal::Decimal;
use serde_json::Value;
use time::Date;

use super::draft::{self, Draft, DraftLine};
use super::input::{AllowanceChargeInput, Period};

/// The parties as the invoice shows them: JSON snapshots (see `issue::seller_snapshot` and
/// `buyer::Buyer`).
#[derive(Debug, Clone, Copy)]
pub struct Parties<'a> {
    pub seller: &'a Value,
    pub buyer: Option<&'a Value>,
}

/// The invoice a credit note corrects: its number and issue date (BT-25, BT-26).
pub type Preceding<'a> = Option<(&'a str, Date)>;

/// A VAT exemption reason code (VATEX, BT-121) the company set on one of its VAT rates, for
/// the breakdown group of that category and rate (BR-E-10, BR-AE-10, BR-IC-10, BR-G-10,
/// BR-O-10).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exemption {
    pub category: VatCategory,
    pub rate: Decimal,
    pub code: String,
}

/// CIUS-RO item names carry at most 100 characters (BR-RO-L1024); the rest of a longer
/// description goes to the item description (BT-154).
const ITEM_NAME_CHARS: usize = 100;
/// CIUS-RO notes carry at most 300 characters each (BR-RO-L302): longer text is split.
const NOTE_CHARS: usize = 300;

/// The EN 16931 document of an invoice numbered `number`, with totals computed by
/// `einvoice::totals` from the same inputs as the stored ones.
pub fn document(
    draft: &Draft,
    number: &str,
    parties: Parties<'_>,
    preceding: Preceding<'_>,
    exemptions: &[Exemption],
) -> Result<model::Invoice, model::ModelError> {
    let d = &draft.details;
    let foreign = draft.currency != "RON";
    let mut notes = Vec::new();
    for text in [&d.notes, &d.mentions].into_iter().flatten() {
        notes.extend(split_text(text, NOTE_CHARS).into_iter().map(Note::new));
    }
    let period = d
        .ubl_extensions
        .as_ref()
        .and_then(|x| x.invoice_period.as_ref());
    let mut invoice = model::Invoice {
        kind: DocumentKind::Invoice,
        customization_id: model::CIUS_RO.to_owned(),
        profile_id: clean(d.business_process_type.as_deref()),
        number: number.to_owned(),
        issue_date: Some(draft.issue_date),
        type_code: if draft.invoice_type_code.as_deref() == Some("self_billing") {
            "389"
        } else {
            "380"
        }
        .to_owned(),
        currency: draft.currency.clone(),
        vat_accounting_currency: foreign.then(|| "RON".to_owned()),
        vat_point_date: d.tax_point_date.map(|x| x.0),
        vat_point_date_code: clean(d.tax_point_date_code.as_deref())
            .or_else(|| period.and_then(|p| clean(p.description_code.as_deref()))),
        due_date: draft.due_date,
        buyer_reference: clean(d.buyer_reference.as_deref()),
        project_reference: clean(d.project_reference.as_deref()),
        contract_reference: clean(d.contract_number.as_deref()),
        purchase_order_reference: clean(d.order_number.as_deref()),
        receiving_advice_reference: clean(d.receiving_advice_reference.as_deref()),
        despatch_advice_reference: clean(d.despatch_advice_reference.as_deref()),
        tender_or_lot_reference: clean(d.tender_or_lot_reference.as_deref()),
        invoiced_object_identifier: clean(d.invoiced_object_identifier.as_deref())
            .map(Identifier::new),
        buyer_accounting_reference: clean(d.buyer_accounting_reference.as_deref()),
        payment_terms: clean(d.payment_terms.as_deref()),
        notes,
        preceding_invoices: preceding
            .map(|(number, date)| PrecedingInvoice {
                number: number.to_owned(),
                issue_date: Some(date),
            })
            .into_iter()
            .collect(),
        seller: seller(parties.seller),
        buyer: buyer(parties.buyer, draft),
        invoicing_period: period.map(to_period).filter(|p| !p.is_empty()),
        payment_instructions: payment(parties.seller, draft.payment_method.as_deref()),
        lines: draft
            .lines
            .iter()
            .zip(&draft.totals.lines)
            .enumerate()
            .map(|(i, (l, t))| line(i, l, t.net))
            .collect(),
        ..model::Invoice::default()
    };
    let document_level = d.ubl_extensions.iter().flat_map(|x| &x.allowance_charges);
    for ac in document_level {
        // The category and rate the totals used (defaults included).
        let vat = draft::vat_key(
            ac.tax_category_code.as_deref(),
            ac.tax_rate.map(|n| n.0),
            "",
            "",
            &mut Vec::new(),
        );
        let entry = model::AllowanceCharge {
            amount: ac.amount.map(|n| n.0),
            base_amount: ac.base_amount.map(|n| n.0),
            percentage: ac.multiplier_factor_numeric.map(|n| n.0),
            vat_category: Some(vat.category),
            vat_rate: (vat.category != VatCategory::O).then_some(vat.rate),
            reason: reason(ac),
            reason_code: clean(ac.reason_code.as_deref()),
        };
        if ac.charge_indicator.0 {
            invoice.charges.push(entry);
        } else {
            invoice.allowances.push(entry);
        }
    }
    if !draft.totals.prepaid.is_zero() {
        invoice.totals.prepaid = Some(draft.totals.prepaid);
    }
    // `compute_totals` keeps the reason of a breakdown entry already there for its group.
    invoice.vat_breakdown = exemptions
        .iter()
        .map(|e| model::VatBreakdown {
            category: Some(e.category),
            rate: Some(e.rate),
            exemption_reason_code: Some(e.code.clone()),
            exemption_reason: einvoice::codes::vatex(&e.code).map(|v| v.name.to_owned()),
            ..model::VatBreakdown::default()
        })
        .collect();
    if draft.as_credit_note {
        turn_into_credit_note(&mut invoice);
    }
    invoice.compute_totals(draft.exchange_rate.filter(|_| foreign))?;
    if draft.as_credit_note
        && invoice.totals.payable.is_some_and(|p| p.is_sign_positive())
        && invoice.due_date.is_none()
        && invoice.payment_terms.is_none()
    {
        // BR-CO-25: an amount due needs a due date or payment terms. A credit note's is
        // owed back to the buyer; say against what.
        invoice.payment_terms = Some(match invoice.preceding_invoices.first() {
            Some(p) => format!("Notă de credit pentru factura {}", p.number),
            None => "Notă de credit".to_owned(),
        });
    }
    Ok(invoice)
}

/// A storno (an invoice with negative quantities) as a UBL `CreditNote` (type 381): every
/// quantity and every amount the totals start from changes sign, so the credit note's totals
/// are the storno's turned positive.
fn turn_into_credit_note(invoice: &mut model::Invoice) {
    invoice.kind = DocumentKind::CreditNote;
    "381".clone_into(&mut invoice.type_code);
    let flip = |ac: &mut LineAllowanceCharge| {
        ac.amount = ac.amount.map(|a| -a);
        ac.base_amount = ac.base_amount.map(|a| -a);
    };
    for line in &mut invoice.lines {
        line.quantity = line.quantity.map(|q| -q);
        line.allowances
            .iter_mut()
            .chain(line.charges.iter_mut())
            .for_each(flip);
    }
    for ac in invoice
        .allowances
        .iter_mut()
        .chain(invoice.charges.iter_mut())
    {
        ac.amount = ac.amount.map(|a| -a);
        ac.base_amount = ac.base_amount.map(|a| -a);
    }
    invoice.totals.prepaid = invoice.totals.prepaid.map(|p| -p);
}

/// The UBL 2.1 XML of a document.
pub fn xml(invoice: &model::Invoice) -> String {
    ubl::write(invoice)
}

fn line(i: usize, l: &DraftLine, net: Decimal) -> InvoiceLine {
    let input = &l.input;
    let ext = input.ubl_extensions.clone().unwrap_or_default();
    let (name, description) = item_texts(&l.description);
    let mut out = InvoiceLine {
        id: (i + 1).to_string(),
        note: clean(input.line_note.as_deref()),
        quantity: Some(l.quantity),
        unit_code: l.unit_code.clone(),
        buyer_accounting_reference: clean(input.buyer_accounting_ref.as_deref()),
        period: ext
            .invoice_period
            .as_ref()
            .map(to_period)
            .filter(|p| !p.is_empty()),
        vat: LineVat {
            category: Some(l.vat.category),
            rate: (l.vat.category != VatCategory::O).then_some(l.vat.rate),
        },
        item: Item {
            name,
            description,
            seller_id: clean(input.product_code.as_deref()),
            buyer_id: clean(input.buyer_item_identification.as_deref()),
            standard_id: clean(input.standard_item_identification.as_deref())
                .map(|gtin| Identifier::with_scheme(gtin, "0160")),
            // ANAF lists CPV codes as `STI` (BR-CL-13); `CPV` would be refused.
            classifications: clean(input.cpv_code.as_deref())
                .map(|code| ItemClassification {
                    code,
                    list_id: Some("STI".to_owned()),
                    list_version: None,
                })
                .into_iter()
                .collect(),
            origin_country: clean(ext.origin_country.as_deref()),
            attributes: ext
                .additional_item_properties
                .iter()
                .filter_map(|p| {
                    Some(ItemAttribute {
                        name: p["name"].as_str()?.to_owned(),
                        value: p["value"].as_str()?.to_owned(),
                    })
                })
                .collect(),
        },
        ..InvoiceLine::default()
    };
    if l.vat_included {
        // EN 16931 has no VAT-inclusive price: the line carries its net amount as the price
        // of its whole quantity, so quantity × price ÷ base quantity is exactly that net.
        out.price = net_price(l.quantity, net);
        return out;
    }
    out.price = Price {
        net: Some(l.unit_price),
        base_quantity: (l.base_quantity != Decimal::ONE).then_some(l.base_quantity),
        ..Price::default()
    };
    if !l.discount.is_zero() {
        out.allowances.push(LineAllowanceCharge {
            amount: Some(if l.quantity.is_sign_negative() {
                -l.discount
            } else {
                l.discount
            }),
            reason: Some("Discount".to_owned()),
            reason_code: Some("95".to_owned()),
            ..LineAllowanceCharge::default()
        });
    }
    for ac in &ext.allowance_charges {
        let entry = LineAllowanceCharge {
            amount: ac.amount.map(|n| n.0),
            base_amount: ac.base_amount.map(|n| n.0),
            percentage: ac.multiplier_factor_numeric.map(|n| n.0),
            reason: reason(ac),
            reason_code: clean(ac.reason_code.as_deref()),
        };
        if ac.charge_indicator.0 {
            out.charges.push(entry);
        } else {
            out.allowances.push(entry);
        }
    }
    out
}

/// A net price for a line whose net amount is known: per unit when that is exact to four
/// decimals, else the whole amount over a base quantity of the whole quantity.
fn net_price(quantity: Decimal, net: Decimal) -> Price {
    let per_unit = net.checked_div(quantity).map(|p| p.normalize());
    match per_unit {
        Some(p) if p.scale() <= 4 && p * quantity == net => Price {
            net: Some(p.abs()),
            ..Price::default()
        },
        _ => Price {
            net: Some(net.abs()),
            base_quantity: Some(quantity.abs()),
            ..Price::default()
        },
    }
}

/// A document or line allowance/charge needs a reason or a reason code (BR-33, BR-38, BR-42,
/// BR-44): without either, the reason is "Discount" or "Charge".
fn reason(ac: &AllowanceChargeInput) -> Option<String> {
    clean(ac.reason.as_deref()).or_else(|| {
        clean(ac.reason_code.as_deref()).is_none().then(|| {
            if ac.charge_indicator.0 {
                "Charge"
            } else {
                "Discount"
            }
            .to_owned()
        })
    })
}

fn to_period(p: &Period) -> model::Period {
    model::Period {
        start: p.start_date.map(|d| d.0),
        end: p.end_date.map(|d| d.0),
    }
}

/// BT-153 and BT-154 from a line description: the name is the first 100 characters (cut at a
/// space where there is one), the description what follows.
fn item_texts(text: &str) -> (String, Option<String>) {
    let mut parts = split_text(text, ITEM_NAME_CHARS).into_iter();
    let name = parts.next().unwrap_or_default();
    let rest: Vec<String> = parts.collect();
    (name, (!rest.is_empty()).then(|| rest.join(" ")))
}

/// Splits text into pieces of at most `max` characters, at spaces where possible.
fn split_text(text: &str, max: usize) -> Vec<String> {
    let mut pieces = Vec::new();
    let mut rest = text.trim();
    while rest.chars().count() > max {
        let cut = rest.char_indices().nth(max).map_or(rest.len(), |(i, _)| i);
        let at = rest[..cut]
            .rfind(char::is_whitespace)
            .filter(|&i| i > 0)
            .unwrap_or(cut);
        pieces.push(rest[..at].trim_end().to_owned());
        rest = rest[at..].trim_start();
    }
    if !rest.is_empty() {
        pieces.push(rest.to_owned());
    }
    pieces
}

fn clean(s: Option<&str>) -> Option<String> {
    s.map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
}

fn text(v: &Value, key: &str) -> Option<String> {
    match &v[key] {
        Value::String(s) => clean(Some(s)),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn address(v: &Value) -> Address {
    let mut a = Address {
        street: text(v, "address"),
        city: text(v, "city"),
        postal_zone: text(v, "postalCode"),
        country_subdivision: text(v, "county"),
        country_code: text(v, "country").unwrap_or_else(|| "RO".to_owned()),
        ..Address::default()
    };
    a.normalize_romanian();
    a
}

fn contact(v: &Value) -> Option<Contact> {
    let c = Contact {
        name: None,
        telephone: text(v, "phone"),
        email: text(v, "email"),
    };
    (c.telephone.is_some() || c.email.is_some()).then_some(c)
}

/// The seller (BG-4) from the company snapshot: the VAT identifier `RO` + CIF for a VAT payer
/// (BT-31), the CIF as legal registration identifier (BT-30), and the trade-register number
/// and share capital as additional legal information (BT-33), as Romanian invoices show them.
fn seller(v: &Value) -> model::Seller {
    let cif = text(v, "cif").unwrap_or_default();
    let vat_payer = v["vatPayer"].as_bool().unwrap_or(false);
    let vat_id = vat_payer.then(|| {
        text(v, "vatCode").unwrap_or_else(|| format!("RO{}", cif.trim_start_matches("RO")))
    });
    let legal = [
        text(v, "registrationNumber").map(|r| format!("Nr. Reg. Com. {r}")),
        text(v, "capitalSocial").map(|c| format!("Capital social {c}")),
    ];
    let legal: Vec<String> = legal.into_iter().flatten().collect();
    model::Seller {
        name: text(v, "name").unwrap_or_default(),
        legal_registration_id: (!cif.is_empty())
            .then(|| Identifier::new(cif.trim_start_matches("RO"))),
        vat_id,
        additional_legal_info: (!legal.is_empty()).then(|| legal.join(", ")),
        address: address(v),
        contact: contact(v),
        ..model::Seller::default()
    }
}

/// The buyer (BG-7) from the client snapshot: a VAT payer's VAT code (BT-48), the CUI or, for
/// an individual, the CNP as legal registration identifier (BT-47).
fn buyer(v: Option<&Value>, draft: &Draft) -> model::Buyer {
    let Some(v) = v else {
        return model::Buyer {
            name: draft.receiver_name.clone().unwrap_or_default(),
            legal_registration_id: draft.receiver_cif.clone().map(Identifier::new),
            ..model::Buyer::default()
        };
    };
    let vat_payer = v["isVatPayer"].as_bool().unwrap_or(false);
    let registration = text(v, "cui")
        .map(|c| c.trim_start_matches("RO").to_owned())
        .or_else(|| text(v, "cnp"));
    model::Buyer {
        name: text(v, "name")
            .or_else(|| draft.receiver_name.clone())
            .unwrap_or_default(),
        legal_registration_id: registration.map(Identifier::new),
        vat_id: text(v, "vatCode").filter(|_| vat_payer),
        address: address(v),
        contact: contact(v),
        ..model::Buyer::default()
    }
}

/// BG-16 from the payment method and the seller's default bank account: a credit transfer
/// (code 30) to the IBAN (BT-84) unless the method says cash (10), card (48) or cheque (20).
fn payment(seller: &Value, method: Option<&str>) -> Option<PaymentInstructions> {
    let iban = text(seller, "bankAccount");
    let code = match method.map(str::trim) {
        Some("cash") => "10",
        Some("card") => "48",
        Some("cheque" | "check") => "20",
        Some("other") if iban.is_none() => "1",
        _ if iban.is_some() => "30",
        _ => return None,
    };
    let transfers = if code == "30" {
        iban.map(|account_id| CreditTransfer {
            account_id,
            account_name: text(seller, "name"),
            service_provider_id: text(seller, "bankBic"),
        })
        .into_iter()
        .collect()
    } else {
        Vec::new()
    };
    Some(PaymentInstructions {
        means_code: code.to_owned(),
        credit_transfers: transfers,
        ..PaymentInstructions::default()
    })
}

#[cfg(test)]
mod tests {
    use rust_decimal_macros::dec;

    use super::*;

    #[test]
    fn long_texts_are_split_at_spaces_within_the_limits() {
        let text = format!("{} {}", "a".repeat(60), "b".repeat(60));
        assert_eq!(item_texts(&text), ("a".repeat(60), Some("b".repeat(60))));
        assert_eq!(item_texts("Consultanță"), ("Consultanță".to_owned(), None));
        let unbroken = "x".repeat(250);
        let pieces = split_text(&unbroken, 100);
        assert_eq!(
            pieces.iter().map(String::len).collect::<Vec<_>>(),
            [100, 100, 50]
        );
        assert!(split_text("   ", 10).is_empty());
    }

    #[test]
    fn a_vat_inclusive_line_gets_an_exact_net_price() {
        assert_eq!(net_price(dec!(2), dec!(100.00)).net, Some(dec!(50)));
        let odd = net_price(dec!(3), dec!(100.00));
        assert_eq!(
            (odd.net, odd.base_quantity),
            (Some(dec!(100.00)), Some(dec!(3)))
        );
        let storno = net_price(dec!(-3), dec!(-100.00));
        assert_eq!(
            (storno.net, storno.base_quantity),
            (Some(dec!(100.00)), Some(dec!(3)))
        );
    }
}
