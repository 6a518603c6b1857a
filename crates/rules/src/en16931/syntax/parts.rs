//! The cardinality rules of the parts of an invoice (`UBL-SR-*` whose context is an address, a
//! party, a line, a reference, …), in the order of the artefacts' pattern.

use roxmltree::Node;
use ubl::xml::UblNode;

use super::{count, is_allowance, is_charge};
use crate::doc::{Doc, path_all};
use crate::finding::Severity::Fatal;
use crate::registry::{Hits, Rule, Sets};

pub(super) const RULES: &[Rule] = &[
    Rule {
        id: "UBL-SR-51",
        severity: Fatal,
        sets: Sets::CEN,
        terms: &[],
        en: "An address can only have one third line.",
        ro: "O adresă poate avea o singură a treia linie.",
        check: ubl_sr_51,
    },
    Rule {
        id: "UBL-SR-42",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &[],
        en: "Party tax scheme shall occur maximum twice in accounting supplier party",
        ro: "Schema fiscală a părții (PartyTaxScheme) poate apărea de cel mult două ori la vânzător",
        check: ubl_sr_42,
    },
    Rule {
        id: "UBL-SR-33",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &[],
        en: "Supporting document description shall occur maximum once",
        ro: "Descrierea documentului justificativ poate apărea cel mult o dată",
        check: ubl_sr_33,
    },
    Rule {
        id: "UBL-SR-43",
        severity: Fatal,
        sets: Sets::CEN,
        terms: &[],
        en: "Scheme identifier shall only be used for invoiced object (document type code with value 130 or 50)",
        ro: "Identificatorul schemei se folosește doar pentru obiectul facturat (codul tipului de document cu valoarea 130 sau 50)",
        check: ubl_sr_43_cen,
    },
    Rule {
        id: "UBL-SR-43",
        severity: Fatal,
        sets: Sets::RO,
        terms: &[],
        en: "Scheme identifier shall only be used for invoiced object (document type code with value 130)",
        ro: "Identificatorul schemei se folosește doar pentru obiectul facturat (codul tipului de document cu valoarea 130)",
        check: ubl_sr_43_ro,
    },
    Rule {
        id: "UBL-SR-25",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &[],
        en: "Deliver to party name shall occur maximum once",
        ro: "Numele părții căreia i se livrează poate apărea cel mult o dată",
        check: ubl_sr_25,
    },
    Rule {
        id: "UBL-SR-30",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &[],
        en: "Document level allowance reason shall occur maximum once",
        ro: "Motivul deducerii la nivel de document poate apărea cel mult o dată",
        check: ubl_sr_30,
    },
    Rule {
        id: "UBL-SR-31",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &[],
        en: "Document level charge reason shall occur maximum once",
        ro: "Motivul taxei suplimentare la nivel de document poate apărea cel mult o dată",
        check: ubl_sr_31,
    },
    Rule {
        id: "UBL-SR-53",
        severity: Fatal,
        sets: Sets::CEN,
        terms: &[],
        en: "CompanyID (VAT Identifier) must be stated when providing the PartyTaxScheme/TaxScheme/ID.",
        ro: "CompanyID (identificatorul de TVA) trebuie precizat când se indică PartyTaxScheme/TaxScheme/ID.",
        check: ubl_sr_53,
    },
    Rule {
        id: "UBL-SR-34",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &[],
        en: "Invoice line note shall occur maximum once",
        ro: "Nota liniei de factură poate apărea cel mult o dată",
        check: ubl_sr_34,
    },
    Rule {
        id: "UBL-SR-35",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &[],
        en: "Referenced purchase order line identifier shall occur maximum once",
        ro: "Identificatorul liniei din comanda referită poate apărea cel mult o dată",
        check: ubl_sr_35,
    },
    Rule {
        id: "UBL-SR-36",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &[],
        en: "Invoice line period shall occur maximum once",
        ro: "Perioada liniei de factură poate apărea cel mult o dată",
        check: ubl_sr_36,
    },
    Rule {
        id: "UBL-SR-37",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &[],
        en: "Item price discount shall occur maximum once",
        ro: "Reducerea de preț a articolului poate apărea cel mult o dată",
        check: ubl_sr_37,
    },
    Rule {
        id: "UBL-SR-48",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &[],
        en: "Invoice lines shall have one and only one classified tax category.",
        ro: "Fiecare linie a facturii trebuie să aibă exact o categorie de TVA a articolului.",
        check: ubl_sr_48,
    },
    Rule {
        id: "UBL-SR-50",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &[],
        en: "Item description shall occur maximum once",
        ro: "Descrierea articolului poate apărea cel mult o dată",
        check: ubl_sr_50,
    },
    Rule {
        id: "UBL-SR-52",
        severity: Fatal,
        sets: Sets::CEN,
        terms: &[],
        en: "Document reference shall occur maximum once",
        ro: "Referința la document poate apărea cel mult o dată",
        check: ubl_sr_52,
    },
    Rule {
        id: "UBL-SR-19",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &[],
        en: "Payee name shall occur maximum once, if the Payee is different from the Seller",
        ro: "Numele beneficiarului plății poate apărea cel mult o dată, dacă beneficiarul este diferit de vânzător",
        check: ubl_sr_19,
    },
    Rule {
        id: "UBL-SR-20",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &[],
        en: "Payee identifier shall occur maximum once, if the Payee is different from the Seller",
        ro: "Identificatorul beneficiarului plății poate apărea cel mult o dată, dacă beneficiarul este diferit de vânzător",
        check: ubl_sr_20,
    },
    Rule {
        id: "UBL-SR-21",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &[],
        en: "Payee legal registration identifier shall occur maximum once, if the Payee is different from the Seller",
        ro: "Identificatorul de înregistrare legală al beneficiarului plății poate apărea cel mult o dată, dacă beneficiarul este diferit de vânzător",
        check: ubl_sr_21,
    },
    Rule {
        id: "UBL-SR-26",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &[],
        en: "Payment reference shall occur maximum once",
        ro: "Referința plății poate apărea cel mult o dată",
        check: ubl_sr_26,
    },
    Rule {
        id: "UBL-SR-27",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &[],
        en: "Payment means text shall occur maximum once",
        ro: "Textul mijlocului de plată poate apărea cel mult o dată",
        check: ubl_sr_27,
    },
    Rule {
        id: "UBL-SR-28",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &[],
        en: "Mandate reference identifier shall occur maximum once",
        ro: "Identificatorul referinței mandatului poate apărea cel mult o dată",
        check: ubl_sr_28,
    },
    Rule {
        id: "UBL-SR-06",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &[],
        en: "Preceding invoice reference shall occur maximum once",
        ro: "Referința la factura anterioară poate apărea cel mult o dată",
        check: ubl_sr_06,
    },
    Rule {
        id: "UBL-SR-07",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &[],
        en: "If there is a preceding invoice reference, the preceding invoice number shall be present",
        ro: "Dacă există o referință la factura anterioară, numărul facturii anterioare trebuie să fie prezent",
        check: ubl_sr_07,
    },
    Rule {
        id: "UBL-SR-22",
        severity: Fatal,
        sets: Sets::CEN,
        terms: &[],
        en: "Seller tax representative name shall occur maximum once, if the Seller has a tax representative",
        ro: "Numele reprezentantului fiscal al vânzătorului poate apărea cel mult o dată, dacă vânzătorul are un reprezentant fiscal",
        check: ubl_sr_22_cen,
    },
    Rule {
        id: "UBL-SR-22",
        severity: Fatal,
        sets: Sets::RO,
        terms: &[],
        en: "Seller tax representative name shall occur maximum once, if the Seller has a tax representative",
        ro: "Numele reprezentantului fiscal al vânzătorului poate apărea cel mult o dată, dacă vânzătorul are un reprezentant fiscal",
        check: ubl_sr_22_ro,
    },
    Rule {
        id: "UBL-SR-23",
        severity: Fatal,
        sets: Sets::CEN,
        terms: &[],
        en: "Seller tax representative VAT identifier shall occur maximum once, if the Seller has a tax representative",
        ro: "Identificatorul de TVA al reprezentantului fiscal al vânzătorului poate apărea cel mult o dată, dacă vânzătorul are un reprezentant fiscal",
        check: ubl_sr_23_cen,
    },
    Rule {
        id: "UBL-SR-23",
        severity: Fatal,
        sets: Sets::RO,
        terms: &[],
        en: "Seller tax representative VAT identifier shall occur maximum once, if the Seller has a tax representative",
        ro: "Identificatorul de TVA al reprezentantului fiscal al vânzătorului poate apărea cel mult o dată, dacă vânzătorul are un reprezentant fiscal",
        check: ubl_sr_23_ro,
    },
    Rule {
        id: "UBL-SR-32",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &[],
        en: "VAT exemption reason text shall occur maximum once",
        ro: "Textul motivului scutirii de TVA poate apărea cel mult o dată",
        check: ubl_sr_32,
    },
];

