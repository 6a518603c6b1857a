//! From a request to a draft: defaults, validation of every field (collected, not first-fail)
//! and the EN 16931 totals from `einvoice::totals`, the one calculation the UBL writer will use
//! too.

use einvoice::codes::VatCategory;
use einvoice::money;
use einvoice::totals::{
    self, DocumentAllowanceCharge, LineInput as TotalsLine, Totals, TotalsInput, VatKey,
};
use rust_decimal::Decimal;
use time::Date;

use super::input::{AllowanceChargeInput, InvoiceDetails, InvoiceInput, LineInput, MAX_LINES};
use crate::api::error::FieldError;
use crate::ids::{ClientId, InvoiceId, ProductId, SeriesId};
use crate::store::companies::{Company, CreditNoteStyle};

/// The contract's invoice type codes (api.md §27).
pub const INVOICE_TYPE_CODES: &[&str] = &[
    "standard",
    "reverse_charge",
    "exempt_with_deduction",
    "services_art_311",
    "sales_art_312",
    "non_taxable",
    "special_regime_art_314_315",
    "non_transfer",
    "simplified",
    "services_art_278",
    "exempt_art_294_ab",
    "exempt_art_294_cd",
    "self_billing",
];
pub const DOCUMENT_TYPES: &[&str] = &["invoice", "credit_note"];
pub const LANGUAGES: &[&str] = &["ro", "en", "de", "fr"];
const DEFAULT_VAT_RATE: u32 = 21;
const MAX_ALLOWANCES: usize = 20;
const MAX_LINE_ALLOWANCES: usize = 10;

/// A validated line with its computed amounts.
#[derive(Debug, Clone, PartialEq)]
pub struct DraftLine {
    pub description: String,
    pub quantity: Decimal,
    pub unit_of_measure: String,
    pub unit_code: String,
    pub unit_price: Decimal,
    pub base_quantity: Decimal,
    pub vat: VatKey,
    /// Magnitude of the line discount (an allowance with the sign of the quantity).
    pub discount: Decimal,
    pub discount_percent: Option<Decimal>,
    pub vat_included: bool,
    pub input: LineInput,
    pub product_id: Option<ProductId>,
}

/// A validated invoice with its totals.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    pub document_type: String,
    /// Written as a UBL `CreditNote` (type 381) with its signs turned: a credit note of a
    /// company whose credit note style is `credit_note`. Stored amounts keep their storno
    /// signs either way.
    pub as_credit_note: bool,
    pub invoice_type_code: Option<String>,
    pub client_id: Option<ClientId>,
    pub receiver_name: Option<String>,
    pub receiver_cif: Option<String>,
    pub parent_document_id: Option<InvoiceId>,
    pub series_id: Option<SeriesId>,
    pub issue_date: Date,
    pub due_date: Option<Date>,
    pub currency: String,
    pub exchange_rate: Option<Decimal>,
    pub language: String,
    pub payment_method: Option<String>,
    pub details: InvoiceDetails,
    pub lines: Vec<DraftLine>,
    pub totals: Totals,
}

