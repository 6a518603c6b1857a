//! Standard rated VAT (`BR-S-*`, category code `S`).

use super::{
    Code, Guard, Parties, Rate, Usage, at_least_one, exemption_reason, identifiers, rate,
    tax_at_rate, taxable_amount_per_rate,
};
use crate::doc::Doc;
use crate::finding::Severity::Fatal;
use crate::registry::{Hits, Rule, Sets};

pub(super) const RULES: &[Rule] = &[
    Rule {
        id: "BR-S-01",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &[
            "BG-25", "BG-20", "BG-21", "BT-151", "BT-95", "BT-102", "BG-23", "BT-118",
        ],
        en: "An Invoice that contains an Invoice line (BG-25), a Document level allowance (BG-20) or a Document level charge (BG-21) where the VAT category code (BT-151, BT-95 or BT-102) is \"Standard rated\" shall contain in the VAT breakdown (BG-23) at least one VAT category code (BT-118) equal with \"Standard rated\".",
        ro: "O factură care conține o linie a facturii (BG-25), o deducere la nivelul documentului (BG-20) sau o taxă suplimentară la nivelul documentului (BG-21) cu codul categoriei de TVA (BT-151, BT-95 sau BT-102) „Cota standard” trebuie să conțină în detalierea TVA (BG-23) cel puțin un cod al categoriei de TVA (BT-118) egal cu „Cota standard”.",
        check: br_s_01,
    },
    Rule {
        id: "BR-S-02",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &["BG-25", "BT-151", "BT-31", "BT-32", "BT-63"],
        en: "An Invoice that contains an Invoice line (BG-25) where the Invoiced item VAT category code (BT-151) is \"Standard rated\" shall contain the Seller VAT Identifier (BT-31), the Seller tax registration identifier (BT-32) and/or the Seller tax representative VAT identifier (BT-63).",
        ro: "O factură care conține o linie a facturii (BG-25) cu codul categoriei de TVA a articolului facturat (BT-151) „Cota standard” trebuie să conțină identificatorul de TVA al vânzătorului (BT-31), identificatorul de înregistrare fiscală al vânzătorului (BT-32) și/sau identificatorul de TVA al reprezentantului fiscal al vânzătorului (BT-63).",
        check: br_s_02,
    },
    Rule {
        id: "BR-S-03",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &["BG-20", "BT-95", "BT-31", "BT-32", "BT-63"],
        en: "An Invoice that contains a Document level allowance (BG-20) where the Document level allowance VAT category code (BT-95) is \"Standard rated\" shall contain the Seller VAT Identifier (BT-31), the Seller tax registration identifier (BT-32) and/or the Seller tax representative VAT identifier (BT-63).",
        ro: "O factură care conține o deducere la nivelul documentului (BG-20) cu codul categoriei de TVA a deducerii (BT-95) „Cota standard” trebuie să conțină identificatorul de TVA al vânzătorului (BT-31), identificatorul de înregistrare fiscală al vânzătorului (BT-32) și/sau identificatorul de TVA al reprezentantului fiscal al vânzătorului (BT-63).",
        check: br_s_03,
    },
    Rule {
        id: "BR-S-04",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &["BG-21", "BT-102", "BT-31", "BT-32", "BT-63"],
        en: "An Invoice that contains a Document level charge (BG-21) where the Document level charge VAT category code (BT-102) is \"Standard rated\" shall contain the Seller VAT Identifier (BT-31), the Seller tax registration identifier (BT-32) and/or the Seller tax representative VAT identifier (BT-63).",
        ro: "O factură care conține o taxă suplimentară la nivelul documentului (BG-21) cu codul categoriei de TVA a taxei suplimentare (BT-102) „Cota standard” trebuie să conțină identificatorul de TVA al vânzătorului (BT-31), identificatorul de înregistrare fiscală al vânzătorului (BT-32) și/sau identificatorul de TVA al reprezentantului fiscal al vânzătorului (BT-63).",
        check: br_s_04,
    },
    Rule {
        id: "BR-S-05",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &["BG-25", "BT-151", "BT-152"],
        en: "In an Invoice line (BG-25) where the Invoiced item VAT category code (BT-151) is \"Standard rated\" the Invoiced item VAT rate (BT-152) shall be greater than zero.",
        ro: "Într-o linie a facturii (BG-25) cu codul categoriei de TVA a articolului facturat (BT-151) „Cota standard”, cota TVA a articolului facturat (BT-152) trebuie să fie mai mare decât zero.",
        check: br_s_05,
    },
    Rule {
        id: "BR-S-06",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &["BG-20", "BT-95", "BT-96"],
        en: "In a Document level allowance (BG-20) where the Document level allowance VAT category code (BT-95) is \"Standard rated\" the Document level allowance VAT rate (BT-96) shall be greater than zero.",
        ro: "Într-o deducere la nivelul documentului (BG-20) cu codul categoriei de TVA a deducerii (BT-95) „Cota standard”, cota TVA a deducerii (BT-96) trebuie să fie mai mare decât zero.",
        check: br_s_06,
    },
    Rule {
        id: "BR-S-07",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &["BG-21", "BT-102", "BT-103"],
        en: "In a Document level charge (BG-21) where the Document level charge VAT category code (BT-102) is \"Standard rated\" the Document level charge VAT rate (BT-103) shall be greater than zero.",
        ro: "Într-o taxă suplimentară la nivelul documentului (BG-21) cu codul categoriei de TVA a taxei suplimentare (BT-102) „Cota standard”, cota TVA a taxei suplimentare (BT-103) trebuie să fie mai mare decât zero.",
        check: br_s_07,
    },
    Rule {
        id: "BR-S-08",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &[
            "BT-119", "BT-118", "BT-116", "BG-23", "BT-131", "BT-99", "BT-92", "BT-151", "BT-102",
            "BT-95", "BT-152", "BT-103", "BT-96",
        ],
        en: "For each different value of VAT category rate (BT-119) where the VAT category code (BT-118) is \"Standard rated\", the VAT category taxable amount (BT-116) in a VAT breakdown (BG-23) shall equal the sum of Invoice line net amounts (BT-131) plus the sum of document level charge amounts (BT-99) minus the sum of document level allowance amounts (BT-92) where the VAT category code (BT-151, BT-102, BT-95) is \"Standard rated\" and the VAT rate (BT-152, BT-103, BT-96) equals the VAT category rate (BT-119).",
        ro: "Pentru fiecare valoare distinctă a cotei categoriei de TVA (BT-119) cu codul categoriei de TVA (BT-118) „Cota standard”, baza de calcul pentru categoria de TVA (BT-116) dintr-o detaliere a TVA (BG-23) trebuie să fie egală cu suma valorilor nete ale liniilor facturii (BT-131), plus suma taxelor suplimentare la nivelul documentului (BT-99), minus suma deducerilor la nivelul documentului (BT-92), pentru care codul categoriei de TVA (BT-151, BT-102, BT-95) este „Cota standard” și cota TVA (BT-152, BT-103, BT-96) este egală cu cota categoriei de TVA (BT-119).",
        check: br_s_08,
    },
    Rule {
        id: "BR-S-09",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &["BT-117", "BG-23", "BT-118", "BT-116", "BT-119"],
        en: "The VAT category tax amount (BT-117) in a VAT breakdown (BG-23) where VAT category code (BT-118) is \"Standard rated\" shall equal the VAT category taxable amount (BT-116) multiplied by the VAT category rate (BT-119).",
        ro: "Valoarea TVA pentru categoria de TVA (BT-117) dintr-o detaliere a TVA (BG-23) cu codul categoriei de TVA (BT-118) „Cota standard” trebuie să fie egală cu baza de calcul pentru categoria de TVA (BT-116) înmulțită cu cota categoriei de TVA (BT-119).",
        check: br_s_09,
    },
    Rule {
        id: "BR-S-10",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &["BG-23", "BT-118", "BT-121", "BT-120"],
        en: "A VAT breakdown (BG-23) with VAT Category code (BT-118) \"Standard rate\" shall not have a VAT exemption reason code (BT-121) or VAT exemption reason text (BT-120).",
        ro: "O detaliere a TVA (BG-23) cu codul categoriei de TVA (BT-118) „Cota standard” nu trebuie să aibă un cod al motivului scutirii de TVA (BT-121) sau un motiv al scutirii de TVA (BT-120).",
        check: br_s_10,
    },
];