/// The elements of the context `qname` (anywhere in the document).
fn contexts<'a, 'i>(d: &Doc<'a, 'i>, qname: &'static str) -> impl Iterator<Item = Node<'a, 'i>> {
    d.all(qname)
}

/// Fails on each context `qname` with more than `max` nodes at the child path `steps`.
fn at_most(d: &Doc<'_, '_>, hits: &mut Hits, qname: &'static str, steps: &str, max: usize) {
    for n in contexts(d, qname) {
        hits.check(d, n, count(n, steps) > max);
    }
}

/// The context `//cac:PostalAddress | //cac:Address`.
fn ubl_sr_51(d: &Doc<'_, '_>, hits: &mut Hits) {
    let addresses = d.all_of(&["cac:PostalAddress", "cac:Address"]);
    for n in addresses {
        hits.check(d, n, count(n, "cac:AddressLine") > 1);
    }
}

/// The context `cac:AccountingSupplierParty/cac:Party`.
fn ubl_sr_42(d: &Doc<'_, '_>, hits: &mut Hits) {
    let sellers = contexts(d, "cac:Party").filter(|p| {
        p.parent_element()
            .is_some_and(|s| s.is("cac:AccountingSupplierParty"))
    });
    for n in sellers {
        hits.check(d, n, count(n, "cac:PartyTaxScheme") > 2);
    }
}