/// Builds a draft from `input` for `company` on `today`, or lists every field that is wrong.
pub fn build(
    input: &InvoiceInput,
    company: &Company,
    today: Date,
) -> Result<Draft, Vec<FieldError>> {
    let mut e = Vec::new();
    let document_type = input
        .document_type
        .clone()
        .unwrap_or_else(|| "invoice".into());
    if !DOCUMENT_TYPES.contains(&document_type.as_str()) {
        e.push(FieldError::new(
            "documentType",
            format!("'{document_type}' is not one of invoice, credit_note."),
        ));
    }
    if let Some(code) = &input.invoice_type_code
        && !INVOICE_TYPE_CODES.contains(&code.as_str())
    {
        e.push(FieldError::new(
            "invoiceTypeCode",
            format!("'{code}' is not an invoice type code (standard, reverse_charge, …)."),
        ));
    }
    let language = input.language.clone().unwrap_or_else(|| "ro".into());
    if !LANGUAGES.contains(&language.as_str()) {
        e.push(FieldError::new("language", "One of ro, en, de, fr."));
    }
    let issue_date = input.issue_date.map_or(today, |d| d.0);
    if issue_date > today {
        e.push(FieldError::new(
            "issueDate",
            "issueDate cannot be in the future.",
        ));
    }
    let due_date = input.due_date.map(|d| d.0);
    if due_date.is_some_and(|d| d < issue_date) {
        e.push(FieldError::new(
            "dueDate",
            "The due date cannot be before the issue date.",
        ));
    }
    let currency = input.currency.as_deref().map_or_else(
        || company.default_currency.clone(),
        |c| c.trim().to_ascii_uppercase(),
    );
    if einvoice::codes::currency(&currency).is_none() {
        e.push(FieldError::new(
            "currency",
            format!("'{currency}' is not an ISO 4217 currency."),
        ));
    }
    let exchange_rate = if currency == "RON" {
        None
    } else {
        input.exchange_rate.map(|n| n.0)
    };
    if currency != "RON" && exchange_rate.is_none_or(|r| r <= Decimal::ZERO) {
        e.push(FieldError::new(
            "exchangeRate",
            format!("An invoice in {currency} needs its exchange rate to RON (greater than 0)."),
        ));
    }
    let receiver_name = clean(input.receiver_name.clone());
    let lines_in = input.lines.as_deref().unwrap_or_default();
    if lines_in.is_empty() {
        e.push(FieldError::new("lines", "At least one line is required."));
    } else if lines_in.len() > MAX_LINES {
        e.push(FieldError::new(
            "lines",
            format!(
                "At most {MAX_LINES} lines per invoice (got {}).",
                lines_in.len()
            ),
        ));
    }
    let lines: Vec<DraftLine> = if lines_in.len() > MAX_LINES {
        Vec::new()
    } else {
        lines_in
            .iter()
            .enumerate()
            .filter_map(|(i, l)| line(i, l, &mut e))
            .collect()
    };
    let ext = input.details.ubl_extensions.clone().unwrap_or_default();
    if ext.allowance_charges.len() > MAX_ALLOWANCES {
        e.push(FieldError::new(
            "ublExtensions.allowanceCharges",
            format!("At most {MAX_ALLOWANCES} document allowances and charges."),
        ));
    }
    let doc_charges: Vec<DocumentAllowanceCharge> = ext
        .allowance_charges
        .iter()
        .enumerate()
        .take(MAX_ALLOWANCES)
        .filter_map(|(i, ac)| document_allowance(i, ac, &mut e))
        .collect();
    let prepaid = ext.prepaid_amount.map_or(Decimal::ZERO, |n| n.0);
    if prepaid < Decimal::ZERO {
        e.push(FieldError::new(
            "ublExtensions.prepaidAmount",
            "The prepaid amount cannot be negative.",
        ));
    }
    if !e.is_empty() {
        return Err(e);
    }
    let totals_input = TotalsInput {
        lines: lines.iter().map(totals_line).collect(),
        allowance_charges: doc_charges,
        prepaid,
        rounding: Decimal::ZERO,
        vat_accounting_rate: exchange_rate,
    };
    let totals = totals::compute(&totals_input)
        .map_err(|err| vec![FieldError::new("lines", err.to_string())])?;
    if [totals.tax_inclusive, totals.payable, totals.line_extension]
        .iter()
        .any(|a| money::to_minor(*a).is_none())
    {
        return Err(vec![FieldError::new(
            "lines",
            "The invoice's amounts are too large.",
        )]);
    }
    Ok(Draft {
        as_credit_note: document_type == "credit_note"
            && company.credit_note_style == CreditNoteStyle::CreditNote,
        document_type,
        invoice_type_code: input.invoice_type_code.clone(),
        client_id: input.client_id,
        receiver_name,
        receiver_cif: clean(input.receiver_cif.clone()),
        parent_document_id: input.parent_document_id,
        series_id: input.document_series_id,
        issue_date,
        due_date,
        currency,
        exchange_rate,
        language,
        payment_method: clean(input.payment_method.clone()),
        details: input.details.clone(),
        lines,
        totals,
    })
}

