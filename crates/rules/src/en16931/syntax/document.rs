//! The cardinality rules of the document context (`/ubl:Invoice | /cn:CreditNote`): what may
//! occur at most once in the whole invoice. UBL-SR-54 … UBL-SR-56 are CEN's only.

use std::collections::BTreeSet;

use ubl::xml::UblNode;

use super::count;
use crate::doc::{Doc, path_all, text};
use crate::finding::Severity::Fatal;
use crate::registry::{Hits, Rule, Sets};

pub(super) const RULES: &[Rule] = &[
    Rule {
        id: "UBL-SR-01",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &[],
        en: "Contract identifier shall occur maximum once.",
        ro: "Identificatorul contractului poate apărea cel mult o dată.",
        check: ubl_sr_01,
    },
    Rule {
        id: "UBL-SR-02",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &[],
        en: "Receive advice identifier shall occur maximum once",
        ro: "Identificatorul avizului de recepție poate apărea cel mult o dată",
        check: ubl_sr_02,
    },
    Rule {
        id: "UBL-SR-03",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &[],
        en: "Despatch advice identifier shall occur maximum once",
        ro: "Identificatorul avizului de expediere poate apărea cel mult o dată",
        check: ubl_sr_03,
    },
    Rule {
        id: "UBL-SR-04",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &[],
        en: "Invoice object identifier shall occur maximum once",
        ro: "Identificatorul obiectului facturat poate apărea cel mult o dată",
        check: ubl_sr_04,
    },
    Rule {
        id: "UBL-SR-05",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &[],
        en: "Payment terms shall occur maximum once",
        ro: "Termenii de plată pot apărea cel mult o dată",
        check: ubl_sr_05,
    },
    Rule {
        id: "UBL-SR-08",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &[],
        en: "Invoice period shall occur maximum once",
        ro: "Perioada de facturare poate apărea cel mult o dată",
        check: ubl_sr_08,
    },
    Rule {
        id: "UBL-SR-09",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &[],
        en: "Seller name shall occur maximum once",
        ro: "Numele vânzătorului poate apărea cel mult o dată",
        check: ubl_sr_09,
    },
    Rule {
        id: "UBL-SR-10",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &[],
        en: "Seller trader name shall occur maximum once",
        ro: "Denumirea comercială a vânzătorului poate apărea cel mult o dată",
        check: ubl_sr_10,
    },
    Rule {
        id: "UBL-SR-11",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &[],
        en: "Seller legal registration identifier shall occur maximum once",
        ro: "Identificatorul de înregistrare legală al vânzătorului poate apărea cel mult o dată",
        check: ubl_sr_11,
    },
    Rule {
        id: "UBL-SR-12",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &[],
        en: "Seller VAT identifier shall occur maximum once",
        ro: "Identificatorul de TVA al vânzătorului poate apărea cel mult o dată",
        check: ubl_sr_12,
    },
    Rule {
        id: "UBL-SR-13",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &[],
        en: "Seller tax registration shall occur maximum once",
        ro: "Identificatorul de înregistrare fiscală al vânzătorului poate apărea cel mult o dată",
        check: ubl_sr_13,
    },
    Rule {
        id: "UBL-SR-14",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &[],
        en: "Seller additional legal information shall occur maximum once",
        ro: "Informațiile juridice suplimentare despre vânzător pot apărea cel mult o dată",
        check: ubl_sr_14,
    },
    Rule {
        id: "UBL-SR-15",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &[],
        en: "Buyer name shall occur maximum once",
        ro: "Numele cumpărătorului poate apărea cel mult o dată",
        check: ubl_sr_15,
    },
    Rule {
        id: "UBL-SR-16",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &[],
        en: "Buyer identifier shall occur maximum once",
        ro: "Identificatorul cumpărătorului poate apărea cel mult o dată",
        check: ubl_sr_16,
    },
    Rule {
        id: "UBL-SR-17",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &[],
        en: "Buyer legal registration identifier shall occur maximum once",
        ro: "Identificatorul de înregistrare legală al cumpărătorului poate apărea cel mult o dată",
        check: ubl_sr_17,
    },
    Rule {
        id: "UBL-SR-18",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &[],
        en: "Buyer VAT identifier shall occur maximum once",
        ro: "Identificatorul de TVA al cumpărătorului poate apărea cel mult o dată",
        check: ubl_sr_18,
    },
    Rule {
        id: "UBL-SR-24",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &[],
        en: "Deliver to information shall occur maximum once",
        ro: "Informațiile despre livrare pot apărea cel mult o dată",
        check: ubl_sr_24,
    },
    Rule {
        id: "UBL-SR-29",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &[],
        en: "Bank creditor reference shall occur maximum once",
        ro: "Referința bancară a creditorului poate apărea cel mult o dată",
        check: ubl_sr_29,
    },
    Rule {
        id: "UBL-SR-39",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &[],
        en: "Project reference shall occur maximum once.",
        ro: "Referința proiectului poate apărea cel mult o dată.",
        check: ubl_sr_39,
    },
    Rule {
        id: "UBL-SR-40",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &[],
        en: "Buyer trade name shall occur maximum once",
        ro: "Denumirea comercială a cumpărătorului poate apărea cel mult o dată",
        check: ubl_sr_40,
    },
    Rule {
        id: "UBL-SR-44",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &[],
        en: "An Invoice may only have one unique PaymentID, but the PaymentID may be used for multiple PaymentMeans",
        ro: "O factură poate avea o singură referință de plată (PaymentID) distinctă, dar aceasta poate fi folosită la mai multe mijloace de plată (PaymentMeans)",
        check: ubl_sr_44,
    },
    Rule {
        id: "UBL-SR-45",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &[],
        en: "Due Date shall occur maximum once",
        ro: "Data scadenței poate apărea cel mult o dată",
        check: ubl_sr_45,
    },
    Rule {
        id: "UBL-SR-46",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &[],
        en: "Payment means text shall occur maximum once",
        ro: "Textul mijlocului de plată poate apărea cel mult o dată",
        check: ubl_sr_46,
    },
    Rule {
        id: "UBL-SR-47",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &[],
        en: "When there are more than one payment means code, they shall be equal",
        ro: "Când există mai multe coduri ale mijlocului de plată, acestea trebuie să fie egale",
        check: ubl_sr_47,
    },
    Rule {
        id: "UBL-SR-49",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &[],
        en: "Value tax point date shall occur maximum once",
        ro: "Codul datei de exigibilitate a TVA poate apărea cel mult o dată",
        check: ubl_sr_49,
    },
    Rule {
        id: "UBL-SR-54",
        severity: Fatal,
        sets: Sets::CEN,
        terms: &["BG-18"],
        en: "An Invoice shall contain maximum one Payment Card account (BG-18).",
        ro: "O factură poate conține cel mult un cont de card de plată (BG-18).",
        check: ubl_sr_54,
    },
    Rule {
        id: "UBL-SR-55",
        severity: Fatal,
        sets: Sets::CEN,
        terms: &["BG-19"],
        en: "An Invoice shall contain maximum one Payment Mandate (BG-19).",
        ro: "O factură poate conține cel mult un mandat de debitare directă (BG-19).",
        check: ubl_sr_55,
    },
    Rule {
        id: "UBL-SR-56",
        severity: Fatal,
        sets: Sets::CEN,
        terms: &["BT-17"],
        en: "An Invoice shall contain maximum one Originator document reference identifier (BT-17).",
        ro: "O factură poate conține cel mult un identificator al referinței licitației sau lotului (BT-17).",
        check: ubl_sr_56,
    },
];

