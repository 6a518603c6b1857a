//! Payment instructions (BG-16 … BG-19) and additional supporting documents (BG-24).

use serde::{Deserialize, Serialize};

/// BG-16 Payment instructions.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaymentInstructions {
    /// BT-81 Payment means type code (UNTDID 4461: `30` credit transfer, `42` payment to
    /// bank account, `48` card, `49` direct debit, `58` SEPA credit transfer, …).
    pub means_code: String,
    /// BT-82 Payment means text.
    pub means_text: Option<String>,
    /// BT-83 Remittance information.
    pub remittance_information: Option<String>,
    /// BG-17 Credit transfers: one per account the buyer may pay to.
    pub credit_transfers: Vec<CreditTransfer>,
    /// BG-18 Payment card information.
    pub card: Option<PaymentCard>,
    /// BG-19 Direct debit.
    pub direct_debit: Option<DirectDebit>,
}

/// BG-17 Credit transfer.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreditTransfer {
    /// BT-84 Payment account identifier: an IBAN for SEPA and Romanian payments.
    pub account_id: String,
    /// BT-85 Payment account name.
    pub account_name: Option<String>,
    /// BT-86 Payment service provider identifier (BIC).
    pub service_provider_id: Option<String>,
}

/// BG-18 Payment card information.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaymentCard {
    /// BT-87 Payment card primary account number: never the full number (BR-51), at most
    /// the last four to six digits.
    pub primary_account_number: String,
    /// BT-88 Payment card holder name.
    pub holder_name: Option<String>,
    /// The card network (`VISA`, `MC`, …): not an EN 16931 term, but UBL requires
    /// `cbc:NetworkID` in a card account.
    pub network_id: Option<String>,
}

/// BG-19 Direct debit.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DirectDebit {
    /// BT-89 Mandate reference identifier.
    pub mandate_reference: Option<String>,
    /// BT-90 Bank assigned creditor identifier. UBL carries it as a `SEPA` party
    /// identifier of the payee, or of the seller when there is no payee.
    pub creditor_id: Option<String>,
    /// BT-91 Debited account identifier.
    pub debited_account: Option<String>,
}

/// BG-24 Additional supporting document.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attachment {
    /// BT-122 Supporting document reference.
    pub id: String,
    /// BT-123 Supporting document description.
    pub description: Option<String>,
    /// BT-124 External document location (a URI).
    pub external_uri: Option<String>,
    /// BT-125 Attached document, embedded.
    pub content: Option<BinaryObject>,
}

/// BT-125 Attached document: the bytes, with their MIME code and file name.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BinaryObject {
    /// The document's bytes (base64 in UBL).
    pub data: Vec<u8>,
    /// BT-125-1 Attached document Mime code (`application/pdf`, `image/png`, …).
    pub mime_code: String,
    /// BT-125-2 Attached document Filename.
    pub filename: String,
}