fn totals_line(l: &DraftLine) -> TotalsLine {
    let mut allowances = Vec::new();
    let mut charges = Vec::new();
    if !l.discount.is_zero() {
        // A storno line's discount reduces its (negative) amount too: the allowance takes the
        // sign of the quantity.
        allowances.push(if l.quantity.is_sign_negative() {
            -l.discount
        } else {
            l.discount
        });
    }
    for ac in l
        .input
        .ubl_extensions
        .iter()
        .flat_map(|x| &x.allowance_charges)
    {
        if let Some(amount) = ac.amount.map(|n| n.0) {
            if ac.charge_indicator.0 {
                charges.push(amount);
            } else {
                allowances.push(amount);
            }
        }
    }
    TotalsLine {
        quantity: l.quantity,
        price: l.unit_price,
        base_quantity: l.base_quantity,
        vat: l.vat,
        allowances,
        charges,
        price_includes_vat: l.vat_included,
    }
}

fn line(i: usize, l: &LineInput, e: &mut Vec<FieldError>) -> Option<DraftLine> {
    let key = |field: &str| format!("lines[{i}].{field}");
    let before = e.len();
    let description = l
        .description
        .as_deref()
        .map(str::trim)
        .unwrap_or_default()
        .to_owned();
    if description.is_empty() {
        e.push(FieldError::new(
            key("description"),
            "The description is required.",
        ));
    } else if description.chars().count() > 2000 {
        e.push(FieldError::new(
            key("description"),
            "At most 2000 characters.",
        ));
    }
    let quantity = l.quantity.map_or(Decimal::ONE, |n| n.0);
    if quantity.is_zero() {
        e.push(FieldError::new(
            key("quantity"),
            "The quantity cannot be zero.",
        ));
    }
    let unit_price = match l.unit_price {
        Some(n) if n.0 >= Decimal::ZERO => n.0,
        Some(_) => {
            e.push(FieldError::new(
                key("unitPrice"),
                "The unit price cannot be negative (use a negative quantity for a storno).",
            ));
            Decimal::ZERO
        }
        None => {
            e.push(FieldError::new(
                key("unitPrice"),
                "The unit price is required.",
            ));
            Decimal::ZERO
        }
    };
    let base_quantity = l.price_base_quantity.map_or(Decimal::ONE, |n| n.0);
    if base_quantity <= Decimal::ZERO {
        e.push(FieldError::new(
            key("priceBaseQuantity"),
            "The price base quantity must be greater than zero.",
        ));
    }
    let (unit_of_measure, unit_code) = unit(l, &key, e);
    let vat = vat_key(
        l.vat_category_code.as_deref(),
        l.vat_rate.map(|n| n.0),
        &key("vatCategoryCode"),
        &key("vatRate"),
        e,
    );
    let discount_percent = l.discount_percent.map(|n| n.0);
    if discount_percent.is_some_and(|p| p < Decimal::ZERO || p > Decimal::ONE_HUNDRED) {
        e.push(FieldError::new(
            key("discountPercent"),
            "Between 0 and 100.",
        ));
    }
    let discount = match (l.discount.map(|n| n.0), discount_percent) {
        (Some(d), _) if d < Decimal::ZERO => {
            e.push(FieldError::new(
                key("discount"),
                "The discount is an amount to subtract; it cannot be negative.",
            ));
            Decimal::ZERO
        }
        (Some(d), _) => money::checked_round2(d).unwrap_or(Decimal::ZERO),
        (None, Some(p)) => quantity
            .checked_mul(unit_price)
            .and_then(|g| g.checked_div(base_quantity.max(Decimal::ONE)))
            .and_then(|g| g.abs().checked_mul(p))
            .and_then(|g| g.checked_div(Decimal::ONE_HUNDRED))
            .and_then(money::checked_round2)
            .unwrap_or(Decimal::ZERO),
        (None, None) => Decimal::ZERO,
    };
    let ext = l.ubl_extensions.clone().unwrap_or_default();
    if ext.allowance_charges.len() > MAX_LINE_ALLOWANCES {
        e.push(FieldError::new(
            key("ublExtensions.allowanceCharges"),
            format!("At most {MAX_LINE_ALLOWANCES} per line."),
        ));
    }
    for (j, ac) in ext.allowance_charges.iter().enumerate() {
        if ac.amount.is_none_or(|n| n.0 < Decimal::ZERO) {
            e.push(FieldError::new(
                key(&format!("ublExtensions.allowanceCharges[{j}].amount")),
                "A line allowance or charge needs a non-negative amount.",
            ));
        }
    }
    if ext.additional_item_properties.len() > 20 {
        e.push(FieldError::new(
            key("ublExtensions.additionalItemProperties"),
            "At most 20 properties.",
        ));
    }
    if let Some(c) = &ext.origin_country
        && einvoice::codes::country(c).is_none()
    {
        e.push(FieldError::new(
            key("ublExtensions.originCountry"),
            format!("'{c}' is not an ISO 3166-1 country code."),
        ));
    }
    (e.len() == before).then(|| DraftLine {
        description,
        quantity,
        unit_of_measure,
        unit_code,
        unit_price,
        base_quantity,
        vat,
        discount,
        discount_percent,
        vat_included: l.vat_included.is_some_and(|f| f.0),
        input: l.clone(),
        product_id: l.product_id,
    })
}

