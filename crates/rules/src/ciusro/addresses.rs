//! The address rules: the seller's, buyer's, tax representative's and delivery addresses
//! need a street (line 1) and a city; in Romania the county is its ISO 3166-2:RO code
//! (`RO-CJ`; `RO-B` for Bucharest) and a Bucharest city is its sector, `SECTOR1`…`SECTOR6`.
//!
//! The county codes and sectors are those of `einvoice::codes`, the same 42 codes and six
//! sectors as ANAF's lists (a test below holds them to ANAF's).

use einvoice::codes::{ro_counties, sector_city_code};
use roxmltree::Node;

use crate::doc::{Doc, path_all};
use crate::finding::Severity::Fatal;
use crate::registry::{Hits, Rule, Sets};

use super::{filled, normalized};

const SELLER: &str = "cac:AccountingSupplierParty/cac:Party/cac:PostalAddress/";
const BUYER: &str = "cac:AccountingCustomerParty/cac:Party/cac:PostalAddress/";

/// Builds an address rule entry.
macro_rules! rule {
    ($id:literal, [$($term:literal),*], $check:ident, $en:literal, $ro:literal) => {
        Rule {
            id: $id,
            severity: Fatal,
            sets: Sets::RO,
            terms: &[$($term),*],
            en: $en,
            ro: $ro,
            check: $check,
        }
    };
}

