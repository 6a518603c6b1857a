//! What a client sends to create or change an invoice (api.md §12.3), as one type: create uses
//! it as given, PUT merges the keys it was sent over the stored invoice's input first, so both go
//! through the same validation.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::ToSchema;

use crate::api::json::{DateIn, Flag, Num};
use crate::ids::{ClientId, InvoiceId, LineId, ProductId, SeriesId};

/// At most this many lines per invoice (a 10,000-line request is refused, issue #2).
pub const MAX_LINES: usize = 1000;

/// An invoice as a request describes it. Every field is optional; `lines` is required on create.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct InvoiceInput {
    pub lines: Option<Vec<LineInput>>,
    pub client_id: Option<ClientId>,
    /// A buyer without a client record.
    pub receiver_name: Option<String>,
    pub receiver_cif: Option<String>,
    /// `invoice` (default) or `credit_note`.
    pub document_type: Option<String>,
    /// The invoice a credit note or storno refers to (BT-25).
    pub parent_document_id: Option<InvoiceId>,
    #[serde(alias = "seriesId")]
    pub document_series_id: Option<SeriesId>,
    /// BT-2; default today (Bucharest); not in the future.
    pub issue_date: Option<DateIn>,
    /// BT-9.
    pub due_date: Option<DateIn>,
    /// BT-5; default the company's currency.
    pub currency: Option<String>,
    /// RON per unit of `currency`; required when it is not RON.
    pub exchange_rate: Option<Num>,
    /// One of the contract's InvoiceTypeCode values (`standard`, `reverse_charge`, …).
    pub invoice_type_code: Option<String>,
    /// PDF language: ro, en, de, fr.
    pub language: Option<String>,
    pub payment_method: Option<String>,
    /// Optimistic concurrency: when given, the change applies only if the invoice is still at
    /// this version (else 409).
    pub version: Option<i64>,
    /// Returns the invoice created earlier with the same key instead of a second one.
    pub idempotency_key: Option<String>,
    /// Create only: records a payment at once (api.md §12.3).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub collect: Option<Collect>,
    #[serde(flatten)]
    pub details: InvoiceDetails,
}

/// A payment recorded with the invoice that is created (`collect`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Collect {
    /// The amount; the invoice's whole total when absent.
    pub value: Option<Num>,
    /// The payment method; `cash` when absent.
    #[serde(rename = "type")]
    pub kind: Option<String>,
    /// The payment's date; today when absent.
    pub issue_date: Option<DateIn>,
    /// The receipt's or payment order's number (the payment's reference).
    pub document_number: Option<String>,
    /// The payment's notes.
    pub mentions: Option<String>,
}

/// The descriptive fields of an invoice, stored as they are (api.md §12.3).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct InvoiceDetails {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub payment_terms: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delivery_location: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub project_reference: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub order_number: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contract_number: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issuer_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issuer_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mentions: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub internal_note: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sales_agent: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deputy_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deputy_identity_card: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deputy_auto: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tva_la_incasare: Option<Flag>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub platitor_tva: Option<Flag>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plata_online: Option<Flag>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub show_client_balance: Option<Flag>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub client_balance_existing: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub client_balance_overdue: Option<String>,
    /// BT-7.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tax_point_date: Option<DateIn>,
    /// BT-8.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tax_point_date_code: Option<String>,
    /// BT-10.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub buyer_reference: Option<String>,
    /// BT-15.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub receiving_advice_reference: Option<String>,
    /// BT-16.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub despatch_advice_reference: Option<String>,
    /// BT-17.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tender_or_lot_reference: Option<String>,
    /// BT-18.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub invoiced_object_identifier: Option<String>,
    /// BT-19.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub buyer_accounting_reference: Option<String>,
    /// BT-23.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub business_process_type: Option<String>,
    /// BG-10 payee.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub payee_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub payee_identifier: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub payee_legal_registration_identifier: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub payee_bank_account: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub payee_bank_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub penalty_enabled: Option<Flag>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub penalty_percent_per_day: Option<Num>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub penalty_grace_days: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ubl_extensions: Option<UblExtensions>,
    /// When to e-mail the invoice (RFC 3339); e-mail arrives with issue #7.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scheduled_email_at: Option<String>,
}

/// EN 16931 groups that have no column of their own.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct UblExtensions {
    /// BG-14.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub invoice_period: Option<Period>,
    /// BG-13.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delivery: Option<Value>,
    /// BG-20/BG-21, at most 20.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub allowance_charges: Vec<AllowanceChargeInput>,
    /// BT-113.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub prepaid_amount: Option<Num>,
    /// BG-24 references (without attachments), at most 10.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub additional_document_references: Vec<Value>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Period {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start_date: Option<DateIn>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_date: Option<DateIn>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description_code: Option<String>,
}

