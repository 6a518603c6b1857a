//! The Ceuta and Melilla production, services and import tax, IPSI (category code `M`):
//! CEN 1.3.16 calls its rules `BR-AG-*`; ANAF's copy has the same rules (context, test and
//! message) under the older ids `BR-IP-*`, whose entries use the same functions.

use super::{
    Code, Guard, Parties, Rate, Usage, at_least_one, exemption_reason, identifiers, rate,
    tax_at_rate, taxable_amount_per_rate,
};
use crate::doc::Doc;
use crate::finding::Severity::Fatal;
use crate::registry::{Hits, Rule, Sets};

pub(super) const RULES: &[Rule] = &[
    Rule {
        id: "BR-AG-01",
        severity: Fatal,
        sets: Sets::CEN,
        terms: &[
            "BG-25", "BG-20", "BG-21", "BT-151", "BT-95", "BT-102", "BG-23", "BT-118",
        ],
        en: "An Invoice that contains an Invoice line (BG-25), a Document level allowance (BG-20) or a Document level charge (BG-21) where the VAT category code (BT-151, BT-95 or BT-102) is \"IPSI\" shall contain in the VAT breakdown (BG-23) at least one VAT category code (BT-118) equal with \"IPSI\".",
        ro: "O factură care conține o linie a facturii (BG-25), o deducere la nivelul documentului (BG-20) sau o taxă suplimentară la nivelul documentului (BG-21) cu codul categoriei de TVA (BT-151, BT-95 sau BT-102) „IPSI” trebuie să conțină în detalierea TVA (BG-23) cel puțin un cod al categoriei de TVA (BT-118) egal cu „IPSI”.",
        check: br_ag_01,
    },
    Rule {
        id: "BR-AG-02",
        severity: Fatal,
        sets: Sets::CEN,
        terms: &["BG-25", "BT-151", "BT-31", "BT-32", "BT-63"],
        en: "An Invoice that contains an Invoice line (BG-25) where the Invoiced item VAT category code (BT-151) is \"IPSI\" shall contain the Seller VAT Identifier (BT-31), the Seller tax registration identifier (BT-32) and/or the Seller tax representative VAT identifier (BT-63).",
        ro: "O factură care conține o linie a facturii (BG-25) cu codul categoriei de TVA a articolului facturat (BT-151) „IPSI” trebuie să conțină identificatorul de TVA al vânzătorului (BT-31), identificatorul de înregistrare fiscală al vânzătorului (BT-32) și/sau identificatorul de TVA al reprezentantului fiscal al vânzătorului (BT-63).",
        check: br_ag_02,
    },
    Rule {
        id: "BR-AG-03",
        severity: Fatal,
        sets: Sets::CEN,
        terms: &["BG-20", "BT-95", "BT-31", "BT-32", "BT-63"],
        en: "An Invoice that contains a Document level allowance (BG-20) where the Document level allowance VAT category code (BT-95) is \"IPSI\" shall contain the Seller VAT Identifier (BT-31), the Seller Tax registration identifier (BT-32) and/or the Seller tax representative VAT identifier (BT-63).",
        ro: "O factură care conține o deducere la nivelul documentului (BG-20) cu codul categoriei de TVA a deducerii (BT-95) „IPSI” trebuie să conțină identificatorul de TVA al vânzătorului (BT-31), identificatorul de înregistrare fiscală al vânzătorului (BT-32) și/sau identificatorul de TVA al reprezentantului fiscal al vânzătorului (BT-63).",
        check: br_ag_03,
    },
    Rule {
        id: "BR-AG-04",
        severity: Fatal,
        sets: Sets::CEN,
        terms: &["BG-21", "BT-102", "BT-31", "BT-32", "BT-63"],
        en: "An Invoice that contains a Document level charge (BG-21) where the Document level charge VAT category code (BT-102) is \"IPSI\" shall contain the Seller VAT Identifier (BT-31), the Seller Tax registration identifier (BT-32) and/or the Seller tax representative VAT identifier (BT-63).",
        ro: "O factură care conține o taxă suplimentară la nivelul documentului (BG-21) cu codul categoriei de TVA a taxei suplimentare (BT-102) „IPSI” trebuie să conțină identificatorul de TVA al vânzătorului (BT-31), identificatorul de înregistrare fiscală al vânzătorului (BT-32) și/sau identificatorul de TVA al reprezentantului fiscal al vânzătorului (BT-63).",
        check: br_ag_04,
    },
    Rule {
        id: "BR-AG-05",
        severity: Fatal,
        sets: Sets::CEN,
        terms: &["BG-25", "BT-151", "BT-152"],
        en: "In an Invoice line (BG-25) where the Invoiced item VAT category code (BT-151) is \"IPSI\" the Invoiced item VAT rate (BT-152) shall be 0 (zero) or greater than zero.",
        ro: "Într-o linie a facturii (BG-25) cu codul categoriei de TVA a articolului facturat (BT-151) „IPSI”, cota TVA a articolului facturat (BT-152) trebuie să fie 0 (zero) sau mai mare decât zero.",
        check: br_ag_05,
    },
    Rule {
        id: "BR-AG-06",
        severity: Fatal,
        sets: Sets::CEN,
        terms: &["BG-20", "BT-95", "BT-96"],
        en: "In a Document level allowance (BG-20) where the Document level allowance VAT category code (BT-95) is \"IPSI\" the Document level allowance VAT rate (BT-96) shall be 0 (zero) or greater than zero.",
        ro: "Într-o deducere la nivelul documentului (BG-20) cu codul categoriei de TVA a deducerii (BT-95) „IPSI”, cota TVA a deducerii (BT-96) trebuie să fie 0 (zero) sau mai mare decât zero.",
        check: br_ag_06,
    },
    Rule {
        id: "BR-AG-07",
        severity: Fatal,
        sets: Sets::CEN,
        terms: &["BG-21", "BT-102", "BT-103"],
        en: "In a Document level charge (BG-21) where the Document level charge VAT category code (BT-102) is \"IPSI\" the Document level charge VAT rate (BT-103) shall be 0 (zero) or greater than zero.",
        ro: "Într-o taxă suplimentară la nivelul documentului (BG-21) cu codul categoriei de TVA a taxei suplimentare (BT-102) „IPSI”, cota TVA a taxei suplimentare (BT-103) trebuie să fie 0 (zero) sau mai mare decât zero.",
        check: br_ag_07,
    },
    Rule {
        id: "BR-AG-08",
        severity: Fatal,
        sets: Sets::CEN,
        terms: &[
            "BT-119", "BT-118", "BT-116", "BG-23", "BT-131", "BT-99", "BT-92", "BT-151", "BT-102",
            "BT-95", "BT-152", "BT-103", "BT-96",
        ],
        en: "For each different value of VAT category rate (BT-119) where the VAT category code (BT-118) is \"IPSI\", the VAT category taxable amount (BT-116) in a VAT breakdown (BG-23) shall equal the sum of Invoice line net amounts (BT-131) plus the sum of document level charge amounts (BT-99) minus the sum of document level allowance amounts (BT-92) where the VAT category code (BT-151, BT-102, BT-95) is \"IPSI\" and the VAT rate (BT-152, BT-103, BT-96) equals the VAT category rate (BT-119).",
        ro: "Pentru fiecare valoare distinctă a cotei categoriei de TVA (BT-119) cu codul categoriei de TVA (BT-118) „IPSI”, baza de calcul pentru categoria de TVA (BT-116) dintr-o detaliere a TVA (BG-23) trebuie să fie egală cu suma valorilor nete ale liniilor facturii (BT-131), plus suma taxelor suplimentare la nivelul documentului (BT-99), minus suma deducerilor la nivelul documentului (BT-92), pentru care codul categoriei de TVA (BT-151, BT-102, BT-95) este „IPSI” și cota TVA (BT-152, BT-103, BT-96) este egală cu cota categoriei de TVA (BT-119).",
        check: br_ag_08,
    },
    Rule {
        id: "BR-AG-09",
        severity: Fatal,
        sets: Sets::CEN,
        terms: &["BT-117", "BG-23", "BT-118", "BT-116", "BT-119"],
        en: "The VAT category tax amount (BT-117) in a VAT breakdown (BG-23) where VAT category code (BT-118) is \"IPSI\" shall equal the VAT category taxable amount (BT-116) multiplied by the VAT category rate (BT-119).",
        ro: "Valoarea TVA pentru categoria de TVA (BT-117) dintr-o detaliere a TVA (BG-23) cu codul categoriei de TVA (BT-118) „IPSI” trebuie să fie egală cu baza de calcul pentru categoria de TVA (BT-116) înmulțită cu cota categoriei de TVA (BT-119).",
        check: br_ag_09,
    },
    Rule {
        id: "BR-AG-10",
        severity: Fatal,
        sets: Sets::CEN,
        terms: &["BG-23", "BT-118", "BT-121", "BT-120"],
        en: "A VAT breakdown (BG-23) with VAT Category code (BT-118) \"IPSI\" shall not have a VAT exemption reason code (BT-121) or VAT exemption reason text (BT-120).",
        ro: "O detaliere a TVA (BG-23) cu codul categoriei de TVA (BT-118) „IPSI” nu trebuie să aibă un cod al motivului scutirii de TVA (BT-121) sau un motiv al scutirii de TVA (BT-120).",
        check: br_ag_10,
    },
    Rule {
        id: "BR-IP-01",
        severity: Fatal,
        sets: Sets::RO,
        terms: &[
            "BG-25", "BG-20", "BG-21", "BT-151", "BT-95", "BT-102", "BG-23", "BT-118",
        ],
        en: "An Invoice that contains an Invoice line (BG-25), a Document level allowance (BG-20) or a Document level charge (BG-21) where the VAT category code (BT-151, BT-95 or BT-102) is \"IPSI\" shall contain in the VAT breakdown (BG-23) at least one VAT category code (BT-118) equal with \"IPSI\".",
        ro: "O factură care conține o linie a facturii (BG-25), o deducere la nivelul documentului (BG-20) sau o taxă suplimentară la nivelul documentului (BG-21) cu codul categoriei de TVA (BT-151, BT-95 sau BT-102) „IPSI” trebuie să conțină în detalierea TVA (BG-23) cel puțin un cod al categoriei de TVA (BT-118) egal cu „IPSI”.",
        check: br_ag_01,
    },
    Rule {
        id: "BR-IP-02",
        severity: Fatal,
        sets: Sets::RO,
        terms: &["BG-25", "BT-151", "BT-31", "BT-32", "BT-63"],
        en: "An Invoice that contains an Invoice line (BG-25) where the Invoiced item VAT category code (BT-151) is \"IPSI\" shall contain the Seller VAT Identifier (BT-31), the Seller tax registration identifier (BT-32) and/or the Seller tax representative VAT identifier (BT-63).",
        ro: "O factură care conține o linie a facturii (BG-25) cu codul categoriei de TVA a articolului facturat (BT-151) „IPSI” trebuie să conțină identificatorul de TVA al vânzătorului (BT-31), identificatorul de înregistrare fiscală al vânzătorului (BT-32) și/sau identificatorul de TVA al reprezentantului fiscal al vânzătorului (BT-63).",
        check: br_ag_02,
    },
    Rule {
        id: "BR-IP-03",
        severity: Fatal,
        sets: Sets::RO,
        terms: &["BG-20", "BT-95", "BT-31", "BT-32", "BT-63"],
        en: "An Invoice that contains a Document level allowance (BG-20) where the Document level allowance VAT category code (BT-95) is \"IPSI\" shall contain the Seller VAT Identifier (BT-31), the Seller Tax registration identifier (BT-32) and/or the Seller tax representative VAT identifier (BT-63).",
        ro: "O factură care conține o deducere la nivelul documentului (BG-20) cu codul categoriei de TVA a deducerii (BT-95) „IPSI” trebuie să conțină identificatorul de TVA al vânzătorului (BT-31), identificatorul de înregistrare fiscală al vânzătorului (BT-32) și/sau identificatorul de TVA al reprezentantului fiscal al vânzătorului (BT-63).",
        check: br_ag_03,
    },
    Rule {
        id: "BR-IP-04",
        severity: Fatal,
        sets: Sets::RO,
        terms: &["BG-21", "BT-102", "BT-31", "BT-32", "BT-63"],
        en: "An Invoice that contains a Document level charge (BG-21) where the Document level charge VAT category code (BT-102) is \"IPSI\" shall contain the Seller VAT Identifier (BT-31), the Seller Tax registration identifier (BT-32) and/or the Seller tax representative VAT identifier (BT-63).",
        ro: "O factură care conține o taxă suplimentară la nivelul documentului (BG-21) cu codul categoriei de TVA a taxei suplimentare (BT-102) „IPSI” trebuie să conțină identificatorul de TVA al vânzătorului (BT-31), identificatorul de înregistrare fiscală al vânzătorului (BT-32) și/sau identificatorul de TVA al reprezentantului fiscal al vânzătorului (BT-63).",
        check: br_ag_04,
    },
    Rule {
        id: "BR-IP-05",
        severity: Fatal,
        sets: Sets::RO,
        terms: &["BG-25", "BT-151", "BT-152"],
        en: "In an Invoice line (BG-25) where the Invoiced item VAT category code (BT-151) is \"IPSI\" the Invoiced item VAT rate (BT-152) shall be 0 (zero) or greater than zero.",
        ro: "Într-o linie a facturii (BG-25) cu codul categoriei de TVA a articolului facturat (BT-151) „IPSI”, cota TVA a articolului facturat (BT-152) trebuie să fie 0 (zero) sau mai mare decât zero.",
        check: br_ag_05,
    },
    Rule {
        id: "BR-IP-06",
        severity: Fatal,
        sets: Sets::RO,
        terms: &["BG-20", "BT-95", "BT-96"],
        en: "In a Document level allowance (BG-20) where the Document level allowance VAT category code (BT-95) is \"IPSI\" the Document level allowance VAT rate (BT-96) shall be 0 (zero) or greater than zero.",
        ro: "Într-o deducere la nivelul documentului (BG-20) cu codul categoriei de TVA a deducerii (BT-95) „IPSI”, cota TVA a deducerii (BT-96) trebuie să fie 0 (zero) sau mai mare decât zero.",
        check: br_ag_06,
    },
    Rule {
        id: "BR-IP-07",
        severity: Fatal,
        sets: Sets::RO,
        terms: &["BG-21", "BT-102", "BT-103"],
        en: "In a Document level charge (BG-21) where the Document level charge VAT category code (BT-102) is \"IPSI\" the Document level charge VAT rate (BT-103) shall be 0 (zero) or greater than zero.",
        ro: "Într-o taxă suplimentară la nivelul documentului (BG-21) cu codul categoriei de TVA a taxei suplimentare (BT-102) „IPSI”, cota TVA a taxei suplimentare (BT-103) trebuie să fie 0 (zero) sau mai mare decât zero.",
        check: br_ag_07,
    },
    Rule {
        id: "BR-IP-08",
        severity: Fatal,
        sets: Sets::RO,
        terms: &[
            "BT-119", "BT-118", "BT-116", "BG-23", "BT-131", "BT-99", "BT-92", "BT-151", "BT-102",
            "BT-95", "BT-152", "BT-103", "BT-96",
        ],
        en: "For each different value of VAT category rate (BT-119) where the VAT category code (BT-118) is \"IPSI\", the VAT category taxable amount (BT-116) in a VAT breakdown (BG-23) shall equal the sum of Invoice line net amounts (BT-131) plus the sum of document level charge amounts (BT-99) minus the sum of document level allowance amounts (BT-92) where the VAT category code (BT-151, BT-102, BT-95) is \"IPSI\" and the VAT rate (BT-152, BT-103, BT-96) equals the VAT category rate (BT-119).",
        ro: "Pentru fiecare valoare distinctă a cotei categoriei de TVA (BT-119) cu codul categoriei de TVA (BT-118) „IPSI”, baza de calcul pentru categoria de TVA (BT-116) dintr-o detaliere a TVA (BG-23) trebuie să fie egală cu suma valorilor nete ale liniilor facturii (BT-131), plus suma taxelor suplimentare la nivelul documentului (BT-99), minus suma deducerilor la nivelul documentului (BT-92), pentru care codul categoriei de TVA (BT-151, BT-102, BT-95) este „IPSI” și cota TVA (BT-152, BT-103, BT-96) este egală cu cota categoriei de TVA (BT-119).",
        check: br_ag_08,
    },
    Rule {
        id: "BR-IP-09",
        severity: Fatal,
        sets: Sets::RO,
        terms: &["BT-117", "BG-23", "BT-118", "BT-116", "BT-119"],
        en: "The VAT category tax amount (BT-117) in a VAT breakdown (BG-23) where VAT category code (BT-118) is \"IPSI\" shall equal the VAT category taxable amount (BT-116) multiplied by the VAT category rate (BT-119).",
        ro: "Valoarea TVA pentru categoria de TVA (BT-117) dintr-o detaliere a TVA (BG-23) cu codul categoriei de TVA (BT-118) „IPSI” trebuie să fie egală cu baza de calcul pentru categoria de TVA (BT-116) înmulțită cu cota categoriei de TVA (BT-119).",
        check: br_ag_09,
    },
    Rule {
        id: "BR-IP-10",
        severity: Fatal,
        sets: Sets::RO,
        terms: &["BG-23", "BT-118", "BT-121", "BT-120"],
        en: "A VAT breakdown (BG-23) with VAT Category code (BT-118) \"IPSI\" shall not have a VAT exemption reason code (BT-121) or VAT exemption reason text (BT-120).",
        ro: "O detaliere a TVA (BG-23) cu codul categoriei de TVA (BT-118) „IPSI” nu trebuie să aibă un cod al motivului scutirii de TVA (BT-121) sau un motiv al scutirii de TVA (BT-120).",
        check: br_ag_10,
    },
];