/// Fails on the document when more than one node is at the child path `steps`.
fn at_most_once(d: &Doc<'_, '_>, hits: &mut Hits, steps: &str) {
    hits.check(d, d.root, count(d.root, steps) > 1);
}

/// The number of `cbc:CompanyID`s of the party tax schemes at `schemes` whose tax scheme is
/// VAT (`vat`) or not: `…/cac:PartyTaxScheme[cac:TaxScheme/upper-case(cbc:ID) = 'VAT']/
/// cbc:CompanyID`, or `!= 'VAT'` (which a tax scheme without an id satisfies).
fn tax_ids(d: &Doc<'_, '_>, schemes: &str, vat: bool) -> usize {
    path_all(d.root, schemes)
        .into_iter()
        .filter(|pts| {
            pts.children_named("cac:TaxScheme")
                .any(|ts| (text(ts, "cbc:ID").to_uppercase() == "VAT") == vat)
        })
        .map(|pts| pts.children_named("cbc:CompanyID").count())
        .sum()
}

const SELLER: &str = "cac:AccountingSupplierParty/cac:Party/cac:PartyTaxScheme";
const BUYER: &str = "cac:AccountingCustomerParty/cac:Party/cac:PartyTaxScheme";

/// Fails on the document when the elements `qname` anywhere in it have more than one distinct
/// value (`count(//x[not(preceding::x/. = .)]) <= 1`).
fn one_value(d: &Doc<'_, '_>, hits: &mut Hits, qname: &str) {
    let values: BTreeSet<String> = d.all(qname).map(|n| n.string_value()).collect();
    hits.check(d, d.root, values.len() > 1);
}

