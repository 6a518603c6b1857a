//! The data type rules `UBL-DT-*`: amounts with at most two decimals, attachments with a MIME
//! code and a file name, and attributes EN 16931 does not use (warnings). The same in both
//! artefacts.

use roxmltree::Node;
use ubl::xml::UblNode;

use crate::doc::{Doc, decimals};
use crate::finding::Severity::{Fatal, Warning};
use crate::registry::{Check, Hits, Rule, Sets};

pub(super) const RULES: &[Rule] = &[
    Rule {
        id: "UBL-DT-01",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &[],
        en: "Amounts shall be decimal up to two fraction digits",
        ro: "Sumele trebuie să fie numere zecimale cu cel mult două zecimale",
        check: ubl_dt_01,
    },
    Rule {
        id: "UBL-DT-06",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &[],
        en: "Binary object elements shall contain the mime code attribute",
        ro: "Elementele de tip obiect binar trebuie să aibă atributul mimeCode (tipul MIME)",
        check: ubl_dt_06,
    },
    Rule {
        id: "UBL-DT-07",
        severity: Fatal,
        sets: Sets::BOTH,
        terms: &[],
        en: "Binary object elements shall contain the file name attribute",
        ro: "Elementele de tip obiect binar trebuie să aibă atributul filename (numele fișierului)",
        check: ubl_dt_07,
    },
    unused(
        "UBL-DT-08",
        "Scheme name attribute should not be present",
        "Atributul schemeName nu ar trebui să fie prezent",
        ubl_dt_08,
    ),
    unused(
        "UBL-DT-09",
        "Scheme agency name attribute should not be present",
        "Atributul schemeAgencyName nu ar trebui să fie prezent",
        ubl_dt_09,
    ),
    unused(
        "UBL-DT-10",
        "Scheme data uri attribute should not be present",
        "Atributul schemeDataURI nu ar trebui să fie prezent",
        ubl_dt_10,
    ),
    unused(
        "UBL-DT-11",
        "Scheme uri attribute should not be present",
        "Atributul schemeURI nu ar trebui să fie prezent",
        ubl_dt_11,
    ),
    unused(
        "UBL-DT-12",
        "Format attribute should not be present",
        "Atributul format nu ar trebui să fie prezent",
        ubl_dt_12,
    ),
    unused(
        "UBL-DT-13",
        "Unit code list identifier attribute should not be present",
        "Atributul unitCodeListIdentifier nu ar trebui să fie prezent",
        ubl_dt_13,
    ),
    unused(
        "UBL-DT-14",
        "Unit code list agency identifier attribute should not be present",
        "Atributul unitCodeListAgencyIdentifier nu ar trebui să fie prezent",
        ubl_dt_14,
    ),
    unused(
        "UBL-DT-15",
        "Unit code list agency name attribute should not be present",
        "Atributul unitCodeListAgencyName nu ar trebui să fie prezent",
        ubl_dt_15,
    ),
    unused(
        "UBL-DT-16",
        "List agency name attribute should not be present",
        "Atributul listAgencyName nu ar trebui să fie prezent",
        ubl_dt_16,
    ),
    unused(
        "UBL-DT-17",
        "List name attribute should not be present",
        "Atributul listName nu ar trebui să fie prezent",
        ubl_dt_17,
    ),
    unused(
        "UBL-DT-18",
        "Name attribute should not be present",
        "Atributul name nu ar trebui să fie prezent (decât pe codul mijlocului de plată)",
        ubl_dt_18,
    ),
    unused(
        "UBL-DT-19",
        "Language identifier attribute should not be present",
        "Atributul languageID nu ar trebui să fie prezent",
        ubl_dt_19,
    ),
    unused(
        "UBL-DT-20",
        "List uri attribute should not be present",
        "Atributul listURI nu ar trebui să fie prezent",
        ubl_dt_20,
    ),
    unused(
        "UBL-DT-21",
        "List scheme uri attribute should not be present",
        "Atributul listSchemeURI nu ar trebui să fie prezent",
        ubl_dt_21,
    ),
    unused(
        "UBL-DT-22",
        "Language local identifier attribute should not be present",
        "Atributul languageLocaleID nu ar trebui să fie prezent",
        ubl_dt_22,
    ),
    unused(
        "UBL-DT-23",
        "Uri attribute should not be present",
        "Atributul uri nu ar trebui să fie prezent",
        ubl_dt_23,
    ),
    unused(
        "UBL-DT-24",
        "Currency code list version id should not be present",
        "Atributul currencyCodeListVersionID nu ar trebui să fie prezent",
        ubl_dt_24,
    ),
    unused(
        "UBL-DT-25",
        "CharacterSetCode attribute should not be present",
        "Atributul characterSetCode nu ar trebui să fie prezent",
        ubl_dt_25,
    ),
    unused(
        "UBL-DT-26",
        "EncodingCode attribute should not be present",
        "Atributul encodingCode nu ar trebui să fie prezent",
        ubl_dt_26,
    ),
    unused(
        "UBL-DT-27",
        "Scheme Agency ID attribute should not be present",
        "Atributul schemeAgencyID nu ar trebui să fie prezent",
        ubl_dt_27,
    ),
    unused(
        "UBL-DT-28",
        "List Agency ID attribute should not be present",
        "Atributul listAgencyID nu ar trebui să fie prezent",
        ubl_dt_28,
    ),
];

