//! Document level allowances and charges (BG-20, BG-21), totals (BG-22), VAT breakdown (BG-23).

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::codes::VatCategory;

/// BG-20 Document level allowance or BG-21 Document level charge (BT ids of the
/// allowance; the charge's follow in the same order, BT-99 … BT-105).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AllowanceCharge {
    /// BT-92 Document level allowance amount (BT-99).
    pub amount: Option<Decimal>,
    /// BT-93 Document level allowance base amount (BT-100).
    pub base_amount: Option<Decimal>,
    /// BT-94 Document level allowance percentage (BT-101).
    pub percentage: Option<Decimal>,
    /// BT-95 Document level allowance VAT category code (BT-102).
    pub vat_category: Option<VatCategory>,
    /// BT-96 Document level allowance VAT rate (BT-103); absent for category O.
    pub vat_rate: Option<Decimal>,
    /// BT-97 Document level allowance reason (BT-104).
    pub reason: Option<String>,
    /// BT-98 Document level allowance reason code (BT-105; UNTDID 5189 or 7161).
    pub reason_code: Option<String>,
}

/// BG-22 Document totals. All in the invoice currency (BT-5) except BT-111.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentTotals {
    /// BT-106 Sum of Invoice line net amount.
    pub line_extension: Option<Decimal>,
    /// BT-107 Sum of allowances on document level.
    pub allowance_total: Option<Decimal>,
    /// BT-108 Sum of charges on document level.
    pub charge_total: Option<Decimal>,
    /// BT-109 Invoice total amount without VAT.
    pub tax_exclusive: Option<Decimal>,
    /// BT-110 Invoice total VAT amount.
    pub vat_total: Option<Decimal>,
    /// BT-111 Invoice total VAT amount in accounting currency (BT-6).
    pub vat_total_accounting: Option<Decimal>,
    /// BT-112 Invoice total amount with VAT.
    pub tax_inclusive: Option<Decimal>,
    /// BT-113 Paid amount: advance payments deducted (an advance invoice's total).
    pub prepaid: Option<Decimal>,
    /// BT-114 Rounding amount.
    pub rounding: Option<Decimal>,
    /// BT-115 Amount due for payment.
    pub payable: Option<Decimal>,
}

/// BG-23 VAT breakdown: one per VAT category and rate.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct VatBreakdown {
    /// BT-116 VAT category taxable amount.
    pub taxable_amount: Option<Decimal>,
    /// BT-117 VAT category tax amount.
    pub tax_amount: Option<Decimal>,
    /// BT-118 VAT category code.
    pub category: Option<VatCategory>,
    /// BT-119 VAT category rate; absent for category O (BR-48).
    pub rate: Option<Decimal>,
    /// BT-120 VAT exemption reason text.
    pub exemption_reason: Option<String>,
    /// BT-121 VAT exemption reason code (VATEX, e.g. `VATEX-EU-AE`).
    pub exemption_reason_code: Option<String>,
}
