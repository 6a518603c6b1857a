//! The rules on the parties: seller, buyer, payee, tax representative, delivery address.

use roxmltree::Node;
use ubl::xml::UblNode;

use super::anaf;
use super::xpath::{normalized_filled, select, some_filled, vat_scheme_ebv};
use crate::doc::{Doc, exists, path_all};
use crate::finding::Severity::Fatal;
use crate::registry::{Hits, Rule, Sets};

const BR_09: Rule = Rule {
    id: "BR-09",
    severity: Fatal,
    sets: Sets::CEN,
    terms: &["BG-5", "BT-40"],
    en: "The Seller postal address (BG-5) shall contain a Seller country code (BT-40).",
    ro: "Adresa poștală a vânzătorului (BG-5) trebuie să conțină codul țării vânzătorului \
         (BT-40).",
    check: br_09,
};

const BR_11: Rule = Rule {
    id: "BR-11",
    severity: Fatal,
    sets: Sets::CEN,
    terms: &["BT-55"],
    en: "The Buyer postal address shall contain a Buyer country code (BT-55).",
    ro: "Adresa poștală a cumpărătorului trebuie să conțină codul țării cumpărătorului (BT-55).",
    check: br_11,
};

const BR_18: Rule = Rule {
    id: "BR-18",
    severity: Fatal,
    sets: Sets::CEN,
    terms: &["BT-62", "BG-4", "BG-11"],
    en: "The Seller tax representative name (BT-62) shall be provided in the Invoice, if the \
         Seller (BG-4) has a Seller tax representative party (BG-11)",
    ro: "Numele reprezentantului fiscal al vânzătorului (BT-62) trebuie furnizat în factură dacă \
         vânzătorul (BG-4) are un reprezentant fiscal (BG-11).",
    check: br_18,
};

const BR_20: Rule = Rule {
    id: "BR-20",
    severity: Fatal,
    sets: Sets::CEN,
    terms: &["BG-12", "BT-69", "BG-4", "BG-11"],
    en: "The Seller tax representative postal address (BG-12) shall contain a Tax representative \
         country code (BT-69), if the Seller (BG-4) has a Seller tax representative party \
         (BG-11).",
    ro: "Adresa poștală a reprezentantului fiscal al vânzătorului (BG-12) trebuie să conțină \
         codul țării reprezentantului fiscal (BT-69) dacă vânzătorul (BG-4) are un reprezentant \
         fiscal (BG-11).",
    check: br_20,
};

pub(super) const RULES: &[Rule] = &[
    BR_09,
    anaf(BR_09, br_09_ro),
    BR_11,
    anaf(BR_11, br_11_ro),
    Rule {
        id: "BR-17",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &["BT-59", "BG-10", "BG-4"],
        en: "The Payee name (BT-59) shall be provided in the Invoice, if the Payee (BG-10) is \
             different from the Seller (BG-4)",
        ro: "Numele beneficiarului plății (BT-59) trebuie furnizat în factură dacă beneficiarul \
             plății (BG-10) este diferit de vânzător (BG-4).",
        check: br_17,
    },
    BR_18,
    anaf(BR_18, br_18_ro),
    Rule {
        id: "BR-19",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &["BG-12", "BG-4", "BG-11"],
        en: "The Seller tax representative postal address (BG-12) shall be provided in the \
             Invoice, if the Seller (BG-4) has a Seller tax representative party (BG-11).",
        ro: "Adresa poștală a reprezentantului fiscal al vânzătorului (BG-12) trebuie furnizată \
             în factură dacă vânzătorul (BG-4) are un reprezentant fiscal (BG-11).",
        check: br_19,
    },
    BR_20,
    anaf(BR_20, br_20_ro),
    Rule {
        id: "BR-56",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &["BG-11", "BT-63"],
        en: "Each Seller tax representative party (BG-11) shall have a Seller tax representative \
             VAT identifier (BT-63).",
        ro: "Fiecare reprezentant fiscal al vânzătorului (BG-11) trebuie să aibă un identificator \
             de TVA al reprezentantului fiscal (BT-63).",
        check: br_56,
    },
    Rule {
        id: "BR-57",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &["BG-15", "BT-80"],
        en: "Each Deliver to address (BG-15) shall contain a Deliver to country code (BT-80).",
        ro: "Fiecare adresă de livrare (BG-15) trebuie să conțină codul țării de livrare (BT-80).",
        check: br_57,
    },
    Rule {
        id: "BR-62",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &["BT-34"],
        en: "The Seller electronic address (BT-34) shall have a Scheme identifier.",
        ro: "Adresa electronică a vânzătorului (BT-34) trebuie să aibă un identificator de \
             schemă.",
        check: br_62,
    },
    Rule {
        id: "BR-63",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &["BT-49"],
        en: "The Buyer electronic address (BT-49) shall have a Scheme identifier.",
        ro: "Adresa electronică a cumpărătorului (BT-49) trebuie să aibă un identificator de \
             schemă.",
        check: br_63,
    },
];