/// The unit label shown and its UN/ECE Rec 20 code (BT-130).
fn unit(l: &LineInput, key: &dyn Fn(&str) -> String, e: &mut Vec<FieldError>) -> (String, String) {
    let label = l
        .unit_of_measure
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .unwrap_or("buc")
        .to_owned();
    if let Some(code) = l
        .unit_code
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        if einvoice::codes::is_unit_code(code) {
            return (label, code.to_owned());
        }
        e.push(FieldError::new(
            key("unitCode"),
            format!("'{code}' is not a UN/ECE Rec 20 unit code."),
        ));
        return (label, String::new());
    }
    match einvoice::codes::resolve_unit(&label) {
        Some(code) => (label, code.to_owned()),
        None => {
            e.push(FieldError::new(
                key("unitOfMeasure"),
                format!("Unknown unit '{label}': use buc, kg, l, m, ora, zi, luna, set, pachet, or give its UN/ECE code in unitCode."),
            ));
            (label, String::new())
        }
    }
}

/// Resolves a VAT category and rate with the incumbent's defaults (S 21 %; a 0 % rate alone
/// means Z; a zero-rated category alone means 0 %), refusing contradictions instead of silently
/// changing the category.
pub fn vat_key(
    category: Option<&str>,
    rate: Option<Decimal>,
    category_key: &str,
    rate_key: &str,
    e: &mut Vec<FieldError>,
) -> VatKey {
    let parsed = match category.map(str::trim).filter(|c| !c.is_empty()) {
        Some(code) => match VatCategory::from_code(code) {
            Some(c) => Some(c),
            None => {
                e.push(FieldError::new(
                    category_key,
                    format!("'{code}' is not a VAT category (S, Z, E, AE, K, G, O, L, M)."),
                ));
                return VatKey::new(VatCategory::S, Decimal::from(DEFAULT_VAT_RATE));
            }
        },
        None => None,
    };
    if rate.is_some_and(|r| r < Decimal::ZERO || r > Decimal::ONE_HUNDRED) {
        e.push(FieldError::new(
            rate_key,
            "The VAT rate is a percentage between 0 and 100.",
        ));
    }
    let (category, rate) = match (parsed, rate) {
        (None | Some(VatCategory::S), None) => (VatCategory::S, Decimal::from(DEFAULT_VAT_RATE)),
        (None | Some(VatCategory::S), Some(r)) if r.is_zero() => (VatCategory::Z, r),
        (None, Some(r)) => (VatCategory::S, r),
        (Some(c), None) if c.requires_zero_rate() => (c, Decimal::ZERO),
        (Some(c), None) => {
            e.push(FieldError::new(
                rate_key,
                format!("Category {} needs a VAT rate.", c.code()),
            ));
            (c, Decimal::ZERO)
        }
        (Some(c), Some(r)) => {
            if c.requires_zero_rate() && !r.is_zero() {
                e.push(FieldError::new(
                    category_key,
                    format!(
                        "Category {} ({}) has a 0 % rate, not {r} %.",
                        c.code(),
                        c.name_en()
                    ),
                ));
            }
            (c, r)
        }
    };
    VatKey::new(category, rate)
}

