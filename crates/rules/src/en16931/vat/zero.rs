//! Zero rated VAT (`BR-Z-*`, category code `Z`).

use super::{
    Code, Parties, Rate, Usage, exactly_one, exemption_reason, identifiers, no_tax, rate,
    taxable_amount,
};
use crate::doc::Doc;
use crate::finding::Severity::Fatal;
use crate::registry::{Hits, Rule, Sets};

pub(super) const RULES: &[Rule] = &[
    Rule {
        id: "BR-Z-01",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &[
            "BG-25", "BG-20", "BG-21", "BT-151", "BT-95", "BT-102", "BG-23", "BT-118",
        ],
        en: "An Invoice that contains an Invoice line (BG-25), a Document level allowance (BG-20) or a Document level charge (BG-21) where the VAT category code (BT-151, BT-95 or BT-102) is \"Zero rated\" shall contain in the VAT breakdown (BG-23) exactly one VAT category code (BT-118) equal with \"Zero rated\".",
        ro: "O factură care conține o linie a facturii (BG-25), o deducere la nivelul documentului (BG-20) sau o taxă suplimentară la nivelul documentului (BG-21) cu codul categoriei de TVA (BT-151, BT-95 sau BT-102) „Cota zero” trebuie să conțină în detalierea TVA (BG-23) exact un cod al categoriei de TVA (BT-118) egal cu „Cota zero”.",
        check: br_z_01,
    },
    Rule {
        id: "BR-Z-02",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &["BT-151", "BT-31", "BT-32", "BT-63"],
        en: "An Invoice that contains an Invoice line where the Invoiced item VAT category code (BT-151) is \"Zero rated\" shall contain the Seller VAT Identifier (BT-31), the Seller tax registration identifier (BT-32) and/or the Seller tax representative VAT identifier (BT-63).",
        ro: "O factură care conține o linie a facturii cu codul categoriei de TVA a articolului facturat (BT-151) „Cota zero” trebuie să conțină identificatorul de TVA al vânzătorului (BT-31), identificatorul de înregistrare fiscală al vânzătorului (BT-32) și/sau identificatorul de TVA al reprezentantului fiscal al vânzătorului (BT-63).",
        check: br_z_02,
    },
    Rule {
        id: "BR-Z-03",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &["BG-20", "BT-95", "BT-31", "BT-32", "BT-63"],
        en: "An Invoice that contains a Document level allowance (BG-20) where the Document level allowance VAT category code (BT-95) is \"Zero rated\" shall contain the Seller VAT Identifier (BT-31), the Seller tax registration identifier (BT-32) and/or the Seller tax representative VAT identifier (BT-63).",
        ro: "O factură care conține o deducere la nivelul documentului (BG-20) cu codul categoriei de TVA a deducerii (BT-95) „Cota zero” trebuie să conțină identificatorul de TVA al vânzătorului (BT-31), identificatorul de înregistrare fiscală al vânzătorului (BT-32) și/sau identificatorul de TVA al reprezentantului fiscal al vânzătorului (BT-63).",
        check: br_z_03,
    },
    Rule {
        id: "BR-Z-04",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &["BT-102", "BT-31", "BT-32", "BT-63"],
        en: "An Invoice that contains a Document level charge where the Document level charge VAT category code (BT-102) is \"Zero rated\" shall contain the Seller VAT Identifier (BT-31), the Seller tax registration identifier (BT-32) and/or the Seller tax representative VAT identifier (BT-63).",
        ro: "O factură care conține o taxă suplimentară la nivelul documentului cu codul categoriei de TVA a taxei suplimentare (BT-102) „Cota zero” trebuie să conțină identificatorul de TVA al vânzătorului (BT-31), identificatorul de înregistrare fiscală al vânzătorului (BT-32) și/sau identificatorul de TVA al reprezentantului fiscal al vânzătorului (BT-63).",
        check: br_z_04,
    },
    Rule {
        id: "BR-Z-05",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &["BG-25", "BT-151", "BT-152"],
        en: "In an Invoice line (BG-25) where the Invoiced item VAT category code (BT-151) is \"Zero rated\" the Invoiced item VAT rate (BT-152) shall be 0 (zero).",
        ro: "Într-o linie a facturii (BG-25) cu codul categoriei de TVA a articolului facturat (BT-151) „Cota zero”, cota TVA a articolului facturat (BT-152) trebuie să fie 0 (zero).",
        check: br_z_05,
    },
    Rule {
        id: "BR-Z-06",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &["BG-20", "BT-95", "BT-96"],
        en: "In a Document level allowance (BG-20) where the Document level allowance VAT category code (BT-95) is \"Zero rated\" the Document level allowance VAT rate (BT-96) shall be 0 (zero).",
        ro: "Într-o deducere la nivelul documentului (BG-20) cu codul categoriei de TVA a deducerii (BT-95) „Cota zero”, cota TVA a deducerii (BT-96) trebuie să fie 0 (zero).",
        check: br_z_06,
    },
    Rule {
        id: "BR-Z-07",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &["BG-21", "BT-102", "BT-103"],
        en: "In a Document level charge (BG-21) where the Document level charge VAT category code (BT-102) is \"Zero rated\" the Document level charge VAT rate (BT-103) shall be 0 (zero).",
        ro: "Într-o taxă suplimentară la nivelul documentului (BG-21) cu codul categoriei de TVA a taxei suplimentare (BT-102) „Cota zero”, cota TVA a taxei suplimentare (BT-103) trebuie să fie 0 (zero).",
        check: br_z_07,
    },
    Rule {
        id: "BR-Z-08",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &[
            "BG-23", "BT-118", "BT-116", "BT-131", "BT-92", "BT-99", "BT-151", "BT-95", "BT-102",
        ],
        en: "In a VAT breakdown (BG-23) where VAT category code (BT-118) is \"Zero rated\" the VAT category taxable amount (BT-116) shall equal the sum of Invoice line net amount (BT-131) minus the sum of Document level allowance amounts (BT-92) plus the sum of Document level charge amounts (BT-99) where the VAT category codes (BT-151, BT-95, BT-102) are \"Zero rated\".",
        ro: "Într-o detaliere a TVA (BG-23) cu codul categoriei de TVA (BT-118) „Cota zero”, baza de calcul pentru categoria de TVA (BT-116) trebuie să fie egală cu suma valorilor nete ale liniilor facturii (BT-131), minus suma deducerilor la nivelul documentului (BT-92), plus suma taxelor suplimentare la nivelul documentului (BT-99), pentru care codurile categoriilor de TVA (BT-151, BT-95, BT-102) sunt „Cota zero”.",
        check: br_z_08,
    },
    Rule {
        id: "BR-Z-09",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &["BT-117", "BG-23", "BT-118"],
        en: "The VAT category tax amount (BT-117) in a VAT breakdown (BG-23) where VAT category code (BT-118) is \"Zero rated\" shall equal 0 (zero).",
        ro: "Valoarea TVA pentru categoria de TVA (BT-117) dintr-o detaliere a TVA (BG-23) cu codul categoriei de TVA (BT-118) „Cota zero” trebuie să fie 0 (zero).",
        check: br_z_09,
    },
    Rule {
        id: "BR-Z-10",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &["BG-23", "BT-118", "BT-121", "BT-120"],
        en: "A VAT breakdown (BG-23) with VAT Category code (BT-118) \"Zero rated\" shall not have a VAT exemption reason code (BT-121) or VAT exemption reason text (BT-120).",
        ro: "O detaliere a TVA (BG-23) cu codul categoriei de TVA (BT-118) „Cota zero” nu trebuie să aibă un cod al motivului scutirii de TVA (BT-121) sau un motiv al scutirii de TVA (BT-120).",
        check: br_z_10,
    },
];