/// A warning of the document context: an attribute EN 16931 does not use is present.
const fn unused(id: &'static str, en: &'static str, ro: &'static str, check: Check) -> Rule {
    Rule {
        id,
        severity: Warning,
        sets: Sets::BOTH,
        terms: &[],
        en,
        ro,
        check,
    }
}

/// The context of UBL-DT-01: any element whose name ends in `Amount` but not `PriceAmount`,
/// unless an ancestor is a `cac:Price` with a `cac:AllowanceCharge` (the price discount's
/// amounts may have more decimals).
fn is_amount(n: Node<'_, '_>) -> bool {
    let name = n.tag_name().name();
    n.is_element()
        && name.ends_with("Amount")
        && !name.ends_with("PriceAmount")
        && !n
            .ancestors()
            .skip(1)
            .any(|a| a.is("cac:Price") && a.child("cac:AllowanceCharge").is_some())
}

fn ubl_dt_01(d: &Doc<'_, '_>, hits: &mut Hits) {
    for n in d.root.descendants().filter(|n| is_amount(*n)) {
        hits.check(d, n, decimals(&n.string_value()) > 2);
    }
}

/// The elements whose name ends in `BinaryObject`.
fn binary_objects<'a, 'i>(d: &Doc<'a, 'i>) -> impl Iterator<Item = Node<'a, 'i>> {
    d.root
        .descendants()
        .filter(|n| n.is_element() && n.tag_name().name().ends_with("BinaryObject"))
}

fn ubl_dt_06(d: &Doc<'_, '_>, hits: &mut Hits) {
    for n in binary_objects(d) {
        hits.check(d, n, n.attribute("mimeCode").is_none());
    }
}

fn ubl_dt_07(d: &Doc<'_, '_>, hits: &mut Hits) {
    for n in binary_objects(d) {
        hits.check(d, n, n.attribute("filename").is_none());
    }
}

/// Fails on the document when any element carries the attribute `name` (`not(//@name)`).
fn absent(d: &Doc<'_, '_>, hits: &mut Hits, name: &str) {
    let present = d.root.descendants().any(|n| n.attribute(name).is_some());
    hits.check(d, d.root, present);
}

fn ubl_dt_08(d: &Doc<'_, '_>, hits: &mut Hits) {
    absent(d, hits, "schemeName");
}

fn ubl_dt_09(d: &Doc<'_, '_>, hits: &mut Hits) {
    absent(d, hits, "schemeAgencyName");
}

fn ubl_dt_10(d: &Doc<'_, '_>, hits: &mut Hits) {
    absent(d, hits, "schemeDataURI");
}

fn ubl_dt_11(d: &Doc<'_, '_>, hits: &mut Hits) {
    absent(d, hits, "schemeURI");
}

fn ubl_dt_12(d: &Doc<'_, '_>, hits: &mut Hits) {
    absent(d, hits, "format");
}

fn ubl_dt_13(d: &Doc<'_, '_>, hits: &mut Hits) {
    absent(d, hits, "unitCodeListIdentifier");
}

fn ubl_dt_14(d: &Doc<'_, '_>, hits: &mut Hits) {
    absent(d, hits, "unitCodeListAgencyIdentifier");
}

fn ubl_dt_15(d: &Doc<'_, '_>, hits: &mut Hits) {
    absent(d, hits, "unitCodeListAgencyName");
}

fn ubl_dt_16(d: &Doc<'_, '_>, hits: &mut Hits) {
    absent(d, hits, "listAgencyName");
}

fn ubl_dt_17(d: &Doc<'_, '_>, hits: &mut Hits) {
    absent(d, hits, "listName");
}

/// `count(//@name) - count(//cbc:PaymentMeansCode/@name) <= 0`: only a payment means code may
/// carry a `name` (the payment means text, BT-82).
fn ubl_dt_18(d: &Doc<'_, '_>, hits: &mut Hits) {
    let present = d
        .root
        .descendants()
        .any(|n| n.attribute("name").is_some() && !n.is("cbc:PaymentMeansCode"));
    hits.check(d, d.root, present);
}

fn ubl_dt_19(d: &Doc<'_, '_>, hits: &mut Hits) {
    absent(d, hits, "languageID");
}

fn ubl_dt_20(d: &Doc<'_, '_>, hits: &mut Hits) {
    absent(d, hits, "listURI");
}

fn ubl_dt_21(d: &Doc<'_, '_>, hits: &mut Hits) {
    absent(d, hits, "listSchemeURI");
}

fn ubl_dt_22(d: &Doc<'_, '_>, hits: &mut Hits) {
    absent(d, hits, "languageLocaleID");
}

fn ubl_dt_23(d: &Doc<'_, '_>, hits: &mut Hits) {
    absent(d, hits, "uri");
}

fn ubl_dt_24(d: &Doc<'_, '_>, hits: &mut Hits) {
    absent(d, hits, "currencyCodeListVersionID");
}

fn ubl_dt_25(d: &Doc<'_, '_>, hits: &mut Hits) {
    absent(d, hits, "characterSetCode");
}

fn ubl_dt_26(d: &Doc<'_, '_>, hits: &mut Hits) {
    absent(d, hits, "encodingCode");
}

fn ubl_dt_27(d: &Doc<'_, '_>, hits: &mut Hits) {
    absent(d, hits, "schemeAgencyID");
}

fn ubl_dt_28(d: &Doc<'_, '_>, hits: &mut Hits) {
    absent(d, hits, "listAgencyID");
}