fn ubl_sr_33(d: &Doc<'_, '_>, hits: &mut Hits) {
    at_most(
        d,
        hits,
        "cac:AdditionalDocumentReference",
        "cbc:DocumentDescription",
        1,
    );
}

/// UBL-SR-43: a reference is the invoiced object (type code `130`, or `50` in a credit note),
/// or it has neither a type code nor an id with the attribute `scheme_attribute`.
fn scheme_only_for_object(d: &Doc<'_, '_>, hits: &mut Hits, scheme_attribute: &str) {
    for r in contexts(d, "cac:AdditionalDocumentReference") {
        let type_is = |code: &str| {
            r.children_named("cbc:DocumentTypeCode")
                .any(|c| c.string_value() == code)
        };
        let has_scheme = r
            .children_named("cbc:ID")
            .any(|id| id.attribute(scheme_attribute).is_some());
        let has_type = r.child("cbc:DocumentTypeCode").is_some();
        let ok =
            type_is("130") || (d.is_credit_note && type_is("50")) || (!has_scheme && !has_type);
        hits.check(d, r, !ok);
    }
}

fn ubl_sr_43_cen(d: &Doc<'_, '_>, hits: &mut Hits) {
    scheme_only_for_object(d, hits, "schemeID");
}

/// ANAF's copy tests an attribute `scheme`, which UBL does not define.
fn ubl_sr_43_ro(d: &Doc<'_, '_>, hits: &mut Hits) {
    scheme_only_for_object(d, hits, "scheme");
}