pub(super) const RULES: &[Rule] = &[
    rule!(
        "BR-RO-081",
        ["BT-35"],
        br_ro_081,
        "Seller address line 1 (BT-35) must be provided.",
        "Adresa Vânzătorului - Linia 1 (BT-35) trebuie furnizată."
    ),
    rule!(
        "BR-RO-082",
        ["BT-50"],
        br_ro_082,
        "Buyer address line 1 (BT-50) must be provided.",
        "Adresa Cumpărătorului - Linia 1 (BT-50) trebuie furnizată."
    ),
    rule!(
        "BR-RO-091",
        ["BT-37"],
        br_ro_091,
        "Seller city (BT-37) must be provided.",
        "Localitatea Vânzătorului (BT-37) trebuie furnizată."
    ),
    rule!(
        "BR-RO-092",
        ["BT-52"],
        br_ro_092,
        "Buyer city (BT-52) must be provided.",
        "Localitatea Cumpărătorului (BT-52) trebuie furnizată."
    ),
    rule!(
        "BR-RO-100",
        ["BT-37", "BT-39", "BT-40"],
        br_ro_100,
        "If the Seller's country Code (BT-40) is RO and the Seller's country subdivision (BT-39) \
         is RO-B (corresponding to Bucharest Municipality), then the Seller city (BT-37) must be \
         coded using the code list SECTOR-RO (SECTOR1, SECTOR2, SECTOR3, SECTOR4, SECTOR5, \
         SECTOR6).",
        "Dacă Codul țării Vânzătorului (BT-40) este RO și Subdiviziunea țării Vânzătorului \
         (BT-39) este RO-B (Municipiul București), atunci Localitatea Vânzătorului (BT-37) \
         trebuie să fie sectorul, codificat din lista SECTOR-RO: SECTOR1, SECTOR2, SECTOR3, \
         SECTOR4, SECTOR5 sau SECTOR6."
    ),
    rule!(
        "BR-RO-101",
        ["BT-52", "BT-54", "BT-55"],
        br_ro_101,
        "If the Buyer's country Code (BT-55) is RO and the Buyer's country subdivision (BT-54) \
         is RO-B (corresponding to Bucharest Municipality), then the Buyer city (BT-52) must be \
         coded using the code list SECTOR-RO (SECTOR1, SECTOR2, SECTOR3, SECTOR4, SECTOR5, \
         SECTOR6).",
        "Dacă Codul țării Cumpărătorului (BT-55) este RO și Subdiviziunea țării Cumpărătorului \
         (BT-54) este RO-B (Municipiul București), atunci Localitatea Cumpărătorului (BT-52) \
         trebuie să fie sectorul, codificat din lista SECTOR-RO: SECTOR1, SECTOR2, SECTOR3, \
         SECTOR4, SECTOR5 sau SECTOR6."
    ),
    rule!(
        "BR-RO-110",
        ["BT-39", "BT-40"],
        br_ro_110,
        "If the Seller's country Code (BT-40) is RO, then the Seller's country subdivision \
         (BT-39) must be coded using the ISO 3166-2:RO code list (ex. \"RO-B\" for Bucharest, \
         \"RO-AB\" for Alba County...).",
        "Dacă Codul țării Vânzătorului (BT-40) este RO, atunci Subdiviziunea țării Vânzătorului \
         (BT-39) trebuie să fie codul județului din lista ISO 3166-2:RO (de exemplu „RO-B” \
         pentru Municipiul București, „RO-AB” pentru județul Alba)."
    ),
    rule!(
        "BR-RO-111",
        ["BT-54", "BT-55"],
        br_ro_111,
        "If the Buyer's country Code (BT-55) is RO, then the Buyer's country subdivision (BT-54) \
         must be coded using the ISO 3166-2:RO code list (ex. \"RO-B\" for Bucharest, \"RO-AB\" \
         for Alba County...).",
        "Dacă Codul țării Cumpărătorului (BT-55) este RO, atunci Subdiviziunea țării \
         Cumpărătorului (BT-54) trebuie să fie codul județului din lista ISO 3166-2:RO (de \
         exemplu „RO-B” pentru Municipiul București, „RO-AB” pentru județul Alba)."
    ),
    rule!(
        "BR-RO-140",
        ["BG-4", "BG-11", "BG-12", "BT-64"],
        br_ro_140,
        "Tax representative address line 1 (BT-64) must be provided, if the Seller (BG-4) has a \
         Seller tax representative party (BG-11).",
        "Adresa poștală a reprezentantului fiscal al Vânzătorului (BG-12) trebuie să conțină \
         Linia 1 (BT-64), dacă Vânzătorul (BG-4) are un reprezentant fiscal (BG-11)."
    ),
    rule!(
        "BR-RO-150",
        ["BG-4", "BG-11", "BG-12", "BT-66"],
        br_ro_150,
        "Tax representative city (BT-66) must be provided, if the Seller (BG-4) has a Seller tax \
         representative party (BG-11).",
        "Adresa poștală a reprezentantului fiscal al Vânzătorului (BG-12) trebuie să conțină \
         Localitatea reprezentantului fiscal (BT-66), dacă Vânzătorul (BG-4) are un \
         reprezentant fiscal (BG-11)."
    ),
    rule!(
        "BR-RO-160",
        ["BT-66", "BT-68", "BT-69"],
        br_ro_160,
        "If the Tax representative country code (BT-69) is RO and the Tax representative \
         country subdivision (BT-68) is RO-B (corresponding to Bucharest Municipality), then the \
         Tax representative city (BT-66) must be coded using the code list SECTOR-RO (SECTOR1, \
         SECTOR2, SECTOR3, SECTOR4, SECTOR5, SECTOR6).",
        "Dacă Codul țării reprezentantului fiscal al Vânzătorului (BT-69) este RO și \
         Subdiviziunea țării reprezentantului fiscal (BT-68) este RO-B (Municipiul București), \
         atunci Localitatea reprezentantului fiscal (BT-66) trebuie să fie sectorul, codificat \
         din lista SECTOR-RO: SECTOR1, SECTOR2, SECTOR3, SECTOR4, SECTOR5 sau SECTOR6."
    ),
    rule!(
        "BR-RO-170",
        ["BT-68", "BT-69"],
        br_ro_170,
        "If the Seller's tax representative country code (BT-69) is RO, then the Seller's tax \
         representative country subdivision (BT-68) must be coded using the ISO 3166-2:RO code \
         list (ex. RO-B for Bucharest, RO-AB for Alba County...).",
        "Dacă Codul țării reprezentantului fiscal al Vânzătorului (BT-69) este RO, atunci \
         Subdiviziunea țării reprezentantului fiscal (BT-68) trebuie să fie codul județului din \
         lista ISO 3166-2:RO (de exemplu „RO-B” pentru Municipiul București, „RO-AB” pentru \
         județul Alba)."
    ),
    rule!(
        "BR-RO-180",
        ["BG-15", "BT-75"],
        br_ro_180,
        "If the Deliver to address (BG-15) exists, the Deliver to address line 1 (BT-75) must \
         exist.",
        "Dacă Adresa de livrare (BG-15) există, trebuie furnizată Adresa de livrare — Linia 1 \
         (BT-75)."
    ),
    rule!(
        "BR-RO-201",
        ["BG-15", "BT-77"],
        br_ro_201,
        "If the Deliver to address (BG-15) exists, the Deliver to city (BT-77) must exist.",
        "Dacă Adresa de livrare (BG-15) există, trebuie furnizată Localitatea de livrare \
         (BT-77)."
    ),
    rule!(
        "BR-RO-202",
        ["BT-77", "BT-79", "BT-80"],
        br_ro_202,
        "If the Deliver to country code (BT-80) is RO and the Deliver to country subdivision \
         (BT-79) is \"RO-B\" (corresponding to Bucharest Municipality), then the Deliver to city \
         (BT-77) must be coded using the code list SECTOR-RO (SECTOR1, SECTOR2, SECTOR3, \
         SECTOR4, SECTOR5, SECTOR6).",
        "Dacă Codul țării de livrare (BT-80) este RO și Subdiviziunea țării de livrare (BT-79) \
         este „RO-B” (Municipiul București), atunci Localitatea de livrare (BT-77) trebuie să \
         fie sectorul, codificat din lista SECTOR-RO: SECTOR1, SECTOR2, SECTOR3, SECTOR4, \
         SECTOR5 sau SECTOR6."
    ),
    rule!(
        "BR-RO-211",
        ["BG-15", "BT-79"],
        br_ro_211,
        "If the Deliver to address (BG-15) exists, the Deliver to country subdivision (BT-79) \
         must exist.",
        "Dacă Adresa de livrare (BG-15) există, trebuie furnizată Subdiviziunea țării de \
         livrare (BT-79)."
    ),
    rule!(
        "BR-RO-212",
        ["BT-79", "BT-80"],
        br_ro_212,
        "If the Deliver to country code (BT-80) is \"RO\", then the Deliver to country \
         subdivision (BT-79) must be coded using the ISO 3166-2:RO code list (ex. \"RO-B\" for \
         Bucharest, \"RO-AB\" for Alba County...).",
        "Dacă Codul țării de livrare (BT-80) este „RO”, atunci Subdiviziunea țării de livrare \
         (BT-79) trebuie să fie codul județului din lista ISO 3166-2:RO (de exemplu „RO-B” \
         pentru Municipiul București, „RO-AB” pentru județul Alba)."
    ),
];