/// A document- or line-level allowance (discount) or charge.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct AllowanceChargeInput {
    /// `true` for a charge, `false` for an allowance.
    pub charge_indicator: Flag,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount: Option<Num>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub base_amount: Option<Num>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub multiplier_factor_numeric: Option<Num>,
    /// Document level only: the VAT category and rate the amount belongs to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tax_category_code: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tax_rate: Option<Num>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason_code: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// A line as a request describes it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct LineInput {
    /// BT-153.
    pub description: Option<String>,
    /// BT-129; default 1; not zero (negative for storno lines).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quantity: Option<Num>,
    /// BT-146 net price (gross when `vatIncluded`); required, not negative.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit_price: Option<Num>,
    /// BT-149; default 1.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub price_base_quantity: Option<Num>,
    /// A label (`buc`, `kg`, `ora`) or a UN/ECE Rec 20 code; default `buc`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit_of_measure: Option<String>,
    /// BT-130 explicitly, when the label is not one we know.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit_code: Option<String>,
    /// BT-152; default 21.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vat_rate: Option<Num>,
    /// BT-151; default S (Z when the rate is 0).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vat_category_code: Option<String>,
    /// An absolute discount on the line (a line allowance, BG-27).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub discount: Option<Num>,
    /// A percentage discount, applied when `discount` is not given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub discount_percent: Option<Num>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vat_included: Option<Flag>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub product_id: Option<ProductId>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub product_code: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line_note: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub buyer_accounting_ref: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub buyer_item_identification: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub standard_item_identification: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cpv_code: Option<String>,
    /// A credit note's line: the line of the credited invoice (`parentDocumentId`) it credits;
    /// what is left to credit of that line is checked when the credit note is issued.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent_line_id: Option<LineId>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ubl_extensions: Option<LineExtensions>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct LineExtensions {
    /// BG-26.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub invoice_period: Option<Period>,
    /// BG-27/BG-28, at most 10.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub allowance_charges: Vec<AllowanceChargeInput>,
    /// BG-32, at most 20 `{name, value}`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub additional_item_properties: Vec<Value>,
    /// BT-159.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub origin_country: Option<String>,
}

/// Merges the keys of a PUT body over an invoice's current input: a key that is present
/// replaces the stored value (`lines` replaces all lines), an absent key keeps it.
pub fn merge<T: Serialize + serde::de::DeserializeOwned>(
    current: &T,
    patch: &serde_json::Map<String, Value>,
) -> Result<T, serde_json::Error> {
    let mut merged = match serde_json::to_value(current)? {
        Value::Object(map) => map,
        _ => serde_json::Map::new(),
    };
    for (key, value) in patch {
        merged.insert(key.clone(), value.clone());
    }
    serde_json::from_value(Value::Object(merged))
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn a_put_replaces_only_the_keys_it_sends() {
        let current: InvoiceInput = serde_json::from_value(json!({
            "currency": "EUR", "exchangeRate": "4.97", "notes": "old", "orderNumber": "PO-1",
            "lines": [{ "description": "A", "quantity": "2", "unitPrice": "10" }]
        }))
        .unwrap();
        let patch = json!({ "notes": "new", "lines": [{ "description": "B", "unitPrice": "5" }] });
        let merged = merge(&current, patch.as_object().unwrap()).unwrap();
        assert_eq!(merged.details.notes.as_deref(), Some("new"));
        assert_eq!(merged.details.order_number.as_deref(), Some("PO-1"));
        assert_eq!(merged.currency.as_deref(), Some("EUR"));
        let lines = merged.lines.unwrap();
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].description.as_deref(), Some("B"));
    }

    #[test]
    fn input_round_trips_through_json() {
        let input: InvoiceInput = serde_json::from_value(json!({
            "issueDate": "2026-03-01", "exchangeRate": 4.9712, "tvaLaIncasare": "true",
            "ublExtensions": { "prepaidAmount": "100", "allowanceCharges": [{ "chargeIndicator": false, "amount": 10, "taxCategoryCode": "S", "taxRate": 21 }] },
            "lines": [{ "description": "X", "quantity": 1, "unitPrice": "0.10", "vatIncluded": 1 }]
        }))
        .unwrap();
        let again: InvoiceInput =
            serde_json::from_value(serde_json::to_value(&input).unwrap()).unwrap();
        assert_eq!(
            serde_json::to_value(&again).unwrap(),
            serde_json::to_value(&input).unwrap()
        );
    }
}