/// `S` counts on allowances, charges, lines and in the breakdown whatever the tax scheme, and a
/// breakdown `S` without any use fails too.
fn br_s_01(d: &Doc<'_, '_>, hits: &mut Hits) {
    at_least_one(
        d,
        hits,
        Code::any_scheme("S"),
        Code::any_scheme("S"),
        Code::any_scheme("S"),
    );
}

/// The guard takes `S` lines of any tax scheme, the trigger only VAT ones.
fn br_s_02(d: &Doc<'_, '_>, hits: &mut Hits) {
    identifiers(
        d,
        hits,
        Usage::Lines,
        Code::vat("S"),
        Code::any_scheme("S"),
        Parties::Seller,
    );
}

fn br_s_03(d: &Doc<'_, '_>, hits: &mut Hits) {
    identifiers(
        d,
        hits,
        Usage::Allowances,
        Code::vat("S"),
        Code::vat("S"),
        Parties::Seller,
    );
}

fn br_s_04(d: &Doc<'_, '_>, hits: &mut Hits) {
    identifiers(
        d,
        hits,
        Usage::Charges,
        Code::vat("S"),
        Code::vat("S"),
        Parties::Seller,
    );
}

fn br_s_05(d: &Doc<'_, '_>, hits: &mut Hits) {
    rate(d, hits, Usage::Lines, "S", Rate::Positive);
}

fn br_s_06(d: &Doc<'_, '_>, hits: &mut Hits) {
    rate(d, hits, Usage::Allowances, "S", Rate::Positive);
}

fn br_s_07(d: &Doc<'_, '_>, hits: &mut Hits) {
    rate(d, hits, Usage::Charges, "S", Rate::Positive);
}

fn br_s_08(d: &Doc<'_, '_>, hits: &mut Hits) {
    taxable_amount_per_rate(d, hits, "S", Guard::LineOrAllowanceAtRate);
}

fn br_s_09(d: &Doc<'_, '_>, hits: &mut Hits) {
    tax_at_rate(d, hits, "S");
}

fn br_s_10(d: &Doc<'_, '_>, hits: &mut Hits) {
    exemption_reason(d, hits, "S", false);
}
