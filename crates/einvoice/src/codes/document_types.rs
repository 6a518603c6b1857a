//! Document type codes (UNCL 1001) for BT-3, split as EN 16931 splits them (BR-CL-01).

use super::{CodeName, cn, find};

/// The codes EN 16931 1.3.16 accepts as an `Invoice`'s type code, in code order.
static INVOICE_TYPES: &[CodeName] = &[
    cn("71", "Request for payment"),
    cn("80", "Debit note related to goods or services"),
    cn("81", "Credit note related to goods or services"),
    cn("82", "Metered services invoice"),
    cn("84", "Debit note related to financial adjustments"),
    cn("102", "Tax notification"),
    cn("130", "Invoicing data sheet"),
    cn("202", "Direct payment valuation"),
    cn("203", "Provisional payment valuation"),
    cn("204", "Payment valuation"),
    cn("211", "Interim application for payment"),
    cn("218", "Final payment request based on completion of work"),
    cn("219", "Payment request for completed units"),
    cn("295", "Price variation invoice"),
    cn("325", "Proforma invoice"),
    cn("326", "Partial invoice"),
    cn("331", "Commercial invoice which includes a packing list"),
    cn("380", "Commercial invoice"),
    cn("382", "Commission note"),
    cn("383", "Debit note"),
    cn("384", "Corrected invoice"),
    cn("385", "Consolidated invoice"),
    cn("386", "Prepayment invoice"),
    cn("387", "Hire invoice"),
    cn("388", "Tax invoice"),
    cn("389", "Self-billed invoice"),
    cn("390", "Delcredere invoice"),
    cn("393", "Factored invoice"),
    cn("394", "Lease invoice"),
    cn("395", "Consignment invoice"),
    cn("456", "Debit advice"),
    cn("457", "Reversal of debit"),
    cn("471", "Self-billed corrective invoice"),
    cn("472", "Factored corrective invoice"),
    cn("473", "Self-billed factored corrective invoice"),
    cn("500", "Self-billed prepayment invoice"),
    cn("501", "Self-billed factored invoice"),
    cn("527", "Self billed debit note"),
    cn("553", "Forwarder's invoice discrepancy report"),
    cn("575", "Insurer's invoice"),
    cn("623", "Forwarder's invoice"),
    cn("633", "Port charges documents"),
    cn("751", "Invoice information for accounting purposes"),
    cn("780", "Freight invoice"),
    cn("817", "Claim notification"),
    cn("870", "Consular invoice"),
    cn("875", "Partial construction invoice"),
    cn("876", "Partial final construction invoice"),
    cn("877", "Final construction invoice"),
    cn("935", "Customs invoice"),
];

/// The codes EN 16931 1.3.16 accepts as a `CreditNote`'s type code, in code order.
static CREDIT_NOTE_TYPES: &[CodeName] = &[
    cn("81", "Credit note related to goods or services"),
    cn("83", "Credit note related to financial adjustments"),
    cn("261", "Self billed credit note"),
    cn("262", "Consolidated credit note - goods and services"),
    cn("296", "Credit note for price variation"),
    cn("308", "Delcredere credit note"),
    cn("381", "Credit note"),
    cn("396", "Factored credit note"),
    cn("420", "Optical Character Reading (OCR) payment credit note"),
    cn("458", "Reversal of credit"),
    cn("502", "Self-billed factored credit note"),
    cn("503", "Prepayment invoice credit note"),
    cn("532", "Forwarder's credit note"),
];

/// The type codes (BT-3) an `Invoice` document may carry, in code order.
pub fn invoice_type_codes() -> &'static [CodeName] {
    INVOICE_TYPES
}

/// The type codes (BT-3) a `CreditNote` document may carry, in code order.
pub fn credit_note_type_codes() -> &'static [CodeName] {
    CREDIT_NOTE_TYPES
}

/// The entry of an invoice type code (BT-3), e.g. `"380"` commercial invoice.
pub fn invoice_type(code: &str) -> Option<&'static CodeName> {
    find(INVOICE_TYPES, code)
}

/// The entry of a credit note type code (BT-3), e.g. `"381"` credit note.
pub fn credit_note_type(code: &str) -> Option<&'static CodeName> {
    find(CREDIT_NOTE_TYPES, code)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codes::check::assert_unique;
    use pretty_assertions::assert_eq;

    #[test]
    fn known_codes_exist() {
        assert_eq!(invoice_type("380").unwrap().name, "Commercial invoice");
        assert_eq!(invoice_type("389").unwrap().name, "Self-billed invoice");
        assert_eq!(invoice_type("751").unwrap().code, "751");
        assert_eq!(invoice_type("381"), None);
        assert_eq!(credit_note_type("381").unwrap().name, "Credit note");
        assert_eq!(credit_note_type("380"), None);
        // 81 is allowed in both documents.
        assert!(invoice_type("81").is_some() && credit_note_type("81").is_some());
    }

    #[test]
    fn lists_are_unique() {
        assert_eq!((INVOICE_TYPES.len(), CREDIT_NOTE_TYPES.len()), (50, 13));
        assert_unique(INVOICE_TYPES.iter().map(|c| c.code));
        assert_unique(CREDIT_NOTE_TYPES.iter().map(|c| c.code));
    }
}
