//! An incoming invoice as ANAF delivered it (UBL `Invoice` or `CreditNote`), read into
//! Facturo's records (issue #4 item 6): the header with its totals as the XML states them,
//! never recomputed; every line with the VAT category and rate it gives (lessons.md #20: an O,
//! E or Z line is not taxed at 21 %, an unknown unit code is kept, not turned into `buc`); the
//! seller as a supplier. Reading is tolerant (lessons.md #6): a value the UBL reader could not
//! read, or one the invoice lacks, becomes a warning and everything else is kept.

use einvoice::codes::VatCategory;
use einvoice::model::{AllowanceCharge, DocumentKind, Invoice, Period};
use einvoice::money;
use rust_decimal::Decimal;
use serde_json::json;
use sqlx::types::Json;
use time::{Date, OffsetDateTime};

use crate::api::json::{DateIn, Flag, Num};
use crate::documents::input::{self, AllowanceChargeInput, InvoiceDetails};
use crate::ids::{CompanyId, InvoiceId};
use crate::store::invoices::{InvoiceRecord, LineRecord};
use crate::store::suppliers::SupplierRow;
use crate::store::{Dec, Ts};

/// What reading an invoice needs besides its XML.
#[derive(Debug, Clone)]
pub struct Context<'a> {
    pub company: CompanyId,
    /// The company's CIF: the buyer the invoice should name.
    pub company_cif: i64,
    /// ANAF's `cif_emitent`: the supplier's CIF when the XML gives none usable.
    pub issuer_cif: Option<&'a str>,
    /// The day ANAF delivered the invoice: its issue date when the XML has none.
    pub received_on: Date,
    /// The number of an invoice without one.
    pub fallback_number: String,
    pub now: OffsetDateTime,
}

/// An incoming invoice ready to store: status `synced`, no supplier linked yet.
#[derive(Debug, Clone)]
pub struct Incoming {
    pub invoice: InvoiceRecord,
    pub lines: Vec<LineRecord>,
    /// The seller as a new supplier, for when the company has none with its CIF.
    pub supplier: SupplierRow,
    /// BT-25: the invoice a credit note corrects.
    pub preceding_number: Option<String>,
    /// What the reading noticed, in words.
    pub warnings: Vec<String>,
}

/// Reads UBL bytes; `Err` only when they are no UBL invoice at all.
pub fn read(xml: &[u8], ctx: &Context<'_>) -> Result<Incoming, ubl::ReadError> {
    let read = ubl::read(xml)?;
    let warnings = read
        .issues
        .iter()
        .map(|i| format!("Left out an unreadable value: {i}."))
        .collect();
    Ok(map(&read.invoice, ctx, warnings))
}

/// The VAT breakdown (BG-23) an incoming invoice's XML states; empty when unreadable.
pub fn vat_breakdown(xml: &[u8]) -> Vec<einvoice::model::VatBreakdown> {
    ubl::read(xml)
        .map(|r| r.invoice.vat_breakdown)
        .unwrap_or_default()
}

/// Turns a read invoice into records, adding to `warnings`.
pub fn map(inv: &Invoice, ctx: &Context<'_>, mut warnings: Vec<String>) -> Incoming {
    let w = &mut warnings;
    let id = InvoiceId::new();
    let mut lines: Vec<LineRecord> = inv
        .lines
        .iter()
        .zip(1..)
        .map(|(l, position)| lines::line(id, position, l, w))
        .collect();
    lines::allocate_vat(&mut lines, inv);
    let supplier = parties::supplier_of(inv, ctx, w);
    parties::check_buyer(&inv.buyer, ctx.company_cif, w);
    let number = clean(&inv.number).unwrap_or_else(|| {
        w.push(format!(
            "The invoice has no number (BT-1); it is filed as {}.",
            ctx.fallback_number
        ));
        ctx.fallback_number.clone()
    });
    let issue_date = inv.issue_date.unwrap_or_else(|| {
        w.push("The invoice has no issue date (BT-2); the day ANAF delivered it is used.".into());
        ctx.received_on
    });
    let currency = clean(&inv.currency).map_or_else(
        || {
            w.push("The invoice has no currency (BT-5); RON is assumed.".into());
            "RON".to_owned()
        },
        |c| c.to_ascii_uppercase(),
    );
    let totals = totals(inv, &lines, w);
    let exchange_rate = exchange_rate(inv, &currency);
    let now = Ts(ctx.now);
    let invoice = InvoiceRecord {
        id,
        company_id: ctx.company,
        number,
        series_number: None,
        status: "synced".into(),
        direction: "incoming".into(),
        document_type: document_type(inv).into(),
        series_id: None,
        client_id: None,
        supplier_id: None,
        parent_document_id: None,
        sender_cif: supplier.cif.clone(),
        sender_name: Some(supplier.name.clone()),
        receiver_cif: parties::buyer_cif(&inv.buyer)
            .map_or_else(|| inv.buyer.vat_id.clone(), |c| Some(c.value().to_string())),
        receiver_name: clean(&inv.buyer.name),
        issue_date,
        due_date: inv.due_date,
        currency,
        exchange_rate: exchange_rate.map(Dec),
        invoice_type_code: Some(invoice_type_code(inv).into()),
        language: "ro".into(),
        line_extension: totals.line_extension,
        allowance_total: totals.allowance_total,
        charge_total: totals.charge_total,
        subtotal: totals.subtotal,
        vat_total: totals.vat_total,
        total: totals.total,
        prepaid: totals.prepaid,
        rounding: totals.rounding,
        payable: totals.payable,
        discount: lines.iter().map(|l| l.discount).sum(),
        vat_total_accounting: totals.vat_total_accounting,
        amount_paid: 0,
        paid_at: None,
        payment_method: payment_method(inv),
        details: Json(details(inv)),
        buyer_snapshot: serde_json::to_value(&inv.buyer).ok().map(Json),
        seller_snapshot: serde_json::to_value(&inv.seller).ok().map(Json),
        idempotency_key: None,
        version: 1,
        created_by: None,
        issued_at: None,
        cancelled_at: None,
        cancellation_reason: None,
        deleted_at: None,
        created_at: now,
        updated_at: now,
        anaf_error_message: None,
    };
    Incoming {
        invoice,
        lines,
        supplier,
        preceding_number: inv
            .preceding_invoices
            .first()
            .and_then(|p| clean(&p.number)),
        warnings,
    }
}

