//! Not subject to VAT (`BR-O-*`, category code `O`).

use roxmltree::Node;
use ubl::xml::UblNode;

use super::xpath::{Eval, charge_indicator_is, code, is_vat};
use super::{
    Code, Parties, Rate, Usage, assert, breakdown, count_vat_ids, exactly_one, exemption_reason,
    identifiers, no_tax, rate, taxable_amount,
};
use crate::doc::Doc;
use crate::finding::Severity::Fatal;
use crate::registry::{Hits, Rule, Sets};

pub(super) const RULES: &[Rule] = &[
    Rule {
        id: "BR-O-01",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &[
            "BG-25", "BG-20", "BG-21", "BT-151", "BT-95", "BT-102", "BG-23", "BT-118",
        ],
        en: "An Invoice that contains an Invoice line (BG-25), a Document level allowance (BG-20) or a Document level charge (BG-21) where the VAT category code (BT-151, BT-95 or BT-102) is \"Not subject to VAT\" shall contain exactly one VAT breakdown group (BG-23) with the VAT category code (BT-118) equal to \"Not subject to VAT\".",
        ro: "O factură care conține o linie a facturii (BG-25), o deducere la nivelul documentului (BG-20) sau o taxă suplimentară la nivelul documentului (BG-21) cu codul categoriei de TVA (BT-151, BT-95 sau BT-102) „Nu face obiectul TVA” trebuie să conțină exact o detaliere a TVA (BG-23) cu codul categoriei de TVA (BT-118) egal cu „Nu face obiectul TVA”.",
        check: br_o_01,
    },
    Rule {
        id: "BR-O-02",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &["BG-25", "BT-151", "BT-31", "BT-63", "BT-48"],
        en: "An Invoice that contains an Invoice line (BG-25) where the Invoiced item VAT category code (BT-151) is \"Not subject to VAT\" shall not contain the Seller VAT identifier (BT-31), the Seller tax representative VAT identifier (BT-63) or the Buyer VAT identifier (BT-48).",
        ro: "O factură care conține o linie a facturii (BG-25) cu codul categoriei de TVA a articolului facturat (BT-151) „Nu face obiectul TVA” nu trebuie să conțină identificatorul de TVA al vânzătorului (BT-31), identificatorul de TVA al reprezentantului fiscal al vânzătorului (BT-63) sau identificatorul de TVA al cumpărătorului (BT-48).",
        check: br_o_02,
    },
    Rule {
        id: "BR-O-03",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &["BG-20", "BT-95", "BT-31", "BT-63", "BT-48"],
        en: "An Invoice that contains a Document level allowance (BG-20) where the Document level allowance VAT category code (BT-95) is \"Not subject to VAT\" shall not contain the Seller VAT identifier (BT-31), the Seller tax representative VAT identifier (BT-63) or the Buyer VAT identifier (BT-48).",
        ro: "O factură care conține o deducere la nivelul documentului (BG-20) cu codul categoriei de TVA a deducerii (BT-95) „Nu face obiectul TVA” nu trebuie să conțină identificatorul de TVA al vânzătorului (BT-31), identificatorul de TVA al reprezentantului fiscal al vânzătorului (BT-63) sau identificatorul de TVA al cumpărătorului (BT-48).",
        check: br_o_03,
    },
    Rule {
        id: "BR-O-04",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &["BG-21", "BT-102", "BT-31", "BT-63", "BT-48"],
        en: "An Invoice that contains a Document level charge (BG-21) where the Document level charge VAT category code (BT-102) is \"Not subject to VAT\" shall not contain the Seller VAT identifier (BT-31), the Seller tax representative VAT identifier (BT-63) or the Buyer VAT identifier (BT-48).",
        ro: "O factură care conține o taxă suplimentară la nivelul documentului (BG-21) cu codul categoriei de TVA a taxei suplimentare (BT-102) „Nu face obiectul TVA” nu trebuie să conțină identificatorul de TVA al vânzătorului (BT-31), identificatorul de TVA al reprezentantului fiscal al vânzătorului (BT-63) sau identificatorul de TVA al cumpărătorului (BT-48).",
        check: br_o_04,
    },
    Rule {
        id: "BR-O-05",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &["BG-25", "BT-151", "BT-152"],
        en: "An Invoice line (BG-25) where the VAT category code (BT-151) is \"Not subject to VAT\" shall not contain an Invoiced item VAT rate (BT-152).",
        ro: "O linie a facturii (BG-25) cu codul categoriei de TVA (BT-151) „Nu face obiectul TVA” nu trebuie să conțină cota TVA a articolului facturat (BT-152).",
        check: br_o_05,
    },
    Rule {
        id: "BR-O-06",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &["BG-20", "BT-95", "BT-96"],
        en: "A Document level allowance (BG-20) where VAT category code (BT-95) is \"Not subject to VAT\" shall not contain a Document level allowance VAT rate (BT-96).",
        ro: "O deducere la nivelul documentului (BG-20) cu codul categoriei de TVA (BT-95) „Nu face obiectul TVA” nu trebuie să conțină cota TVA a deducerii (BT-96).",
        check: br_o_06,
    },
    Rule {
        id: "BR-O-07",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &["BG-21", "BT-102", "BT-103"],
        en: "A Document level charge (BG-21) where the VAT category code (BT-102) is \"Not subject to VAT\" shall not contain a Document level charge VAT rate (BT-103).",
        ro: "O taxă suplimentară la nivelul documentului (BG-21) cu codul categoriei de TVA (BT-102) „Nu face obiectul TVA” nu trebuie să conțină cota TVA a taxei suplimentare (BT-103).",
        check: br_o_07,
    },
    Rule {
        id: "BR-O-08",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &[
            "BG-23", "BT-118", "BT-116", "BT-131", "BT-92", "BT-99", "BT-151", "BT-95", "BT-102",
        ],
        en: "In a VAT breakdown (BG-23) where the VAT category code (BT-118) is \" Not subject to VAT\" the VAT category taxable amount (BT-116) shall equal the sum of Invoice line net amounts (BT-131) minus the sum of Document level allowance amounts (BT-92) plus the sum of Document level charge amounts (BT-99) where the VAT category codes (BT-151, BT-95, BT-102) are \"Not subject to VAT\".",
        ro: "Într-o detaliere a TVA (BG-23) cu codul categoriei de TVA (BT-118) „Nu face obiectul TVA”, baza de calcul pentru categoria de TVA (BT-116) trebuie să fie egală cu suma valorilor nete ale liniilor facturii (BT-131), minus suma deducerilor la nivelul documentului (BT-92), plus suma taxelor suplimentare la nivelul documentului (BT-99), pentru care codurile categoriilor de TVA (BT-151, BT-95, BT-102) sunt „Nu face obiectul TVA”.",
        check: br_o_08,
    },
    Rule {
        id: "BR-O-09",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &["BT-117", "BG-23", "BT-118"],
        en: "The VAT category tax amount (BT-117) in a VAT breakdown (BG-23) where the VAT category code (BT-118) is \"Not subject to VAT\" shall be 0 (zero).",
        ro: "Valoarea TVA pentru categoria de TVA (BT-117) dintr-o detaliere a TVA (BG-23) cu codul categoriei de TVA (BT-118) „Nu face obiectul TVA” trebuie să fie 0 (zero).",
        check: br_o_09,
    },
    Rule {
        id: "BR-O-10",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &["BG-23", "BT-118", "BT-121", "BT-120"],
        en: "A VAT breakdown (BG-23) with VAT Category code (BT-118) \" Not subject to VAT\" shall have a VAT exemption reason code (BT-121), meaning \" Not subject to VAT\" or a VAT exemption reason text (BT-120) \" Not subject to VAT\" (or the equivalent standard text in another language).",
        ro: "O detaliere a TVA (BG-23) cu codul categoriei de TVA (BT-118) „Nu face obiectul TVA” trebuie să aibă un cod al motivului scutirii de TVA (BT-121) cu sensul „Nu face obiectul TVA” sau motivul scutirii de TVA (BT-120) „Nu face obiectul TVA” (ori textul standard echivalent în altă limbă).",
        check: br_o_10,
    },
    Rule {
        id: "BR-O-11",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &["BG-23", "BT-118"],
        en: "An Invoice that contains a VAT breakdown group (BG-23) with a VAT category code (BT-118) \"Not subject to VAT\" shall not contain other VAT breakdown groups (BG-23).",
        ro: "O factură care conține o detaliere a TVA (BG-23) cu codul categoriei de TVA (BT-118) „Nu face obiectul TVA” nu trebuie să conțină alte detalieri ale TVA (BG-23).",
        check: br_o_11,
    },
    Rule {
        id: "BR-O-12",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &["BG-23", "BT-118", "BG-25", "BT-151"],
        en: "An Invoice that contains a VAT breakdown group (BG-23) with a VAT category code (BT-118) \"Not subject to VAT\" shall not contain an Invoice line (BG-25) where the Invoiced item VAT category code (BT-151) is not \"Not subject to VAT\".",
        ro: "O factură care conține o detaliere a TVA (BG-23) cu codul categoriei de TVA (BT-118) „Nu face obiectul TVA” nu trebuie să conțină o linie a facturii (BG-25) al cărei cod al categoriei de TVA a articolului facturat (BT-151) nu este „Nu face obiectul TVA”.",
        check: br_o_12,
    },
    Rule {
        id: "BR-O-13",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &["BG-23", "BT-118", "BG-20", "BT-95"],
        en: "An Invoice that contains a VAT breakdown group (BG-23) with a VAT category code (BT-118) \"Not subject to VAT\" shall not contain Document level allowances (BG-20) where Document level allowance VAT category code (BT-95) is not \"Not subject to VAT\".",
        ro: "O factură care conține o detaliere a TVA (BG-23) cu codul categoriei de TVA (BT-118) „Nu face obiectul TVA” nu trebuie să conțină deduceri la nivelul documentului (BG-20) al căror cod al categoriei de TVA a deducerii (BT-95) nu este „Nu face obiectul TVA”.",
        check: br_o_13,
    },
    Rule {
        id: "BR-O-14",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &["BG-23", "BT-118", "BG-21", "BT-102"],
        en: "An Invoice that contains a VAT breakdown group (BG-23) with a VAT category code (BT-118) \"Not subject to VAT\" shall not contain Document level charges (BG-21) where Document level charge VAT category code (BT-102) is not \"Not subject to VAT\".",
        ro: "O factură care conține o detaliere a TVA (BG-23) cu codul categoriei de TVA (BT-118) „Nu face obiectul TVA” nu trebuie să conțină taxe suplimentare la nivelul documentului (BG-21) al căror cod al categoriei de TVA a taxei suplimentare (BT-102) nu este „Nu face obiectul TVA”.",
        check: br_o_14,
    },
];