fn ubl_sr_25(d: &Doc<'_, '_>, hits: &mut Hits) {
    at_most(
        d,
        hits,
        "cac:Delivery",
        "cac:DeliveryParty/cac:PartyName/cbc:Name",
        1,
    );
}

fn ubl_sr_30(d: &Doc<'_, '_>, hits: &mut Hits) {
    for n in contexts(d, "cac:AllowanceCharge").filter(|n| is_allowance(*n)) {
        hits.check(d, n, count(n, "cbc:AllowanceChargeReason") > 1);
    }
}

fn ubl_sr_31(d: &Doc<'_, '_>, hits: &mut Hits) {
    for n in contexts(d, "cac:AllowanceCharge").filter(|n| is_charge(*n)) {
        hits.check(d, n, count(n, "cbc:AllowanceChargeReason") > 1);
    }
}

fn ubl_sr_53(d: &Doc<'_, '_>, hits: &mut Hits) {
    for n in contexts(d, "cac:PartyTaxScheme") {
        let ok = count(n, "cac:TaxScheme/cbc:ID") > 0 && n.child("cbc:CompanyID").is_some();
        hits.check(d, n, !ok);
    }
}

/// Fails on each line (`cac:InvoiceLine | cac:CreditNoteLine`, anywhere) where `failed` holds.
fn each_line(d: &Doc<'_, '_>, hits: &mut Hits, failed: impl Fn(Node<'_, '_>) -> bool) {
    let lines = d.all_of(&["cac:InvoiceLine", "cac:CreditNoteLine"]);
    for n in lines {
        hits.check(d, n, failed(n));
    }
}

fn ubl_sr_34(d: &Doc<'_, '_>, hits: &mut Hits) {
    each_line(d, hits, |l| count(l, "cbc:Note") > 1);
}

fn ubl_sr_35(d: &Doc<'_, '_>, hits: &mut Hits) {
    each_line(d, hits, |l| {
        count(l, "cac:OrderLineReference/cbc:LineID") > 1
    });
}

fn ubl_sr_36(d: &Doc<'_, '_>, hits: &mut Hits) {
    each_line(d, hits, |l| count(l, "cac:InvoicePeriod") > 1);
}

fn ubl_sr_37(d: &Doc<'_, '_>, hits: &mut Hits) {
    each_line(d, hits, |l| {
        count(l, "cac:Price/cac:AllowanceCharge/cbc:Amount") > 1
    });
}

fn ubl_sr_48(d: &Doc<'_, '_>, hits: &mut Hits) {
    each_line(d, hits, |l| {
        count(l, "cac:Item/cac:ClassifiedTaxCategory") != 1
    });
}

fn ubl_sr_50(d: &Doc<'_, '_>, hits: &mut Hits) {
    each_line(d, hits, |l| count(l, "cac:Item/cbc:Description") > 1);
}

fn ubl_sr_52(d: &Doc<'_, '_>, hits: &mut Hits) {
    each_line(d, hits, |l| count(l, "cac:DocumentReference") > 1);
}

/// UBL-SR-19 … UBL-SR-21, on each `cac:PayeeParty`: `within_limit` holds, and the payee's
/// name differs from the seller's (XPath `!=` on two sequences: some pair of values differs,
/// so a payee without a name, or a seller without one, fails).
fn payee(d: &Doc<'_, '_>, hits: &mut Hits, within_limit: impl Fn(Node<'_, '_>) -> bool) {
    for p in contexts(d, "cac:PayeeParty") {
        let names = values(p, "cac:PartyName/cbc:Name");
        let sellers = p.parent_element().map_or_else(Vec::new, |parent| {
            values(
                parent,
                "cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity/cbc:RegistrationName",
            )
        });
        let differs = names.iter().any(|n| sellers.iter().any(|s| n != s));
        hits.check(d, p, !(within_limit(p) && differs));
    }
}