fn document_allowance(
    i: usize,
    ac: &AllowanceChargeInput,
    e: &mut Vec<FieldError>,
) -> Option<DocumentAllowanceCharge> {
    let key = |f: &str| format!("ublExtensions.allowanceCharges[{i}].{f}");
    let before = e.len();
    let amount = ac.amount.map(|n| n.0);
    let base = ac.base_amount.map(|n| n.0);
    let percent = ac.multiplier_factor_numeric.map(|n| n.0);
    if amount.is_some_and(|a| a < Decimal::ZERO) {
        e.push(FieldError::new(
            key("amount"),
            "The amount cannot be negative.",
        ));
    }
    if amount.is_none() && (base.is_none() || percent.is_none()) {
        e.push(FieldError::new(
            key("amount"),
            "Give an amount, or a base amount and a percentage.",
        ));
    }
    let vat = vat_key(
        ac.tax_category_code.as_deref(),
        ac.tax_rate.map(|n| n.0),
        &key("taxCategoryCode"),
        &key("taxRate"),
        e,
    );
    (e.len() == before).then_some(DocumentAllowanceCharge {
        is_charge: ac.charge_indicator.0,
        amount,
        base_amount: base,
        percent,
        vat,
    })
}

fn clean(s: Option<String>) -> Option<String> {
    s.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty())
}

#[cfg(test)]
mod tests {
    use pretty_assertions::assert_eq;
    use rust_decimal_macros::dec;
    use serde_json::json;
    use time::macros::date;

    use super::*;

    fn company() -> Company {
        let now = time::macros::datetime!(2026-06-15 09:00 UTC);
        Company {
            id: crate::ids::CompanyId::new(),
            organization_id: crate::ids::OrgId::new(),
            name: "Vânzător SRL".into(),
            cif: 18_547_290,
            registration_number: None,
            vat_payer: true,
            vat_code: Some("RO18547290".into()),
            vat_on_collection: false,
            oss: false,
            vat_in: None,
            eori_code: None,
            address: Some("Str. A 1".into()),
            city: Some("Cluj-Napoca".into()),
            county: Some("CJ".into()),
            country: "RO".into(),
            postal_code: None,
            phone: None,
            email: None,
            website: None,
            capital_social: None,
            representative: None,
            representative_role: None,
            default_currency: "RON".into(),
            sync_enabled: false,
            last_synced_at: None,
            sync_days_back: 60,
            archive_enabled: false,
            archive_retention_years: None,
            efactura_delay_hours: None,
            credit_note_style: crate::store::companies::CreditNoteStyle::default(),
            is_read_only: false,
            enabled_modules: None,
            registry_checked_at: None,
            deleted_at: None,
            hard_delete_at: None,
            created_at: now,
            updated_at: now,
        }
    }

    fn build_json(v: serde_json::Value) -> Result<Draft, Vec<FieldError>> {
        build(
            &serde_json::from_value(v).unwrap(),
            &company(),
            date!(2026 - 06 - 15),
        )
    }

