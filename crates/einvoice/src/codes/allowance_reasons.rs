//! Allowance reason codes (UNCL 5189) for BT-98 and BT-140 (BR-CL-19).

use super::{CodeName, cn, find};

/// Every allowance reason code EN 16931 1.3.16 accepts, in code order.
static ALLOWANCE_REASONS: &[CodeName] = &[
    cn("41", "Bonus for works ahead of schedule"),
    cn("42", "Other bonus"),
    cn("60", "Manufacturer's consumer discount"),
    cn("62", "Due to military status"),
    cn("63", "Due to work accident"),
    cn("64", "Special agreement"),
    cn("65", "Production error discount"),
    cn("66", "New outlet discount"),
    cn("67", "Sample discount"),
    cn("68", "End-of-range discount"),
    cn("70", "Incoterm discount"),
    cn("71", "Point of sales threshold allowance"),
    cn("88", "Material surcharge/deduction"),
    cn("95", "Discount"),
    cn("100", "Special rebate"),
    cn("102", "Fixed long term"),
    cn("103", "Temporary"),
    cn("104", "Standard"),
    cn("105", "Yearly turnover"),
];

/// Every allowance reason code EN 16931 accepts, in code order.
pub fn allowance_reasons() -> &'static [CodeName] {
    ALLOWANCE_REASONS
}

/// The entry of an allowance reason code (BT-98, BT-140), e.g. `"95"` discount.
pub fn allowance_reason(code: &str) -> Option<&'static CodeName> {
    find(ALLOWANCE_REASONS, code)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codes::check::assert_unique;
    use pretty_assertions::assert_eq;

    #[test]
    fn known_codes_exist() {
        assert_eq!(allowance_reason("95").unwrap().name, "Discount");
        assert_eq!(allowance_reason("100").unwrap().name, "Special rebate");
        assert_eq!(allowance_reason("41").unwrap().code, "41");
        assert_eq!(allowance_reason("1"), None);
    }

    #[test]
    fn list_is_unique() {
        assert_eq!(ALLOWANCE_REASONS.len(), 19);
        assert_unique(ALLOWANCE_REASONS.iter().map(|c| c.code));
    }
}