/// With uses, a breakdown `M` counts with its id as written; without, none may be there
/// normalized.
fn br_ag_01(d: &Doc<'_, '_>, hits: &mut Hits) {
    at_least_one(
        d,
        hits,
        Code::vat("M"),
        Code::as_written_vat("M"),
        Code::vat("M"),
    );
}

fn br_ag_02(d: &Doc<'_, '_>, hits: &mut Hits) {
    identifiers(
        d,
        hits,
        Usage::Lines,
        Code::vat("M"),
        Code::vat("M"),
        Parties::Seller,
    );
}

fn br_ag_03(d: &Doc<'_, '_>, hits: &mut Hits) {
    identifiers(
        d,
        hits,
        Usage::Allowances,
        Code::vat("M"),
        Code::vat("M"),
        Parties::Seller,
    );
}

fn br_ag_04(d: &Doc<'_, '_>, hits: &mut Hits) {
    identifiers(
        d,
        hits,
        Usage::Charges,
        Code::vat("M"),
        Code::vat("M"),
        Parties::Seller,
    );
}

fn br_ag_05(d: &Doc<'_, '_>, hits: &mut Hits) {
    rate(d, hits, Usage::Lines, "M", Rate::NotNegative);
}

fn br_ag_06(d: &Doc<'_, '_>, hits: &mut Hits) {
    rate(d, hits, Usage::Allowances, "M", Rate::NotNegative);
}

fn br_ag_07(d: &Doc<'_, '_>, hits: &mut Hits) {
    rate(d, hits, Usage::Charges, "M", Rate::NotNegative);
}

fn br_ag_08(d: &Doc<'_, '_>, hits: &mut Hits) {
    taxable_amount_per_rate(d, hits, "M", Guard::AnyLine);
}

fn br_ag_09(d: &Doc<'_, '_>, hits: &mut Hits) {
    tax_at_rate(d, hits, "M");
}

fn br_ag_10(d: &Doc<'_, '_>, hits: &mut Hits) {
    exemption_reason(d, hits, "M", false);
}