fn br_z_01(d: &Doc<'_, '_>, hits: &mut Hits) {
    exactly_one(d, hits, "Z");
}

fn br_z_02(d: &Doc<'_, '_>, hits: &mut Hits) {
    identifiers(
        d,
        hits,
        Usage::Lines,
        Code::vat("Z"),
        Code::vat("Z"),
        Parties::Seller,
    );
}

fn br_z_03(d: &Doc<'_, '_>, hits: &mut Hits) {
    identifiers(
        d,
        hits,
        Usage::Allowances,
        Code::vat("Z"),
        Code::vat("Z"),
        Parties::Seller,
    );
}

fn br_z_04(d: &Doc<'_, '_>, hits: &mut Hits) {
    identifiers(
        d,
        hits,
        Usage::Charges,
        Code::vat("Z"),
        Code::vat("Z"),
        Parties::Seller,
    );
}

fn br_z_05(d: &Doc<'_, '_>, hits: &mut Hits) {
    rate(d, hits, Usage::Lines, "Z", Rate::Zero);
}

fn br_z_06(d: &Doc<'_, '_>, hits: &mut Hits) {
    rate(d, hits, Usage::Allowances, "Z", Rate::Zero);
}

fn br_z_07(d: &Doc<'_, '_>, hits: &mut Hits) {
    rate(d, hits, Usage::Charges, "Z", Rate::Zero);
}

fn br_z_08(d: &Doc<'_, '_>, hits: &mut Hits) {
    taxable_amount(d, hits, "Z");
}

fn br_z_09(d: &Doc<'_, '_>, hits: &mut Hits) {
    no_tax(d, hits, "Z");
}

fn br_z_10(d: &Doc<'_, '_>, hits: &mut Hits) {
    exemption_reason(d, hits, "Z", false);
}