/// A credit note is a UBL `CreditNote`, or an `Invoice` with type code 381.
fn document_type(inv: &Invoice) -> &'static str {
    if inv.kind == DocumentKind::CreditNote || inv.type_code.trim() == "381" {
        "credit_note"
    } else {
        "invoice"
    }
}

/// The contract's invoice type (api.md §27) the document is: self-billed (389), reverse
/// charge (every line AE), or standard.
fn invoice_type_code(inv: &Invoice) -> &'static str {
    if inv.type_code.trim() == "389" {
        "self_billing"
    } else if !inv.lines.is_empty()
        && inv
            .lines
            .iter()
            .all(|l| l.vat.category == Some(VatCategory::AE))
    {
        "reverse_charge"
    } else {
        "standard"
    }
}

/// The document totals (BG-22) in minor units.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Totals {
    line_extension: i64,
    allowance_total: i64,
    charge_total: i64,
    subtotal: i64,
    vat_total: i64,
    vat_total_accounting: Option<i64>,
    total: i64,
    prepaid: i64,
    rounding: i64,
    payable: i64,
}

/// The totals as the XML states them. Only a total the XML lacks is derived from the others,
/// with a warning.
fn totals(inv: &Invoice, lines: &[LineRecord], w: &mut Vec<String>) -> Totals {
    let t = &inv.totals;
    let given = |d: Option<Decimal>, bt: &str, w: &mut Vec<String>| minor(d, bt, w);
    let derived = |bt: &str, value: i64, w: &mut Vec<String>| {
        w.push(format!(
            "The invoice has no {bt}; {} is derived from the other amounts.",
            money::from_minor(value)
        ));
        value
    };
    let line_extension = given(t.line_extension, "BT-106", w)
        .unwrap_or_else(|| derived("BT-106", lines.iter().map(|l| l.line_total).sum(), w));
    let allowance_total = given(t.allowance_total, "BT-107", w).unwrap_or(0);
    let charge_total = given(t.charge_total, "BT-108", w).unwrap_or(0);
    let subtotal = given(t.tax_exclusive, "BT-109", w)
        .unwrap_or_else(|| derived("BT-109", line_extension - allowance_total + charge_total, w));
    let vat_total = given(t.vat_total, "BT-110", w).unwrap_or_else(|| {
        let sum = inv
            .vat_breakdown
            .iter()
            .filter_map(|b| b.tax_amount.and_then(money::to_minor))
            .sum();
        derived("BT-110", sum, w)
    });
    let total = given(t.tax_inclusive, "BT-112", w)
        .unwrap_or_else(|| derived("BT-112", subtotal + vat_total, w));
    let prepaid = given(t.prepaid, "BT-113", w).unwrap_or(0);
    let rounding = given(t.rounding, "BT-114", w).unwrap_or(0);
    let payable = given(t.payable, "BT-115", w)
        .unwrap_or_else(|| derived("BT-115", total - prepaid + rounding, w));
    Totals {
        line_extension,
        allowance_total,
        charge_total,
        subtotal,
        vat_total,
        vat_total_accounting: given(t.vat_total_accounting, "BT-111", w),
        total,
        prepaid,
        rounding,
        payable,
    }
}

