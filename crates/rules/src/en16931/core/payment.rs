//! The rules on payment instructions (BG-16): means code, credit transfer account, card,
//! mandate.

use roxmltree::Node;
use ubl::xml::UblNode;

use super::anaf;
use super::xpath::{normalized_filled, select, some_filled, string_at};
use crate::doc::{Doc, exists, normalize_space, path_all};
use crate::finding::Severity::{Fatal, Warning};
use crate::registry::{Hits, Rule, Sets};

const BR_50: Rule = Rule {
    id: "BR-50",
    severity: Fatal,
    sets: Sets::CEN,
    terms: &["BT-84", "BG-17"],
    en: "A Payment account identifier (BT-84) shall be present if Credit transfer (BG-17) \
         information is provided in the Invoice.",
    ro: "Identificatorul contului de plată (BT-84) trebuie să fie prezent dacă factura conține \
         informații despre transferul de credit (BG-17).",
    check: br_50,
};

/// ANAF's context is the card account, not its number, and it counts the number's characters
/// without normalizing spaces.
const BR_51: Rule = Rule {
    id: "BR-51",
    severity: Warning,
    sets: Sets::CEN,
    terms: &["BT-87"],
    en: "In accordance with card payments security standards an invoice should never include a \
         full card primary account number (BT-87). At the moment PCI Security Standards Council \
         has defined that the first 6 digits and last 4 digits are the maximum number of digits \
         to be shown.",
    ro: "Conform standardelor de securitate pentru plățile cu cardul, o factură nu ar trebui să \
         conțină niciodată numărul complet al cardului (BT-87). În prezent, PCI Security \
         Standards Council permite afișarea a cel mult primelor 6 și ultimelor 4 cifre.",
    check: br_51,
};

pub(super) const RULES: &[Rule] = &[
    Rule {
        id: "BR-49",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &["BG-16", "BT-81"],
        en: "A Payment instruction (BG-16) shall specify the Payment means type code (BT-81).",
        ro: "O instrucțiune de plată (BG-16) trebuie să specifice codul tipului de mijloc de \
             plată (BT-81).",
        check: br_49,
    },
    BR_50,
    anaf(BR_50, br_50_ro),
    BR_51,
    anaf(BR_51, br_51_ro),
    Rule {
        id: "BR-61",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &["BT-81", "BT-84"],
        en: "If the Payment means type code (BT-81) means SEPA credit transfer, Local credit \
             transfer or Non-SEPA international credit transfer, the Payment account identifier \
             (BT-84) shall be present.",
        ro: "Dacă codul tipului de mijloc de plată (BT-81) înseamnă transfer de credit SEPA, \
             transfer de credit local sau transfer de credit internațional non-SEPA, \
             identificatorul contului de plată (BT-84) trebuie să fie prezent.",
        check: br_61,
    },
    Rule {
        id: "BR-66",
        severity: Fatal,
        sets: Sets::RO,
        terms: &["BG-18"],
        en: "An Invoice shall contain maximum one Payment Card account (BG-18).",
        ro: "O factură trebuie să conțină cel mult un cont de card de plată (BG-18).",
        check: br_66,
    },
    Rule {
        id: "BR-67",
        severity: Fatal,
        sets: Sets::RO,
        terms: &["BG-19"],
        en: "An Invoice shall contain maximum one Payment Mandate (BG-19).",
        ro: "O factură trebuie să conțină cel mult un mandat de plată (BG-19).",
        check: br_67,
    },
];

fn br_49(d: &Doc<'_, '_>, hits: &mut Hits) {
    for means in select(d, "cac:PaymentMeans") {
        hits.check(d, means, !exists(means, "cbc:PaymentMeansCode"));
    }
}

/// Context `cac:PaymentMeans[cbc:PaymentMeansCode='30' or cbc:PaymentMeansCode='58']
/// /cac:PayeeFinancialAccount`: the codes compare as exact strings (no space trimming).
fn credit_transfer_accounts<'a, 'i>(d: &Doc<'a, 'i>) -> Vec<Node<'a, 'i>> {
    select(d, "cac:PaymentMeans/cac:PayeeFinancialAccount")
        .into_iter()
        .filter(|account| {
            account.parent_element().is_some_and(|means| {
                means
                    .children_named("cbc:PaymentMeansCode")
                    .any(|c| matches!(c.string_value().as_str(), "30" | "58"))
            })
        })
        .collect()
}