fn ubl_sr_01(d: &Doc<'_, '_>, hits: &mut Hits) {
    at_most_once(d, hits, "cac:ContractDocumentReference/cbc:ID");
}

fn ubl_sr_02(d: &Doc<'_, '_>, hits: &mut Hits) {
    at_most_once(d, hits, "cac:ReceiptDocumentReference/cbc:ID");
}

fn ubl_sr_03(d: &Doc<'_, '_>, hits: &mut Hits) {
    at_most_once(d, hits, "cac:DespatchDocumentReference/cbc:ID");
}

/// Only the additional document references with type code `130` count.
fn ubl_sr_04(d: &Doc<'_, '_>, hits: &mut Hits) {
    let ids: usize = d
        .root
        .children_named("cac:AdditionalDocumentReference")
        .filter(|r| {
            r.children_named("cbc:DocumentTypeCode")
                .any(|c| c.string_value() == "130")
        })
        .map(|r| r.children_named("cbc:ID").count())
        .sum();
    hits.check(d, d.root, ids > 1);
}

fn ubl_sr_05(d: &Doc<'_, '_>, hits: &mut Hits) {
    at_most_once(d, hits, "cac:PaymentTerms/cbc:Note");
}

fn ubl_sr_08(d: &Doc<'_, '_>, hits: &mut Hits) {
    at_most_once(d, hits, "cac:InvoicePeriod");
}

fn ubl_sr_09(d: &Doc<'_, '_>, hits: &mut Hits) {
    at_most_once(
        d,
        hits,
        "cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity/cbc:RegistrationName",
    );
}

fn ubl_sr_10(d: &Doc<'_, '_>, hits: &mut Hits) {
    at_most_once(
        d,
        hits,
        "cac:AccountingSupplierParty/cac:Party/cac:PartyName/cbc:Name",
    );
}

fn ubl_sr_11(d: &Doc<'_, '_>, hits: &mut Hits) {
    at_most_once(
        d,
        hits,
        "cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity/cbc:CompanyID",
    );
}

fn ubl_sr_12(d: &Doc<'_, '_>, hits: &mut Hits) {
    hits.check(d, d.root, tax_ids(d, SELLER, true) > 1);
}

fn ubl_sr_13(d: &Doc<'_, '_>, hits: &mut Hits) {
    hits.check(d, d.root, tax_ids(d, SELLER, false) > 1);
}