/// `normalize-space(country) = 'RO'` for the address at `address` (a path prefix ending in
/// `/`, or `""` for `from` itself). `None` is an error (a field given twice), which fails the
/// rule.
fn in_romania(from: Node<'_, '_>, address: &str) -> Option<bool> {
    normalized(
        from,
        &format!("{address}cac:Country/cbc:IdentificationCode"),
    )
    .map(|c| c == "RO")
}

/// BR-RO-100 and the like (a report): in Romania, in Bucharest (`RO-B`), and the city is not a
/// sector code. Evaluated left to right, as XPath's `and` is.
fn bucharest_without_sector(from: Node<'_, '_>, address: &str) -> bool {
    let field = |name: &str| normalized(from, &format!("{address}{name}"));
    let Some(true) = in_romania(from, address) else {
        return in_romania(from, address).is_none();
    };
    match field("cbc:CountrySubentity").as_deref() {
        None => true,
        Some("RO-B") => field("cbc:CityName").is_none_or(|city| !is_sector(&city)),
        Some(_) => false,
    }
}

/// BR-RO-110 and the like (a report): in Romania, and the county is not an ISO 3166-2:RO code.
fn county_not_coded(from: Node<'_, '_>, address: &str) -> bool {
    let Some(true) = in_romania(from, address) else {
        return in_romania(from, address).is_none();
    };
    normalized(from, &format!("{address}cbc:CountrySubentity")).is_none_or(|c| !is_county(&c))
}

/// `RO-AB` … `RO-VS`, `RO-B`: exactly, as ANAF compares.
fn is_county(code: &str) -> bool {
    ro_counties().iter().any(|c| c.iso == code)
}

/// `SECTOR1` … `SECTOR6`, exactly.
fn is_sector(city: &str) -> bool {
    (1..=6).filter_map(sector_city_code).any(|s| s == city)
}

fn br_ro_081(d: &Doc<'_, '_>, hits: &mut Hits) {
    let ok = filled(d.root, &format!("{SELLER}cbc:StreetName"));
    hits.check(d, d.root, !ok);
}

fn br_ro_082(d: &Doc<'_, '_>, hits: &mut Hits) {
    let ok = filled(d.root, &format!("{BUYER}cbc:StreetName"));
    hits.check(d, d.root, !ok);
}

fn br_ro_091(d: &Doc<'_, '_>, hits: &mut Hits) {
    let ok = filled(d.root, &format!("{SELLER}cbc:CityName"));
    hits.check(d, d.root, !ok);
}

fn br_ro_092(d: &Doc<'_, '_>, hits: &mut Hits) {
    let ok = filled(d.root, &format!("{BUYER}cbc:CityName"));
    hits.check(d, d.root, !ok);
}

fn br_ro_100(d: &Doc<'_, '_>, hits: &mut Hits) {
    hits.check(d, d.root, bucharest_without_sector(d.root, SELLER));
}

fn br_ro_101(d: &Doc<'_, '_>, hits: &mut Hits) {
    hits.check(d, d.root, bucharest_without_sector(d.root, BUYER));
}

fn br_ro_110(d: &Doc<'_, '_>, hits: &mut Hits) {
    hits.check(d, d.root, county_not_coded(d.root, SELLER));
}

