//! Invoice lines (BG-25) with their allowances and charges, price, VAT and item.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::{Identifier, Period};
use crate::codes::VatCategory;

/// BG-25 Invoice line.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct InvoiceLine {
    /// BT-126 Invoice line identifier.
    pub id: String,
    /// BT-127 Invoice line note.
    pub note: Option<String>,
    /// BT-128 Invoice line object identifier, with scheme (BT-128-1).
    pub object_identifier: Option<Identifier>,
    /// BT-129 Invoiced quantity; negative on a storno line.
    pub quantity: Option<Decimal>,
    /// BT-130 Invoiced quantity unit of measure code (UN/ECE Rec 20/21, e.g. `H87`).
    pub unit_code: String,
    /// BT-131 Invoice line net amount.
    pub net_amount: Option<Decimal>,
    /// BT-132 Referenced purchase order line reference.
    pub order_line_reference: Option<String>,
    /// BT-133 Invoice line Buyer accounting reference.
    pub buyer_accounting_reference: Option<String>,
    /// BG-26 Invoice line period.
    pub period: Option<Period>,
    /// BG-27 Invoice line allowances.
    pub allowances: Vec<LineAllowanceCharge>,
    /// BG-28 Invoice line charges.
    pub charges: Vec<LineAllowanceCharge>,
    /// BG-29 Price details.
    pub price: Price,
    /// BG-30 Line VAT information.
    pub vat: LineVat,
    /// BG-31 Item information.
    pub item: Item,
}

/// BG-27 Invoice line allowance or BG-28 Invoice line charge (BT ids of the allowance;
/// the charge's follow in the same order, BT-141 … BT-145).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineAllowanceCharge {
    /// BT-136 Invoice line allowance amount (BT-141).
    pub amount: Option<Decimal>,
    /// BT-137 Invoice line allowance base amount (BT-142).
    pub base_amount: Option<Decimal>,
    /// BT-138 Invoice line allowance percentage (BT-143).
    pub percentage: Option<Decimal>,
    /// BT-139 Invoice line allowance reason (BT-144).
    pub reason: Option<String>,
    /// BT-140 Invoice line allowance reason code (BT-145; UNTDID 5189 or 7161).
    pub reason_code: Option<String>,
}

/// BG-29 Price details.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Price {
    /// BT-146 Item net price, never negative (BR-27).
    pub net: Option<Decimal>,
    /// BT-147 Item price discount.
    pub discount: Option<Decimal>,
    /// BT-148 Item gross price.
    pub gross: Option<Decimal>,
    /// BT-149 Item price base quantity; 1 when absent.
    pub base_quantity: Option<Decimal>,
    /// BT-150 Item price base quantity unit of measure code.
    pub base_quantity_unit: Option<String>,
}

/// BG-30 Line VAT information.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineVat {
    /// BT-151 Invoiced item VAT category code.
    pub category: Option<VatCategory>,
    /// BT-152 Invoiced item VAT rate in percent; absent for category O (BR-O-05).
    pub rate: Option<Decimal>,
}

impl LineVat {
    /// `category` at `rate` percent.
    pub fn new(category: VatCategory, rate: Decimal) -> Self {
        Self {
            category: Some(category),
            rate: Some(rate),
        }
    }

    /// Category O, not subject to VAT: no rate at all.
    pub fn outside_scope() -> Self {
        Self {
            category: Some(VatCategory::O),
            rate: None,
        }
    }
}

/// BG-31 Item information.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    /// BT-153 Item name.
    pub name: String,
    /// BT-154 Item description.
    pub description: Option<String>,
    /// BT-155 Item Seller's identifier.
    pub seller_id: Option<String>,
    /// BT-156 Item Buyer's identifier.
    pub buyer_id: Option<String>,
    /// BT-157 Item standard identifier, with scheme (BT-157-1, e.g. `0160` GTIN).
    pub standard_id: Option<Identifier>,
    /// BT-158 Item classification identifiers.
    pub classifications: Vec<ItemClassification>,
    /// BT-159 Item country of origin (ISO 3166-1 alpha-2).
    pub origin_country: Option<String>,
    /// BG-32 Item attributes.
    pub attributes: Vec<ItemAttribute>,
}

/// BT-158 Item classification identifier, with its list.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemClassification {
    /// BT-158 Item classification identifier.
    pub code: String,
    /// BT-158-1 Scheme identifier (UNTDID 7143, e.g. `STI` for CPV, `HS`, `CG`).
    pub list_id: Option<String>,
    /// BT-158-2 Scheme version identifier.
    pub list_version: Option<String>,
}

/// BG-32 Item attribute.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemAttribute {
    /// BT-160 Item attribute name.
    pub name: String,
    /// BT-161 Item attribute value.
    pub value: String,
}
