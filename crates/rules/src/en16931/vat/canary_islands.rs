//! The Canary Islands general indirect tax, IGIC (category code `L`): CEN 1.3.16 calls its
//! rules `BR-AF-*`; ANAF's copy has the same rules (context, test and message) under the older
//! ids `BR-IG-*`, whose entries use the same functions.

use super::{
    Code, Guard, Parties, Rate, Usage, at_least_one, exemption_reason, identifiers, rate,
    tax_at_rate, taxable_amount_per_rate,
};
use crate::doc::Doc;
use crate::finding::Severity::Fatal;
use crate::registry::{Hits, Rule, Sets};

pub(super) const RULES: &[Rule] = &[
    Rule {
        id: "BR-AF-01",
        severity: Fatal,
        sets: Sets::CEN,
        terms: &[
            "BG-25", "BG-20", "BG-21", "BT-151", "BT-95", "BT-102", "BG-23", "BT-118",
        ],
        en: "An Invoice that contains an Invoice line (BG-25), a Document level allowance (BG-20) or a Document level charge (BG-21) where the VAT category code (BT-151, BT-95 or BT-102) is \"IGIC\" shall contain in the VAT breakdown (BG-23) at least one VAT category code (BT-118) equal with \"IGIC\".",
        ro: "O factură care conține o linie a facturii (BG-25), o deducere la nivelul documentului (BG-20) sau o taxă suplimentară la nivelul documentului (BG-21) cu codul categoriei de TVA (BT-151, BT-95 sau BT-102) „IGIC” trebuie să conțină în detalierea TVA (BG-23) cel puțin un cod al categoriei de TVA (BT-118) egal cu „IGIC”.",
        check: br_af_01,
    },
    Rule {
        id: "BR-AF-02",
        severity: Fatal,
        sets: Sets::CEN,
        terms: &["BG-25", "BT-151", "BT-31", "BT-32", "BT-63"],
        en: "An Invoice that contains an Invoice line (BG-25) where the Invoiced item VAT category code (BT-151) is \"IGIC\" shall contain the Seller VAT Identifier (BT-31), the Seller tax registration identifier (BT-32) and/or the Seller tax representative VAT identifier (BT-63).",
        ro: "O factură care conține o linie a facturii (BG-25) cu codul categoriei de TVA a articolului facturat (BT-151) „IGIC” trebuie să conțină identificatorul de TVA al vânzătorului (BT-31), identificatorul de înregistrare fiscală al vânzătorului (BT-32) și/sau identificatorul de TVA al reprezentantului fiscal al vânzătorului (BT-63).",
        check: br_af_02,
    },
    Rule {
        id: "BR-AF-03",
        severity: Fatal,
        sets: Sets::CEN,
        terms: &["BG-20", "BT-95", "BT-31", "BT-32", "BT-63"],
        en: "An Invoice that contains a Document level allowance (BG-20) where the Document level allowance VAT category code (BT-95) is \"IGIC\" shall contain the Seller VAT Identifier (BT-31), the Seller tax registration identifier (BT-32) and/or the Seller tax representative VAT identifier (BT-63).",
        ro: "O factură care conține o deducere la nivelul documentului (BG-20) cu codul categoriei de TVA a deducerii (BT-95) „IGIC” trebuie să conțină identificatorul de TVA al vânzătorului (BT-31), identificatorul de înregistrare fiscală al vânzătorului (BT-32) și/sau identificatorul de TVA al reprezentantului fiscal al vânzătorului (BT-63).",
        check: br_af_03,
    },
    Rule {
        id: "BR-AF-04",
        severity: Fatal,
        sets: Sets::CEN,
        terms: &["BG-21", "BT-102", "BT-31", "BT-32", "BT-63"],
        en: "An Invoice that contains a Document level charge (BG-21) where the Document level charge VAT category code (BT-102) is \"IGIC\" shall contain the Seller VAT Identifier (BT-31), the Seller Tax registration identifier (BT-32) and/or the Seller tax representative VAT identifier (BT-63).",
        ro: "O factură care conține o taxă suplimentară la nivelul documentului (BG-21) cu codul categoriei de TVA a taxei suplimentare (BT-102) „IGIC” trebuie să conțină identificatorul de TVA al vânzătorului (BT-31), identificatorul de înregistrare fiscală al vânzătorului (BT-32) și/sau identificatorul de TVA al reprezentantului fiscal al vânzătorului (BT-63).",
        check: br_af_04,
    },
    Rule {
        id: "BR-AF-05",
        severity: Fatal,
        sets: Sets::CEN,
        terms: &["BG-25", "BT-151", "BT-152"],
        en: "In an Invoice line (BG-25) where the Invoiced item VAT category code (BT-151) is \"IGIC\" the invoiced item VAT rate (BT-152) shall be 0 (zero) or greater than zero.",
        ro: "Într-o linie a facturii (BG-25) cu codul categoriei de TVA a articolului facturat (BT-151) „IGIC”, cota TVA a articolului facturat (BT-152) trebuie să fie 0 (zero) sau mai mare decât zero.",
        check: br_af_05,
    },
    Rule {
        id: "BR-AF-06",
        severity: Fatal,
        sets: Sets::CEN,
        terms: &["BG-20", "BT-95", "BT-96"],
        en: "In a Document level allowance (BG-20) where the Document level allowance VAT category code (BT-95) is \"IGIC\" the Document level allowance VAT rate (BT-96) shall be 0 (zero) or greater than zero.",
        ro: "Într-o deducere la nivelul documentului (BG-20) cu codul categoriei de TVA a deducerii (BT-95) „IGIC”, cota TVA a deducerii (BT-96) trebuie să fie 0 (zero) sau mai mare decât zero.",
        check: br_af_06,
    },
    Rule {
        id: "BR-AF-07",
        severity: Fatal,
        sets: Sets::CEN,
        terms: &["BG-21", "BT-102", "BT-103"],
        en: "In a Document level charge (BG-21) where the Document level charge VAT category code (BT-102) is \"IGIC\" the Document level charge VAT rate (BT-103) shall be 0 (zero) or greater than zero.",
        ro: "Într-o taxă suplimentară la nivelul documentului (BG-21) cu codul categoriei de TVA a taxei suplimentare (BT-102) „IGIC”, cota TVA a taxei suplimentare (BT-103) trebuie să fie 0 (zero) sau mai mare decât zero.",
        check: br_af_07,
    },
    Rule {
        id: "BR-AF-08",
        severity: Fatal,
        sets: Sets::CEN,
        terms: &[
            "BT-119", "BT-118", "BT-116", "BG-23", "BT-131", "BT-99", "BT-92", "BT-151", "BT-102",
            "BT-95", "BT-152", "BT-103", "BT-96",
        ],
        en: "For each different value of VAT category rate (BT-119) where the VAT category code (BT-118) is \"IGIC\", the VAT category taxable amount (BT-116) in a VAT breakdown (BG-23) shall equal the sum of Invoice line net amounts (BT-131) plus the sum of document level charge amounts (BT-99) minus the sum of document level allowance amounts (BT-92) where the VAT category code (BT-151, BT-102, BT-95) is \"IGIC\" and the VAT rate (BT-152, BT-103, BT-96) equals the VAT category rate (BT-119).",
        ro: "Pentru fiecare valoare distinctă a cotei categoriei de TVA (BT-119) cu codul categoriei de TVA (BT-118) „IGIC”, baza de calcul pentru categoria de TVA (BT-116) dintr-o detaliere a TVA (BG-23) trebuie să fie egală cu suma valorilor nete ale liniilor facturii (BT-131), plus suma taxelor suplimentare la nivelul documentului (BT-99), minus suma deducerilor la nivelul documentului (BT-92), pentru care codul categoriei de TVA (BT-151, BT-102, BT-95) este „IGIC” și cota TVA (BT-152, BT-103, BT-96) este egală cu cota categoriei de TVA (BT-119).",
        check: br_af_08,
    },
    Rule {
        id: "BR-AF-09",
        severity: Fatal,
        sets: Sets::CEN,
        terms: &["BT-117", "BG-23", "BT-118", "BT-116", "BT-119"],
        en: "The VAT category tax amount (BT-117) in a VAT breakdown (BG-23) where VAT category code (BT-118) is \"IGIC\" shall equal the VAT category taxable amount (BT-116) multiplied by the VAT category rate (BT-119).",
        ro: "Valoarea TVA pentru categoria de TVA (BT-117) dintr-o detaliere a TVA (BG-23) cu codul categoriei de TVA (BT-118) „IGIC” trebuie să fie egală cu baza de calcul pentru categoria de TVA (BT-116) înmulțită cu cota categoriei de TVA (BT-119).",
        check: br_af_09,
    },
    Rule {
        id: "BR-AF-10",
        severity: Fatal,
        sets: Sets::CEN,
        terms: &["BG-23", "BT-118", "BT-121", "BT-120"],
        en: "A VAT breakdown (BG-23) with VAT Category code (BT-118) \"IGIC\" shall not have a VAT exemption reason code (BT-121) or VAT exemption reason text (BT-120).",
        ro: "O detaliere a TVA (BG-23) cu codul categoriei de TVA (BT-118) „IGIC” nu trebuie să aibă un cod al motivului scutirii de TVA (BT-121) sau un motiv al scutirii de TVA (BT-120).",
        check: br_af_10,
    },
    Rule {
        id: "BR-IG-01",
        severity: Fatal,
        sets: Sets::RO,
        terms: &[
            "BG-25", "BG-20", "BG-21", "BT-151", "BT-95", "BT-102", "BG-23", "BT-118",
        ],
        en: "An Invoice that contains an Invoice line (BG-25), a Document level allowance (BG-20) or a Document level charge (BG-21) where the VAT category code (BT-151, BT-95 or BT-102) is \"IGIC\" shall contain in the VAT breakdown (BG-23) at least one VAT category code (BT-118) equal with \"IGIC\".",
        ro: "O factură care conține o linie a facturii (BG-25), o deducere la nivelul documentului (BG-20) sau o taxă suplimentară la nivelul documentului (BG-21) cu codul categoriei de TVA (BT-151, BT-95 sau BT-102) „IGIC” trebuie să conțină în detalierea TVA (BG-23) cel puțin un cod al categoriei de TVA (BT-118) egal cu „IGIC”.",
        check: br_af_01,
    },
    Rule {
        id: "BR-IG-02",
        severity: Fatal,
        sets: Sets::RO,
        terms: &["BG-25", "BT-151", "BT-31", "BT-32", "BT-63"],
        en: "An Invoice that contains an Invoice line (BG-25) where the Invoiced item VAT category code (BT-151) is \"IGIC\" shall contain the Seller VAT Identifier (BT-31), the Seller tax registration identifier (BT-32) and/or the Seller tax representative VAT identifier (BT-63).",
        ro: "O factură care conține o linie a facturii (BG-25) cu codul categoriei de TVA a articolului facturat (BT-151) „IGIC” trebuie să conțină identificatorul de TVA al vânzătorului (BT-31), identificatorul de înregistrare fiscală al vânzătorului (BT-32) și/sau identificatorul de TVA al reprezentantului fiscal al vânzătorului (BT-63).",
        check: br_af_02,
    },
    Rule {
        id: "BR-IG-03",
        severity: Fatal,
        sets: Sets::RO,
        terms: &["BG-20", "BT-95", "BT-31", "BT-32", "BT-63"],
        en: "An Invoice that contains a Document level allowance (BG-20) where the Document level allowance VAT category code (BT-95) is \"IGIC\" shall contain the Seller VAT Identifier (BT-31), the Seller tax registration identifier (BT-32) and/or the Seller tax representative VAT identifier (BT-63).",
        ro: "O factură care conține o deducere la nivelul documentului (BG-20) cu codul categoriei de TVA a deducerii (BT-95) „IGIC” trebuie să conțină identificatorul de TVA al vânzătorului (BT-31), identificatorul de înregistrare fiscală al vânzătorului (BT-32) și/sau identificatorul de TVA al reprezentantului fiscal al vânzătorului (BT-63).",
        check: br_af_03,
    },
    Rule {
        id: "BR-IG-04",
        severity: Fatal,
        sets: Sets::RO,
        terms: &["BG-21", "BT-102", "BT-31", "BT-32", "BT-63"],
        en: "An Invoice that contains a Document level charge (BG-21) where the Document level charge VAT category code (BT-102) is \"IGIC\" shall contain the Seller VAT Identifier (BT-31), the Seller Tax registration identifier (BT-32) and/or the Seller tax representative VAT identifier (BT-63).",
        ro: "O factură care conține o taxă suplimentară la nivelul documentului (BG-21) cu codul categoriei de TVA a taxei suplimentare (BT-102) „IGIC” trebuie să conțină identificatorul de TVA al vânzătorului (BT-31), identificatorul de înregistrare fiscală al vânzătorului (BT-32) și/sau identificatorul de TVA al reprezentantului fiscal al vânzătorului (BT-63).",
        check: br_af_04,
    },
    Rule {
        id: "BR-IG-05",
        severity: Fatal,
        sets: Sets::RO,
        terms: &["BG-25", "BT-151", "BT-152"],
        en: "In an Invoice line (BG-25) where the Invoiced item VAT category code (BT-151) is \"IGIC\" the invoiced item VAT rate (BT-152) shall be 0 (zero) or greater than zero.",
        ro: "Într-o linie a facturii (BG-25) cu codul categoriei de TVA a articolului facturat (BT-151) „IGIC”, cota TVA a articolului facturat (BT-152) trebuie să fie 0 (zero) sau mai mare decât zero.",
        check: br_af_05,
    },
    Rule {
        id: "BR-IG-06",
        severity: Fatal,
        sets: Sets::RO,
        terms: &["BG-20", "BT-95", "BT-96"],
        en: "In a Document level allowance (BG-20) where the Document level allowance VAT category code (BT-95) is \"IGIC\" the Document level allowance VAT rate (BT-96) shall be 0 (zero) or greater than zero.",
        ro: "Într-o deducere la nivelul documentului (BG-20) cu codul categoriei de TVA a deducerii (BT-95) „IGIC”, cota TVA a deducerii (BT-96) trebuie să fie 0 (zero) sau mai mare decât zero.",
        check: br_af_06,
    },
    Rule {
        id: "BR-IG-07",
        severity: Fatal,
        sets: Sets::RO,
        terms: &["BG-21", "BT-102", "BT-103"],
        en: "In a Document level charge (BG-21) where the Document level charge VAT category code (BT-102) is \"IGIC\" the Document level charge VAT rate (BT-103) shall be 0 (zero) or greater than zero.",
        ro: "Într-o taxă suplimentară la nivelul documentului (BG-21) cu codul categoriei de TVA a taxei suplimentare (BT-102) „IGIC”, cota TVA a taxei suplimentare (BT-103) trebuie să fie 0 (zero) sau mai mare decât zero.",
        check: br_af_07,
    },
    Rule {
        id: "BR-IG-08",
        severity: Fatal,
        sets: Sets::RO,
        terms: &[
            "BT-119", "BT-118", "BT-116", "BG-23", "BT-131", "BT-99", "BT-92", "BT-151", "BT-102",
            "BT-95", "BT-152", "BT-103", "BT-96",
        ],
        en: "For each different value of VAT category rate (BT-119) where the VAT category code (BT-118) is \"IGIC\", the VAT category taxable amount (BT-116) in a VAT breakdown (BG-23) shall equal the sum of Invoice line net amounts (BT-131) plus the sum of document level charge amounts (BT-99) minus the sum of document level allowance amounts (BT-92) where the VAT category code (BT-151, BT-102, BT-95) is \"IGIC\" and the VAT rate (BT-152, BT-103, BT-96) equals the VAT category rate (BT-119).",
        ro: "Pentru fiecare valoare distinctă a cotei categoriei de TVA (BT-119) cu codul categoriei de TVA (BT-118) „IGIC”, baza de calcul pentru categoria de TVA (BT-116) dintr-o detaliere a TVA (BG-23) trebuie să fie egală cu suma valorilor nete ale liniilor facturii (BT-131), plus suma taxelor suplimentare la nivelul documentului (BT-99), minus suma deducerilor la nivelul documentului (BT-92), pentru care codul categoriei de TVA (BT-151, BT-102, BT-95) este „IGIC” și cota TVA (BT-152, BT-103, BT-96) este egală cu cota categoriei de TVA (BT-119).",
        check: br_af_08,
    },
    Rule {
        id: "BR-IG-09",
        severity: Fatal,
        sets: Sets::RO,
        terms: &["BT-117", "BG-23", "BT-118", "BT-116", "BT-119"],
        en: "The VAT category tax amount (BT-117) in a VAT breakdown (BG-23) where VAT category code (BT-118) is \"IGIC\" shall equal the VAT category taxable amount (BT-116) multiplied by the VAT category rate (BT-119).",
        ro: "Valoarea TVA pentru categoria de TVA (BT-117) dintr-o detaliere a TVA (BG-23) cu codul categoriei de TVA (BT-118) „IGIC” trebuie să fie egală cu baza de calcul pentru categoria de TVA (BT-116) înmulțită cu cota categoriei de TVA (BT-119).",
        check: br_af_09,
    },
    Rule {
        id: "BR-IG-10",
        severity: Fatal,
        sets: Sets::RO,
        terms: &["BG-23", "BT-118", "BT-121", "BT-120"],
        en: "A VAT breakdown (BG-23) with VAT Category code (BT-118) \"IGIC\" shall not have a VAT exemption reason code (BT-121) or VAT exemption reason text (BT-120).",
        ro: "O detaliere a TVA (BG-23) cu codul categoriei de TVA (BT-118) „IGIC” nu trebuie să aibă un cod al motivului scutirii de TVA (BT-121) sau un motiv al scutirii de TVA (BT-120).",
        check: br_af_10,
    },
];