fn br_ro_111(d: &Doc<'_, '_>, hits: &mut Hits) {
    hits.check(d, d.root, county_not_coded(d.root, BUYER));
}

/// The addresses under `/ubl:Invoice/path`: ANAF's contexts name `/ubl:CreditNote/…` for
/// credit notes, an element no credit note has, so these rules only run on invoices.
fn invoice_addresses<'a, 'i>(d: &Doc<'a, 'i>, path: &str) -> Vec<Node<'a, 'i>> {
    if d.is_credit_note {
        Vec::new()
    } else {
        path_all(d.root, path)
    }
}

/// Fails on every address at `path` (invoices only) where `failed` holds.
fn each_address(
    d: &Doc<'_, '_>,
    hits: &mut Hits,
    path: &str,
    failed: impl Fn(Node<'_, '_>) -> bool,
) {
    for address in invoice_addresses(d, path) {
        hits.check(d, address, failed(address));
    }
}

const TAX_REPRESENTATIVE: &str = "cac:TaxRepresentativeParty/cac:PostalAddress";
const DELIVERY: &str = "cac:Delivery/cac:DeliveryLocation/cac:Address";

fn br_ro_140(d: &Doc<'_, '_>, hits: &mut Hits) {
    each_address(d, hits, TAX_REPRESENTATIVE, |a| {
        !filled(a, "cbc:StreetName")
    });
}

fn br_ro_150(d: &Doc<'_, '_>, hits: &mut Hits) {
    each_address(d, hits, TAX_REPRESENTATIVE, |a| !filled(a, "cbc:CityName"));
}

fn br_ro_160(d: &Doc<'_, '_>, hits: &mut Hits) {
    each_address(d, hits, TAX_REPRESENTATIVE, |a| {
        bucharest_without_sector(a, "")
    });
}

fn br_ro_170(d: &Doc<'_, '_>, hits: &mut Hits) {
    each_address(d, hits, TAX_REPRESENTATIVE, |a| county_not_coded(a, ""));
}

fn br_ro_180(d: &Doc<'_, '_>, hits: &mut Hits) {
    each_address(d, hits, DELIVERY, |a| !filled(a, "cbc:StreetName"));
}

fn br_ro_201(d: &Doc<'_, '_>, hits: &mut Hits) {
    each_address(d, hits, DELIVERY, |a| !filled(a, "cbc:CityName"));
}

fn br_ro_202(d: &Doc<'_, '_>, hits: &mut Hits) {
    each_address(d, hits, DELIVERY, |a| bucharest_without_sector(a, ""));
}

fn br_ro_211(d: &Doc<'_, '_>, hits: &mut Hits) {
    each_address(d, hits, DELIVERY, |a| !filled(a, "cbc:CountrySubentity"));
}

fn br_ro_212(d: &Doc<'_, '_>, hits: &mut Hits) {
    each_address(d, hits, DELIVERY, |a| county_not_coded(a, ""));
}

#[cfg(test)]
mod tests {
    use super::*;

    /// ANAF's `ISO-3166-RO-CODES` and `SECTOR-RO-CODES`, as RO16931 1.0.9 lists them.
    const ANAF_COUNTIES: [&str; 42] = [
        "RO-AB", "RO-AG", "RO-AR", "RO-B", "RO-BC", "RO-BH", "RO-BN", "RO-BR", "RO-BT", "RO-BV",
        "RO-BZ", "RO-CJ", "RO-CL", "RO-CS", "RO-CT", "RO-CV", "RO-DB", "RO-DJ", "RO-GJ", "RO-GL",
        "RO-GR", "RO-HD", "RO-HR", "RO-IF", "RO-IL", "RO-IS", "RO-MH", "RO-MM", "RO-MS", "RO-NT",
        "RO-OT", "RO-PH", "RO-SB", "RO-SJ", "RO-SM", "RO-SV", "RO-TL", "RO-TM", "RO-TR", "RO-VL",
        "RO-VN", "RO-VS",
    ];

    #[test]
    fn counties_and_sectors_are_anafs() {
        let mut ours: Vec<&str> = ro_counties().iter().map(|c| c.iso).collect();
        ours.sort_unstable();
        let mut anaf = ANAF_COUNTIES.to_vec();
        anaf.sort_unstable();
        assert_eq!(ours, anaf);
        let sectors: Vec<&str> = (0..=7).filter_map(sector_city_code).collect();
        assert_eq!(
            sectors,
            [
                "SECTOR1", "SECTOR2", "SECTOR3", "SECTOR4", "SECTOR5", "SECTOR6"
            ]
        );
        assert!(!is_county("ro-cj") && !is_county("CJ") && is_county("RO-CJ"));
        assert!(!is_sector("Sector 1") && is_sector("SECTOR1"));
    }
}