fn br_50(d: &Doc<'_, '_>, hits: &mut Hits) {
    for account in credit_transfer_accounts(d) {
        hits.check(d, account, !normalized_filled(account, "cbc:ID"));
    }
}

fn br_50_ro(d: &Doc<'_, '_>, hits: &mut Hits) {
    for account in credit_transfer_accounts(d) {
        hits.check(d, account, !some_filled(account, "cbc:ID"));
    }
}

/// `string-length(normalize-space(.)) <= 10` on each card number.
fn br_51(d: &Doc<'_, '_>, hits: &mut Hits) {
    for number in select(
        d,
        "cac:PaymentMeans/cac:CardAccount/cbc:PrimaryAccountNumberID",
    ) {
        let length = normalize_space(&number.string_value()).chars().count();
        hits.check(d, number, length > 10);
    }
}

/// ANAF: `string-length(cbc:PrimaryAccountNumberID) <= 10` on each card account; two numbers
/// are an error.
fn br_51_ro(d: &Doc<'_, '_>, hits: &mut Hits) {
    for card in select(d, "cac:PaymentMeans/cac:CardAccount") {
        let short = string_at(card, "cbc:PrimaryAccountNumberID")
            .is_ok_and(|number| number.chars().count() <= 10);
        hits.check(d, card, !short);
    }
}

/// Codes 30 and 58 (after `normalize-space`) need `cac:PayeeFinancialAccount/cbc:ID`; two
/// codes on one payment means are an error.
fn br_61(d: &Doc<'_, '_>, hits: &mut Hits) {
    for means in select(d, "cac:PaymentMeans") {
        let holds = string_at(means, "cbc:PaymentMeansCode").is_ok_and(|code| {
            let transfer = matches!(normalize_space(&code).as_str(), "30" | "58");
            !transfer || exists(means, "cac:PayeeFinancialAccount/cbc:ID")
        });
        hits.check(d, means, !holds);
    }
}

fn br_66(d: &Doc<'_, '_>, hits: &mut Hits) {
    let cards = path_all(d.root, "cac:PaymentMeans/cac:CardAccount").len();
    hits.check(d, d.root, cards > 1);
}

fn br_67(d: &Doc<'_, '_>, hits: &mut Hits) {
    let mandates = path_all(d.root, "cac:PaymentMeans/cac:PaymentMandate").len();
    hits.check(d, d.root, mandates > 1);
}

#[cfg(test)]
mod tests {
    use crate::en16931::core::testing::{anaf, cen};

    #[test]
    fn card_numbers_are_measured_differently() {
        let body = "<cac:PaymentMeans><cac:CardAccount>\
            <cbc:PrimaryAccountNumberID> 1234 5678 </cbc:PrimaryAccountNumberID>\
            </cac:CardAccount></cac:PaymentMeans>";
        assert!(
            cen(body, "BR-51").is_empty(),
            "9 characters once normalized"
        );
        assert_eq!(
            anaf(body, "BR-51"),
            ["/ubl:Invoice[1]/cac:PaymentMeans[1]/cac:CardAccount[1]"],
            "11 characters as written"
        );
    }

    #[test]
    fn credit_transfer_codes_compare_exactly_in_context_and_normalized_in_br_61() {
        let body = "<cac:PaymentMeans><cbc:PaymentMeansCode> 30</cbc:PaymentMeansCode>\
            <cac:PayeeFinancialAccount/></cac:PaymentMeans>";
        assert!(cen(body, "BR-50").is_empty(), "' 30' is not '30'");
        assert_eq!(cen(body, "BR-61"), ["/ubl:Invoice[1]/cac:PaymentMeans[1]"]);
    }

    #[test]
    fn anaf_allows_one_card_and_one_mandate() {
        let body = "<cac:PaymentMeans><cac:CardAccount/></cac:PaymentMeans>\
            <cac:PaymentMeans><cac:CardAccount/><cac:PaymentMandate/></cac:PaymentMeans>";
        assert_eq!(anaf(body, "BR-66"), ["/ubl:Invoice[1]"]);
        assert!(anaf(body, "BR-67").is_empty());
        assert!(cen(body, "BR-66").is_empty(), "not a CEN rule");
    }
}
