//! BG-20 … BG-23 (document allowances and charges, VAT, totals) and the lines (BG-25).

use einvoice::codes::VatCategory;
use einvoice::model::{
    AllowanceCharge, DocumentKind, Invoice, InvoiceLine, Item, LineAllowanceCharge, Price,
};
use rust_decimal::Decimal;

use super::INVOICED_OBJECT;
use super::out::Out;
use super::parties::tax_scheme;

/// Document allowances and charges, the VAT totals and the monetary totals.
pub(super) fn document_level(out: &mut Out<'_>, inv: &Invoice) {
    let currency = inv.currency.as_str();
    for (is_charge, list) in [(false, &inv.allowances), (true, &inv.charges)] {
        for ac in list {
            allowance_charge(out, is_charge, ac, currency);
        }
    }
    let t = &inv.totals;
    if t.vat_total.is_some() || !inv.vat_breakdown.is_empty() {
        out.open("cac:TaxTotal");
        out.amount("cbc:TaxAmount", t.vat_total, currency);
        for b in &inv.vat_breakdown {
            out.open("cac:TaxSubtotal");
            out.amount("cbc:TaxableAmount", b.taxable_amount, currency);
            out.amount("cbc:TaxAmount", b.tax_amount, currency);
            out.open("cac:TaxCategory");
            out.opt("cbc:ID", b.category.map(VatCategory::code));
            out.decimal("cbc:Percent", b.rate);
            out.opt(
                "cbc:TaxExemptionReasonCode",
                b.exemption_reason_code.as_deref(),
            );
            out.opt("cbc:TaxExemptionReason", b.exemption_reason.as_deref());
            tax_scheme(out, "VAT");
            out.close("cac:TaxCategory");
            out.close("cac:TaxSubtotal");
        }
        out.close("cac:TaxTotal");
    }
    let accounting_currency = inv
        .vat_accounting_currency
        .as_deref()
        .filter(|c| !c.is_empty());
    if let (Some(accounting_currency), Some(amount)) = (accounting_currency, t.vat_total_accounting)
    {
        // BT-111: a second TaxTotal, in the VAT accounting currency, without breakdown.
        out.open("cac:TaxTotal");
        out.amount("cbc:TaxAmount", Some(amount), accounting_currency);
        out.close("cac:TaxTotal");
    }
    out.open("cac:LegalMonetaryTotal");
    out.amount("cbc:LineExtensionAmount", t.line_extension, currency);
    out.amount("cbc:TaxExclusiveAmount", t.tax_exclusive, currency);
    out.amount("cbc:TaxInclusiveAmount", t.tax_inclusive, currency);
    out.amount("cbc:AllowanceTotalAmount", t.allowance_total, currency);
    out.amount("cbc:ChargeTotalAmount", t.charge_total, currency);
    out.amount("cbc:PrepaidAmount", t.prepaid, currency);
    out.amount("cbc:PayableRoundingAmount", t.rounding, currency);
    out.amount("cbc:PayableAmount", t.payable, currency);
    out.close("cac:LegalMonetaryTotal");
}

/// BG-20 or BG-21.
fn allowance_charge(out: &mut Out<'_>, is_charge: bool, ac: &AllowanceCharge, currency: &str) {
    out.open("cac:AllowanceCharge");
    out.text(
        "cbc:ChargeIndicator",
        if is_charge { "true" } else { "false" },
    );
    out.opt("cbc:AllowanceChargeReasonCode", ac.reason_code.as_deref());
    out.opt("cbc:AllowanceChargeReason", ac.reason.as_deref());
    out.decimal("cbc:MultiplierFactorNumeric", ac.percentage);
    out.amount("cbc:Amount", ac.amount, currency);
    out.amount("cbc:BaseAmount", ac.base_amount, currency);
    tax_category(out, "cac:TaxCategory", ac.vat_category, ac.vat_rate);
    out.close("cac:AllowanceCharge");
}

/// A VAT category and rate, with the VAT tax scheme; nothing when both are absent.
fn tax_category(
    out: &mut Out<'_>,
    name: &str,
    category: Option<VatCategory>,
    rate: Option<Decimal>,
) {
    if category.is_none() && rate.is_none() {
        return;
    }
    out.open(name);
    out.opt("cbc:ID", category.map(VatCategory::code));
    out.decimal("cbc:Percent", rate);
    tax_scheme(out, "VAT");
    out.close(name);
}

/// The invoice lines (`cac:InvoiceLine` or `cac:CreditNoteLine`).
pub(super) fn lines(out: &mut Out<'_>, inv: &Invoice) {
    let (element, quantity) = match inv.kind {
        DocumentKind::Invoice => ("cac:InvoiceLine", "cbc:InvoicedQuantity"),
        DocumentKind::CreditNote => ("cac:CreditNoteLine", "cbc:CreditedQuantity"),
    };
    for line in &inv.lines {
        out.open(element);
        self::line(out, line, quantity, &inv.currency);
        out.close(element);
    }
}