/// With uses, a breakdown `L` counts whatever its tax scheme and its id as written; without,
/// none may be there normalized with the VAT scheme.
fn br_af_01(d: &Doc<'_, '_>, hits: &mut Hits) {
    at_least_one(
        d,
        hits,
        Code::vat("L"),
        Code::as_written("L"),
        Code::vat("L"),
    );
}

fn br_af_02(d: &Doc<'_, '_>, hits: &mut Hits) {
    identifiers(
        d,
        hits,
        Usage::Lines,
        Code::vat("L"),
        Code::vat("L"),
        Parties::Seller,
    );
}

fn br_af_03(d: &Doc<'_, '_>, hits: &mut Hits) {
    identifiers(
        d,
        hits,
        Usage::Allowances,
        Code::vat("L"),
        Code::vat("L"),
        Parties::Seller,
    );
}

/// The guard compares the id as written.
fn br_af_04(d: &Doc<'_, '_>, hits: &mut Hits) {
    identifiers(
        d,
        hits,
        Usage::Charges,
        Code::vat("L"),
        Code::as_written_vat("L"),
        Parties::Seller,
    );
}

fn br_af_05(d: &Doc<'_, '_>, hits: &mut Hits) {
    rate(d, hits, Usage::Lines, "L", Rate::NotNegative);
}

fn br_af_06(d: &Doc<'_, '_>, hits: &mut Hits) {
    rate(d, hits, Usage::Allowances, "L", Rate::NotNegative);
}

fn br_af_07(d: &Doc<'_, '_>, hits: &mut Hits) {
    rate(d, hits, Usage::Charges, "L", Rate::NotNegative);
}

fn br_af_08(d: &Doc<'_, '_>, hits: &mut Hits) {
    taxable_amount_per_rate(d, hits, "L", Guard::AnyLine);
}

fn br_af_09(d: &Doc<'_, '_>, hits: &mut Hits) {
    tax_at_rate(d, hits, "L");
}

fn br_af_10(d: &Doc<'_, '_>, hits: &mut Hits) {
    exemption_reason(d, hits, "L", false);
}