fn br_o_01(d: &Doc<'_, '_>, hits: &mut Hits) {
    exactly_one(d, hits, "O");
}

fn br_o_02(d: &Doc<'_, '_>, hits: &mut Hits) {
    identifiers(
        d,
        hits,
        Usage::Lines,
        Code::vat("O"),
        Code::vat("O"),
        Parties::NoVatIds,
    );
}

/// Only the allowances of the document element count here.
fn br_o_03(d: &Doc<'_, '_>, hits: &mut Hits) {
    identifiers(
        d,
        hits,
        Usage::DocumentAllowances,
        Code::vat("O"),
        Code::vat("O"),
        Parties::NoVatIds,
    );
}

/// Only the charges of the document element count here.
fn br_o_04(d: &Doc<'_, '_>, hits: &mut Hits) {
    identifiers(
        d,
        hits,
        Usage::DocumentCharges,
        Code::vat("O"),
        Code::vat("O"),
        Parties::NoVatIds,
    );
}

fn br_o_05(d: &Doc<'_, '_>, hits: &mut Hits) {
    rate(d, hits, Usage::Lines, "O", Rate::Absent);
}

fn br_o_06(d: &Doc<'_, '_>, hits: &mut Hits) {
    rate(d, hits, Usage::Allowances, "O", Rate::Absent);
}