const SELLER_ADDRESS: &str = "cac:AccountingSupplierParty/cac:Party/cac:PostalAddress";
const BUYER_ADDRESS: &str = "cac:AccountingCustomerParty/cac:Party/cac:PostalAddress";
const REPRESENTATIVE_ADDRESS: &str = "cac:TaxRepresentativeParty/cac:PostalAddress";
const COUNTRY: &str = "cac:Country/cbc:IdentificationCode";

/// Every node the context `pattern` selects fails where `holds` is false for it.
fn each(d: &Doc<'_, '_>, hits: &mut Hits, pattern: &'static str, holds: fn(Node<'_, '_>) -> bool) {
    for node in select(d, pattern) {
        hits.check(d, node, !holds(node));
    }
}

fn br_09(d: &Doc<'_, '_>, hits: &mut Hits) {
    each(d, hits, SELLER_ADDRESS, |a| normalized_filled(a, COUNTRY));
}

fn br_09_ro(d: &Doc<'_, '_>, hits: &mut Hits) {
    each(d, hits, SELLER_ADDRESS, |a| some_filled(a, COUNTRY));
}

fn br_11(d: &Doc<'_, '_>, hits: &mut Hits) {
    each(d, hits, BUYER_ADDRESS, |a| normalized_filled(a, COUNTRY));
}

fn br_11_ro(d: &Doc<'_, '_>, hits: &mut Hits) {
    each(d, hits, BUYER_ADDRESS, |a| some_filled(a, COUNTRY));
}

/// The payee has a name, and neither a name nor an identifier equal to one of the seller's
/// (of the `cac:AccountingSupplierParty` beside it). So a payee named like the seller fails.
fn br_17(d: &Doc<'_, '_>, hits: &mut Hits) {
    fn values(from: Node<'_, '_>, steps: &str) -> Vec<String> {
        path_all(from, steps)
            .iter()
            .map(UblNode::string_value)
            .collect()
    }
    each(d, hits, "cac:PayeeParty", |payee| {
        let shared = |steps: &str| {
            let theirs: Vec<String> = payee
                .parent_element()
                .map(|p| values(p, &format!("cac:AccountingSupplierParty/cac:Party/{steps}")))
                .unwrap_or_default();
            values(payee, steps).iter().any(|v| theirs.contains(v))
        };
        exists(payee, "cac:PartyName/cbc:Name")
            && !shared("cac:PartyName/cbc:Name")
            && !shared("cac:PartyIdentification/cbc:ID")
    });
}

fn br_18(d: &Doc<'_, '_>, hits: &mut Hits) {
    each(d, hits, "cac:TaxRepresentativeParty", |p| {
        normalized_filled(p, "cac:PartyName/cbc:Name")
    });
}

fn br_18_ro(d: &Doc<'_, '_>, hits: &mut Hits) {
    each(d, hits, "cac:TaxRepresentativeParty", |p| {
        some_filled(p, "cac:PartyName/cbc:Name")
    });
}

fn br_19(d: &Doc<'_, '_>, hits: &mut Hits) {
    each(d, hits, "cac:TaxRepresentativeParty", |p| {
        exists(p, "cac:PostalAddress")
    });
}

fn br_20(d: &Doc<'_, '_>, hits: &mut Hits) {
    each(d, hits, REPRESENTATIVE_ADDRESS, |a| {
        normalized_filled(a, COUNTRY)
    });
}

fn br_20_ro(d: &Doc<'_, '_>, hits: &mut Hits) {
    each(d, hits, REPRESENTATIVE_ADDRESS, |a| some_filled(a, COUNTRY));
}

/// `exists(cac:PartyTaxScheme[cac:TaxScheme/(normalize-space(upper-case(cbc:ID)) = 'VAT')]
/// /cbc:CompanyID)`, evaluated in document order: a scheme with two tax schemes raises an error
/// unless an earlier one already answered.
fn br_56(d: &Doc<'_, '_>, hits: &mut Hits) {
    each(d, hits, "cac:TaxRepresentativeParty", |p| {
        for scheme in p.children_named("cac:PartyTaxScheme") {
            match vat_scheme_ebv(scheme) {
                Err(_) => return false,
                Ok(true) if scheme.child("cbc:CompanyID").is_some() => return true,
                Ok(_) => {}
            }
        }
        false
    });
}

fn br_57(d: &Doc<'_, '_>, hits: &mut Hits) {
    each(
        d,
        hits,
        "cac:Delivery/cac:DeliveryLocation/cac:Address",
        |a| exists(a, COUNTRY),
    );
}

fn br_62(d: &Doc<'_, '_>, hits: &mut Hits) {
    each(
        d,
        hits,
        "cac:AccountingSupplierParty/cac:Party/cbc:EndpointID",
        |e| e.attribute("schemeID").is_some(),
    );
}

fn br_63(d: &Doc<'_, '_>, hits: &mut Hits) {
    each(
        d,
        hits,
        "cac:AccountingCustomerParty/cac:Party/cbc:EndpointID",
        |e| e.attribute("schemeID").is_some(),
    );
}