    #[test]
    fn totals_are_right_to_the_cent() {
        let d = build_json(json!({ "lines": [
            { "description": "A", "quantity": "3", "unitPrice": "33.33", "vatRate": "21" },
            { "description": "B", "quantity": "1", "unitPrice": "0.10", "vatRate": "21", "discount": "0.05" },
            { "description": "C", "quantity": "2", "unitPrice": "10", "vatRate": "11" },
            { "description": "D", "quantity": "1", "unitPrice": "50", "vatRate": "0" },
        ]}))
        .unwrap();
        let t = &d.totals;
        assert_eq!(t.line_extension, dec!(170.04));
        let groups: Vec<(&str, String, String)> = t
            .vat_breakdown
            .iter()
            .map(|g| {
                (
                    g.key.category.code(),
                    g.taxable.to_string(),
                    g.tax.to_string(),
                )
            })
            .collect();
        assert_eq!(
            groups,
            [
                ("S", "20.00".into(), "2.20".into()),
                ("S", "100.04".into(), "21.01".into()),
                ("Z", "50.00".into(), "0.00".into())
            ]
        );
        assert_eq!((t.tax_total, t.tax_inclusive), (dec!(23.21), dec!(193.25)));
    }

    #[test]
    fn every_wrong_field_is_named() {
        let errors = build_json(json!({
            "issueDate": "2026-06-16", "dueDate": "2026-01-01", "currency": "EUR", "invoiceTypeCode": "380",
            "lines": [
                { "description": "", "quantity": 0, "unitPrice": "-1" },
                { "description": "ok", "unitPrice": "1", "vatCategoryCode": "AE", "vatRate": "21" },
                { "description": "ok", "unitPrice": "1", "unitOfMeasure": "parsec" },
            ]
        }))
        .unwrap_err();
        let keys: Vec<&str> = errors.iter().map(|e| e.key.as_str()).collect();
        assert_eq!(
            keys,
            [
                "invoiceTypeCode",
                "issueDate",
                "dueDate",
                "exchangeRate",
                "lines[0].description",
                "lines[0].quantity",
                "lines[0].unitPrice",
                "lines[1].vatCategoryCode",
                "lines[2].unitOfMeasure",
            ]
        );
    }

    #[test]
    fn vat_defaults_follow_the_incumbent_without_hiding_contradictions() {
        let mut e = Vec::new();
        let k = |c: Option<&str>, r: Option<Decimal>, e: &mut Vec<FieldError>| {
            let v = vat_key(c, r, "c", "r", e);
            (v.category.code(), v.rate)
        };
        assert_eq!(k(None, None, &mut e), ("S", dec!(21)));
        assert_eq!(k(None, Some(dec!(0)), &mut e), ("Z", dec!(0)));
        assert_eq!(k(Some("S"), Some(dec!(0)), &mut e), ("Z", dec!(0)));
        assert_eq!(k(Some("AE"), None, &mut e), ("AE", dec!(0)));
        assert!(e.is_empty());
        k(Some("K"), Some(dec!(19)), &mut e);
        assert_eq!(e.len(), 1);
    }

    #[test]
    fn a_storno_line_discount_reduces_its_magnitude() {
        let d = build_json(json!({ "lines": [{ "description": "Retur", "quantity": "-2", "unitPrice": "50", "discount": "10" }] })).unwrap();
        assert_eq!(d.totals.lines[0].net, dec!(-90.00));
        let p = build_json(json!({ "lines": [{ "description": "X", "quantity": "4", "unitPrice": "25", "discountPercent": "10" }] })).unwrap();
        assert_eq!(p.totals.line_extension, dec!(90.00));
    }

    #[test]
    fn ten_thousand_lines_are_refused_without_computing() {
        let lines: Vec<_> = (0..10_000)
            .map(|i| json!({ "description": format!("L{i}"), "unitPrice": "1" }))
            .collect();
        let errors = build_json(json!({ "lines": lines })).unwrap_err();
        assert_eq!(errors[0].key, "lines");
    }

    #[test]
    fn foreign_currency_carries_its_rate_and_vat_in_ron() {
        let d = build_json(json!({ "currency": "eur", "exchangeRate": "4.9763", "lines": [{ "description": "X", "unitPrice": "100" }] })).unwrap();
        assert_eq!(d.currency, "EUR");
        assert_eq!(d.totals.tax_total_accounting, Some(dec!(104.50)));
    }
}