/// An amount in minor units. More than two decimals are rounded, with a warning; an amount
/// too large to store is left out, with a warning.
pub(super) fn minor(d: Option<Decimal>, what: &str, w: &mut Vec<String>) -> Option<i64> {
    let d = d?;
    let Some(cents) = money::checked_round2(d).and_then(money::to_minor) else {
        w.push(format!("{what} {d} is too large to store; it is left out."));
        return None;
    };
    if money::from_minor(cents) != d {
        w.push(format!(
            "{what} {d} has more than two decimals; stored as {}.",
            money::from_minor(cents)
        ));
    }
    Some(cents)
}

/// RON per unit of the invoice's currency, as its two VAT totals imply (BT-111 / BT-110).
fn exchange_rate(inv: &Invoice, currency: &str) -> Option<Decimal> {
    let (vat, ron) = (inv.totals.vat_total?, inv.totals.vat_total_accounting?);
    (currency != "RON" && !vat.is_zero())
        .then(|| ron.checked_div(vat))
        .flatten()
        .map(|r| money::round_dp(r, 4))
}

fn document_charge(c: &AllowanceCharge, charge: bool) -> AllowanceChargeInput {
    AllowanceChargeInput {
        charge_indicator: Flag(charge),
        amount: c.amount.map(Num),
        base_amount: c.base_amount.map(Num),
        multiplier_factor_numeric: c.percentage.map(Num),
        tax_category_code: c.vat_category.map(|v| v.code().to_owned()),
        tax_rate: c.vat_rate.map(Num),
        reason_code: c.reason_code.clone(),
        reason: c.reason.clone(),
    }
}

pub(super) fn period(p: Period) -> Option<input::Period> {
    (!p.is_empty()).then(|| input::Period {
        start_date: p.start.map(DateIn),
        end_date: p.end.map(DateIn),
        description_code: None,
    })
}

/// The descriptive fields (api.md §12.3) the XML gives.
fn details(inv: &Invoice) -> InvoiceDetails {
    let notes: Vec<&str> = inv.notes.iter().map(|n| n.text.trim()).collect();
    let payee = inv.payee.as_ref();
    let account = inv
        .payment_instructions
        .as_ref()
        .and_then(|p| p.credit_transfers.first());
    let ext = input::UblExtensions {
        invoice_period: inv.invoicing_period.and_then(period),
        delivery: inv
            .delivery
            .as_ref()
            .filter(|d| !d.is_empty())
            .and_then(|d| serde_json::to_value(d).ok()),
        allowance_charges: inv
            .allowances
            .iter()
            .map(|a| document_charge(a, false))
            .chain(inv.charges.iter().map(|c| document_charge(c, true)))
            .collect(),
        prepaid_amount: None,
        additional_document_references: inv
            .attachments
            .iter()
            .map(|a| {
                let file = a.content.as_ref();
                json!({
                    "id": a.id, "description": a.description, "externalUri": a.external_uri,
                    "filename": file.map(|f| &f.filename), "mimeCode": file.map(|f| &f.mime_code),
                })
            })
            .collect(),
    };
    InvoiceDetails {
        notes: Some(notes.join("\n")).filter(|n| !n.is_empty()),
        payment_terms: inv.payment_terms.clone(),
        project_reference: inv.project_reference.clone(),
        order_number: inv.purchase_order_reference.clone(),
        contract_number: inv.contract_reference.clone(),
        tax_point_date: inv.vat_point_date.map(DateIn),
        tax_point_date_code: inv.vat_point_date_code.clone(),
        buyer_reference: inv.buyer_reference.clone(),
        receiving_advice_reference: inv.receiving_advice_reference.clone(),
        despatch_advice_reference: inv.despatch_advice_reference.clone(),
        tender_or_lot_reference: inv.tender_or_lot_reference.clone(),
        invoiced_object_identifier: inv
            .invoiced_object_identifier
            .as_ref()
            .map(|i| i.id.clone()),
        buyer_accounting_reference: inv.buyer_accounting_reference.clone(),
        business_process_type: inv.profile_id.clone(),
        payee_name: payee.and_then(|p| clean(&p.name)),
        payee_identifier: payee.and_then(|p| p.identifier.as_ref().map(|i| i.id.clone())),
        payee_legal_registration_identifier: payee
            .and_then(|p| p.legal_registration_id.as_ref().map(|i| i.id.clone())),
        payee_bank_account: account.and_then(|a| clean(&a.account_id)),
        payee_bank_name: account.and_then(|a| a.account_name.clone()),
        ubl_extensions: (ext != input::UblExtensions::default()).then_some(ext),
        ..InvoiceDetails::default()
    }
}

/// The contract's payment method for the payment means code (BT-81).
fn payment_method(inv: &Invoice) -> Option<String> {
    let code = inv.payment_instructions.as_ref()?.means_code.trim();
    Some(
        match code {
            "10" => "cash",
            "20" => "cheque",
            "30" | "31" | "42" | "58" => "bank_transfer",
            "48" | "54" | "55" => "card",
            _ => "other",
        }
        .to_owned(),
    )
}

pub(super) fn clean(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_owned())
}

mod lines;
mod parties;
#[cfg(test)]
mod tests;
