//! Intra-community supply (`BR-IC-*`, category code `K`).

use ubl::xml::UblNode;

use super::xpath::{DynamicError, Eval};
use super::{
    Code, Parties, Rate, Usage, assert, breakdown, count_vat_ids, exactly_one, exemption_reason,
    identifiers, no_tax, rate, taxable_amount,
};
use crate::doc::{Doc, path_all};
use crate::finding::Severity::Fatal;
use crate::registry::{Hits, Rule, Sets};

pub(super) const RULES: &[Rule] = &[
    Rule {
        id: "BR-IC-01",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &[
            "BG-25", "BG-20", "BG-21", "BT-151", "BT-95", "BT-102", "BG-23", "BT-118",
        ],
        en: "An Invoice that contains an Invoice line (BG-25), a Document level allowance (BG-20) or a Document level charge (BG-21) where the VAT category code (BT-151, BT-95 or BT-102) is \"Intra-community supply\" shall contain in the VAT breakdown (BG-23) exactly one VAT category code (BT-118) equal with \"Intra-community supply\".",
        ro: "O factură care conține o linie a facturii (BG-25), o deducere la nivelul documentului (BG-20) sau o taxă suplimentară la nivelul documentului (BG-21) cu codul categoriei de TVA (BT-151, BT-95 sau BT-102) „Livrare intracomunitară” trebuie să conțină în detalierea TVA (BG-23) exact un cod al categoriei de TVA (BT-118) egal cu „Livrare intracomunitară”.",
        check: br_ic_01,
    },
    Rule {
        id: "BR-IC-02",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &["BG-25", "BT-151", "BT-31", "BT-63", "BT-48"],
        en: "An Invoice that contains an Invoice line (BG-25) where the Invoiced item VAT category code (BT-151) is \"Intra-community supply\" shall contain the Seller VAT Identifier (BT-31) or the Seller tax representative VAT identifier (BT-63) and the Buyer VAT identifier (BT-48).",
        ro: "O factură care conține o linie a facturii (BG-25) cu codul categoriei de TVA a articolului facturat (BT-151) „Livrare intracomunitară” trebuie să conțină identificatorul de TVA al vânzătorului (BT-31) sau identificatorul de TVA al reprezentantului fiscal al vânzătorului (BT-63) și identificatorul de TVA al cumpărătorului (BT-48).",
        check: br_ic_02,
    },
    Rule {
        id: "BR-IC-03",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &["BG-20", "BT-95", "BT-31", "BT-63", "BT-48"],
        en: "An Invoice that contains a Document level allowance (BG-20) where the Document level allowance VAT category code (BT-95) is \"Intra-community supply\" shall contain the Seller VAT Identifier (BT-31) or the Seller tax representative VAT identifier (BT-63) and the Buyer VAT identifier (BT-48).",
        ro: "O factură care conține o deducere la nivelul documentului (BG-20) cu codul categoriei de TVA a deducerii (BT-95) „Livrare intracomunitară” trebuie să conțină identificatorul de TVA al vânzătorului (BT-31) sau identificatorul de TVA al reprezentantului fiscal al vânzătorului (BT-63) și identificatorul de TVA al cumpărătorului (BT-48).",
        check: br_ic_03,
    },
    Rule {
        id: "BR-IC-04",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &["BG-21", "BT-102", "BT-31", "BT-63", "BT-48"],
        en: "An Invoice that contains a Document level charge (BG-21) where the Document level charge VAT category code (BT-102) is \"Intra-community supply\" shall contain the Seller VAT Identifier (BT-31) or the Seller tax representative VAT identifier (BT-63) and the Buyer VAT identifier (BT-48).",
        ro: "O factură care conține o taxă suplimentară la nivelul documentului (BG-21) cu codul categoriei de TVA a taxei suplimentare (BT-102) „Livrare intracomunitară” trebuie să conțină identificatorul de TVA al vânzătorului (BT-31) sau identificatorul de TVA al reprezentantului fiscal al vânzătorului (BT-63) și identificatorul de TVA al cumpărătorului (BT-48).",
        check: br_ic_04,
    },
    Rule {
        id: "BR-IC-05",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &["BG-25", "BT-151", "BT-152"],
        en: "In an Invoice line (BG-25) where the Invoiced item VAT category code (BT-151) is \"Intracommunity supply\" the Invoiced item VAT rate (BT-152) shall be 0 (zero).",
        ro: "Într-o linie a facturii (BG-25) cu codul categoriei de TVA a articolului facturat (BT-151) „Livrare intracomunitară”, cota TVA a articolului facturat (BT-152) trebuie să fie 0 (zero).",
        check: br_ic_05,
    },
    Rule {
        id: "BR-IC-06",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &["BG-20", "BT-95", "BT-96"],
        en: "In a Document level allowance (BG-20) where the Document level allowance VAT category code (BT-95) is \"Intra-community supply\" the Document level allowance VAT rate (BT-96) shall be 0 (zero).",
        ro: "Într-o deducere la nivelul documentului (BG-20) cu codul categoriei de TVA a deducerii (BT-95) „Livrare intracomunitară”, cota TVA a deducerii (BT-96) trebuie să fie 0 (zero).",
        check: br_ic_06,
    },
    Rule {
        id: "BR-IC-07",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &["BG-21", "BT-102", "BT-103"],
        en: "In a Document level charge (BG-21) where the Document level charge VAT category code (BT-102) is \"Intra-community supply\" the Document level charge VAT rate (BT-103) shall be 0 (zero).",
        ro: "Într-o taxă suplimentară la nivelul documentului (BG-21) cu codul categoriei de TVA a taxei suplimentare (BT-102) „Livrare intracomunitară”, cota TVA a taxei suplimentare (BT-103) trebuie să fie 0 (zero).",
        check: br_ic_07,
    },
    Rule {
        id: "BR-IC-08",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &[
            "BG-23", "BT-118", "BT-116", "BT-131", "BT-92", "BT-99", "BT-151", "BT-95", "BT-102",
        ],
        en: "In a VAT breakdown (BG-23) where the VAT category code (BT-118) is \"Intra-community supply\" the VAT category taxable amount (BT-116) shall equal the sum of Invoice line net amounts (BT-131) minus the sum of Document level allowance amounts (BT-92) plus the sum of Document level charge amounts (BT-99) where the VAT category codes (BT-151, BT-95, BT-102) are \"Intra-community supply\".",
        ro: "Într-o detaliere a TVA (BG-23) cu codul categoriei de TVA (BT-118) „Livrare intracomunitară”, baza de calcul pentru categoria de TVA (BT-116) trebuie să fie egală cu suma valorilor nete ale liniilor facturii (BT-131), minus suma deducerilor la nivelul documentului (BT-92), plus suma taxelor suplimentare la nivelul documentului (BT-99), pentru care codurile categoriilor de TVA (BT-151, BT-95, BT-102) sunt „Livrare intracomunitară”.",
        check: br_ic_08,
    },
    Rule {
        id: "BR-IC-09",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &["BT-117", "BG-23", "BT-118"],
        en: "The VAT category tax amount (BT-117) in a VAT breakdown (BG-23) where the VAT category code (BT-118) is \"Intra-community supply\" shall be 0 (zero).",
        ro: "Valoarea TVA pentru categoria de TVA (BT-117) dintr-o detaliere a TVA (BG-23) cu codul categoriei de TVA (BT-118) „Livrare intracomunitară” trebuie să fie 0 (zero).",
        check: br_ic_09,
    },
    Rule {
        id: "BR-IC-10",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &["BG-23", "BT-118", "BT-121", "BT-120"],
        en: "A VAT breakdown (BG-23) with the VAT Category code (BT-118) \"Intra-community supply\" shall have a VAT exemption reason code (BT-121), meaning \"Intra-community supply\" or the VAT exemption reason text (BT-120) \"Intra-community supply\" (or the equivalent standard text in another language).",
        ro: "O detaliere a TVA (BG-23) cu codul categoriei de TVA (BT-118) „Livrare intracomunitară” trebuie să aibă un cod al motivului scutirii de TVA (BT-121) cu sensul „Livrare intracomunitară” sau motivul scutirii de TVA (BT-120) „Livrare intracomunitară” (ori textul standard echivalent în altă limbă).",
        check: br_ic_10,
    },
    Rule {
        id: "BR-IC-11",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &["BG-23", "BT-118", "BT-72", "BG-14"],
        en: "In an Invoice with a VAT breakdown (BG-23) where the VAT category code (BT-118) is \"Intra-community supply\" the Actual delivery date (BT-72) or the Invoicing period (BG-14) shall not be blank.",
        ro: "Într-o factură cu o detaliere a TVA (BG-23) cu codul categoriei de TVA (BT-118) „Livrare intracomunitară”, data reală a livrării (BT-72) sau perioada de facturare (BG-14) nu trebuie să lipsească.",
        check: br_ic_11,
    },
    Rule {
        id: "BR-IC-12",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &["BG-23", "BT-118", "BT-80"],
        en: "In an Invoice with a VAT breakdown (BG-23) where the VAT category code (BT-118) is \"Intra-community supply\" the Deliver to country code (BT-80) shall not be blank.",
        ro: "Într-o factură cu o detaliere a TVA (BG-23) cu codul categoriei de TVA (BT-118) „Livrare intracomunitară”, codul țării de livrare (BT-80) nu trebuie să lipsească.",
        check: br_ic_12,
    },
];