fn line(out: &mut Out<'_>, l: &InvoiceLine, quantity: &str, currency: &str) {
    out.text("cbc:ID", &l.id);
    out.opt("cbc:Note", l.note.as_deref());
    let unit = Some(l.unit_code.as_str());
    out.quantity(quantity, l.quantity, unit);
    out.amount("cbc:LineExtensionAmount", l.net_amount, currency);
    out.opt(
        "cbc:AccountingCost",
        l.buyer_accounting_reference.as_deref(),
    );
    if let Some(period) = l.period.as_ref().filter(|p| !p.is_empty()) {
        out.open("cac:InvoicePeriod");
        out.date("cbc:StartDate", period.start);
        out.date("cbc:EndDate", period.end);
        out.close("cac:InvoicePeriod");
    }
    if let Some(order_line) = l.order_line_reference.as_deref().filter(|o| !o.is_empty()) {
        out.open("cac:OrderLineReference");
        out.text("cbc:LineID", order_line);
        out.close("cac:OrderLineReference");
    }
    if let Some(object) = l.object_identifier.as_ref().filter(|o| !o.id.is_empty()) {
        out.open("cac:DocumentReference");
        out.identifier("cbc:ID", Some(object));
        out.text("cbc:DocumentTypeCode", INVOICED_OBJECT);
        out.close("cac:DocumentReference");
    }
    for (is_charge, list) in [(false, &l.allowances), (true, &l.charges)] {
        for ac in list {
            line_allowance_charge(out, is_charge, ac, currency);
        }
    }
    item(out, &l.item, l.vat.category, l.vat.rate);
    price(out, &l.price, currency);
}

/// BG-27 or BG-28.
fn line_allowance_charge(
    out: &mut Out<'_>,
    is_charge: bool,
    ac: &LineAllowanceCharge,
    currency: &str,
) {
    out.open("cac:AllowanceCharge");
    out.text(
        "cbc:ChargeIndicator",
        if is_charge { "true" } else { "false" },
    );
    out.opt("cbc:AllowanceChargeReasonCode", ac.reason_code.as_deref());
    out.opt("cbc:AllowanceChargeReason", ac.reason.as_deref());
    out.decimal("cbc:MultiplierFactorNumeric", ac.percentage);
    out.amount("cbc:Amount", ac.amount, currency);
    out.amount("cbc:BaseAmount", ac.base_amount, currency);
    out.close("cac:AllowanceCharge");
}

/// BG-31 with the line's VAT (BG-30) as `ClassifiedTaxCategory`.
fn item(out: &mut Out<'_>, item: &Item, category: Option<VatCategory>, rate: Option<Decimal>) {
    out.open("cac:Item");
    out.opt("cbc:Description", item.description.as_deref());
    out.text("cbc:Name", &item.name);
    out.reference("cac:BuyersItemIdentification", item.buyer_id.as_deref());
    out.reference("cac:SellersItemIdentification", item.seller_id.as_deref());
    if let Some(standard) = item.standard_id.as_ref().filter(|s| !s.id.is_empty()) {
        out.open("cac:StandardItemIdentification");
        out.identifier("cbc:ID", Some(standard));
        out.close("cac:StandardItemIdentification");
    }
    if let Some(country) = item.origin_country.as_deref().filter(|c| !c.is_empty()) {
        out.open("cac:OriginCountry");
        out.text("cbc:IdentificationCode", country);
        out.close("cac:OriginCountry");
    }
    for class in item.classifications.iter().filter(|c| !c.code.is_empty()) {
        out.open("cac:CommodityClassification");
        out.text_with(
            "cbc:ItemClassificationCode",
            &class.code,
            &[
                ("listID", class.list_id.as_deref()),
                ("listVersionID", class.list_version.as_deref()),
            ],
        );
        out.close("cac:CommodityClassification");
    }
    tax_category(out, "cac:ClassifiedTaxCategory", category, rate);
    for attribute in &item.attributes {
        out.open("cac:AdditionalItemProperty");
        out.text("cbc:Name", &attribute.name);
        out.text("cbc:Value", &attribute.value);
        out.close("cac:AdditionalItemProperty");
    }
    out.close("cac:Item");
}

/// BG-29: net price, base quantity and, as a price allowance, discount and gross price.
fn price(out: &mut Out<'_>, p: &Price, currency: &str) {
    let has_allowance = p.discount.is_some() || p.gross.is_some();
    if p.net.is_none() && p.base_quantity.is_none() && !has_allowance {
        return;
    }
    out.open("cac:Price");
    out.price("cbc:PriceAmount", p.net, currency);
    out.quantity(
        "cbc:BaseQuantity",
        p.base_quantity,
        p.base_quantity_unit.as_deref(),
    );
    if has_allowance {
        // UBL needs an Amount: a gross price without discount has a zero discount.
        out.open("cac:AllowanceCharge");
        out.text("cbc:ChargeIndicator", "false");
        out.price("cbc:Amount", Some(p.discount.unwrap_or_default()), currency);
        out.price("cbc:BaseAmount", p.gross, currency);
        out.close("cac:AllowanceCharge");
    }
    out.close("cac:Price");
}