/// The string values of the nodes at the child path `steps`.
fn values(from: Node<'_, '_>, steps: &str) -> Vec<String> {
    path_all(from, steps)
        .iter()
        .map(UblNode::string_value)
        .collect()
}

fn ubl_sr_19(d: &Doc<'_, '_>, hits: &mut Hits) {
    payee(d, hits, |p| count(p, "cac:PartyName/cbc:Name") <= 1);
}

/// Identifiers other than the SEPA creditor reference (an id without `schemeID` counts).
fn ubl_sr_20(d: &Doc<'_, '_>, hits: &mut Hits) {
    payee(d, hits, |p| {
        let ids = path_all(p, "cac:PartyIdentification/cbc:ID");
        let not_sepa = ids
            .iter()
            .filter(|id| id.attribute("schemeID").unwrap_or("").to_uppercase() != "SEPA");
        not_sepa.count() <= 1
    });
}

fn ubl_sr_21(d: &Doc<'_, '_>, hits: &mut Hits) {
    payee(d, hits, |p| {
        count(p, "cac:PartyLegalEntity/cbc:CompanyID") <= 1
    });
}

fn ubl_sr_26(d: &Doc<'_, '_>, hits: &mut Hits) {
    at_most(d, hits, "cac:PaymentMeans", "cbc:PaymentID", 1);
}

fn ubl_sr_27(d: &Doc<'_, '_>, hits: &mut Hits) {
    at_most(d, hits, "cac:PaymentMeans", "cbc:PaymentMeansCode", 1);
}

fn ubl_sr_28(d: &Doc<'_, '_>, hits: &mut Hits) {
    at_most(d, hits, "cac:PaymentMeans", "cac:PaymentMandate/cbc:ID", 1);
}

fn ubl_sr_06(d: &Doc<'_, '_>, hits: &mut Hits) {
    at_most(
        d,
        hits,
        "cac:BillingReference",
        "cac:InvoiceDocumentReference",
        1,
    );
}

fn ubl_sr_07(d: &Doc<'_, '_>, hits: &mut Hits) {
    for n in contexts(d, "cac:BillingReference") {
        hits.check(d, n, count(n, "cac:InvoiceDocumentReference/cbc:ID") == 0);
    }
}

fn ubl_sr_22_cen(d: &Doc<'_, '_>, hits: &mut Hits) {
    at_most(
        d,
        hits,
        "cac:TaxRepresentativeParty",
        "cac:PartyName/cbc:Name",
        1,
    );
}

/// ANAF's copy counts the names of a `cac:Party` inside the tax representative, which UBL
/// does not have: the rule cannot fail on a schema-valid invoice.
fn ubl_sr_22_ro(d: &Doc<'_, '_>, hits: &mut Hits) {
    at_most(
        d,
        hits,
        "cac:TaxRepresentativeParty",
        "cac:Party/cac:PartyName/cbc:Name",
        1,
    );
}

fn ubl_sr_23_cen(d: &Doc<'_, '_>, hits: &mut Hits) {
    at_most(
        d,
        hits,
        "cac:TaxRepresentativeParty",
        "cac:PartyTaxScheme/cbc:CompanyID",
        1,
    );
}

/// ANAF's copy: one `cac:Party` too deep, like UBL-SR-22.
fn ubl_sr_23_ro(d: &Doc<'_, '_>, hits: &mut Hits) {
    at_most(
        d,
        hits,
        "cac:TaxRepresentativeParty",
        "cac:Party/cac:PartyTaxScheme/cbc:CompanyID",
        1,
    );
}

fn ubl_sr_32(d: &Doc<'_, '_>, hits: &mut Hits) {
    at_most(
        d,
        hits,
        "cac:TaxSubtotal",
        "cac:TaxCategory/cbc:TaxExemptionReason",
        1,
    );
}