fn ubl_sr_14(d: &Doc<'_, '_>, hits: &mut Hits) {
    at_most_once(
        d,
        hits,
        "cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity/cbc:CompanyLegalForm",
    );
}

fn ubl_sr_15(d: &Doc<'_, '_>, hits: &mut Hits) {
    at_most_once(
        d,
        hits,
        "cac:AccountingCustomerParty/cac:Party/cac:PartyLegalEntity/cbc:RegistrationName",
    );
}

fn ubl_sr_16(d: &Doc<'_, '_>, hits: &mut Hits) {
    at_most_once(
        d,
        hits,
        "cac:AccountingCustomerParty/cac:Party/cac:PartyIdentification/cbc:ID",
    );
}

fn ubl_sr_17(d: &Doc<'_, '_>, hits: &mut Hits) {
    at_most_once(
        d,
        hits,
        "cac:AccountingCustomerParty/cac:Party/cac:PartyLegalEntity/cbc:CompanyID",
    );
}

fn ubl_sr_18(d: &Doc<'_, '_>, hits: &mut Hits) {
    hits.check(d, d.root, tax_ids(d, BUYER, true) > 1);
}

fn ubl_sr_24(d: &Doc<'_, '_>, hits: &mut Hits) {
    at_most_once(d, hits, "cac:Delivery");
}

/// Party identifiers with scheme `SEPA` (any case), anywhere in the document.
fn ubl_sr_29(d: &Doc<'_, '_>, hits: &mut Hits) {
    let sepa = d
        .all("cbc:ID")
        .filter(|id| {
            id.parent_element()
                .is_some_and(|p| p.is("cac:PartyIdentification"))
                && id
                    .attribute("schemeID")
                    .is_some_and(|s| s.to_uppercase() == "SEPA")
        })
        .count();
    hits.check(d, d.root, sepa > 1);
}

fn ubl_sr_39(d: &Doc<'_, '_>, hits: &mut Hits) {
    at_most_once(d, hits, "cac:ProjectReference/cbc:ID");
}

fn ubl_sr_40(d: &Doc<'_, '_>, hits: &mut Hits) {
    at_most_once(
        d,
        hits,
        "cac:AccountingCustomerParty/cac:Party/cac:PartyName/cbc:Name",
    );
}

fn ubl_sr_44(d: &Doc<'_, '_>, hits: &mut Hits) {
    one_value(d, hits, "cbc:PaymentID");
}

fn ubl_sr_45(d: &Doc<'_, '_>, hits: &mut Hits) {
    at_most_once(d, hits, "cac:PaymentMeans/cbc:PaymentDueDate");
}

/// The payment means texts are the `name` attributes of the payment means codes.
fn ubl_sr_46(d: &Doc<'_, '_>, hits: &mut Hits) {
    let names = path_all(d.root, "cac:PaymentMeans/cbc:PaymentMeansCode")
        .into_iter()
        .filter(|c| c.attribute("name").is_some())
        .count();
    hits.check(d, d.root, names > 1);
}

fn ubl_sr_47(d: &Doc<'_, '_>, hits: &mut Hits) {
    one_value(d, hits, "cbc:PaymentMeansCode");
}

fn ubl_sr_49(d: &Doc<'_, '_>, hits: &mut Hits) {
    at_most_once(d, hits, "cac:InvoicePeriod/cbc:DescriptionCode");
}

fn ubl_sr_54(d: &Doc<'_, '_>, hits: &mut Hits) {
    at_most_once(d, hits, "cac:PaymentMeans/cac:CardAccount");
}

fn ubl_sr_55(d: &Doc<'_, '_>, hits: &mut Hits) {
    at_most_once(d, hits, "cac:PaymentMeans/cac:PaymentMandate");
}

fn ubl_sr_56(d: &Doc<'_, '_>, hits: &mut Hits) {
    at_most_once(d, hits, "cac:OriginatorDocumentReference/cbc:ID");
}