fn br_ic_01(d: &Doc<'_, '_>, hits: &mut Hits) {
    exactly_one(d, hits, "K");
}

fn br_ic_02(d: &Doc<'_, '_>, hits: &mut Hits) {
    identifiers(
        d,
        hits,
        Usage::Lines,
        Code::vat("K"),
        Code::vat("K"),
        Parties::SellerVatAndBuyerVat,
    );
}

fn br_ic_03(d: &Doc<'_, '_>, hits: &mut Hits) {
    identifiers(
        d,
        hits,
        Usage::Allowances,
        Code::vat("K"),
        Code::vat("K"),
        Parties::SellerVatAndBuyerVat,
    );
}

fn br_ic_04(d: &Doc<'_, '_>, hits: &mut Hits) {
    identifiers(
        d,
        hits,
        Usage::Charges,
        Code::vat("K"),
        Code::vat("K"),
        Parties::SellerVatAndBuyerVat,
    );
}

fn br_ic_05(d: &Doc<'_, '_>, hits: &mut Hits) {
    rate(d, hits, Usage::Lines, "K", Rate::Zero);
}

fn br_ic_06(d: &Doc<'_, '_>, hits: &mut Hits) {
    rate(d, hits, Usage::Allowances, "K", Rate::Zero);
}

fn br_ic_07(d: &Doc<'_, '_>, hits: &mut Hits) {
    rate(d, hits, Usage::Charges, "K", Rate::Zero);
}