fn br_o_07(d: &Doc<'_, '_>, hits: &mut Hits) {
    rate(d, hits, Usage::Charges, "O", Rate::Absent);
}

fn br_o_08(d: &Doc<'_, '_>, hits: &mut Hits) {
    taxable_amount(d, hits, "O");
}

fn br_o_09(d: &Doc<'_, '_>, hits: &mut Hits) {
    no_tax(d, hits, "O");
}

fn br_o_10(d: &Doc<'_, '_>, hits: &mut Hits) {
    exemption_reason(d, hits, "O", true);
}

/// `count(tcs[normalize-space(cbc:ID) != 'O'][VAT]) = 0`.
fn none_other<'a, 'i: 'a>(tcs: impl Iterator<Item = Node<'a, 'i>>) -> Eval<bool> {
    let mut others = 0;
    for tc in tcs {
        if code(tc)? != "O" && is_vat(tc)? {
            others += 1;
        }
    }
    Ok(others == 0)
}

/// With a breakdown `O`, `others` has no VAT category but `O`.
fn alone<'a, 'i: 'a>(
    d: &Doc<'a, 'i>,
    hits: &mut Hits,
    others: impl FnOnce() -> Eval<Vec<Node<'a, 'i>>>,
) {
    let outcome = (|| {
        if count_vat_ids(breakdown(d).into_iter(), "O", true)? == 0 {
            return Ok(true);
        }
        none_other(others()?.into_iter())
    })();
    assert(d, hits, d.root, outcome);
}

/// The tax categories of `//cac:AllowanceCharge[cbc:ChargeIndicator = charge]`.
fn allowance_categories<'a, 'i: 'a>(d: &Doc<'a, 'i>, charge: bool) -> Eval<Vec<Node<'a, 'i>>> {
    let mut tcs = Vec::new();
    for ac in d.all("cac:AllowanceCharge") {
        if charge_indicator_is(ac, charge)? {
            tcs.extend(ac.children_named("cac:TaxCategory"));
        }
    }
    Ok(tcs)
}

fn br_o_11(d: &Doc<'_, '_>, hits: &mut Hits) {
    alone(d, hits, || Ok(breakdown(d)));
}

fn br_o_12(d: &Doc<'_, '_>, hits: &mut Hits) {
    alone(d, hits, || Ok(d.all("cac:ClassifiedTaxCategory").collect()));
}

fn br_o_13(d: &Doc<'_, '_>, hits: &mut Hits) {
    alone(d, hits, || allowance_categories(d, false));
}

fn br_o_14(d: &Doc<'_, '_>, hits: &mut Hits) {
    alone(d, hits, || allowance_categories(d, true));
}
