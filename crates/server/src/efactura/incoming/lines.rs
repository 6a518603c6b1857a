//! The lines (BG-25) of an incoming invoice, with the VAT category and rate each gives and the
//! invoice's VAT shared among them.

use einvoice::codes::VatCategory;
use einvoice::model::{Invoice, InvoiceLine, LineAllowanceCharge};
use einvoice::money;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use serde_json::json;
use sqlx::types::Json;

use super::{clean, minor, period};
use crate::api::json::{Flag, Num};
use crate::documents::input::{AllowanceChargeInput, LineExtensions};
use crate::ids::{InvoiceId, LineId};
use crate::store::Dec;
use crate::store::invoices::LineRecord;

pub(super) fn line(
    invoice: InvoiceId,
    position: i32,
    l: &InvoiceLine,
    w: &mut Vec<String>,
) -> LineRecord {
    let at = |what: &str| format!("Line {position}: {what}");
    let description = clean(&l.item.name)
        .or_else(|| l.item.description.as_deref().and_then(clean))
        .unwrap_or_else(|| {
            w.push(at("no item name (BT-153)."));
            "(fără denumire)".to_owned()
        });
    let quantity = l.quantity.unwrap_or_else(|| {
        w.push(at("no quantity (BT-129); 1 is assumed."));
        Decimal::ONE
    });
    let unit_code = l.unit_code.trim().to_owned();
    let base_quantity = l
        .price
        .base_quantity
        .filter(|q| *q > Decimal::ZERO)
        .unwrap_or(Decimal::ONE);
    let unit_price = l.price.net.unwrap_or_else(|| {
        w.push(at("no net price (BT-146); 0 is stored."));
        Decimal::ZERO
    });
    let (category, rate) = vat_of(l, &at, w);
    let allowances: Decimal = l.allowances.iter().filter_map(|a| a.amount).sum();
    let charges: Decimal = l.charges.iter().filter_map(|c| c.amount).sum();
    let line_total = minor(l.net_amount, &at("net amount (BT-131)"), w).unwrap_or_else(|| {
        let net = quantity * unit_price / base_quantity - allowances + charges;
        w.push(at("no net amount (BT-131); it is derived from the price."));
        money::to_minor(money::round2(net)).unwrap_or(0)
    });
    LineRecord {
        id: LineId::new(),
        invoice_id: invoice,
        position,
        description,
        quantity: Dec(quantity),
        unit_of_measure: unit_label(&unit_code),
        unit_code,
        unit_price: Dec(unit_price),
        price_base_quantity: Dec(base_quantity),
        vat_rate: Dec(rate),
        vat_category_code: category,
        discount: minor(Some(allowances), &at("allowances (BG-27)"), w).unwrap_or(0),
        discount_percent: None,
        vat_included: false,
        line_total,
        vat_amount: 0,
        product_id: None,
        parent_line_id: None,
        product_code: l.item.seller_id.as_deref().and_then(clean),
        line_note: l.note.as_deref().and_then(clean),
        buyer_accounting_ref: l.buyer_accounting_reference.as_deref().and_then(clean),
        buyer_item_identification: l.item.buyer_id.as_deref().and_then(clean),
        standard_item_identification: l.item.standard_id.as_ref().and_then(|i| clean(&i.id)),
        cpv_code: l
            .item
            .classifications
            .iter()
            .find(|c| matches!(c.list_id.as_deref(), Some("STI" | "CPV")))
            .and_then(|c| clean(&c.code)),
        extensions: line_extensions(l).map(Json),
    }
}

/// The line's VAT category and rate as given. Only a line without a category gets one, from
/// its rate (S above zero, Z at zero, O without one), with a warning; no rate is ever assumed.
fn vat_of(l: &InvoiceLine, at: &dyn Fn(&str) -> String, w: &mut Vec<String>) -> (String, Decimal) {
    let rate = l.vat.rate;
    let category = l.vat.category.unwrap_or_else(|| {
        let guess = match rate {
            Some(r) if r > Decimal::ZERO => VatCategory::S,
            Some(_) => VatCategory::Z,
            None => VatCategory::O,
        };
        w.push(at(&format!(
            "no VAT category (BT-151); {} is inferred from its rate.",
            guess.code()
        )));
        guess
    });
    (category.code().to_owned(), rate.unwrap_or(Decimal::ZERO))
}

