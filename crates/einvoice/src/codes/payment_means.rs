//! Payment means codes (UNCL 4461) for BT-81, and the API's payment methods mapped onto them.

use super::{CodeName, cn, find};

/// Every payment means code EN 16931 1.3.16 accepts (BR-CL-16), in code order.
static PAYMENT_MEANS: &[CodeName] = &[
    cn("1", "Instrument not defined"),
    cn("2", "Automated clearing house credit"),
    cn("3", "Automated clearing house debit"),
    cn("4", "ACH demand debit reversal"),
    cn("5", "ACH demand credit reversal"),
    cn("6", "ACH demand credit"),
    cn("7", "ACH demand debit"),
    cn("8", "Hold"),
    cn("9", "National or regional clearing"),
    cn("10", "In cash"),
    cn("11", "ACH savings credit reversal"),
    cn("12", "ACH savings debit reversal"),
    cn("13", "ACH savings credit"),
    cn("14", "ACH savings debit"),
    cn("15", "Bookentry credit"),
    cn("16", "Bookentry debit"),
    cn(
        "17",
        "ACH demand cash concentration/disbursement (CCD) credit",
    ),
    cn(
        "18",
        "ACH demand cash concentration/disbursement (CCD) debit",
    ),
    cn("19", "ACH demand corporate trade payment (CTP) credit"),
    cn("20", "Cheque"),
    cn("21", "Banker's draft"),
    cn("22", "Certified banker's draft"),
    cn(
        "23",
        "Bank cheque (issued by a banking or similar establishment)",
    ),
    cn("24", "Bill of exchange awaiting acceptance"),
    cn("25", "Certified cheque"),
    cn("26", "Local cheque"),
    cn("27", "ACH demand corporate trade payment (CTP) debit"),
    cn("28", "ACH demand corporate trade exchange (CTX) credit"),
    cn("29", "ACH demand corporate trade exchange (CTX) debit"),
    cn("30", "Credit transfer"),
    cn("31", "Debit transfer"),
    cn(
        "32",
        "ACH demand cash concentration/disbursement plus (CCD+) credit",
    ),
    cn(
        "33",
        "ACH demand cash concentration/disbursement plus (CCD+) debit",
    ),
    cn("34", "ACH prearranged payment and deposit (PPD)"),
    cn(
        "35",
        "ACH savings cash concentration/disbursement (CCD) credit",
    ),
    cn(
        "36",
        "ACH savings cash concentration/disbursement (CCD) debit",
    ),
    cn("37", "ACH savings corporate trade payment (CTP) credit"),
    cn("38", "ACH savings corporate trade payment (CTP) debit"),
    cn("39", "ACH savings corporate trade exchange (CTX) credit"),
    cn("40", "ACH savings corporate trade exchange (CTX) debit"),
    cn(
        "41",
        "ACH savings cash concentration/disbursement plus (CCD+) credit",
    ),
    cn("42", "Payment to bank account"),
    cn(
        "43",
        "ACH savings cash concentration/disbursement plus (CCD+) debit",
    ),
    cn("44", "Accepted bill of exchange"),
    cn("45", "Referenced home-banking credit transfer"),
    cn("46", "Interbank debit transfer"),
    cn("47", "Home-banking debit transfer"),
    cn("48", "Bank card"),
    cn("49", "Direct debit"),
    cn("50", "Payment by postgiro"),
    cn(
        "51",
        "FR, norme 6 97-Telereglement CFONB (French Organisation for Banking Standards) - Option A",
    ),
    cn("52", "Urgent commercial payment"),
    cn("53", "Urgent Treasury Payment"),
    cn("54", "Credit card"),
    cn("55", "Debit card"),
    cn("56", "Bankgiro"),
    cn("57", "Standing agreement"),
    cn("58", "SEPA credit transfer"),
    cn("59", "SEPA direct debit"),
    cn("60", "Promissory note"),
    cn("61", "Promissory note signed by the debtor"),
    cn(
        "62",
        "Promissory note signed by the debtor and endorsed by a bank",
    ),
    cn(
        "63",
        "Promissory note signed by the debtor and endorsed by a third party",
    ),
    cn("64", "Promissory note signed by a bank"),
    cn(
        "65",
        "Promissory note signed by a bank and endorsed by another bank",
    ),
    cn("66", "Promissory note signed by a third party"),
    cn(
        "67",
        "Promissory note signed by a third party and endorsed by a bank",
    ),
    cn("68", "Online payment service"),
    cn("69", "Transfer Advice"),
    cn("70", "Bill drawn by the creditor on the debtor"),
    cn("74", "Bill drawn by the creditor on a bank"),
    cn("75", "Bill drawn by the creditor, endorsed by another bank"),
    cn(
        "76",
        "Bill drawn by the creditor on a bank and endorsed by a third party",
    ),
    cn("77", "Bill drawn by the creditor on a third party"),
    cn(
        "78",
        "Bill drawn by creditor on third party, accepted and endorsed by bank",
    ),
    cn("91", "Not transferable banker's draft"),
    cn("92", "Not transferable local cheque"),
    cn("93", "Reference giro"),
    cn("94", "Urgent giro"),
    cn("95", "Free format giro"),
    cn("96", "Requested method for payment was not used"),
    cn("97", "Clearing between partners"),
    cn("98", "JP, Electronically Recorded Monetary Claims"),
    cn("ZZZ", "Mutually defined"),
];