fn br_ic_08(d: &Doc<'_, '_>, hits: &mut Hits) {
    taxable_amount(d, hits, "K");
}

fn br_ic_09(d: &Doc<'_, '_>, hits: &mut Hits) {
    no_tax(d, hits, "K");
}

fn br_ic_10(d: &Doc<'_, '_>, hits: &mut Hits) {
    exemption_reason(d, hits, "K", true);
}

/// `string-length(path) > 1` from the root: a path reaching several nodes is an error.
fn longer_than_one(d: &Doc<'_, '_>, path: &str) -> Eval<bool> {
    let nodes = path_all(d.root, path);
    if nodes.len() > 1 {
        return Err(DynamicError);
    }
    Ok(nodes
        .first()
        .is_some_and(|n| n.string_value().chars().count() > 1))
}

/// Whether the breakdown has a VAT category `K` (stopping at the first).
fn has_intra_community_breakdown(d: &Doc<'_, '_>) -> Eval<bool> {
    Ok(count_vat_ids(breakdown(d).into_iter(), "K", true)? > 0)
}

/// With a breakdown `K`, an actual delivery date longer than one character, or any element in
/// the invoicing period.
fn br_ic_11(d: &Doc<'_, '_>, hits: &mut Hits) {
    let outcome = (|| {
        Ok(!has_intra_community_breakdown(d)?
            || longer_than_one(d, "cac:Delivery/cbc:ActualDeliveryDate")?
            || path_all(d.root, "cac:InvoicePeriod")
                .iter()
                .any(|p| p.children().any(|c| c.is_element())))
    })();
    assert(d, hits, d.root, outcome);
}

/// With a breakdown `K`, a deliver to country code longer than one character.
fn br_ic_12(d: &Doc<'_, '_>, hits: &mut Hits) {
    let outcome = (|| {
        Ok(!has_intra_community_breakdown(d)?
            || longer_than_one(
                d,
                "cac:Delivery/cac:DeliveryLocation/cac:Address/cac:Country/cbc:IdentificationCode",
            )?)
    })();
    assert(d, hits, d.root, outcome);
}