/// The VAT of each line: the breakdown's tax amount (BT-117) of its category and rate shared
/// in proportion to the lines' net amounts, the cents left by rounding given to the largest
/// line, so the lines add up to the invoice's VAT exactly. A line whose group has no
/// breakdown gets its net amount times its rate.
pub(super) fn allocate_vat(lines: &mut [LineRecord], inv: &Invoice) {
    let mut done = vec![false; lines.len()];
    for i in 0..lines.len() {
        if done[i] {
            continue;
        }
        let key = (lines[i].vat_category_code.clone(), lines[i].vat_rate.0);
        let group: Vec<usize> = (i..lines.len())
            .filter(|&j| lines[j].vat_category_code == key.0 && lines[j].vat_rate.0 == key.1)
            .collect();
        for &j in &group {
            done[j] = true;
        }
        let net: i64 = group.iter().map(|&j| lines[j].line_total).sum();
        let tax = inv
            .vat_breakdown
            .iter()
            .find(|b| {
                b.category.map(VatCategory::code) == Some(key.0.as_str())
                    && b.rate.unwrap_or(Decimal::ZERO) == key.1
            })
            .and_then(|b| b.tax_amount)
            .and_then(|t| money::to_minor(money::round2(t)));
        match tax {
            Some(tax) if net != 0 => share(lines, &group, tax, net),
            _ => {
                for &j in &group {
                    let vat = money::from_minor(lines[j].line_total) * key.1 / Decimal::ONE_HUNDRED;
                    lines[j].vat_amount = money::to_minor(money::round2(vat)).unwrap_or(0);
                }
            }
        }
    }
}

fn share(lines: &mut [LineRecord], group: &[usize], tax: i64, net: i64) {
    let tax_d = Decimal::from(tax);
    let net_d = Decimal::from(net);
    let mut given = 0;
    for &j in group {
        let part = (tax_d * Decimal::from(lines[j].line_total) / net_d)
            .round_dp_with_strategy(0, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
            .to_i64()
            .unwrap_or(0);
        lines[j].vat_amount = part;
        given += part;
    }
    // The first of the largest lines, so equal lines keep their order.
    let largest = group.iter().copied().reduce(|a, b| {
        if lines[b].line_total.abs() > lines[a].line_total.abs() {
            b
        } else {
            a
        }
    });
    if let Some(largest) = largest {
        lines[largest].vat_amount += tax - given;
    }
}

/// The everyday label of a unit code (`H87` → `buc`); any other code is its own label.
fn unit_label(code: &str) -> String {
    const EVERYDAY: [&str; 9] = ["buc", "kg", "l", "m", "ora", "zi", "luna", "set", "pachet"];
    EVERYDAY
        .iter()
        .find(|name| einvoice::codes::unit_alias(name) == Some(code))
        .map_or_else(|| code.to_owned(), |name| (*name).to_owned())
}

fn line_extensions(l: &InvoiceLine) -> Option<LineExtensions> {
    let ext = LineExtensions {
        invoice_period: l.period.and_then(period),
        // The allowances are the line's `discount`; its charges are kept here.
        allowance_charges: l.charges.iter().map(|c| line_charge(c, true)).collect(),
        additional_item_properties: l
            .item
            .attributes
            .iter()
            .map(|a| json!({ "name": a.name, "value": a.value }))
            .collect(),
        origin_country: l.item.origin_country.clone(),
    };
    (ext != LineExtensions::default()).then_some(ext)
}

fn line_charge(c: &LineAllowanceCharge, charge: bool) -> AllowanceChargeInput {
    AllowanceChargeInput {
        charge_indicator: Flag(charge),
        amount: c.amount.map(Num),
        base_amount: c.base_amount.map(Num),
        multiplier_factor_numeric: c.percentage.map(Num),
        tax_category_code: None,
        tax_rate: None,
        reason_code: c.reason_code.clone(),
        reason: c.reason.clone(),
    }
}