/// Every payment means code EN 16931 accepts, in code order.
pub fn payment_means_codes() -> &'static [CodeName] {
    PAYMENT_MEANS
}

/// The UNCL 4461 entry of a payment means code (BT-81), ignoring case and
/// surrounding spaces.
pub fn payment_means(code: &str) -> Option<&'static CodeName> {
    find(PAYMENT_MEANS, code)
}

/// The payment means code (BT-81) for one of the API's free-form payment methods.
///
/// Matching ignores case, surrounding spaces and `-`/`_`/space differences:
///
/// | method | code | why |
/// |---|---|---|
/// | `bank_transfer`, `transfer` | `30` | credit transfer |
/// | `cash` | `10` | in cash |
/// | `card` | `48` | bank card |
/// | `cheque`, `check` | `20` | cheque |
/// | `paypal`, `stripe`, `mobilpay`, `netopia`, `online` | `68` | online payment service |
/// | a UNCL 4461 code itself (`"58"`, `"42"`, …) | that code | the caller already chose |
/// | `other`, and anything else | `ZZZ` | mutually defined |
///
/// A bank transfer is `30`, not `42` ("payment to bank account"): EN 16931
/// treats `30` and `58` as credit transfers (BG-17), so BR-61 ties them to the
/// payee's account (BT-84) and a receiver's software knows where to pay. `42`
/// carries no such meaning. The caller must therefore give an IBAN with `30`.
///
/// An unknown method maps to `ZZZ` rather than failing: the method is free text
/// in the API, and an unusual one must not block issuing the invoice.
pub fn payment_means_for_method(method: &str) -> &'static str {
    let key: String = method
        .trim()
        .chars()
        .map(|c| match c {
            '-' | ' ' => '_',
            c => c.to_ascii_lowercase(),
        })
        .collect();
    match key.as_str() {
        "bank_transfer" | "transfer" => "30",
        "cash" => "10",
        "card" => "48",
        "cheque" | "check" => "20",
        "paypal" | "stripe" | "mobilpay" | "netopia" | "online" => "68",
        _ => payment_means(method).map_or("ZZZ", |c| c.code),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codes::check::assert_unique;
    use pretty_assertions::assert_eq;

    #[test]
    fn known_codes_exist() {
        assert_eq!(payment_means("30").unwrap().name, "Credit transfer");
        assert_eq!(payment_means("58").unwrap().name, "SEPA credit transfer");
        assert_eq!(payment_means("zzz").unwrap().code, "ZZZ");
        assert_eq!(payment_means("71"), None);
        assert_eq!(payment_means("99"), None);
    }

    #[test]
    fn list_is_unique() {
        assert_eq!(PAYMENT_MEANS.len(), 84);
        assert_unique(PAYMENT_MEANS.iter().map(|c| c.code));
    }

    #[test]
    fn api_methods_map_to_codes() {
        let cases = [
            ("bank_transfer", "30"),
            ("Bank Transfer", "30"),
            ("cash", "10"),
            ("CARD", "48"),
            ("cheque", "20"),
            ("check", "20"),
            ("netopia", "68"),
            ("other", "ZZZ"),
            ("barter", "ZZZ"),
            ("", "ZZZ"),
            ("58", "58"),
            (" 42 ", "42"),
        ];
        for (method, code) in cases {
            assert_eq!(payment_means_for_method(method), code, "{method}");
        }
    }
}
